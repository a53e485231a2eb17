package dovecottest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clockTicks is Linux's unit for the times in /proc/PID/stat (USER_HZ, 100 on every Linux ABI).
const clockTicks = 100

// CPU returns the processor time Dovecot has used so far: every process of its master's group (the
// master runs in its own session, and every process it starts stays in the group) plus the children the
// master has reaped. Benchmarks read it before and after a client's run to see what that client cost the
// server. It is 0 where /proc or the master's pid file is missing (a stopped server). A process that
// ends and is reaped while CPU reads /proc may be missed: a few milliseconds, next to a sync's second.
func (s *Server) CPU() time.Duration {
	master, ok := s.masterPID()
	if !ok {
		return 0
	}
	var ticks int64
	for _, st := range processes() {
		if st.pgrp != master {
			continue
		}
		ticks += st.utime + st.stime
		if st.pid == master {
			ticks += st.cutime + st.cstime
		}
	}
	return time.Duration(ticks) * time.Second / clockTicks
}

// masterPID reads the pid of Dovecot's master process from its pid file.
func (s *Server) masterPID() (int, bool) {
	b, err := os.ReadFile(filepath.Join(s.dir, "run", "master.pid"))
	if err != nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	return n, err == nil
}

// procStat is what the package reads of /proc/PID/stat.
type procStat struct {
	pid, pgrp                    int
	state                        string
	utime, stime, cutime, cstime int64
}

// processes reads every process's stat (none where /proc is missing).
func processes() []procStat {
	entries, _ := os.ReadDir("/proc")
	var out []procStat
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil {
			if st, ok := statOf(pid); ok {
				out = append(out, st)
			}
		}
	}
	return out
}

// statOf reads /proc/pid/stat: after the command name in parentheses come state, ppid, pgrp, and from the
// 14th field on utime, stime, cutime and cstime.
func statOf(pid int) (procStat, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStat{}, false
	}
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return procStat{}, false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 15 {
		return procStat{}, false
	}
	num := func(k int) int64 {
		v, _ := strconv.ParseInt(f[k], 10, 64)
		return v
	}
	// f[0] is field 3 (state), so field N is f[N-3]
	return procStat{pid: pid, pgrp: int(num(2)), state: f[0], utime: num(11), stime: num(12), cutime: num(13),
		cstime: num(14)}, true
}
