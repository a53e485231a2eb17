//go:build linux

package exports

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) this process has used: a measure that, unlike wall time,
// does not grow when other programs keep the machine busy.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
