package app

import (
	"context"

	"staffdesk/backend/actor"
	"staffdesk/backend/operators"
)

// RoleOption is a role as the UI offers it.
type RoleOption struct {
	Value actor.Role `json:"value"`
	Label string     `json:"label"`
}

// OperatorsAPI lists, adds and removes operators and changes passphrases.
type OperatorsAPI struct {
	ctx     context.Context
	session *Session
}

// Roles lists the roles an operator may have.
func (a *OperatorsAPI) Roles() ([]RoleOption, error) {
	out := make([]RoleOption, 0, len(actor.Roles))
	for _, r := range actor.Roles {
		out = append(out, RoleOption{Value: r, Label: r.Label()})
	}
	return out, nil
}

// List returns the active operators.
func (a *OperatorsAPI) List() ([]operators.Operator, error) {
	var out []operators.Operator
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Operators.List(ctx)
		return err
	})
	return out, uiError(err)
}

// Add creates an operator with their own passphrase. Admins only.
func (a *OperatorsAPI) Add(in operators.NewOperator) (operators.Operator, error) {
	var out operators.Operator
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Operators.Add(ctx, in)
		return err
	})
	return out, uiError(err)
}

// Remove removes the operator named and returns those left. Admins only.
func (a *OperatorsAPI) Remove(name string) ([]operators.Operator, error) {
	var out []operators.Operator
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) error {
		if err := svc.Operators.Remove(ctx, name); err != nil {
			return err
		}
		var err error
		out, err = svc.Operators.List(ctx)
		return err
	})
	return out, uiError(err)
}

// ChangePassphrase re-wraps the signed-in operator's key slot under a new passphrase.
func (a *OperatorsAPI) ChangePassphrase(oldPassphrase, newPassphrase string) (bool, error) {
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) error {
		return svc.Operators.ChangePassphrase(ctx, oldPassphrase, newPassphrase)
	})
	return err == nil, uiError(err)
}
