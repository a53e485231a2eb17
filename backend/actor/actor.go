// Package actor carries the operator who unlocked the store through a context, and checks roles. Every
// service checks roles here, so a forbidden action is refused whatever door it came through.
package actor

import (
	"context"

	"staffdesk/backend/apperr"
)

// Role is what an operator may do.
type Role string

// The roles of Staffdesk's operators. Admin may do everything.
const (
	HelpDesk     Role = "helpdesk"
	Moderator    Role = "moderator"
	Competitions Role = "competitions"
	Admin        Role = "admin"
)

// Roles lists every role, in the order the UI offers them.
var Roles = []Role{HelpDesk, Moderator, Competitions, Admin}

// Label returns the role's name for people.
func (r Role) Label() string {
	switch r {
	case HelpDesk:
		return "Help desk"
	case Moderator:
		return "Moderator"
	case Competitions:
		return "Competition manager"
	case Admin:
		return "Admin"
	}
	return string(r)
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Actor is the operator on whose behalf a service acts.
type Actor struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role Role   `json:"role"`
}

type ctxKey struct{}

// With returns a context carrying a.
func With(ctx context.Context, a Actor) context.Context { return context.WithValue(ctx, ctxKey{}, a) }

// From returns the actor carried by ctx, if any.
func From(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(ctxKey{}).(Actor)
	return a, ok && a.ID != ""
}

// Require returns the actor when it holds one of roles (admins hold every role), and a forbidden error otherwise.
func Require(ctx context.Context, roles ...Role) (Actor, error) {
	a, ok := From(ctx)
	if !ok {
		return Actor{}, apperr.New(apperr.Locked, "Staffdesk is locked: unlock it to continue")
	}
	if a.Role == Admin {
		return a, nil
	}
	for _, r := range roles {
		if a.Role == r {
			return a, nil
		}
	}
	return Actor{}, apperr.New(apperr.Forbidden, "%s (%s) may not do this: it needs the %s role", a.Name, a.Role.Label(), labels(roles))
}

func labels(roles []Role) string {
	if len(roles) == 0 {
		return Admin.Label()
	}
	s := ""
	for i, r := range roles {
		if i > 0 {
			s += " or "
		}
		s += r.Label()
	}
	return s
}
