package exports

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
)

// The reasons people are kept out of an export.
const (
	ReasonNoConsent = "no consent recorded"
	ReasonDeclined  = "consent not given"
	ReasonWithdrawn = "consent withdrawn"
	ReasonRepeat    = "already in this export"
)

// RunOptions say where to write an export and how to protect it.
type RunOptions struct {
	Out              string `json:"out"`
	Password         string `json:"password"`
	GeneratePassword bool   `json:"generatePassword"`
}

// RunResult is what an export wrote. Password is the generated password, shown this once and kept nowhere.
type RunResult struct {
	Request  Request     `json:"request"`
	File     string      `json:"file"`
	Rows     int         `json:"rows"`
	Sheets   int         `json:"sheets"`
	SHA256   string      `json:"sha256"`
	Password string      `json:"password"`
	Excluded []Exclusion `json:"excluded"`
}

func errInvalid(format string, args ...any) error { return apperr.New(apperr.Invalid, format, args...) }
func errConflict(format string, args ...any) error {
	return apperr.New(apperr.Conflict, format, args...)
}

// Run writes an approved request's file: only the people whose consent for the partner is in force now,
// only the fields requested (re-checked against the partner's entitlement), a summary sheet, optionally
// encrypted with a password. The audit log records the file's SHA-256 and row count. A request runs once.
func (s *Service) Run(ctx context.Context, id int64, opts RunOptions) (RunResult, error) {
	a, err := actor.Require(ctx, managers...)
	if err != nil {
		return RunResult{}, err
	}
	r, src, err := s.runnable(ctx, id)
	if err != nil {
		return RunResult{}, err
	}
	out, err := checkOut(opts.Out)
	if err != nil {
		return RunResult{}, err
	}
	password := opts.Password
	if opts.GeneratePassword && password == "" {
		password = newPassword()
	}
	res := RunResult{File: out, Password: password}
	if !opts.GeneratePassword {
		res.Password = ""
	}
	snap, err := s.consents.Snapshot(ctx, r.Purpose)
	if err != nil {
		return RunResult{}, err
	}
	b, err := newBook(filepath.Dir(out), headers(r.Fields), s.perSheet)
	if err != nil {
		return RunResult{}, err
	}
	defer b.close()
	if res.Rows, res.Excluded, err = fill(ctx, b, src, r, snap); err != nil {
		return RunResult{}, fmt.Errorf("export %d: %w", id, err)
	}
	res.Sheets = len(b.sheets)
	if err := b.summary(summaryLines(r, a, res, s.clock.Now().Format("2006-01-02 15:04:05 UTC"))); err != nil {
		return RunResult{}, err
	}
	if res.SHA256, err = b.save(out, password, s.files); err != nil {
		return RunResult{}, err
	}
	if res.Request, err = s.recordRun(ctx, r, a, res, password != ""); err != nil {
		removeFile(out)
		return RunResult{}, err
	}
	return res, nil
}

// fill writes the rows of the people whose consent is in force, each person once (a survey may hold two
// responses of one address), and counts the others by reason.
func fill(ctx context.Context, b *book, src Source, r Request, snap *privacy.ConsentSnapshot) (int, []Exclusion, error) {
	rows, seen := 0, 0
	written := make([]uint64, (snap.InForceCount()+63)/64)
	counts := map[string]int{}
	err := src.Stream(ctx, r.Source.ID, r.Fields, func(email string, values []string) error {
		if seen++; seen%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		st, i := snap.Lookup(email)
		switch {
		case st == privacy.InForce && written[i/64]&(1<<(i%64)) != 0:
			counts[ReasonRepeat]++
		case st == privacy.InForce:
			written[i/64] |= 1 << (i % 64)
			rows++
			return b.add(values)
		case st == privacy.Withdrawn:
			counts[ReasonWithdrawn]++
		case st == privacy.Declined:
			counts[ReasonDeclined]++
		default:
			counts[ReasonNoConsent]++
		}
		return nil
	})
	excluded := []Exclusion{}
	for _, reason := range []string{ReasonNoConsent, ReasonDeclined, ReasonWithdrawn, ReasonRepeat} {
		excluded = append(excluded, Exclusion{reason, counts[reason]})
	}
	return rows, excluded, err
}

