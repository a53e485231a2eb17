//go:build !linux

package exports

import "time"

// cpuTime is not measured here; the benchmark then reports wall times only.
func cpuTime() time.Duration { return 0 }
