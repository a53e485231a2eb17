package gctune

import (
	"runtime/debug"
	"testing"
)

// TestApply checks that Apply sets both knobs, and leaves alone the one an environment variable chose
// (the runtime read that at start; here the value in place stands for it).
func TestApply(t *testing.T) {
	const keptPercent, keptLimit = 123, 1 << 30
	cases := []struct {
		name, gogc, memlimit string
		wantPercent          int
		wantLimit            int64
	}{
		{"defaults", "", "", Percent, Limit},
		{"GOGC chosen", "123", "", keptPercent, Limit},
		{"GOMEMLIMIT chosen", "", "1GiB", Percent, keptLimit},
	}
	oldPercent, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(oldLimit)
	defer debug.SetGCPercent(oldPercent)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOGC", c.gogc)
			t.Setenv("GOMEMLIMIT", c.memlimit)
			debug.SetGCPercent(keptPercent)
			debug.SetMemoryLimit(keptLimit)
			Apply()
			if got := debug.SetGCPercent(keptPercent); got != c.wantPercent {
				t.Errorf("GC percent %d, want %d", got, c.wantPercent)
			}
			if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
				t.Errorf("memory limit %d, want %d", got, c.wantLimit)
			}
		})
	}
}
