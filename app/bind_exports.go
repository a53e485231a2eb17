package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"staffdesk/backend/exports"
	"staffdesk/backend/privacy"
)

// ExportsAPI manages partners, export requests and their approval and run, the consent ledger and
// newsletter unsubscribe requests.
type ExportsAPI struct {
	ctx     context.Context
	session *Session
}

// ExportSetup is what the exports screen needs to fill its forms: the field catalogue and the sources a
// partner may sponsor.
type ExportSetup struct {
	Catalogue []exports.Field     `json:"catalogue"`
	Sources   []exports.SourceRef `json:"sources"`
}

// ExportPath is a suggested file name for an export.
type ExportPath struct {
	Path string `json:"path"`
}

func (a *ExportsAPI) do(fn func(ctx context.Context, svc *Services) error) error {
	return uiError(a.session.Do(a.ctx, fn))
}

// Setup returns the field catalogue and every competition and survey a partner may sponsor.
func (a *ExportsAPI) Setup() (out ExportSetup, err error) {
	out = ExportSetup{Catalogue: exports.Catalogue, Sources: []exports.SourceRef{}}
	err = a.do(func(ctx context.Context, svc *Services) error {
		list, err := svc.Competitions.List(ctx)
		if err != nil {
			return err
		}
		for _, c := range list {
			out.Sources = append(out.Sources, exports.SourceRef{Kind: "competition", ID: c.ID, Title: c.Details.Title})
		}
		svs, err := svc.Surveys.List(ctx)
		for _, sv := range svs {
			out.Sources = append(out.Sources, exports.SourceRef{Kind: "survey", ID: sv.ID, Title: sv.Details.Title})
		}
		return err
	})
	return
}

// Partners lists the partners.
func (a *ExportsAPI) Partners() (out []exports.Partner, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) { out, err = svc.Exports.Partners(ctx); return })
	return
}

// AddPartner adds a partner.
func (a *ExportsAPI) AddPartner(in exports.PartnerInput) (out exports.Partner, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Exports.AddPartner(ctx, in)
		return
	})
	return
}

// UpdatePartner changes a partner's contact, fields and sponsored sources.
func (a *ExportsAPI) UpdatePartner(id string, in exports.PartnerInput) (out exports.Partner, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Exports.UpdatePartner(ctx, id, in)
		return
	})
	return
}

// Requests lists export requests, newest first.
func (a *ExportsAPI) Requests() (out []exports.Request, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) { out, err = svc.Exports.Requests(ctx); return })
	return
}

// Request records an export request.
func (a *ExportsAPI) Request(in exports.RequestInput) (out exports.Request, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Exports.RequestExport(ctx, in)
		return
	})
	return
}

// Approve approves a request as the operator named, proven by their own passphrase.
func (a *ExportsAPI) Approve(id int64, operator, passphrase string) (out exports.Request, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Exports.Approve(ctx, id, operator, passphrase)
		return
	})
	return
}

// Refuse refuses a request with a reason.
func (a *ExportsAPI) Refuse(id int64, reason string) (out exports.Request, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Exports.Refuse(ctx, id, reason)
		return
	})
	return
}

// SuggestPath proposes where to write an approved export: the Downloads folder (or home folder).
func (a *ExportsAPI) SuggestPath(id int64) (out ExportPath, err error) {
	err = a.do(func(ctx context.Context, svc *Services) error {
		r, err := svc.Exports.Request(ctx, id)
		if err != nil {
			return err
		}
		dir, _ := os.UserHomeDir()
		if st, err := os.Stat(filepath.Join(dir, "Downloads")); err == nil && st.IsDir() {
			dir = filepath.Join(dir, "Downloads")
		}
		name := fmt.Sprintf("export-%d-%s-%s.xlsx", r.ID, r.PartnerID, strings.ReplaceAll(r.Source.String(), ":", "-"))
		out.Path = filepath.Join(dir, name)
		return nil
	})
	return
}

// Run writes an approved export to path, encrypted with a new password (shown once) when asked.
func (a *ExportsAPI) Run(id int64, path string, generatePassword bool) (out exports.RunResult, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Exports.Run(ctx, id, exports.RunOptions{Out: path, GeneratePassword: generatePassword})
		return
	})
	return
}

// ConsentHistory returns a person's consent records and where each purpose stands.
func (a *ExportsAPI) ConsentHistory(email string) (out privacy.ConsentHistory, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Consents.History(ctx, email)
		return
	})
	return
}

// WithdrawConsent records a withdrawal, from a help-desk ticket when ticket is given.
func (a *ExportsAPI) WithdrawConsent(email, purpose, ticket string) (out privacy.ConsentHistory, err error) {
	err = a.do(func(ctx context.Context, svc *Services) error {
		kind, ref := ticketSource(strings.TrimSpace(ticket))
		if _, err := svc.Consents.Withdraw(ctx, email, purpose, kind, ref); err != nil {
			return err
		}
		var err error
		out, err = svc.Consents.History(ctx, email)
		return err
	})
	return
}

// Unsubscribes lists newsletter unsubscribe requests: the open ones, or all.
func (a *ExportsAPI) Unsubscribes(all bool) (out []privacy.Unsubscribe, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Consents.Unsubscribes(ctx, all)
		return
	})
	return
}

// AddUnsubscribe records an unsubscribe request (and the newsletter consent withdrawn).
func (a *ExportsAPI) AddUnsubscribe(in privacy.UnsubscribeInput) (out privacy.Unsubscribe, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Consents.AddUnsubscribe(ctx, in)
		return
	})
	return
}

// UnsubscribeDone marks a request done.
func (a *ExportsAPI) UnsubscribeDone(id int64) (out privacy.Unsubscribe, err error) {
	err = a.do(func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Consents.MarkUnsubscribeDone(ctx, id)
		return
	})
	return
}
