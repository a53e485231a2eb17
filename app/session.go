package app

import (
	"context"
	"sync"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/operators"
)

// Emitter sends an event to the UI (Wails runtime events in the window, server-sent events in the browser).
type Emitter interface {
	Emit(name string, data any)
}

// Session is the one unlocked store of this process, the operator who unlocked it and the idle timer that
// locks it again. Every bound call goes through it.
type Session struct {
	cfg  Config
	emit Emitter

	mu       sync.RWMutex
	unlocked *operators.Unlocked
	services *Services
	idle     time.Duration
	timer    *time.Timer
	daily    *dailyRetention
	ticker   *time.Ticker
}

// NewSession returns a locked session for the store in cfg.DataDir.
func NewSession(cfg Config, emit Emitter) *Session {
	return &Session{cfg: cfg, emit: emit}
}

// Unlock opens the store as the operator named and starts the idle timer.
func (s *Session) Unlock(ctx context.Context, name, passphrase string) (actor.Actor, error) {
	s.Lock()
	if name == "" {
		var err error
		if name, err = operators.DefaultName(s.cfg.slots()); err != nil {
			return actor.Actor{}, err
		}
	}
	u, err := operators.Unlock(ctx, s.cfg.layout(), s.cfg.slots(), s.cfg.Clock, name, passphrase, areaMigrations()...)
	if err != nil {
		return actor.Actor{}, err
	}
	svc := buildServices(s.cfg, u)
	svc.wireMail(s.cfg, s.emit)
	idle := s.cfg.AutoLock
	if idle == 0 {
		minutes, err := svc.Settings.AutoLockMinutes(ctx)
		if err != nil {
			u.DB.Close()
			return actor.Actor{}, err
		}
		idle = time.Duration(minutes) * time.Minute
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.unlocked, s.services, s.idle = u, svc, idle
	s.timer = time.AfterFunc(idle, s.autoLock)
	svc.startMail(s.cfg, u.Actor)
	if s.cfg.DailyRetention {
		s.ticker = time.NewTicker(retentionCheckEvery)
		s.daily = startDailyRetention(svc.Privacy, u.Actor, s.ticker.C, s.emit)
	}
	return u.Actor, nil
}

// Lock closes the database and forgets the data key. Locking a locked session does nothing.
func (s *Session) Lock() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lockLocked()
}

func (s *Session) lockLocked() bool {
	if s.unlocked == nil {
		return false
	}
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.daily != nil {
		s.ticker.Stop()
		s.daily.stop()
	}
	s.services.Mail.Stop()
	s.services.DB.Close()
	clear(s.unlocked.DataKey)
	s.unlocked, s.services, s.timer, s.daily, s.ticker = nil, nil, nil, nil, nil
	return true
}

func (s *Session) autoLock() {
	s.mu.Lock()
	locked := s.lockLocked()
	s.mu.Unlock()
	if locked && s.emit != nil {
		s.emit.Emit("session:locked", "idle")
	}
}

// Touch restarts the idle timer; the UI calls it on keyboard and mouse activity.
func (s *Session) Touch() {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.timer != nil {
		s.timer.Reset(s.idle)
	}
}

// Current returns the signed-in operator, if any.
func (s *Session) Current() (actor.Actor, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.unlocked == nil {
		return actor.Actor{}, false
	}
	return s.unlocked.Actor, true
}

// IdleMinutes returns the auto-lock delay of the open session, in minutes.
func (s *Session) IdleMinutes() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return int(s.idle / time.Minute)
}

// SetIdle changes the auto-lock delay of the open session.
func (s *Session) SetIdle(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.idle = d
	if s.timer != nil {
		s.timer.Reset(d)
	}
}

// Do runs fn with the services and a context carrying the signed-in operator, and counts as activity.
// The session stays unlocked while fn runs: locking waits for it.
func (s *Session) Do(ctx context.Context, fn func(ctx context.Context, svc *Services) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.unlocked == nil {
		return apperr.New(apperr.Locked, "Staffdesk is locked: unlock it to continue")
	}
	s.timer.Reset(s.idle)
	return fn(actor.With(ctx, s.unlocked.Actor), s.services)
}
