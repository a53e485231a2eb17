package exports

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// Request statuses: pending approval, approved (ready to run), refused, done (the file was written).
const (
	Pending  = "pending"
	Approved = "approved"
	Refused  = "refused"
	Done     = "done"
)

// RequestInput is what a manager asks for: a partner, a source it sponsors and fields it is entitled to.
type RequestInput struct {
	PartnerID string    `json:"partnerId"`
	Source    SourceRef `json:"source"`
	Fields    []string  `json:"fields"`
	Note      string    `json:"note"`
}

// Exclusion is how many people one reason kept out of an export.
type Exclusion struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// Request is an export request, its approval and its run.
type Request struct {
	ID            int64       `json:"id"`
	PartnerID     string      `json:"partnerId"`
	PartnerName   string      `json:"partnerName"`
	Source        SourceRef   `json:"source"`
	Fields        []string    `json:"fields"`
	Note          string      `json:"note"`
	Status        string      `json:"status"`
	Purpose       string      `json:"purpose"`
	RequestedByID string      `json:"requestedById"`
	RequestedBy   string      `json:"requestedBy"`
	RequestedAt   time.Time   `json:"requestedAt"`
	DecidedBy     string      `json:"decidedBy"`
	DecidedAt     time.Time   `json:"decidedAt"`
	Refusal       string      `json:"refusal"`
	RanBy         string      `json:"ranBy"`
	RanAt         time.Time   `json:"ranAt"`
	FileName      string      `json:"fileName"`
	SHA256        string      `json:"sha256"`
	Rows          int         `json:"rows"`
	Excluded      []Exclusion `json:"excluded"`
	Encrypted     bool        `json:"encrypted"`
}

// Purpose is the consent purpose an export of this source to this partner needs: sharing with the
// sponsor for a competition, the survey's third-party sharing for a survey.
func Purpose(partnerID string, src SourceRef) string {
	if src.Kind == "survey" {
		return privacy.SurveySharing(src.ID)
	}
	return privacy.SponsorSharing(partnerID)
}

