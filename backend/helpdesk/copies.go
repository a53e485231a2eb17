package helpdesk

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
)

// copies knows, for one DeliverBatch, which mails could already have an item: those whose key (see
// mailKey) an item held before the batch, found with one query for the whole batch, and those the batch
// itself delivered. Only those are looked up one by one (findCopy); a first sync then makes one query
// per batch instead of one per mail.
type copies struct {
	before  map[string]bool
	touched map[string]bool
}

// loadCopies reads which of ds's mails an item already holds.
func (s *Service) loadCopies(ctx context.Context, tx *sql.Tx, ds []mail.Delivery) (*copies, error) {
	c := &copies{before: map[string]bool{}, touched: map[string]bool{}}
	var ids, hashes []string
	for _, d := range ds {
		switch m := d.Msg; {
		case m == nil:
		case !utf8.ValidString(m.MessageID):
			// JSON would carry it changed, so the query could not find it: looked up one by one
			c.before[mailKey(m)] = true
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
		if err := s.readKeys(ctx, tx, q.q, q.prefix, q.keys, c.before); err != nil {
			return nil, fmt.Errorf("find known mail: %w", err)
		}
	}
	return c, nil
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

// mayExist reports whether an item could hold m: known before the batch, or delivered in it.
func (c *copies) mayExist(m *message.Message) bool {
	k := mailKey(m)
	return c.before[k] || c.touched[k]
}

// touch records that the batch delivered m.
func (c *copies) touch(m *message.Message) { c.touched[mailKey(m)] = true }
