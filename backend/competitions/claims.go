package competitions

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/competitions/draw"
)

// Claim statuses of a winning place.
const (
	ClaimPending      = "pending"
	ClaimClaimed      = "claimed"
	ClaimDeclined     = "declined"
	ClaimExpired      = "expired"
	ClaimDisqualified = "disqualified"
)

// DisqualifyReasons are the reasons a manager may give; the audit log records the one chosen.
var DisqualifyReasons = []string{"not eligible on checking", "could not prove identity or age", "broke the competition rules",
	"entered through a forbidden method"}

// Place is one assignment of a winning place: to a first-drawn winner or to a reserve who replaced one.
type Place struct {
	Seq         int       `json:"seq"`
	Place       int       `json:"place"`
	EntryID     string    `json:"entryId"`
	ReserveRank int       `json:"reserveRank"`
	Status      string    `json:"status"`
	Reason      string    `json:"reason"`
	AssignedAt  time.Time `json:"assignedAt"`
	Deadline    time.Time `json:"deadline"`
	FirstName   string    `json:"firstName"`
	Surname     string    `json:"surname"`
	Email       string    `json:"email"`
	County      string    `json:"county"`
	OptIn       bool      `json:"optIn"`
}

func insertPlace(ctx context.Context, tx *sql.Tx, id string, seq, place int, entry string, rank int, now time.Time, claimDays int) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO competition_places (competition_id, seq, place, entry_id, reserve_rank, status,
		assigned_at, deadline, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
		id, seq, place, entry, rank, ts(now), ts(now.AddDate(0, 0, claimDays)), ts(now))
	if err != nil {
		return fmt.Errorf("save place %d: %w", place, err)
	}
	return nil
}

// Places lists every assignment of a competition's winning places, in order, with the entrant's details
// while they are kept.
func (s *Service) Places(ctx context.Context, id string) ([]Place, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	var out []Place
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		out, err = places(ctx, tx, id)
		return err
	})
	return out, err
}

func places(ctx context.Context, tx *sql.Tx, id string) ([]Place, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.seq, p.place, p.entry_id, p.reserve_rank, p.status, p.reason, p.assigned_at,
		p.deadline, coalesce(e.first_name, ''), coalesce(e.surname, ''), coalesce(e.email, ''), coalesce(e.county, ''),
		coalesce(e.partner_opt_in, 0)
		FROM competition_places p LEFT JOIN competition_entries e ON e.competition_id = p.competition_id AND e.entry_id = p.entry_id
		WHERE p.competition_id = ? ORDER BY p.seq`, id)
	if err != nil {
		return nil, fmt.Errorf("read places: %w", err)
	}
	defer rows.Close()
	out := []Place{}
	for rows.Next() {
		var p Place
		var assigned, deadline string
		if err := rows.Scan(&p.Seq, &p.Place, &p.EntryID, &p.ReserveRank, &p.Status, &p.Reason, &assigned, &deadline,
			&p.FirstName, &p.Surname, &p.Email, &p.County, &p.OptIn); err != nil {
			return nil, fmt.Errorf("read place: %w", err)
		}
		p.AssignedAt, p.Deadline = parseTS(assigned), parseTS(deadline)
		out = append(out, p)
	}
	return out, rows.Err()
}

// SetClaim records a winner's claim (claimed), refusal (declined) or disqualification (with one of
// DisqualifyReasons). A declined or disqualified place goes to the next reserve, and the audit log says why.
func (s *Service) SetClaim(ctx context.Context, id string, seq int, status, reason string) ([]Place, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	switch status {
	case ClaimClaimed, ClaimDeclined:
		reason = status
	case ClaimDisqualified:
		if !contains(DisqualifyReasons, reason) {
			return nil, apperr.New(apperr.Invalid, "choose why the winner is disqualified")
		}
	default:
		return nil, apperr.New(apperr.Invalid, "a claim is claimed, declined or disqualified, not %q", status)
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Status != Drawn {
			return apperr.New(apperr.Conflict, "competition %s is %s: its claims can no longer change", id, c.Status)
		}
		return s.settle(ctx, tx, c, seq, status, reason)
	})
	if err != nil {
		return nil, err
	}
	return s.Places(ctx, id)
}

// settle closes one pending place and, unless it was claimed, hands the place to the next reserve.
func (s *Service) settle(ctx context.Context, tx *sql.Tx, c Competition, seq int, status, reason string) error {
	var p Place
	var emailKey string
	err := tx.QueryRowContext(ctx, `SELECT p.place, p.entry_id, p.status, coalesce(e.email_key, '') FROM competition_places p
		LEFT JOIN competition_entries e ON e.competition_id = p.competition_id AND e.entry_id = p.entry_id
		WHERE p.competition_id = ? AND p.seq = ?`, c.ID, seq).Scan(&p.Place, &p.EntryID, &p.Status, &emailKey)
	if err != nil {
		return apperr.New(apperr.NotFound, "competition %s has no winning place numbered %d", c.ID, seq)
	}
	if p.Status != ClaimPending {
		return apperr.New(apperr.Conflict, "entry %s's claim is already %s", p.EntryID, p.Status)
	}
	now := s.clock.Now()
	if _, err := tx.ExecContext(ctx, `UPDATE competition_places SET status = ?, reason = ?, updated_at = ? WHERE competition_id = ? AND seq = ?`,
		status, reason, ts(now), c.ID, seq); err != nil {
		return fmt.Errorf("save claim: %w", err)
	}
	if status == ClaimClaimed {
		if emailKey != "" {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO competition_past_winners (email_hash, competition_id, won_at) VALUES (?, ?, ?)`,
				EmailHash(emailKey), c.ID, ts(now)); err != nil {
				return fmt.Errorf("remember winner: %w", err)
			}
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.claim", ObjectType: "competition", ObjectID: c.ID,
			Details: map[string]string{"place": strconv.Itoa(p.Place), "entry": p.EntryID}})
	}
	return s.replace(ctx, tx, c, p, reason, now)
}

