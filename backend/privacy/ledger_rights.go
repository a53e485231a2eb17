package privacy

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/store"
)

// SourceErasure is the source of the suppression records an erasure leaves in the ledger.
const SourceErasure = "erasure"

// suppressionWording is what a suppression record says it is for.
const suppressionWording = "erased at the person's request; kept only so that no later import gives this consent again"

// AreaName names the consent ledger among the areas of an access file.
func (s *ConsentService) AreaName() string { return "consents" }

// MemberRecords lists every consent record about the person and their newsletter unsubscribe requests.
// Admins only.
func (s *ConsentService) MemberRecords(ctx context.Context, email string) (AreaRecords, error) {
	recs := AreaRecords{Area: s.AreaName(), Columns: []string{"record", "purpose", "given", "at", "source", "source ref",
		"wording", "wording version", "recorded by", "recorded at"}, Rows: [][]string{}}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return recs, err
	}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("consents", scanRecord)(tx.QueryContext(ctx, selectRecord+` WHERE email_key = ?
			ORDER BY at, id`, EmailKey(email)))
		for _, c := range list {
			recs.Rows = append(recs.Rows, []string{strconv.FormatInt(c.ID, 10), c.Purpose, yesNo(c.Given), c.At.Format(time.RFC3339),
				c.SourceKind, c.SourceRef, c.Wording, c.WordingVersion, c.RecordedBy, c.RecordedAt.Format(time.RFC3339)})
		}
		if err != nil {
			return err
		}
		unsubs, err := store.Collect("unsubscribes", func(r store.Scanner) (row []string, err error) {
			var id int64
			var list, kind, ref, at, done string
			err = r.Scan(&id, &list, &kind, &ref, &at, &done)
			return []string{"unsubscribe " + strconv.FormatInt(id, 10), list, "no", at, kind, ref, "unsubscribe request", "",
				"", done}, err
		})(tx.QueryContext(ctx, `SELECT id, list, source_kind, source_ref, requested_at, done_at FROM privacy_unsubscribes
			WHERE lower(trim(email)) = ? ORDER BY requested_at, id`, EmailKey(email)))
		recs.Rows = append(recs.Rows, unsubs...)
		return err
	})
	return recs, err
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// PreviewErasure counts what EraseMember would delete and keep. Admins only.
func (s *ConsentService) PreviewErasure(ctx context.Context, email string) (ErasureCount, error) {
	c := ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return c, err
	}
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		c, err = countLedger(ctx, tx, EmailKey(email))
		return err
	})
	return c, err
}

// notSuppressed selects the person's records an erasure deletes: all but earlier suppression records.
const notSuppressed = `email_key = ? AND source_kind != 'erasure'`

// newSuppression selects the purposes an erasure adds a suppression record for: those not suppressed yet.
const newSuppression = `SELECT DISTINCT purpose FROM privacy_consents WHERE ` + notSuppressed + ` AND purpose NOT IN
	(SELECT purpose FROM privacy_consents WHERE email_key = ? AND source_kind = 'erasure') ORDER BY purpose`

func countLedger(ctx context.Context, tx *sql.Tx, key string) (ErasureCount, error) {
	c := ErasureCount{Area: "consents"}
	var unsubs int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM privacy_consents WHERE `+notSuppressed, key).Scan(&c.Deleted)
	if err == nil {
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM (`+newSuppression+`)`, key, key).Scan(&c.Kept)
	}
	if err == nil {
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM privacy_unsubscribes WHERE lower(trim(email)) = ?`, key).Scan(&unsubs)
	}
	if err != nil {
		return c, fmt.Errorf("count consents: %w", err)
	}
	c.Deleted += unsubs
	return c, nil
}

// EraseMember deletes every consent record and unsubscribe request of the person and, for each purpose
// they had a record for, appends one suppression record (consent not given, source "erasure", dated now):
// the address and purpose are all it keeps, so that a later import of an old file cannot give that
// consent again (the notice's right to withdraw and object; the ICO's suppression-list practice).
// Admins only.
func (s *ConsentService) EraseMember(ctx context.Context, email string) (ErasureCount, error) {
	c := ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return c, err
	}
	key := EmailKey(email)
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = countLedger(ctx, tx, key); err != nil || c.Deleted == 0 {
			return err
		}
		purposes, err := store.Collect("consent purposes", func(r store.Scanner) (p string, err error) { return p, r.Scan(&p) })(
			tx.QueryContext(ctx, newSuppression, key, key))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM privacy_consents WHERE `+notSuppressed, key); err != nil {
			return fmt.Errorf("delete consents: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM privacy_unsubscribes WHERE lower(trim(email)) = ?`, key); err != nil {
			return fmt.Errorf("delete unsubscribe requests: %w", err)
		}
		sup := make([]ConsentInput, len(purposes))
		for i, p := range purposes {
			sup[i] = ConsentInput{Email: key, Purpose: p, SourceKind: SourceErasure, Wording: suppressionWording, At: s.clock.Now()}
		}
		if err := s.RecordTx(ctx, tx, sup); err != nil {
			return err
		}
		ref, err := personRef(ctx, tx, key)
		if err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "consent.erase", ObjectType: PersonObjectType, ObjectID: ref,
			Details: map[string]string{"deleted": strconv.Itoa(c.Deleted), "suppressions": strconv.Itoa(c.Kept)}})
	})
	return c, err
}
