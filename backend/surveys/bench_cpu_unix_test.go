//go:build unix

package surveys

import "syscall"

// cpuSeconds is the process's user and system CPU time so far: a figure that a busy machine does not
// inflate the way wall time is.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