// replace gives a place to the next unused reserve, in draw order, and records why in the audit log.
func (s *Service) replace(ctx context.Context, tx *sql.Tx, c Competition, p Place, reason string, now time.Time) error {
	var result string
	if err := tx.QueryRowContext(ctx, `SELECT result FROM competition_draws WHERE competition_id = ?`, c.ID).Scan(&result); err != nil {
		return fmt.Errorf("read draw: %w", err)
	}
	var res draw.Result
	if err := json.Unmarshal([]byte(result), &res); err != nil {
		return fmt.Errorf("read draw result: %w", err)
	}
	var used, maxSeq int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE reserve_rank > 0), max(seq) FROM competition_places
		WHERE competition_id = ?`, c.ID).Scan(&used, &maxSeq); err != nil {
		return fmt.Errorf("count reserves used: %w", err)
	}
	details := map[string]string{"place": strconv.Itoa(p.Place), "entry": p.EntryID, "reason": reason, "replacement": "none"}
	if used < len(res.Reserves) {
		next := res.Reserves[used]
		if err := insertPlace(ctx, tx, c.ID, maxSeq+1, p.Place, next, used+1, now, c.Details.ClaimDays); err != nil {
			return err
		}
		details["replacement"], details["reserveRank"] = next, strconv.Itoa(used+1)
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: "competition.replace", ObjectType: "competition", ObjectID: c.ID, Details: details})
}

// ExpireClaims marks every pending place past its claim deadline as expired and hands each to the next
// reserve. It returns how many expired.
func (s *Service) ExpireClaims(ctx context.Context, id string) (int, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return 0, err
	}
	n := 0
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Status != Drawn {
			return nil
		}
		for {
			var seq int
			err := tx.QueryRowContext(ctx, `SELECT seq FROM competition_places WHERE competition_id = ? AND status = 'pending'
				AND deadline < ? ORDER BY seq LIMIT 1`, id, ts(s.clock.Now())).Scan(&seq)
			if err == sql.ErrNoRows {
				return nil
			}
			if err != nil {
				return fmt.Errorf("find expired claims: %w", err)
			}
			if err := s.settle(ctx, tx, c, seq, ClaimExpired, "no claim by the deadline"); err != nil {
				return err
			}
			n++
		}
	})
	return n, err
}

// ConfirmWinners closes the claims once no place is waiting for an answer.
func (s *Service) ConfirmWinners(ctx context.Context, id string) (Competition, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Competition{}, err
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Status != Drawn {
			return apperr.New(apperr.Conflict, "competition %s is %s: only a drawn competition's winners can be confirmed", id, c.Status)
		}
		var pending int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM competition_places WHERE competition_id = ? AND status = 'pending'`, id).Scan(&pending); err != nil {
			return fmt.Errorf("count pending claims: %w", err)
		}
		if pending > 0 {
			return apperr.New(apperr.Conflict, "%d winner(s) have not answered yet: record each claim, or expire them after the deadline", pending)
		}
		if err := setStatus(ctx, tx, id, Confirmed, s.clock.Now()); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.confirm", ObjectType: "competition", ObjectID: id})
	})
	if err != nil {
		return Competition{}, err
	}
	return s.Get(ctx, id)
}
