package app

import (
	"context"
	"sort"

	"staffdesk/backend/operators"

	"staffdesk/backend/actor"
)

// SessionState is what the UI needs to draw the unlock screen or the shell.
type SessionState struct {
	Unlocked        bool        `json:"unlocked"`
	Operator        actor.Actor `json:"operator"`
	OperatorNames   []string    `json:"operatorNames"`
	DefaultOperator string      `json:"defaultOperator"`
	DataDir         string      `json:"dataDir"`
	AutoLockMinutes int         `json:"autoLockMinutes"`
	DemoPassphrase  string      `json:"demoPassphrase"`
}

// SessionAPI unlocks and locks the store. Bound to the window and the browser mode.
type SessionAPI struct {
	ctx     context.Context
	session *Session
	cfg     Config
}

// State tells whether the store is unlocked, and lists the operators to choose from when it is not.
func (a *SessionAPI) State() (SessionState, error) {
	st := SessionState{DataDir: a.cfg.DataDir, DemoPassphrase: a.cfg.DemoPassphrase}
	if op, ok := a.session.Current(); ok {
		st.Unlocked, st.Operator, st.AutoLockMinutes = true, op, a.session.IdleMinutes()
		return st, nil
	}
	slots, err := a.cfg.slots().List()
	if err != nil {
		return st, uiError(err)
	}
	for _, s := range slots {
		st.OperatorNames = append(st.OperatorNames, s.Name)
	}
	sort.Strings(st.OperatorNames)
	st.DefaultOperator, _ = operators.DefaultOf(slots)
	return st, nil
}

// Unlock opens the store as operator name with passphrase.
func (a *SessionAPI) Unlock(name, passphrase string) (SessionState, error) {
	if _, err := a.session.Unlock(a.ctx, name, passphrase); err != nil {
		return SessionState{}, uiError(err)
	}
	return a.State()
}

// Lock closes the store and forgets the key.
func (a *SessionAPI) Lock() (SessionState, error) {
	a.session.Lock()
	return a.State()
}

// Touch records activity so the idle timer starts again; it reports whether the store is unlocked.
func (a *SessionAPI) Touch() (bool, error) {
	a.session.Touch()
	_, ok := a.session.Current()
	return ok, nil
}
