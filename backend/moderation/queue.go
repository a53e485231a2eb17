package moderation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"staffdesk/backend/apperr"
	"staffdesk/backend/store"
)

// OverdueAfter is the age from which a pending item is highlighted as waiting too long.
const OverdueAfter = 48 * time.Hour

// Item is one submission as the queue shows it.
type Item struct {
	Feed         FeedItem `json:"feed"`
	PostcodeArea string   `json:"postcodeArea"`
	State        State    `json:"state"`
	Flags        []Flag   `json:"flags"`
	ImportedAt   string   `json:"importedAt"`
	// AgeHours is the time since the member submitted it, in whole hours; Overdue is over 48 hours.
	AgeHours     int       `json:"ageHours"`
	Overdue      bool      `json:"overdue"`
	LastDecision *Decision `json:"lastDecision"`
}

// Decision is one moderator's decision on one version of an item.
type Decision struct {
	Seq       int64  `json:"seq"`
	ItemID    string `json:"itemId"`
	Version   int64  `json:"version"`
	Decision  string `json:"decision"`
	Reason    string `json:"reason"`
	Note      string `json:"note"`
	Operator  string `json:"operator"`
	DecidedAt string `json:"decidedAt"`
	Undone    bool   `json:"undone"`
	Exported  bool   `json:"exported"`
}

const itemColumns = `id, version, kind, title, body, contact_name, contact_email, contact_phone, website, address,
	postcode, postcode_area, submitted_by, submitted_by_email, submitted_at, event_start, event_end, expires_at,
	parent_id, state, flags, imported_at`

type scanner = store.Scanner

func scanItem(row scanner) (Item, error) {
	var it Item
	f := &it.Feed
	var flags string
	err := row.Scan(&f.ID, &f.Version, &f.Kind, &f.Title, &f.Body, &f.ContactName, &f.ContactEmail, &f.ContactPhone,
		&f.Website, &f.Address, &f.Postcode, &it.PostcodeArea, &f.SubmittedBy, &f.SubmittedByEmail, &f.SubmittedAt,
		&f.EventStart, &f.EventEnd, &f.ExpiresAt, &f.ParentID, &it.State, &flags, &it.ImportedAt)
	if err != nil {
		return it, fmt.Errorf("read item: %w", err)
	}
	it.Flags = decodeFlags(flags)
	return it, nil
}

// Filter selects part of the queue. Zero values select everything; State defaults to pending.
type Filter struct {
	State        State    `json:"state"`
	Kind         Kind     `json:"kind"`
	Flag         FlagCode `json:"flag"` // a check's code, "any" (flagged at all) or "none" (not flagged)
	MinAgeHours  int      `json:"minAgeHours"`
	MaxAgeHours  int      `json:"maxAgeHours"`
	PostcodeArea string   `json:"postcodeArea"`
	Submitter    string   `json:"submitter"` // the submitter's email or name, any case
	Offset       int      `json:"offset"`
	Limit        int      `json:"limit"`
}

// Page is one page of the queue, oldest first, and how many items match the filter in all.
type Page struct {
	Items []Item `json:"items"`
	Total int    `json:"total"`
}

// where turns the filter into SQL conditions and their arguments.
func (f Filter) where(now time.Time) (string, []any, error) {
	if f.State == "" {
		f.State = Pending
	}
	conds, args := []string{"state = ?"}, []any{string(f.State)}
	if f.Kind != "" {
		if !f.Kind.valid() {
			return "", nil, apperr.New(apperr.Invalid, "kind must be business, event, review or comment, not %q", short(string(f.Kind)))
		}
		conds, args = append(conds, "kind = ?"), append(args, string(f.Kind))
	}
	switch f.Flag {
	case "":
	case "any":
		conds = append(conds, "flag_mask != 0")
	case "none":
		conds = append(conds, "flag_mask = 0")
	default:
		if f.Flag.bit() == 0 {
			return "", nil, apperr.New(apperr.Invalid, "there is no check called %q", short(string(f.Flag)))
		}
		conds, args = append(conds, "(flag_mask & ?) != 0"), append(args, f.Flag.bit())
	}
	if f.MinAgeHours > 0 {
		conds, args = append(conds, "submitted_at <= ?"), append(args, formatTime(now.Add(-time.Duration(f.MinAgeHours)*time.Hour)))
	}
	if f.MaxAgeHours > 0 {
		conds, args = append(conds, "submitted_at >= ?"), append(args, formatTime(now.Add(-time.Duration(f.MaxAgeHours)*time.Hour)))
	}
	if a := strings.ToUpper(strings.TrimSpace(f.PostcodeArea)); a != "" {
		conds, args = append(conds, "postcode_area = ?"), append(args, a)
	}
	if who := strings.TrimSpace(f.Submitter); who != "" {
		// the submitter's few items drive the query: "+state" keeps SQLite off the state indexes
		conds[0] = "+state = ?"
		conds = append(conds, `id IN (SELECT id FROM moderation_items WHERE submitted_by_email = ?
			UNION SELECT id FROM moderation_items WHERE submitted_by = ? COLLATE NOCASE)`)
		args = append(args, strings.ToLower(who), who)
	}
	return strings.Join(conds, " AND "), args, nil
}

