package moderation

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"staffdesk/backend/audit"
)

// ImportResult counts what an import did.
type ImportResult struct {
	File      string `json:"file"`
	Format    Format `json:"format"`
	Read      int    `json:"read"`
	Added     int    `json:"added"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Flagged   int    `json:"flagged"`
	// Retention is what the retention schedule removed right after the import.
	Retention RetentionResult `json:"retention"`
}

// Import reads one feed file (JSON Lines or CSV, see FormatOf) in a single transaction: a new item joins
// the queue, a newer version of a known item replaces it and goes back in the queue, an older or equal
// version changes nothing, and earlier decisions are kept. A malformed record refuses the whole file with
// an error naming the file, line and field. Each import then runs the retention schedule. Moderators and
// admins.
func (s *Service) Import(ctx context.Context, file string, r io.Reader) (ImportResult, error) {
	res := ImportResult{File: file}
	if _, err := requireModerator(ctx); err != nil {
		return res, err
	}
	br := bufio.NewReaderSize(r, 64*1024)
	head, _ := br.Peek(512)
	res.Format = FormatOf(file, head)
	parse := ParseCSV
	if res.Format == JSONL {
		parse = ParseJSONL
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		im, err := s.newImporter(ctx, tx)
		if err != nil {
			return err
		}
		defer im.close()
		if err := parse(br, file, func(line int, it FeedItem) error { return im.add(ctx, it, &res) }); err != nil {
			return err
		}
		if err := refreshOrphans(ctx, tx); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "listings.import", ObjectType: "feed", Details: map[string]string{
			"format": string(res.Format), "read": strconv.Itoa(res.Read), "added": strconv.Itoa(res.Added),
			"updated": strconv.Itoa(res.Updated), "unchanged": strconv.Itoa(res.Unchanged), "flagged": strconv.Itoa(res.Flagged)}})
	})
	var pe *ParseError
	if errors.As(err, &pe) {
		return ImportResult{File: file, Format: res.Format}, pe.asAppErr()
	}
	if err != nil {
		return ImportResult{File: file, Format: res.Format}, err
	}
	res.Retention, err = s.ApplyRetention(ctx)
	return res, err
}

// importer holds one import's prepared statements and checker.
type importer struct {
	tx                   *sql.Tx
	check                *checker
	version, body, title *sql.Stmt
	upsert               *sql.Stmt
}

func (s *Service) newImporter(ctx context.Context, tx *sql.Tx) (*importer, error) {
	terms, err := readTerms(ctx, tx)
	if err != nil {
		return nil, err
	}
	im := &importer{tx: tx, check: newChecker(s.clock.Now(), terms)}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&im.version, `SELECT version FROM moderation_items WHERE id = ?`},
		{&im.body, `SELECT id FROM moderation_items WHERE body_key = ? AND body_key != '' AND id != ? ORDER BY submitted_at, id LIMIT 1`},
		{&im.title, `SELECT id FROM moderation_items WHERE title_key = ? AND title_key != '' AND id != ? ORDER BY submitted_at, id LIMIT 1`},
		{&im.upsert, upsertSQL},
	} {
		if *p.stmt, err = tx.PrepareContext(ctx, p.sql); err != nil {
			im.close()
			return nil, fmt.Errorf("prepare import: %w", err)
		}
	}
	return im, nil
}

func (im *importer) close() {
	for _, st := range []*sql.Stmt{im.version, im.body, im.title, im.upsert} {
		if st != nil {
			st.Close()
		}
	}
}

const upsertSQL = `INSERT INTO moderation_items (id, version, kind, title, body, contact_name, contact_email,
	contact_phone, website, address, postcode, postcode_area, submitted_by, submitted_by_email, submitted_at,
	event_start, event_end, expires_at, parent_id, state, flags, flag_mask, body_key, title_key, imported_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET version = excluded.version, kind = excluded.kind, title = excluded.title,
	body = excluded.body, contact_name = excluded.contact_name, contact_email = excluded.contact_email,
	contact_phone = excluded.contact_phone, website = excluded.website, address = excluded.address,
	postcode = excluded.postcode, postcode_area = excluded.postcode_area, submitted_by = excluded.submitted_by,
	submitted_by_email = excluded.submitted_by_email, submitted_at = excluded.submitted_at,
	event_start = excluded.event_start, event_end = excluded.event_end, expires_at = excluded.expires_at,
	parent_id = excluded.parent_id, state = 'pending', flags = excluded.flags, flag_mask = excluded.flag_mask,
	body_key = excluded.body_key, title_key = excluded.title_key, imported_at = excluded.imported_at`

// add applies one record: skipped when the store holds that version or a newer one.
func (im *importer) add(ctx context.Context, it FeedItem, res *ImportResult) error {
	res.Read++
	if res.Read%1000 == 0 && ctx.Err() != nil {
		return ctx.Err()
	}
	var have int64
	err := im.version.QueryRowContext(ctx, it.ID).Scan(&have)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res.Added++
	case err != nil:
		return fmt.Errorf("read item %s: %w", it.ID, err)
	case have >= it.Version:
		res.Unchanged++
		return nil
	default:
		res.Updated++
	}
	bodyKey, titleKey := dupKeys(it)
	flags := im.check.itemFlags(it)
	if dup, err := im.duplicateFlag(ctx, it, bodyKey, titleKey); err != nil {
		return err
	} else if dup != nil {
		flags = append(flags, *dup)
	}
	if len(flags) > 0 {
		res.Flagged++
	}
	js, mask := encodeFlags(flags)
	_, err = im.upsert.ExecContext(ctx, it.ID, it.Version, it.Kind, it.Title, it.Body, it.ContactName,
		it.ContactEmail, it.ContactPhone, it.Website, it.Address, it.Postcode, postcodeArea(it.Postcode),
		it.SubmittedBy, it.SubmittedByEmail, it.SubmittedAt, it.EventStart, it.EventEnd, it.ExpiresAt,
		it.ParentID, js, mask, bodyKey, titleKey, formatTime(im.check.now))
	if err != nil {
		return fmt.Errorf("save item %s: %w", it.ID, err)
	}
	return nil
}

// duplicateFlag finds an earlier item with the same body, or the same title and postcode.
func (im *importer) duplicateFlag(ctx context.Context, it FeedItem, bodyKey, titleKey string) (*Flag, error) {
	for _, k := range []struct {
		key   string
		stmt  *sql.Stmt
		what  string
		match []Match
	}{
		{bodyKey, im.body, "the same text as", []Match{{Field: "body"}}},
		{titleKey, im.title, "the same title and postcode as", []Match{{Field: "title"}, {Field: "postcode"}}},
	} {
		if k.key == "" {
			continue
		}
		var other string
		err := k.stmt.QueryRowContext(ctx, k.key, it.ID).Scan(&other)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("look for duplicates: %w", err)
		}
		f := newFlag(FlagDuplicate, fmt.Sprintf("Has %s item %s.", k.what, other), k.match...)
		f.Related = other
		return &f, nil
	}
	return nil, nil
}

func encodeFlags(flags []Flag) (string, int64) {
	if flags == nil {
		flags = []Flag{}
	}
	js, _ := json.Marshal(flags)
	var mask int64
	for _, f := range flags {
		mask |= f.Code.bit()
	}
	return string(js), mask
}

func decodeFlags(js string) []Flag {
	var flags []Flag
	if err := json.Unmarshal([]byte(js), &flags); err != nil || flags == nil {
		return []Flag{}
	}
	return flags
}

// refreshOrphans flags pending reviews whose listing the store does not hold, and clears the flag from
// those whose listing has since arrived.
func refreshOrphans(ctx context.Context, tx *sql.Tx) error {
	bit := FlagOrphan.bit()
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.flags, c.parent_id FROM moderation_items c
		WHERE c.state = 'pending' AND c.kind = 'review' AND c.parent_id != ''
		AND ((c.flag_mask & ?) != 0) = EXISTS (SELECT 1 FROM moderation_items p WHERE p.id = c.parent_id)`, bit)
	if err != nil {
		return fmt.Errorf("find reviews of unknown listings: %w", err)
	}
	type change struct{ id, flags string }
	var changes []change
	for rows.Next() {
		var id, js, parent string
		if err := rows.Scan(&id, &js, &parent); err != nil {
			rows.Close()
			return fmt.Errorf("read review: %w", err)
		}
		flags := withoutFlag(decodeFlags(js), FlagOrphan)
		if len(flags) == len(decodeFlags(js)) {
			f := newFlag(FlagOrphan, "Reviews listing "+parent+", which is not in the store.", Match{Field: "parent_id"})
			f.Related = parent
			flags = append(flags, f)
		}
		enc, _ := encodeFlags(flags)
		changes = append(changes, change{id, enc})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read reviews: %w", err)
	}
	for _, c := range changes {
		_, mask := encodeFlags(decodeFlags(c.flags))
		if _, err := tx.ExecContext(ctx, `UPDATE moderation_items SET flags = ?, flag_mask = ? WHERE id = ?`, c.flags, mask, c.id); err != nil {
			return fmt.Errorf("update review flags: %w", err)
		}
	}
	return nil
}

func withoutFlag(flags []Flag, code FlagCode) []Flag {
	out := flags[:0:0]
	for _, f := range flags {
		if f.Code != code {
			out = append(out, f)
		}
	}
	return out
}

// cleanList trims, lower-cases and de-duplicates a configured list, dropping empty entries.
func cleanList(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = appendOnce(out, s)
		}
	}
	return out
}
