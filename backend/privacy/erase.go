package privacy

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
)

// ErasureReport is what erasing a person did, or would do in a dry run, area by area.
type ErasureReport struct {
	DryRun    bool           `json:"dryRun"`
	RequestID int64          `json:"requestId"`
	PersonRef string         `json:"personRef"`
	Areas     []ErasureCount `json:"areas"`
	Total     int            `json:"total"`
}

func (r *ErasureReport) add(c ErasureCount) {
	r.Areas = append(r.Areas, c)
	r.Total += c.Deleted + c.Anonymised + c.Redacted + c.Found
}

// Erase erases a person from every connected area the way the notice says (each area's EraseMember), or,
// with dryRun, only counts what that would change. A real erasure marks the erasure request done (the one
// given, else the person's oldest open one, else a new one), replaces the address in the person's
// requests by their keyed hash, and is audited under that hash, never the address. Admins only.
func (s *Service) Erase(ctx context.Context, email string, dryRun bool, requestID int64) (ErasureReport, error) {
	a, err := actor.Require(ctx, actor.Admin)
	if err != nil {
		return ErasureReport{}, err
	}
	person, err := NormaliseEmail(email)
	if err != nil {
		return ErasureReport{}, err
	}
	rep := ErasureReport{DryRun: dryRun, Areas: []ErasureCount{}}
	if rep.PersonRef, err = s.PersonRef(ctx, person); err != nil {
		return rep, err
	}
	all, err := s.addresses(ctx, person)
	if err != nil {
		return rep, err
	}
	for _, area := range s.areas {
		sum := ErasureCount{Area: area.AreaName()}
		for _, addr := range addressesFor(area, all) {
			c, err := s.eraseArea(ctx, area, addr, dryRun)
			if err != nil {
				return rep, fmt.Errorf("erase in %s: %w", area.AreaName(), err)
			}
			sum.Deleted, sum.Anonymised, sum.Redacted = sum.Deleted+c.Deleted, sum.Anonymised+c.Anonymised, sum.Redacted+c.Redacted
			sum.Kept, sum.Found = sum.Kept+c.Kept, sum.Found+c.Found
		}
		rep.add(sum)
	}
	if dryRun {
		return rep, nil
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		if rep.RequestID, err = s.settle(ctx, tx, a, requestID, KindErasure, person, "erased"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE privacy_requests SET person = ? WHERE person = ?`, ErasedPerson(rep.PersonRef), person); err != nil {
			return fmt.Errorf("forget the address in requests: %w", err)
		}
		details := map[string]string{"request": strconv.FormatInt(rep.RequestID, 10)}
		for _, c := range rep.Areas {
			details[c.Area] = fmt.Sprintf("deleted %d, anonymised %d, redacted %d, kept %d", c.Deleted, c.Anonymised, c.Redacted, c.Kept)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "privacy.erase", ObjectType: PersonObjectType, ObjectID: rep.PersonRef, Details: details})
	})
	return rep, err
}

// ErasedPerson is what an erased person's requests show instead of their address: the keyed
// hash, which finds the audit entries about them.
func ErasedPerson(ref string) string { return "erased:" + ref }

func (s *Service) eraseArea(ctx context.Context, area MemberArea, person string, dryRun bool) (ErasureCount, error) {
	if !dryRun {
		return area.EraseMember(ctx, person)
	}
	if p, ok := area.(ErasurePreviewer); ok {
		return p.PreviewErasure(ctx, person)
	}
	recs, err := area.MemberRecords(ctx, person)
	return ErasureCount{Area: area.AreaName(), Found: len(recs.Rows)}, err
}
