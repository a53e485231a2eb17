package app

import (
	"context"
	"crypto/subtle"
	"errors"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/competitions"
	"staffdesk/backend/exports"
	"staffdesk/backend/keyslot"
	"staffdesk/backend/operators"
)

// wireExports builds the exports service over the consent ledger, the competitions it exports from and
// the key slots that prove an approver's identity, and makes competition imports write consents.
func (svc *Services) wireExports(cfg Config, u *operators.Unlocked) {
	svc.Competitions.UseConsents(svc.Consents)
	v := slotVerifier{slots: cfg.slots(), dataKey: u.DataKey, ops: svc.Operators}
	sources := map[string]exports.Source{"competition": competitionSource{svc.Competitions}, "survey": surveySource{svc.Surveys}}
	svc.Exports = exports.NewService(svc.DB, svc.Audit, cfg.Clock, svc.Consents, v, sources)
}

// slotVerifier proves an operator's identity by their passphrase opening their own key slot to this
// store's data key; the operator must still be active.
type slotVerifier struct {
	slots   *keyslot.Dir
	dataKey []byte
	ops     *operators.Service
}

// Verify returns the operator whose passphrase this is.
func (v slotVerifier) Verify(ctx context.Context, name, passphrase string) (actor.Actor, error) {
	id, key, err := v.slots.Unwrap(name, passphrase)
	switch {
	case errors.Is(err, keyslot.ErrWrongPassphrase):
		return actor.Actor{}, apperr.New(apperr.Forbidden, "the passphrase for operator %s is wrong", name)
	case errors.Is(err, keyslot.ErrNoSlot):
		return actor.Actor{}, apperr.New(apperr.Forbidden, "no operator named %s", name)
	case err != nil:
		return actor.Actor{}, apperr.Wrap(apperr.Internal, err, "cannot read the key slot of %s", name)
	}
	if subtle.ConstantTimeCompare(key, v.dataKey) != 1 {
		return actor.Actor{}, apperr.New(apperr.Forbidden, "the key slot of %s does not open this store", name)
	}
	list, err := v.ops.List(ctx)
	if err != nil {
		return actor.Actor{}, err
	}
	for _, o := range list {
		if o.ID == id {
			return actor.Actor{ID: o.ID, Name: o.Name, Role: o.Role}, nil
		}
	}
	return actor.Actor{}, apperr.New(apperr.Forbidden, "operator %s was removed from this store", name)
}

// competitionSource streams a competition's eligible entrants for an export.
type competitionSource struct{ svc *competitions.Service }

// Title returns the competition's title.
func (s competitionSource) Title(ctx context.Context, id string) (string, error) {
	c, err := s.svc.Get(ctx, id)
	return c.Details.Title, err
}

// Stream sends each eligible entrant with the catalogue fields a competition holds.
func (s competitionSource) Stream(ctx context.Context, id string, fields []string, fn func(string, []string) error) error {
	values := make([]string, len(fields))
	return s.svc.Entrants(ctx, id, func(e *competitions.Entrant) error {
		for i, f := range fields {
			values[i] = entrantField(e, f)
		}
		return fn(e.Email, values)
	})
}

func entrantField(e *competitions.Entrant, key string) string {
	switch key {
	case "first_name":
		return e.FirstName
	case "surname":
		return e.Surname
	case "email":
		return e.Email
	case "address_line1":
		return e.Address
	case "postcode":
		return e.Postcode
	case "county":
		return e.County
	case "country":
		return e.Country
	case "date_of_birth":
		return e.DateOfBirth
	case "answers":
		return e.Answer
	case "entered_at":
		return e.SubmittedAt.Format("2006-01-02 15:04:05")
	}
	return ""
}
