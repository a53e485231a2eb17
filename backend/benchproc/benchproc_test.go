package benchproc

import (
	"runtime"
	"testing"
)

func TestFigures(t *testing.T) {
	ResetPeak()
	before := PeakMB()
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	runtime.KeepAlive(buf)
	if after := PeakMB(); after <= 0 || after < before {
		t.Fatalf("peak %v MB after touching 64 MB, %v before", after, before)
	}
	start := CPUTime()
	for i := 0; i < 1e7; i++ {
		buf[i%len(buf)]++
	}
	if runtime.GOOS == "linux" && CPUTime() <= start {
		t.Fatalf("CPU time did not grow: %v then %v", start, CPUTime())
	}
}
