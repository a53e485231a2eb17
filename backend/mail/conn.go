package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"sync/atomic"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// idleRefresh restarts IDLE before servers' 30-minute inactivity limit.
const idleRefresh = 25 * time.Minute

// request is work for the goroutine that owns a connection.
type request struct {
	ctx  context.Context
	fn   func(ctx context.Context, c *imapclient.Client) error
	done chan error
}

// worker owns one IMAP connection: requests run on it one at a time, and between them, when idling is on,
// it IDLEs on the mailbox's first folder and reports new mail.
type worker struct {
	dial    dialFunc
	stall   time.Duration
	reqs    chan request
	stop    chan struct{}
	done    chan struct{}
	idle    atomic.Bool
	idling  atomic.Bool
	folder  string
	onNew   func()
	c       *imapclient.Client
	wc      *watchedConn
	stopped atomic.Bool
}

func newWorker(dial dialFunc, stall time.Duration, folder string, onNew func()) *worker {
	w := &worker{dial: dial, stall: stall, reqs: make(chan request), stop: make(chan struct{}), done: make(chan struct{}),
		folder: folder, onNew: onNew}
	go w.run()
	return w
}

// do runs fn on the worker's connection, connecting first when needed, and waits for it.
func (w *worker) do(ctx context.Context, fn func(ctx context.Context, c *imapclient.Client) error) error {
	r := request{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case w.reqs <- r:
	case <-w.done:
		return errors.New("mail connection is closed")
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-r.done
}

// close logs out and ends the worker's goroutine.
func (w *worker) close() {
	if w.stopped.Swap(true) {
		return
	}
	close(w.stop)
	<-w.done
}

func (w *worker) run() {
	defer close(w.done)
	defer w.disconnect()
	for {
		idleCmd := w.startIdle()
		var closed <-chan struct{}
		if w.c != nil {
			closed = w.c.Closed()
		}
		var r request
		var ok, lost bool
		timer := time.NewTimer(idleRefresh)
		select {
		case r, ok = <-w.reqs:
		case <-w.stop:
		case <-timer.C:
		case <-closed:
			lost = true
		}
		timer.Stop()
		w.stopIdle(idleCmd)
		if lost {
			// The server went away while idle: reconnecting is the background loop's, with its backoff.
			w.lost(net.ErrClosed)
			continue
		}
		if !ok {
			select {
			case <-w.stop:
				return
			default:
				continue
			}
		}
		r.done <- w.serve(r)
	}
}

func (w *worker) serve(r request) error {
	if w.c == nil {
		c, wc, err := w.dial(r.ctx, w.newMail)
		if err != nil {
			return err
		}
		w.c, w.wc = c, wc
	}
	ctx, cancel := context.WithCancel(r.ctx)
	defer cancel()
	c := w.c
	go func() {
		<-ctx.Done()
		if r.ctx.Err() != nil {
			c.Close()
		}
	}()
	stop := w.wc.watch(w.stall, func() { c.Close() })
	err := r.fn(ctx, c)
	if stop() {
		err = stalled(w.stall, err)
	}
	if err != nil && (r.ctx.Err() != nil || isConnErr(c)) {
		w.disconnect()
	}
	return err
}

func isConnErr(c *imapclient.Client) bool {
	select {
	case <-c.Closed():
		return true
	default:
		return false
	}
}

func (w *worker) disconnect() {
	if w.c != nil {
		w.c.Logout()
		w.c.Close()
		w.c, w.wc = nil, nil
	}
}

func (w *worker) newMail() {
	if w.idling.Load() && w.onNew != nil {
		w.onNew()
	}
}

func (w *worker) startIdle() *imapclient.IdleCommand {
	if !w.idle.Load() || w.c == nil || isConnErr(w.c) {
		return nil
	}
	if mb := w.c.Mailbox(); mb == nil || mb.Name != w.folder {
		if _, err := w.c.Select(w.folder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			w.lost(err)
			return nil
		}
	}
	cmd, err := w.c.Idle()
	if err != nil {
		w.lost(err)
		return nil
	}
	w.idling.Store(true)
	return cmd
}

func (w *worker) stopIdle(cmd *imapclient.IdleCommand) {
	if cmd == nil {
		return
	}
	w.idling.Store(false)
	err := cmd.Close()
	if err == nil {
		err = cmd.Wait()
	}
	if err != nil {
		w.lost(err)
	}
}

// lost drops a connection that failed outside any request with err and, when it broke (any error but
// the server's own NO or BAD) while idling was wanted, tells the background loop, whose next sync
// reconnects with its backoff or reports the server offline. Without it the worker would sit with no
// connection and the app would show online until the next periodic sync.
func (w *worker) lost(err error) {
	var refused *imap.Error
	broken := !errors.As(err, &refused)
	w.disconnect()
	if broken && w.idle.Load() && w.onNew != nil {
		w.onNew()
	}
}

// TrustTLS sets the certificate roots used for the mail servers (IMAP and SMTP) instead of the system's:
// for servers with a private certificate, such as the tests' Dovecot. nil goes back to the system roots.
func (s *Service) TrustTLS(cfg *tls.Config) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tls = cfg
}

func (s *Service) tlsFor(host string) *tls.Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.tls != nil {
		cfg = s.tls.Clone()
	}
	cfg.ServerName = host
	return cfg
}

// workerFor returns the goroutine owning the mailbox's connection, starting it when needed.
func (s *Service) workerFor(a account) *worker {
	s.mu.Lock()
	defer s.mu.Unlock()
	if w, ok := s.workers[a.ID]; ok {
		return w
	}
	folder := "INBOX"
	if len(a.Folders) > 0 {
		folder = a.Folders[0]
	}
	w := newWorker(s.dialer(a), s.stall, folder, s.kick)
	w.idle.Store(s.bg != nil)
	s.workers[a.ID] = w
	return w
}

func (s *Service) dropWorker(id int64) {
	s.mu.Lock()
	w := s.workers[id]
	delete(s.workers, id)
	s.mu.Unlock()
	if w != nil {
		w.close()
	}
}

// closeWorkers logs out of every server.
func (s *Service) closeWorkers() {
	s.mu.Lock()
	ws := s.workers
	s.workers = map[int64]*worker{}
	s.mu.Unlock()
	for _, w := range ws {
		w.close()
	}
}
