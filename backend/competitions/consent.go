package competitions

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"staffdesk/backend/privacy"
)

// ConsentRecorder appends records to the consent ledger inside the caller's transaction.
type ConsentRecorder interface {
	RecordTx(ctx context.Context, tx *sql.Tx, recs []privacy.ConsentInput) error
}

// UseConsents makes every later import record, for each new entry, the consent to use it for the
// competition and, when the file has a partner_opt_in column, the entrant's answer to sharing their
// details with the sponsor (purpose sponsor_sharing:<privacy.PartnerKey(sponsor)>). nil records none.
func (s *Service) UseConsents(c ConsentRecorder) { s.consents = c }

// consentBatch is how many records go to the ledger at once.
const consentBatch = 512

// recordConsents writes the consents of the entries one import added, given at each entry's submission
// (or at the import, for an entry dated later).
func (s *Service) recordConsents(ctx context.Context, tx *sql.Tx, c Competition, importID int64, optInColumn bool) error {
	if s.consents == nil {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT email, partner_opt_in, line, submitted_at FROM competition_entries
		WHERE competition_id = ? AND import_id = ? ORDER BY entry_id`, c.ID, importID)
	if err != nil {
		return fmt.Errorf("read imported entries for consents: %w", err)
	}
	defer rows.Close()
	entry := privacy.CompetitionEntry(c.ID)
	sponsor := privacy.SponsorSharing(privacy.PartnerKey(c.Details.Sponsor))
	version := "competition " + c.ID
	batch := make([]privacy.ConsentInput, 0, consentBatch)
	for rows.Next() {
		var email string
		var optIn, line, submitted int64
		if err := rows.Scan(&email, &optIn, &line, &submitted); err != nil {
			return fmt.Errorf("read imported entry: %w", err)
		}
		ref := fmt.Sprintf("competition %s import %d line %d", c.ID, importID, line)
		at := time.UnixMilli(submitted).UTC()
		if now := s.clock.Now(); at.After(now) {
			at = now // a consent cannot be given after the file that records it was imported
		}
		batch = append(batch, privacy.ConsentInput{Email: email, Purpose: entry, Given: true, SourceKind: privacy.SourceImport,
			SourceRef: ref, Wording: "Entry to " + c.Details.Title + " on its terms and conditions", WordingVersion: version, At: at})
		if optInColumn && strings.TrimSpace(c.Details.Sponsor) != "" {
			batch = append(batch, privacy.ConsentInput{Email: email, Purpose: sponsor, Given: optIn == 1,
				SourceKind: privacy.SourceImport, SourceRef: ref, WordingVersion: version,
				Wording: "I agree that " + c.Details.Sponsor + ", the sponsor, may receive my details", At: at})
		}
		if len(batch) >= consentBatch-1 {
			if err := s.consents.RecordTx(ctx, tx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read imported entries: %w", err)
	}
	return s.consents.RecordTx(ctx, tx, batch)
}
