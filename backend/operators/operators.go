// Package operators manages the staff who may unlock the store, their roles and their key slots.
package operators

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/keyslot"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the operators area's schema.
var Migrations = store.Migrations{Area: "operators", FS: migrationsFS}

// MinPassphrase is the shortest passphrase accepted.
const MinPassphrase = 10

var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$`)

// Operator is one member of staff who may unlock the store.
type Operator struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Email     string     `json:"email"`
	Role      actor.Role `json:"role"`
	CreatedAt time.Time  `json:"createdAt"`
}

// NewOperator is what an admin fills in to add an operator.
type NewOperator struct {
	Name       string     `json:"name"`
	Email      string     `json:"email"`
	Role       actor.Role `json:"role"`
	Passphrase string     `json:"passphrase"`
}

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
}

// Service adds, lists and removes operators and changes passphrases.
type Service struct {
	db      *store.DB
	slots   *keyslot.Dir
	audit   Recorder
	clock   clock.Clock
	dataKey []byte
}

// NewService returns the operators service for an unlocked store whose data key is dataKey.
func NewService(db *store.DB, slots *keyslot.Dir, rec Recorder, c clock.Clock, dataKey []byte) *Service {
	return &Service{db: db, slots: slots, audit: rec, clock: c, dataKey: dataKey}
}

// List returns the active operators, by name.
func (s *Service) List(ctx context.Context) ([]Operator, error) {
	if _, err := actor.Require(ctx, actor.Roles...); err != nil {
		return nil, err
	}
	var out []Operator
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		out, err = store.Collect("operators", scanOperator)(tx.QueryContext(ctx, `SELECT id, name, email, role, created_at
			FROM operators WHERE removed_at IS NULL ORDER BY name`))
		return err
	})
	return out, err
}

// Add creates an operator and their key slot. Admins only.
func (s *Service) Add(ctx context.Context, in NewOperator) (Operator, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return Operator{}, err
	}
	if err := validate(in); err != nil {
		return Operator{}, err
	}
	o := Operator{ID: newID(), Name: in.Name, Email: strings.TrimSpace(in.Email), Role: in.Role, CreatedAt: s.clock.Now()}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		if err := insert(ctx, tx, o); err != nil {
			return err
		}
		if err := s.audit.Record(ctx, tx, audit.Event{Action: "operator.add", ObjectType: "operator", ObjectID: o.ID,
			Details: map[string]string{"name": o.Name, "role": string(o.Role)}}); err != nil {
			return err
		}
		if stale, err := s.slots.Find(o.Name); err == nil {
			if err := s.slots.Remove(stale.OperatorID); err != nil {
				return err
			}
		}
		return s.slots.Create(o.ID, o.Name, string(o.Role), in.Passphrase, s.dataKey)
	})
	if err != nil {
		return Operator{}, err
	}
	return o, nil
}

// Remove removes an operator and deletes their key slot. Admins only; the last admin stays.
func (s *Service) Remove(ctx context.Context, name string) error {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return err
	}
	var id string
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		o, err := findByName(ctx, tx, name)
		if err != nil {
			return err
		}
		id = o.ID
		if o.Role == actor.Admin {
			var admins int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM operators WHERE role = 'admin' AND removed_at IS NULL`).Scan(&admins); err != nil {
				return fmt.Errorf("count admins: %w", err)
			}
			if admins <= 1 {
				return apperr.New(apperr.Conflict, "%s is the last admin and cannot be removed: add another admin first", name)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE operators SET removed_at = ? WHERE id = ?`, s.clock.Now().Format(time.RFC3339Nano), o.ID); err != nil {
			return fmt.Errorf("remove operator: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "operator.remove", ObjectType: "operator", ObjectID: o.ID,
			Details: map[string]string{"name": o.Name}})
	})
	if err != nil {
		return err
	}
	return s.slots.Remove(id)
}

// ChangePassphrase re-wraps the signed-in operator's own key slot under a new passphrase. The old
// passphrase must be given again; the slot file is replaced atomically.
func (s *Service) ChangePassphrase(ctx context.Context, oldPassphrase, newPassphrase string) error {
	a, err := actor.Require(ctx, actor.Roles...)
	if err != nil {
		return err
	}
	if len(newPassphrase) < MinPassphrase {
		return apperr.New(apperr.Invalid, "the new passphrase must be at least %d characters", MinPassphrase)
	}
	if _, _, err := s.slots.Unwrap(a.Name, oldPassphrase); err != nil {
		return apperr.Wrap(apperr.Forbidden, err, "the current passphrase for %s is wrong", a.Name)
	}
	if err := s.slots.Rewrap(a.ID, a.Name, string(a.Role), newPassphrase, s.dataKey); err != nil {
		return fmt.Errorf("change passphrase: %w", err)
	}
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		return s.audit.Record(ctx, tx, audit.Event{Action: "operator.passwd", ObjectType: "operator", ObjectID: a.ID})
	})
}

func validate(in NewOperator) error {
	if !nameRE.MatchString(in.Name) {
		return apperr.New(apperr.Invalid, "name %q: use 1 to 40 letters, digits, dots, dashes or underscores", in.Name)
	}
	if _, err := mail.ParseAddress(strings.TrimSpace(in.Email)); err != nil {
		return apperr.New(apperr.Invalid, "email for %s is not a valid address", in.Name)
	}
	if !in.Role.Valid() {
		return apperr.New(apperr.Invalid, "role %q: choose helpdesk, moderator, competitions or admin", in.Role)
	}
	if len(in.Passphrase) < MinPassphrase {
		return apperr.New(apperr.Invalid, "the passphrase for %s must be at least %d characters", in.Name, MinPassphrase)
	}
	return nil
}

func insert(ctx context.Context, tx *sql.Tx, o Operator) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM operators WHERE name = ? AND removed_at IS NULL`, o.Name).Scan(&n); err != nil {
		return fmt.Errorf("check operator name: %w", err)
	}
	if n > 0 {
		return apperr.New(apperr.Conflict, "an operator named %s already exists", o.Name)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO operators (id, name, email, role, created_at) VALUES (?, ?, ?, ?, ?)`,
		o.ID, o.Name, o.Email, string(o.Role), o.CreatedAt.Format(time.RFC3339Nano))
	if err != nil {
		return fmt.Errorf("insert operator: %w", err)
	}
	return nil
}

type scanner = store.Scanner

func scanOperator(r scanner) (Operator, error) {
	var o Operator
	var role, created string
	if err := r.Scan(&o.ID, &o.Name, &o.Email, &role, &created); err != nil {
		return o, fmt.Errorf("read operator: %w", err)
	}
	o.Role = actor.Role(role)
	o.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	return o, nil
}

func findByName(ctx context.Context, tx *sql.Tx, name string) (Operator, error) {
	o, err := scanOperator(tx.QueryRowContext(ctx, `SELECT id, name, email, role, created_at FROM operators
		WHERE name = ? AND removed_at IS NULL`, name))
	if err != nil {
		return o, apperr.New(apperr.NotFound, "no operator named %s", name)
	}
	return o, nil
}

func newID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}
