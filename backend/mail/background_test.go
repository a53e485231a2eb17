package mail

import (
	"sync"
	"testing"
	"time"

	"staffdesk/backend/mail/dovecottest"
)

type recordedEvents struct {
	mu     sync.Mutex
	counts map[string]int
}

func (r *recordedEvents) Emit(name string, _ any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.counts[name]++
}

func (r *recordedEvents) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.counts[name]
}

func TestIdlePushesNewMailAndStopEnds(t *testing.T) {
	srv := dovecottest.Start(t)
	srv.Seed("INBOX", mails(1, 600))
	c := newClient(t, srv)
	ev := &recordedEvents{counts: map[string]int{}}
	c.svc.ev = ev
	c.svc.Start(c.ctx)
	waitFor(t, "first background sync", func() bool {
		return len(c.sinkCalls(t, "deliver")) == 600 && ev.count("mail:new") == 1
	})
	if ev.count("mail:progress") < 1 || ev.count("mail:status") < 2 || ev.count("mail:new") != 1 {
		t.Fatalf("events: %v", ev.counts)
	}
	time.Sleep(300 * time.Millisecond)
	srv.Seed("INBOX", mails(601, 1))
	waitFor(t, "IDLE to push the new message", func() bool { return len(c.sinkCalls(t, "deliver")) == 601 })
	st, err := c.svc.Status(c.ctx)
	if err != nil || !st.Online || st.LastSync.IsZero() {
		t.Fatalf("status: %+v %v", st, err)
	}
	done := make(chan struct{})
	go func() { c.svc.Stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Stop did not return")
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestBackgroundReconnectsAfterServerRestart(t *testing.T) {
	srv := dovecottest.Start(t)
	srv.Seed("INBOX", mails(1, 2))
	c := newClient(t, srv)
	c.svc.Start(c.ctx)
	defer func() {
		if t.Failed() {
			t.Logf("dovecot log:\n%s", srv.Log())
			st, err := c.svc.Status(c.ctx)
			t.Logf("status %+v %v", st, err)
		}
	}()
	waitFor(t, "first background sync", func() bool { return len(c.sinkCalls(t, "deliver")) == 2 })
	srv.Stop()
	waitFor(t, "the offline status", func() bool {
		st, _ := c.svc.Status(c.ctx)
		return !st.Online && !st.Syncing
	})
	srv.Seed("INBOX", mails(3, 1))
	srv.Restart()
	waitFor(t, "the reconnection", func() bool {
		c.svc.kick() // as IDLE or the next backoff step would, sooner
		return len(c.sinkCalls(t, "deliver")) == 3
	})
}