// RequestExport records a request; another operator must approve it before it runs.
func (s *Service) RequestExport(ctx context.Context, in RequestInput) (Request, error) {
	a, err := actor.Require(ctx, managers...)
	if err != nil {
		return Request{}, err
	}
	var r Request
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		p, err := loadPartner(ctx, tx, in.PartnerID)
		if err != nil {
			return err
		}
		src, fields, err := checkRequest(p, in)
		if err != nil {
			return err
		}
		body, _ := json.Marshal(fields)
		res, err := tx.ExecContext(ctx, `INSERT INTO exports_requests (partner_id, source_kind, source_id, source_title, fields,
			note, status, requested_by, requested_name, requested_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
			p.ID, src.Kind, src.ID, src.Title, string(body), strings.TrimSpace(in.Note), a.ID, a.Name, ts(s.clock.Now()))
		if err != nil {
			return fmt.Errorf("record export request: %w", err)
		}
		id, _ := res.LastInsertId()
		if r, err = loadRequest(ctx, tx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "export.request", ObjectType: "export", ObjectID: strconv.FormatInt(id, 10),
			Details: map[string]string{"partner": p.ID, "source": src.String(), "fields": strings.Join(fields, ",")}})
	})
	return r, err
}

// checkRequest checks the source is one the partner sponsors and the fields are ones it is entitled to.
func checkRequest(p Partner, in RequestInput) (SourceRef, []string, error) {
	var src SourceRef
	for _, ref := range p.Sources {
		if ref.Kind == in.Source.Kind && ref.ID == in.Source.ID {
			src = ref
		}
	}
	if src.ID == "" {
		return src, nil, apperr.New(apperr.Invalid, "%s does not sponsor %s: add it to the partner first", p.Name, in.Source.String())
	}
	fields, err := catalogueFields(in.Fields)
	if err != nil {
		return src, nil, err
	}
	if len(fields) == 0 {
		return src, nil, apperr.New(apperr.Invalid, "choose at least one field to export")
	}
	entitled := map[string]bool{}
	for _, f := range p.Fields {
		entitled[f] = true
	}
	for _, f := range fields {
		if !entitled[f] {
			label, _ := fieldLabel(f)
			return src, nil, apperr.New(apperr.Forbidden, "%s is not entitled to %s", p.Name, strings.ToLower(label))
		}
	}
	return src, fields, nil
}

// Requests lists export requests, newest first.
func (s *Service) Requests(ctx context.Context) ([]Request, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	out := []Request{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("export requests", scanRequest)(tx.QueryContext(ctx, selectRequest+` ORDER BY r.id DESC`))
		out = append(out, list...)
		return err
	})
	return out, err
}

// Request returns one export request.
func (s *Service) Request(ctx context.Context, id int64) (Request, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Request{}, err
	}
	var r Request
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) { r, err = loadRequest(ctx, tx, id); return })
	return r, err
}

// Approve approves a pending request as the operator named, who proves who they are with their own
// passphrase. The requester can never approve their own request. The audit entry names the approver.
func (s *Service) Approve(ctx context.Context, id int64, operatorName, passphrase string) (Request, error) {
	session, err := actor.Require(ctx, managers...)
	if err != nil {
		return Request{}, err
	}
	approver, err := s.verifier.Verify(ctx, operatorName, passphrase)
	if err != nil {
		return Request{}, err
	}
	if _, err := actor.Require(actor.With(ctx, approver), managers...); err != nil {
		return Request{}, err
	}
	return s.decide(actor.With(ctx, approver), id, approver, "", session.Name)
}

// Refuse refuses a pending request with a reason; the requester may withdraw their own this way.
func (s *Service) Refuse(ctx context.Context, id int64, reason string) (Request, error) {
	a, err := actor.Require(ctx, managers...)
	if err != nil {
		return Request{}, err
	}
	if strings.TrimSpace(reason) == "" {
		return Request{}, apperr.New(apperr.Invalid, "say why the export is refused")
	}
	return s.decide(ctx, id, a, strings.TrimSpace(reason), a.Name)
}

// decide records an approval (refusal "") or a refusal by by; signedIn is the operator whose session it
// happened in (an approver types their passphrase into a colleague's window), kept in the audit entry.
func (s *Service) decide(ctx context.Context, id int64, by actor.Actor, refusal, signedIn string) (Request, error) {
	var r Request
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = loadRequest(ctx, tx, id); err != nil {
			return err
		}
		if r.Status != Pending {
			return apperr.New(apperr.Conflict, "export %d is %s, not waiting for approval", id, r.Status)
		}
		status, action := Approved, "export.approve"
		if refusal != "" {
			status, action = Refused, "export.refuse"
		} else if r.RequestedByID == by.ID {
			return apperr.New(apperr.Forbidden, "%s requested export %d and cannot approve it: another operator must", by.Name, id)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE exports_requests SET status = ?, decided_by = ?, decided_name = ?, decided_at = ?,
			refusal = ? WHERE id = ?`, status, by.ID, by.Name, ts(s.clock.Now()), refusal, id); err != nil {
			return fmt.Errorf("record decision: %w", err)
		}
		if r, err = loadRequest(ctx, tx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: "export", ObjectID: strconv.FormatInt(id, 10),
			Details: map[string]string{"requestedBy": r.RequestedBy, "partner": r.PartnerID, "session": signedIn}})
	})
	return r, err
}

const selectRequest = `SELECT r.id, r.partner_id, coalesce(p.name, r.partner_id), r.source_kind, r.source_id, r.source_title,
	r.fields, r.note, r.status, r.requested_by, r.requested_name, r.requested_at, r.decided_name, r.decided_at, r.refusal,
	r.ran_name, r.ran_at, r.file_name, r.sha256, r.rows, r.excluded, r.encrypted
	FROM exports_requests r LEFT JOIN exports_partners p ON p.id = r.partner_id`

func scanRequest(sc store.Scanner) (Request, error) {
	var r Request
	var fields, excluded, requested, decided, ran string
	err := sc.Scan(&r.ID, &r.PartnerID, &r.PartnerName, &r.Source.Kind, &r.Source.ID, &r.Source.Title, &fields, &r.Note,
		&r.Status, &r.RequestedByID, &r.RequestedBy, &requested, &r.DecidedBy, &decided, &r.Refusal, &r.RanBy, &ran,
		&r.FileName, &r.SHA256, &r.Rows, &excluded, &r.Encrypted)
	if err != nil {
		return r, fmt.Errorf("read export request: %w", err)
	}
	_ = json.Unmarshal([]byte(fields), &r.Fields)
	_ = json.Unmarshal([]byte(excluded), &r.Excluded)
	if r.Excluded == nil {
		r.Excluded = []Exclusion{}
	}
	r.RequestedAt, r.DecidedAt, r.RanAt = parseTS(requested), parseTS(decided), parseTS(ran)
	r.Purpose = Purpose(r.PartnerID, r.Source)
	return r, nil
}

func loadRequest(ctx context.Context, tx *sql.Tx, id int64) (Request, error) {
	r, err := scanRequest(tx.QueryRowContext(ctx, selectRequest+` WHERE r.id = ?`, id))
	if err != nil {
		return r, apperr.New(apperr.NotFound, "no export request %d", id)
	}
	return r, nil
}
