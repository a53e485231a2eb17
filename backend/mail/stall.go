package mail

import (
	"net"
	"sync/atomic"
	"time"
)

// StallTimeout is how long the server may leave a command unanswered before its connection is dropped
// as dead. A server stuck on a lock, or a half-open connection after a laptop changed networks, would
// otherwise hold a sync, and every sync after it, forever: go-imap's own read timeout only starts once a
// response has begun.
const StallTimeout = 2 * time.Minute

// watchedConn is a connection that records since when a read has been waiting for the server.
type watchedConn struct {
	net.Conn
	waiting atomic.Int64 // Unix nanoseconds when the pending read began; 0 when none is pending
}

// Read reads from the connection, marking the time spent waiting for the server.
func (c *watchedConn) Read(p []byte) (int, error) {
	c.waiting.Store(time.Now().UnixNano())
	n, err := c.Conn.Read(p)
	c.waiting.Store(0)
	return n, err
}

// watch closes the connection through drop when a read waits longer than limit for the server, counting
// from the call at the earliest: silence before it (an idle connection between requests) does not
// count, nor does time the reader spends not reading. The returned stop ends the watch and reports
// whether it dropped the connection.
func (c *watchedConn) watch(limit time.Duration, drop func()) (stop func() bool) {
	start := time.Now().UnixNano()
	done := make(chan struct{})
	var fired atomic.Bool
	go func() {
		tick := time.NewTicker(max(limit/8, time.Millisecond))
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if since := c.waiting.Load(); since != 0 && time.Since(time.Unix(0, max(since, start))) >= limit {
					fired.Store(true)
					drop()
					return
				}
			}
		}
	}()
	return func() bool {
		close(done)
		return fired.Load()
	}
}
