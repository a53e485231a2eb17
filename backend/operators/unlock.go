package operators

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/keyslot"
	"staffdesk/backend/store"
)

// Unlocked is an open store and the operator who opened it.
type Unlocked struct {
	DB      *store.DB
	DataKey []byte
	Actor   actor.Actor
}

// Unlock opens the store in layout as the operator named: the passphrase unwraps their key slot (a wrong
// one is refused before the database file is touched), then the database opens with the data key and
// the operator must still be active in it.
// The unlock is recorded in the audit log.
func Unlock(ctx context.Context, l store.Layout, slots *keyslot.Dir, c clock.Clock, name, passphrase string, migrations ...store.Migrations) (*Unlocked, error) {
	if _, err := os.Stat(l.DBPath()); err != nil {
		return nil, apperr.New(apperr.NotFound, "no Staffdesk store in %s: run staffdesk init first", l.Dir)
	}
	id, key, err := slots.Unwrap(name, passphrase)
	switch {
	case errors.Is(err, keyslot.ErrWrongPassphrase):
		return nil, apperr.New(apperr.Forbidden, "the passphrase for operator %s is wrong", name)
	case errors.Is(err, keyslot.ErrNoSlot):
		return nil, apperr.New(apperr.NotFound, "no operator named %s in %s", name, l.Dir)
	case err != nil:
		return nil, apperr.Wrap(apperr.Internal, err, "cannot read the key slot of %s", name)
	}
	db, err := store.Open(ctx, l.DBPath(), key, append([]store.Migrations{Migrations, audit.Migrations}, migrations...)...)
	if err != nil {
		return nil, err
	}
	var o Operator
	err = db.View(ctx, func(tx *sql.Tx) error {
		o, err = scanOperator(tx.QueryRowContext(ctx, `SELECT id, name, email, role, created_at FROM operators
			WHERE id = ? AND removed_at IS NULL`, id))
		return err
	})
	if err != nil {
		db.Close()
		return nil, apperr.New(apperr.Forbidden, "operator %s was removed from this store", name)
	}
	a := actor.Actor{ID: o.ID, Name: o.Name, Role: o.Role}
	ctx = actor.With(ctx, a)
	err = db.Update(ctx, func(tx *sql.Tx) error {
		return audit.NewService(db, c).Record(ctx, tx, audit.Event{Action: "session.unlock", ObjectType: "operator", ObjectID: o.ID})
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Unlocked{DB: db, DataKey: key, Actor: a}, nil
}

// DefaultName picks the operator to unlock as when none is named: the only one, or the first admin.
func DefaultName(slots *keyslot.Dir) (string, error) {
	list, err := slots.List()
	if err != nil {
		return "", err
	}
	return DefaultOf(list)
}

// DefaultOf picks the default operator among slots listed oldest first.
func DefaultOf(list []keyslot.Slot) (string, error) {
	switch {
	case len(list) == 0:
		return "", apperr.New(apperr.NotFound, "this store has no operators: run staffdesk init first")
	case len(list) == 1:
		return list[0].Name, nil
	}
	for _, s := range list {
		if s.RoleHint == string(actor.Admin) {
			return s.Name, nil
		}
	}
	return "", apperr.New(apperr.Invalid, "several operators share this store: choose one with --operator")
}

// Init creates a new store in l.Dir with its first operator, an admin. It builds everything in a temporary
// folder beside l.Dir and renames it into place, so a crash leaves no half-made store.
func Init(ctx context.Context, l store.Layout, params keyslot.Params, c clock.Clock, first NewOperator, migrations ...store.Migrations) error {
	first.Role = actor.Admin
	if err := validate(first); err != nil {
		return err
	}
	if entries, err := os.ReadDir(l.Dir); err == nil && len(entries) > 0 {
		return apperr.New(apperr.Conflict, "%s already holds files: Staffdesk initialises only an empty folder", l.Dir)
	}
	parent := filepath.Dir(filepath.Clean(l.Dir))
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(l.Dir)+".init-*")
	if err != nil {
		return fmt.Errorf("create temporary folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := build(ctx, store.Layout{Dir: tmp}, params, c, first, migrations); err != nil {
		return err
	}
	os.Remove(l.Dir)
	if err := os.Rename(tmp, l.Dir); err != nil {
		return fmt.Errorf("move new store into %s: %w", l.Dir, err)
	}
	return nil
}

func build(ctx context.Context, l store.Layout, params keyslot.Params, c clock.Clock, first NewOperator, migrations []store.Migrations) error {
	key, err := keyslot.NewDataKey()
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, l.DBPath(), key, append([]store.Migrations{Migrations, audit.Migrations}, migrations...)...)
	if err != nil {
		return err
	}
	defer db.Close()
	o := Operator{ID: newID(), Name: first.Name, Email: strings.TrimSpace(first.Email), Role: actor.Admin, CreatedAt: c.Now()}
	ctx = actor.With(ctx, actor.Actor{ID: o.ID, Name: o.Name, Role: o.Role})
	err = db.Update(ctx, func(tx *sql.Tx) error {
		if err := insert(ctx, tx, o); err != nil {
			return err
		}
		return audit.NewService(db, c).Record(ctx, tx, audit.Event{Action: "store.init", ObjectType: "operator", ObjectID: o.ID})
	})
	if err != nil {
		return err
	}
	return keyslot.NewDir(l.SlotsDir(), params).Create(o.ID, o.Name, string(o.Role), first.Passphrase, key)
}
