package helpdesk

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"staffdesk/backend/mail/message"
)

// snippetLen is how many characters of the latest message the ticket list shows.
const snippetLen = 160

// insertItem stores a mail as a thread item; attachments keep their metadata here, their content stays in
// the mail area's stored message. text is the item's own text: our reply's, or "" for a mail the mail area
// stored, whose text is read from there (mailTexts).
func (s *Service) insertItem(ctx context.Context, tx *sql.Tx, ticketID int64, kind string, m *message.Message, text string, at time.Time, delivery string) (int64, error) {
	res, err := s.exec(ctx, tx, `INSERT INTO helpdesk_items (ticket_id, kind, message_id, content_hash, from_name,
		from_email, to_json, cc_json, date, text, html, attachments, warnings, delivery)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ticketID, kind, m.MessageID, m.ContentHash, m.From.Name, lower(m.From.Email), jsonText(m.To), jsonText(m.Cc),
		ms(at), text, m.HTML, jsonText(attachmentMeta(m)), jsonText(m.Warnings), delivery)
	if err != nil {
		return 0, fmt.Errorf("store ticket mail: %w", err)
	}
	return res.LastInsertId()
}

// mailTexts fills in the text of the items stored without one (ids and texts run in parallel): a mail's
// item keeps no copy of its text, which is read from the mail area's stored message instead. That copy
// was a third of the database and a tenth of a first sync's time. An item with no stored mail keeps "".
func (s *Service) mailTexts(ctx context.Context, tx *sql.Tx, ids []int64, texts []string) error {
	var need []int64
	for i, text := range texts {
		if text == "" {
			need = append(need, ids[i])
		}
	}
	if len(need) == 0 {
		return nil
	}
	refs, err := s.itemRefs(ctx, tx, need)
	if err != nil {
		return err
	}
	for i, text := range texts {
		ref, ok := refs[ids[i]]
		if text != "" || !ok {
			continue
		}
		if texts[i], err = s.mail.StoredText(ctx, tx, ref); err != nil {
			return fmt.Errorf("read mail of item %d: %w", ids[i], err)
		}
	}
	return nil
}

// itemRefs reads the stored mail (its first ref) of each of the items, in one query.
func (s *Service) itemRefs(ctx context.Context, tx *sql.Tx, items []int64) (map[int64]int64, error) {
	list, _ := json.Marshal(items)
	rows, err := s.query(ctx, tx, `SELECT item_id, min(ref) FROM helpdesk_refs
		WHERE item_id IN (SELECT value FROM json_each(?)) GROUP BY item_id`, string(list))
	if err != nil {
		return nil, fmt.Errorf("read items' mail: %w", err)
	}
	defer rows.Close()
	refs := make(map[int64]int64, len(items))
	for rows.Next() {
		var item, ref int64
		if err := rows.Scan(&item, &ref); err != nil {
			return nil, fmt.Errorf("read items' mail: %w", err)
		}
		refs[item] = ref
	}
	return refs, rows.Err()
}

// attachmentMeta is what an item keeps of m's attachments: everything but their content.
func attachmentMeta(m *message.Message) []message.Attachment {
	atts := make([]message.Attachment, len(m.Attachments))
	for i, a := range m.Attachments {
		a.Data = nil
		atts[i] = a
	}
	return atts
}

// touchTicket counts a new message and moves the ticket's last activity forward.
func (s *Service) touchTicket(ctx context.Context, tx *sql.Tx, ticketID int64, at time.Time, text string) error {
	_, err := s.exec(ctx, tx, `UPDATE helpdesk_tickets SET messages = messages + 1, snippet = ?,
		updated_at = max(updated_at, ?) WHERE id = ?`, snippet(text), ms(at), ticketID)
	if err != nil {
		return fmt.Errorf("update ticket %d: %w", ticketID, err)
	}
	return nil
}

// addParticipants records everyone on a mail, one single-row statement each: a statement that writes
// several rows opens a statement journal, and with it FTS5 would flush its pending index to disk once per
// mail instead of once per sync batch.
func (s *Service) addParticipants(ctx context.Context, tx *sql.Tx, ticketID int64, addrs []message.Address) error {
	for _, a := range addrs {
		if a.Email == "" {
			continue
		}
		_, err := s.exec(ctx, tx, `INSERT OR IGNORE INTO helpdesk_participants (ticket_id, email) VALUES (?, ?)`,
			ticketID, lower(a.Email))
		if err != nil {
			return fmt.Errorf("add participants: %w", err)
		}
	}
	return nil
}

// threadOf finds the ticket a mail replies to: by In-Reply-To and References (newest first; for a bounce
// also the returned mail's own Message-ID), then by a [#N] subject token when the sender already takes
// part in ticket N. It returns 0 when the mail starts a new conversation.
func (s *Service) threadOf(ctx context.Context, tx *sql.Tx, m *message.Message) (int64, error) {
	ids := make([]string, 0, len(m.References)+2)
	if m.InReplyTo != "" {
		ids = append(ids, m.InReplyTo)
	}
	for i := len(m.References) - 1; i >= 0; i-- {
		ids = append(ids, m.References[i])
	}
	if m.Auto == message.AutoBounce {
		ids = append(ids, returnedIDs(m)...)
	}
	for _, id := range ids {
		var ticketID int64
		err := s.queryRow(ctx, tx, `SELECT i.ticket_id FROM helpdesk_items i JOIN helpdesk_tickets t ON t.id = i.ticket_id
			WHERE i.message_id = ? AND t.redacted_at = 0 LIMIT 1`, id).Scan(&ticketID)
		if err == nil {
			return ticketID, nil
		}
		if err != sql.ErrNoRows {
			return 0, fmt.Errorf("thread mail: %w", err)
		}
	}
	n, ok := message.SubjectToken(m.Subject)
	if !ok || m.From.Email == "" {
		return 0, nil
	}
	var hit int64
	err := s.queryRow(ctx, tx, `SELECT p.ticket_id FROM helpdesk_participants p JOIN helpdesk_tickets t ON t.id = p.ticket_id
		WHERE p.ticket_id = ? AND p.email = ? AND t.redacted_at = 0`, n, lower(m.From.Email)).Scan(&hit)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("thread mail by subject: %w", err)
	}
	return hit, nil
}

// returnedIDs finds, in the copy a bounce returns, the returned mail's Message-ID and the ids it replied to.
func returnedIDs(m *message.Message) []string {
	var out []string
	for _, a := range m.Attachments {
		ct := strings.ToLower(a.ContentType)
		if !strings.Contains(ct, "rfc822") && !strings.Contains(ct, "global") {
			continue
		}
		for _, line := range bytes.Split(a.Data, []byte("\n")) {
			name, value, ok := strings.Cut(string(line), ":")
			if !ok {
				continue
			}
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "message-id", "in-reply-to", "references":
				for _, id := range strings.Fields(value) {
					if id = strings.Trim(id, "<>"); id != "" {
						out = append(out, id)
					}
				}
			}
		}
	}
	return out
}

func (s *Service) mailDate(m *message.Message) time.Time {
	if m.Date.IsZero() {
		return s.clock.Now()
	}
	return m.Date
}

// snippet is the start of text with its runs of white space made single spaces, cut at snippetLen
// characters with an ellipsis; it reads no further than it needs.
func snippet(text string) string {
	var b strings.Builder
	n, pending := 0, false
	emit := func(r rune) bool {
		if n == snippetLen {
			b.WriteString("…")
			return false
		}
		b.WriteRune(r)
		n++
		return true
	}
	for _, r := range text {
		if unicode.IsSpace(r) {
			pending = n > 0
			continue
		}
		if pending && !emit(' ') || !emit(r) {
			break
		}
		pending = false
	}
	return b.String()
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
