package privacy

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
)

// The formats of an access file.
const (
	FormatXLSX = "xlsx"
	FormatJSON = "json"
)

// AccessReport is everything the connected areas hold about a person, one table per area, and the audit
// entries about them (named by the keyed hash, never the address).
type AccessReport struct {
	Person      string        `json:"person"`
	GeneratedAt time.Time     `json:"generatedAt"`
	Areas       []AreaRecords `json:"areas"`
}

// AccessResult says what an access file holds; the file itself went to the writer.
type AccessResult struct {
	RequestID int64  `json:"requestId"`
	Format    string `json:"format"`
	Areas     int    `json:"areas"`
	Rows      int    `json:"rows"`
	Bytes     int64  `json:"bytes"`
	SHA256    string `json:"sha256"`
}

// Gather collects what every area holds about the person, without recording anything. Admins only.
func (s *Service) Gather(ctx context.Context, email string) (AccessReport, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return AccessReport{}, err
	}
	person, err := NormaliseEmail(email)
	if err != nil {
		return AccessReport{}, err
	}
	rep := AccessReport{Person: person, GeneratedAt: s.clock.Now(), Areas: []AreaRecords{}}
	all, err := s.addresses(ctx, person)
	if err != nil {
		return AccessReport{}, err
	}
	for _, a := range s.areas {
		recs := AreaRecords{Area: a.AreaName(), Rows: [][]string{}}
		seen := map[string]bool{}
		for _, addr := range addressesFor(a, all) {
			got, err := a.MemberRecords(ctx, addr)
			if err != nil {
				return AccessReport{}, fmt.Errorf("gather %s: %w", a.AreaName(), err)
			}
			recs.Columns = got.Columns
			for _, row := range got.Rows {
				if k := strings.Join(row, "\x00"); !seen[k] {
					recs.Rows, seen[k] = append(recs.Rows, row), true
				}
			}
		}
		rep.Areas = append(rep.Areas, recs)
	}
	refs, err := s.auditRecords(ctx, person)
	if err != nil {
		return AccessReport{}, err
	}
	rep.Areas = append(rep.Areas, refs)
	return rep, nil
}

// auditRecords lists the audit entries about the person: those whose object is their keyed hash.
func (s *Service) auditRecords(ctx context.Context, person string) (AreaRecords, error) {
	recs := AreaRecords{Area: "audit", Columns: []string{"entry", "at", "operator", "action", "details"}, Rows: [][]string{}}
	var ref string
	err := s.db.Update(ctx, func(tx *sql.Tx) (err error) {
		ref, err = personRef(ctx, tx, person)
		return err
	})
	if err != nil {
		return recs, err
	}
	for before := int64(0); ; {
		page, err := s.audit.Search(ctx, audit.Filter{ObjectType: PersonObjectType, ObjectID: ref, Before: before, Limit: 500})
		if err != nil {
			return recs, fmt.Errorf("gather audit references: %w", err)
		}
		for _, e := range page.Entries {
			recs.Rows = append(recs.Rows, []string{strconv.FormatInt(e.ID, 10), e.At.Format(time.RFC3339), e.OperatorName, e.Action, detailsText(e.Details)})
			before = e.ID
		}
		if len(page.Entries) < 500 {
			return recs, nil
		}
	}
}

func detailsText(d map[string]string) string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := ""
	for i, k := range keys {
		if i > 0 {
			out += ", "
		}
		out += k + ": " + d[k]
	}
	return out
}

// Access writes the person's access file (xlsx: a sheet per area; json: for portability) to w, marks the
// access request done (requestID, else the person's oldest open access request, else a new one received
// now) and records it in the audit log under the keyed hash. Admins only.
func (s *Service) Access(ctx context.Context, w io.Writer, email, format string, requestID int64) (AccessResult, error) {
	a, err := actor.Require(ctx, actor.Admin)
	if err != nil {
		return AccessResult{}, err
	}
	if format == "" {
		format = FormatXLSX
	}
	if format != FormatXLSX && format != FormatJSON {
		return AccessResult{}, apperr.New(apperr.Invalid, "the access file is xlsx or json, not %q", format)
	}
	rep, err := s.Gather(ctx, email)
	if err != nil {
		return AccessResult{}, err
	}
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(w, h)}
	if format == FormatJSON {
		enc := json.NewEncoder(cw)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = writeAccessXLSX(cw, rep)
	}
	if err != nil {
		return AccessResult{}, fmt.Errorf("write access file: %w", err)
	}
	res := AccessResult{Format: format, Areas: len(rep.Areas), Bytes: cw.n, SHA256: hex.EncodeToString(h.Sum(nil))}
	for _, ar := range rep.Areas {
		res.Rows += len(ar.Rows)
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		if res.RequestID, err = s.settle(ctx, tx, a, requestID, KindAccess, rep.Person, "access file sent"); err != nil {
			return err
		}
		ref, err := personRef(ctx, tx, rep.Person)
		if err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "privacy.access", ObjectType: PersonObjectType, ObjectID: ref,
			Details: map[string]string{"request": strconv.FormatInt(res.RequestID, 10), "format": format,
				"rows": strconv.Itoa(res.Rows), "sha256": res.SHA256}})
	})
	return res, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