// Queue returns the items the filter selects, oldest first. Moderators and admins.
func (s *Service) Queue(ctx context.Context, f Filter) (Page, error) {
	page := Page{Items: []Item{}}
	if _, err := requireModerator(ctx); err != nil {
		return page, err
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	now := s.clock.Now()
	where, args, err := f.where(now)
	if err != nil {
		return page, err
	}
	err = s.db.View(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM moderation_items WHERE `+where, args...).Scan(&page.Total); err != nil {
			return fmt.Errorf("count queue: %w", err)
		}
		items, err := store.Collect("queue", scanItem)(tx.QueryContext(ctx, `SELECT `+itemColumns+` FROM moderation_items WHERE `+where+
			` ORDER BY submitted_at, id LIMIT ? OFFSET ?`, append(args, f.Limit, max(f.Offset, 0))...))
		if err != nil {
			return err
		}
		page.Items = append(page.Items, items...)
		return s.withDecisions(ctx, tx, page.Items, now)
	})
	return page, err
}

// withDecisions fills each item's age and last decision (one query for the whole page).
func (s *Service) withDecisions(ctx context.Context, tx *sql.Tx, items []Item, now time.Time) error {
	if len(items) == 0 {
		return nil
	}
	byID := make(map[string]*Item, len(items))
	args := make([]any, len(items))
	for i := range items {
		it := &items[i]
		age := now.Sub(parseTime(it.Feed.SubmittedAt))
		it.AgeHours, it.Overdue = int(age/time.Hour), it.State == Pending && age > OverdueAfter
		byID[it.Feed.ID], args[i] = it, it.Feed.ID
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+decisionColumns+` FROM moderation_decisions WHERE undone = 0
		AND item_id IN (?`+strings.Repeat(",?", len(items)-1)+`) ORDER BY seq`, args...)
	if err != nil {
		return fmt.Errorf("read decisions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDecision(rows)
		if err != nil {
			return err
		}
		byID[d.ItemID].LastDecision = &d
	}
	return rows.Err()
}

const decisionColumns = `seq, item_id, version, decision, reason, note, operator, decided_at, undone, exported_at != ''`

func scanDecision(row scanner) (Decision, error) {
	var d Decision
	err := row.Scan(&d.Seq, &d.ItemID, &d.Version, &d.Decision, &d.Reason, &d.Note, &d.Operator, &d.DecidedAt, &d.Undone, &d.Exported)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("read decision: %w", err)
	}
	return d, err
}

// ItemDetail is one item with every decision taken on it, newest first.
type ItemDetail struct {
	Item      Item       `json:"item"`
	Decisions []Decision `json:"decisions"`
}

// Get returns one item and its decisions. Moderators and admins.
func (s *Service) Get(ctx context.Context, id string) (ItemDetail, error) {
	out := ItemDetail{Decisions: []Decision{}}
	if _, err := requireModerator(ctx); err != nil {
		return out, err
	}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		it, err := scanItem(tx.QueryRowContext(ctx, `SELECT `+itemColumns+` FROM moderation_items WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.New(apperr.NotFound, "there is no item %s", short(id))
		}
		if err != nil {
			return err
		}
		items := []Item{it}
		if err := s.withDecisions(ctx, tx, items, s.clock.Now()); err != nil {
			return err
		}
		out.Item = items[0]
		out.Decisions, err = store.Collect("decisions", scanDecision)(tx.QueryContext(ctx,
			`SELECT `+decisionColumns+` FROM moderation_decisions WHERE item_id = ? ORDER BY seq DESC`, id))
		return err
	})
	return out, err
}
