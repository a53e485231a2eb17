// Package benchproc measures the benchmarks' process figures the same way in every area: peak resident
// memory since a reset, and CPU time (which a busy shared machine does not inflate the way wall time is).
package benchproc

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

// ResetPeak collects garbage, returns freed memory to the OS and resets the kernel's peak resident size
// (VmHWM, Linux), so PeakMB measures from now.
func ResetPeak() {
	runtime.GC()
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// PeakMB is the process's peak resident memory in MB since ResetPeak (Linux), or the memory the Go runtime
// obtained from the OS elsewhere.
func PeakMB() float64 {
	if body, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(body), "\n") {
			if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
				return kb / 1024
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.Sys) / (1 << 20)
}
