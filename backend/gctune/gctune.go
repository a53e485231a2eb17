// Package gctune sets Go's garbage collector for Staffdesk's work, once, from main.
//
// A first sync or an import allocates fast (mail bodies, parsed text, statement arguments) while its live
// heap stays small (the batches in flight). With Go's default (GOGC=100) it then collects every few
// tens of megabytes, and on a two-core laptop the collector's workers take CPU from the writer that
// the whole sync waits on. Collecting when the heap has grown by Percent instead cuts that, and the
// soft Limit keeps a large live heap from growing the process past it: near the limit Go collects as
// often as it must.
package gctune

import (
	"os"
	"runtime/debug"
)

// Percent is the heap growth, over the live heap, that starts a collection (GOGC).
const Percent = 400

// Limit is the soft memory limit (GOMEMLIMIT), in bytes, of the Go runtime's memory.
const Limit = 128 << 20

// Apply sets Percent and Limit, except where the GOGC or GOMEMLIMIT environment variable chooses.
func Apply() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(Limit)
	}
}
