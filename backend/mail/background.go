package mail

import (
	"context"
	"sync"
	"time"

	"staffdesk/backend/actor"
)

// PeriodicSync is how often the background loop syncs when IDLE reported nothing.
const PeriodicSync = 5 * time.Minute

// maxBackoff caps the wait between reconnection attempts.
const maxBackoff = 5 * time.Minute

type background struct {
	cancel context.CancelFunc
	done   chan struct{}
	kick   chan struct{}
}

// Start begins the background loop while the session is unlocked: sync every mailbox, then IDLE on each
// mailbox's first folder and sync again when new mail arrives or every PeriodicSync, reconnecting with
// exponential backoff after failures. ctx carries the operator; Stop ends it. An operator who may not
// work the help desk starts nothing.
func (s *Service) Start(ctx context.Context) {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bg != nil {
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	bg := &background{cancel: cancel, done: make(chan struct{}), kick: make(chan struct{}, 1)}
	s.bg = bg
	for _, w := range s.workers {
		w.idle.Store(true)
	}
	go s.loop(ctx, bg)
}

// Stop ends the background loop and logs out of every server. It is safe to call when not started.
func (s *Service) Stop() {
	s.mu.Lock()
	bg := s.bg
	s.bg = nil
	s.mu.Unlock()
	if bg != nil {
		bg.cancel()
		<-bg.done
	}
	s.closeWorkers()
}

func (s *Service) loop(ctx context.Context, bg *background) {
	defer close(bg.done)
	var backoff time.Duration
	for {
		_, err := s.Sync(ctx, SyncOptions{Operation: "background"}, nil)
		if ctx.Err() != nil {
			return
		}
		wait := PeriodicSync
		if err != nil {
			backoff = min(max(2*backoff, 2*time.Second), maxBackoff)
			wait = backoff
		} else {
			backoff = 0
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-bg.kick:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// kick asks the background loop to sync now (IDLE saw new mail).
func (s *Service) kick() {
	s.mu.Lock()
	bg := s.bg
	s.mu.Unlock()
	if bg != nil {
		select {
		case bg.kick <- struct{}{}:
		default:
		}
	}
}

// Status returns whether the last sync reached the servers, whether one is running, and the outbox count.
func (s *Service) Status(ctx context.Context) (Status, error) {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return Status{}, err
	}
	n, err := s.msgs.OutboxCount(ctx)
	if err != nil {
		return Status{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.status
	st.Outbox = n
	return st, nil
}

func (s *Service) setSyncing(ctx context.Context, on bool, lastErr string) {
	s.mu.Lock()
	s.status.Syncing = on
	if !on {
		s.status.LastSync = s.clk.Now().UTC()
		s.status.LastError = lastErr
		s.status.Online = lastErr == ""
	}
	s.mu.Unlock()
	s.emitStatus(ctx)
}

func (s *Service) emitStatus(ctx context.Context) {
	if s.ev == nil {
		return
	}
	if st, err := s.Status(ctx); err == nil {
		s.ev.Emit("mail:status", st)
	}
}

// reporter returns a progress callback for one folder: it calls progress on every step and emits
// "mail:progress" at most ten times a second (and always the last step).
func (s *Service) reporter(op, mailbox, folder string, progress func(Progress)) func(done, total int) {
	var mu sync.Mutex
	var last time.Time
	return func(done, total int) {
		p := Progress{Operation: op, Mailbox: mailbox, Folder: folder, Done: done, Total: total}
		if progress != nil {
			progress(p)
		}
		mu.Lock()
		emit := done == total || time.Since(last) >= 100*time.Millisecond
		if emit {
			last = time.Now()
		}
		mu.Unlock()
		if emit && s.ev != nil {
			s.ev.Emit("mail:progress", p)
		}
	}
}