// runnable loads an approved request and checks the partner still sponsors the source and is still
// entitled to every field.
func (s *Service) runnable(ctx context.Context, id int64) (Request, Source, error) {
	var r Request
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = loadRequest(ctx, tx, id); err != nil {
			return err
		}
		if r.Status != Approved {
			return apperr.New(apperr.Conflict, "export %d is %s: only an approved export runs, once", id, r.Status)
		}
		p, err := loadPartner(ctx, tx, r.PartnerID)
		if err != nil {
			return err
		}
		_, _, err = checkRequest(p, RequestInput{PartnerID: p.ID, Source: r.Source, Fields: r.Fields})
		return err
	})
	if err != nil {
		return r, nil, err
	}
	src, ok := s.sources[r.Source.Kind]
	if !ok {
		return r, nil, apperr.New(apperr.Invalid, "exports of %ss are not available", r.Source.Kind)
	}
	return r, src, nil
}

func headers(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i], _ = fieldLabel(f)
	}
	return out
}

func summaryLines(r Request, runner actor.Actor, res RunResult, now string) [][2]string {
	lines := [][2]string{
		{"Export request", strconv.FormatInt(r.ID, 10)},
		{"Partner", r.PartnerName},
		{"Source", fmt.Sprintf("%s %s: %s", r.Source.Kind, r.Source.ID, r.Source.Title)},
		{"Fields", strings.Join(headers(r.Fields), ", ")},
		{"Requested by", r.RequestedBy + " at " + r.RequestedAt.Format("2006-01-02 15:04:05 UTC")},
		{"Approved by", r.DecidedBy + " at " + r.DecidedAt.Format("2006-01-02 15:04:05 UTC")},
		{"Run by", runner.Name + " at " + now},
		{"Consent rule", "Only people whose latest consent record for purpose " + r.Purpose +
			", given at or before the time of this export, gives consent. Withdrawals recorded before the export are honoured."},
		{"People included", strconv.Itoa(res.Rows)},
	}
	for _, e := range res.Excluded {
		lines = append(lines, [2]string{"Excluded: " + e.Reason, strconv.Itoa(e.Count)})
	}
	return append(lines, [2]string{"Data sheets", strconv.Itoa(res.Sheets)})
}

// recordRun marks the request done and audits the file's hash and row count.
func (s *Service) recordRun(ctx context.Context, r Request, a actor.Actor, res RunResult, encrypted bool) (Request, error) {
	excluded, _ := json.Marshal(res.Excluded)
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		q, err := tx.ExecContext(ctx, `UPDATE exports_requests SET status = 'done', ran_name = ?, ran_at = ?, file_name = ?,
			file_path = ?, sha256 = ?, rows = ?, excluded = ?, encrypted = ? WHERE id = ? AND status = 'approved'`, a.Name,
			ts(s.clock.Now()), filepath.Base(res.File), absPath(res.File), res.SHA256, res.Rows, string(excluded), encrypted, r.ID)
		if err != nil {
			return fmt.Errorf("record export run: %w", err)
		}
		if n, _ := q.RowsAffected(); n == 0 {
			return apperr.New(apperr.Conflict, "export %d ran at the same time elsewhere", r.ID)
		}
		d := map[string]string{"sha256": res.SHA256, "rows": strconv.Itoa(res.Rows), "sheets": strconv.Itoa(res.Sheets),
			"encrypted": strconv.FormatBool(encrypted), "partner": r.PartnerID, "purpose": r.Purpose}
		for _, e := range res.Excluded {
			d["excluded."+strings.ReplaceAll(e.Reason, " ", "_")] = strconv.Itoa(e.Count)
		}
		if err := s.audit.Record(ctx, tx, audit.Event{Action: "export.run", ObjectType: "export",
			ObjectID: strconv.FormatInt(r.ID, 10), Details: d}); err != nil {
			return err
		}
		r, err = loadRequest(ctx, tx, r.ID)
		return err
	})
	return r, err
}

// passwordAlphabet leaves out characters people misread (0/O, 1/l/I).
const passwordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// newPassword returns 20 random characters (about 117 bits).
func newPassword() string {
	limit := byte(256 - 256%len(passwordAlphabet))
	out := make([]byte, 0, 20)
	buf := make([]byte, 32)
	for len(out) < 20 {
		rand.Read(buf)
		for _, c := range buf {
			if c < limit && len(out) < 20 {
				out = append(out, passwordAlphabet[int(c)%len(passwordAlphabet)])
			}
		}
	}
	return string(out)
}
