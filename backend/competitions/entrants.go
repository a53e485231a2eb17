package competitions

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
)

// Entrant is one eligible entrant of a competition, as a partner export reads them.
type Entrant struct {
	Email       string
	FirstName   string
	Surname     string
	DateOfBirth string
	Postcode    string
	Address     string
	County      string
	Country     string
	Answer      string
	SubmittedAt time.Time
}

// Entrants calls fn for each eligible entry of the competition (one per person: duplicates and
// ineligible entries are left out), in entry id order. The Entrant is reused between calls. Competition
// managers only.
func (s *Service) Entrants(ctx context.Context, id string, fn func(e *Entrant) error) error {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return err
	}
	return s.db.View(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM competitions WHERE id = ?`, id).Scan(&n); err != nil || n == 0 {
			return apperr.New(apperr.NotFound, "no competition %s", id)
		}
		rows, err := tx.QueryContext(ctx, `SELECT email, first_name, surname, date_of_birth, postcode, address_line1, county,
			country, answer, submitted_at FROM competition_entries WHERE competition_id = ? AND status = 'eligible'
			ORDER BY entry_id`, id)
		if err != nil {
			return fmt.Errorf("read entrants: %w", err)
		}
		defer rows.Close()
		var e Entrant
		var submitted int64
		for rows.Next() {
			if err := rows.Scan(&e.Email, &e.FirstName, &e.Surname, &e.DateOfBirth, &e.Postcode, &e.Address, &e.County,
				&e.Country, &e.Answer, &submitted); err != nil {
				return fmt.Errorf("read entrant: %w", err)
			}
			e.SubmittedAt = time.UnixMilli(submitted).UTC()
			if err := fn(&e); err != nil {
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read entrants: %w", err)
		}
		return nil
	})
}
