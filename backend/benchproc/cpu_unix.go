//go:build unix

package benchproc

import (
	"syscall"
	"time"
)

// CPUTime is the user plus system CPU time the process has used, or 0 when it cannot be read.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
