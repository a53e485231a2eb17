package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"

	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
)

// PrivacyAPI is members' rights (access, portability, erasure), their requests and the retention schedule.
type PrivacyAPI struct {
	ctx     context.Context
	session *Session
}

// PrivacyRequests are the rights requests, with whether only open ones were asked for.
type PrivacyRequests struct {
	Open     bool              `json:"open"`
	Requests []privacy.Request `json:"requests"`
}

// AccessFile is a generated access file for the UI to offer as a download.
type AccessFile struct {
	FileName      string               `json:"fileName"`
	MimeType      string               `json:"mimeType"`
	ContentBase64 string               `json:"contentBase64"`
	Result        privacy.AccessResult `json:"result"`
}

// RetentionView is the schedule with what is due now (a dry run) and the last run that applied it.
type RetentionView struct {
	DueNow  privacy.RetentionReport `json:"dueNow"`
	HasRun  bool                    `json:"hasRun"`
	LastRun privacy.RetentionReport `json:"lastRun"`
}

func (a *PrivacyAPI) do(fn func(ctx context.Context, p *privacy.Service) error) error {
	return uiError(a.session.Do(a.ctx, func(ctx context.Context, svc *Services) error { return fn(ctx, svc.Privacy) }))
}

// Requests lists the rights requests: open ones by due date, or all.
func (a *PrivacyAPI) Requests(open bool) (out PrivacyRequests, err error) {
	out.Open = open
	err = a.do(func(ctx context.Context, p *privacy.Service) (err error) {
		out.Requests, err = p.Requests(ctx, open)
		return err
	})
	return
}

// NewRequest logs a request a member made.
func (a *PrivacyAPI) NewRequest(in privacy.RequestInput) (out privacy.Request, err error) {
	err = a.do(func(ctx context.Context, p *privacy.Service) (err error) {
		out, err = p.NewRequest(ctx, in)
		return err
	})
	return
}

// CompleteRequest marks a request done with its outcome (rectification, or a request handled elsewhere).
func (a *PrivacyAPI) CompleteRequest(id int64, outcome string) (out privacy.Request, err error) {
	err = a.do(func(ctx context.Context, p *privacy.Service) (err error) {
		out, err = p.CompleteRequest(ctx, id, outcome)
		return err
	})
	return
}

// Access builds the person's access file (xlsx or json) and marks the access request done. The file is
// named after the request, never the person.
func (a *PrivacyAPI) Access(email, format string, requestID int64) (out AccessFile, err error) {
	err = a.do(func(ctx context.Context, p *privacy.Service) error {
		var buf bytes.Buffer
		res, err := p.Access(ctx, &buf, email, format, requestID)
		if err != nil {
			return err
		}
		out = AccessFile{FileName: fmt.Sprintf("access-request-%d.%s", res.RequestID, res.Format), MimeType: "application/json", Result: res,
			ContentBase64: base64.StdEncoding.EncodeToString(buf.Bytes())}
		if res.Format == privacy.FormatXLSX {
			out.MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		}
		return nil
	})
	return
}

// Erase erases the person from every area, or with dryRun counts what that would change.
func (a *PrivacyAPI) Erase(email string, dryRun bool, requestID int64) (out privacy.ErasureReport, err error) {
	err = a.do(func(ctx context.Context, p *privacy.Service) (err error) {
		out, err = p.Erase(ctx, email, dryRun, requestID)
		return err
	})
	return
}

// Retention applies the retention schedule now, or with dryRun counts what is due.
func (a *PrivacyAPI) Retention(dryRun bool) (out privacy.RetentionReport, err error) {
	err = a.do(func(ctx context.Context, p *privacy.Service) (err error) {
		out, err = p.Retention(ctx, dryRun, privacy.TriggerManual)
		return err
	})
	return
}

// Schedule returns the retention schedule with what is due now and the last run that applied it.
func (a *PrivacyAPI) Schedule() (out RetentionView, err error) {
	err = a.do(func(ctx context.Context, p *privacy.Service) (err error) {
		if out.DueNow, err = p.Retention(ctx, true, privacy.TriggerManual); err != nil {
			return err
		}
		out.LastRun, out.HasRun, err = p.LastRetention(ctx)
		return err
	})
	return
}

// Search returns a page of the audit log filtered by action, operator, object and time.
func (a *AuditAPI) Search(f audit.Filter) (out audit.Page, err error) {
	err = a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Audit.Search(ctx, f)
		return err
	})
	return out, uiError(err)
}

// Facets returns the actions and operators the audit filters offer.
func (a *AuditAPI) Facets() (out audit.Facets, err error) {
	err = a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Audit.Facets(ctx)
		return err
	})
	return out, uiError(err)
}
