package helpdesk

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"staffdesk/backend/mail"
)

// loadKnown marks in b.known which of ds's mails an item already holds, with one query for the batch
// (by Message-ID, or content hash when there is none), so that a first sync does not look up each mail.
func (s *Service) loadKnown(ctx context.Context, tx *sql.Tx, b *batch, ds []mail.Delivery) error {
	var ids, hashes []string
	for _, d := range ds {
		switch m := d.Msg; {
		case m == nil:
		case !utf8.ValidString(m.MessageID):
			// JSON would carry it changed, so the query could not find it: looked up one by one
			b.known[mailKey(m)] = true
		case m.MessageID != "":
			ids = append(ids, m.MessageID)
		case m.ContentHash != "":
			hashes = append(hashes, m.ContentHash)
		}
	}
	queries := []struct {
		prefix, q string
		keys      []string
	}{
		{"id:", `SELECT DISTINCT message_id FROM helpdesk_items WHERE message_id IN (SELECT value FROM json_each(?))`, ids},
		{"hash:", `SELECT DISTINCT content_hash FROM helpdesk_items WHERE message_id = '' AND content_hash IN
			(SELECT value FROM json_each(?))`, hashes},
	}
	for _, q := range queries {
		if len(q.keys) == 0 {
			continue
		}
		if err := s.readKeys(ctx, tx, q.q, q.prefix, q.keys, b.known); err != nil {
			return fmt.Errorf("find known mail: %w", err)
		}
	}
	return nil
}

// readKeys runs q with keys as a JSON array and marks each key it returns, with prefix, in into.
func (s *Service) readKeys(ctx context.Context, tx *sql.Tx, q, prefix string, keys []string, into map[string]bool) error {
	arg, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	rows, err := s.query(ctx, tx, q, string(arg))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return err
		}
		into[prefix+k] = true
	}
	return rows.Err()
}
