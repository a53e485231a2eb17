package helpdesk

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"staffdesk/backend/mail/message"
)

// reindex rebuilds a ticket's row of the search index from its subject, thread and participants, in the
// caller's transaction. An erased ticket has no row.
func (s *Service) reindex(ctx context.Context, tx *sql.Tx, ticketID int64) error {
	if _, err := s.exec(ctx, tx, `DELETE FROM helpdesk_fts WHERE rowid = ?`, ticketID); err != nil {
		return fmt.Errorf("reindex ticket %d: %w", ticketID, err)
	}
	var subject, reqName, reqEmail, tags string
	var fc facetRow
	var redacted int64
	err := s.queryRow(ctx, tx, `SELECT subject, requester_name, requester_email, redacted_at, status, assignee_id, mailbox,
		sensitive, tags FROM helpdesk_tickets WHERE id = ?`, ticketID).Scan(&subject, &reqName, &reqEmail, &redacted,
		&fc.status, &fc.assignee, &fc.mailbox, &fc.sensitive, &tags)
	if err != nil || redacted != 0 {
		return wrapErr("reindex ticket", err)
	}
	json.Unmarshal([]byte(tags), &fc.tags)
	who := []string{reqName, reqEmail}
	ids, texts, err := s.threadTexts(ctx, tx, ticketID, &who)
	if err != nil {
		return fmt.Errorf("reindex ticket %d: %w", ticketID, err)
	}
	if err := s.mailTexts(ctx, tx, ids, texts); err != nil {
		return fmt.Errorf("reindex ticket %d: %w", ticketID, err)
	}
	var body strings.Builder
	for _, text := range texts {
		if body.Len() < message.WordsLimit {
			body.WriteString(text)
			body.WriteByte('\n')
		}
	}
	_, err = s.exec(ctx, tx, `INSERT INTO helpdesk_fts (rowid, subject, body, participants, facets) VALUES (?, ?, ?, ?, ?)`,
		ticketID, subject, message.Words(body.String()), people(who...), fc.text())
	return wrapErr("reindex ticket", err)
}

// threadTexts reads the ids and stored texts of a ticket's items, in thread order, and adds their senders
// and recipients to who.
func (s *Service) threadTexts(ctx context.Context, tx *sql.Tx, ticketID int64, who *[]string) ([]int64, []string, error) {
	rows, err := s.query(ctx, tx, `SELECT id, from_name, from_email, to_json, cc_json, text FROM helpdesk_items
		WHERE ticket_id = ? ORDER BY date, id`, ticketID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []int64
	var texts []string
	for rows.Next() {
		var id int64
		var fromName, fromEmail, to, cc, text string
		if err := rows.Scan(&id, &fromName, &fromEmail, &to, &cc, &text); err != nil {
			return nil, nil, err
		}
		ids, texts = append(ids, id), append(texts, text)
		*who = append(*who, fromName, fromEmail, to, cc)
	}
	return ids, texts, rows.Err()
}

// facetRow is what a ticket's facets column is made of.
type facetRow struct {
	status, assignee, mailbox string
	sensitive                 bool
	tags                      []string
}

// Facet tokens: a prefix and a value, hex-encoded where it may hold characters the tokenizer splits on.
func facetStatus(st string) string    { return "xst" + st }
func facetAssignee(id string) string  { return "xas" + hex.EncodeToString([]byte(id)) }
func facetMailbox(name string) string { return "xmb" + hex.EncodeToString([]byte(name)) }
func facetTag(tag string) string      { return "xtg" + hex.EncodeToString([]byte(tag)) }
func facetSensitive(v bool) string    { return "xsens" + strconv.Itoa(boolInt(v)) }

// text is the facets column: one token per fact.
func (f facetRow) text() string {
	out := []string{facetStatus(f.status), facetAssignee(f.assignee), facetMailbox(f.mailbox), facetSensitive(f.sensitive)}
	for _, t := range f.tags {
		out = append(out, facetTag(t))
	}
	return strings.Join(out, " ")
}

// people is the participants column: names, addresses and the JSON address lists, space separated.
func people(parts ...string) string { return strings.Join(parts, " ") }

// ftsQuery turns what an operator typed into an FTS5 query: every word must appear, in any order (prefix
// match on the last one, for search as you type). Words split where the index's tokenizer splits (at
// anything but letters, numbers, marks and private-use characters), so "o'brien" asks for "o" and "brien":
// the index records which words a ticket holds, not where (detail=column), so it answers no phrases.
// Quotes, operators and punctuation are never taken as FTS5 syntax. It returns "" when nothing searchable
// is left.
func ftsQuery(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !tokenRune(r) })
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	words[len(words)-1] += "*"
	return strings.Join(words, " ")
}

// tokenRune reports whether the index's tokenizer keeps r in a word: its categories are L* N* Co M* Cn, and
// a code point Go knows as a letter but the tokenizer's older tables do not is unassigned (Cn) there.
func tokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r)
}

func wrapErr(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}
