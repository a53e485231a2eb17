package helpdesk

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"staffdesk/backend/store"
)

// fewMatches is the size up to which a set of ticket ids (a tag, the tickets holding some words) is
// looked up ticket by ticket and sorted; a larger set is probed while walking the tickets in list order,
// which stops after a page and never reads the rows it skips.
const fewMatches = 300

// addSets adds a filter's tag and words to c as sets of ticket ids: whole e-mail addresses match
// participants exactly, other words the full-text index, together with the filter's status, assignee,
// mailbox, tag and sensitive mark as facet tokens, so that the index alone counts the result. The index is
// read once. It returns the number of tickets selected when that is known (-1 otherwise, 0 when nothing
// can match) and, when known, the tickets the index found, for the caller to add (addMatches) or to walk
// (pageByWalk); me is the signed-in operator.
func (s *Service) addSets(ctx context.Context, tx *sql.Tx, c *conds, f Filter, me string) (int, *matchSet, error) {
	words, emails := splitEmails(f.Query)
	for _, e := range emails {
		c.add("t.id IN (SELECT ticket_id FROM helpdesk_participants WHERE email = ?)", e)
	}
	q := ftsQuery(words)
	var match string
	switch {
	case q != "":
		match = textMatch(q) + facetMatch(f, me)
	case strings.TrimSpace(f.Query) != "" && len(emails) == 0:
		return 0, nil, nil
	case f.Tag != "":
		match = facetTerms(f, me)
	default:
		return -1, nil, nil
	}
	m, err := findMatches(ctx, tx, match)
	if err != nil || m.n == 0 {
		return 0, nil, err
	}
	if len(emails) > 0 || !f.Since.IsZero() || !f.Until.IsZero() {
		c.addMatches(m)
		return -1, nil, nil
	}
	return m.n, m, nil
}

// matchSet is the tickets the search index found: how many, their ids as the index listed them (comma
// separated) and as a bit set.
type matchSet struct {
	n    int
	ids  string
	bits []uint64
}

// findMatches reads the tickets an FTS5 query matches, in one pass over the index.
func findMatches(ctx context.Context, tx *sql.Tx, match string) (*matchSet, error) {
	m := &matchSet{}
	err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(group_concat(rowid), '') FROM helpdesk_fts
		WHERE helpdesk_fts MATCH ?`, match).Scan(&m.n, &m.ids)
	if err != nil {
		return nil, fmt.Errorf("search tickets: %w", err)
	}
	m.parse()
	return m, nil
}

// parse fills the bit set from the comma-separated ids.
func (m *matchSet) parse() {
	if m.ids == "" {
		return
	}
	var id uint64
	for i := 0; i <= len(m.ids); i++ {
		if i < len(m.ids) && m.ids[i] != ',' {
			id = id*10 + uint64(m.ids[i]-'0')
			continue
		}
		for uint64(len(m.bits)) <= id/64 {
			m.bits = append(m.bits, 0)
		}
		m.bits[id/64] |= 1 << (id % 64)
		id = 0
	}
}

// has reports whether ticket id is in the set.
func (m *matchSet) has(id int64) bool {
	return id >= 0 && uint64(id)/64 < uint64(len(m.bits)) && m.bits[id/64]&(1<<(id%64)) != 0
}

// addMatches adds "ticket id in the set" to c.
func (c *conds) addMatches(m *matchSet) {
	c.add(idIn(m.n)+" (SELECT value FROM json_each(?))", "["+m.ids+"]")
}

// maxWalk is about how many tickets in list order pageByWalk may read to fill a page; a sparser set is
// handed to SQLite instead.
const maxWalk = 20000

// walkable reports whether a page of a large set is better found by walking the tickets in list order and
// testing each against the set than by handing SQLite the whole set: whether the page, at the set's
// density among ticket ids up to maxID, lies within about maxWalk tickets of the top.
func (m *matchSet) walkable(maxID int64, offset, limit int) bool {
	return m.n > fewMatches && int64(offset+limit)*maxID/int64(m.n) <= maxWalk
}

// pageByWalk returns a page of the tickets in m, in list order: it reads ticket ids along the list-order
// index, skipping those not in m, stops as soon as the page is full, then reads those tickets by id. m holds
// only tickets that meet the filter: its facets are indexed with the words.
func (s *Service) pageByWalk(ctx context.Context, tx *sql.Tx, m *matchSet, offset, limit int) ([]TicketSummary, error) {
	ids, err := walkIDs(ctx, tx, m, offset, limit)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	list, err := store.Collect("tickets", scanSummary)(tx.QueryContext(ctx, `SELECT `+summaryColumns+`
		FROM helpdesk_tickets t WHERE t.id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, ids...))
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id.(int64)] = i
	}
	sort.Slice(list, func(i, j int) bool { return at[list[i].ID] < at[list[j].ID] })
	return list, nil
}

// walkIDs reads ticket ids in list order and returns those in m, after skipping offset of them, up to limit.
func walkIDs(ctx context.Context, tx *sql.Tx, m *matchSet, offset, limit int) ([]any, error) {
	rows, err := tx.QueryContext(ctx, `SELECT t.id FROM helpdesk_tickets t WHERE t.redacted_at = 0
		ORDER BY t.updated_at DESC, t.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list tickets: %w", err)
	}
	defer rows.Close()
	var ids []any
	for len(ids) < limit && rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list tickets: %w", err)
		}
		if m.has(id) {
			if offset > 0 {
				offset--
				continue
			}
			ids = append(ids, id)
		}
	}
	return ids, wrapErr("list tickets", rows.Err())
}

// textMatch keeps an operator's words to the text columns: the facets column holds only our own tokens.
func textMatch(q string) string { return "{subject body participants} : (" + q + ")" }

// facetMatch is the filter's fields as facet tokens ANDed to the words.
func facetMatch(f Filter, me string) string {
	if t := facetTerms(f, me); t != "" {
		return " AND " + t
	}
	return ""
}

// facetTerms is the filter's fields as facet tokens, ANDed together ("" when the filter has none).
func facetTerms(f Filter, me string) string {
	var parts []string
	switch f.Status {
	case "":
	case StatusActive:
		parts = append(parts, "("+facetStatus(StatusNew)+" OR "+facetStatus(StatusOpen)+" OR "+facetStatus(StatusPending)+")")
	default:
		parts = append(parts, facetStatus(f.Status))
	}
	switch f.AssigneeID {
	case "":
	case "me":
		parts = append(parts, facetAssignee(me))
	case "none":
		parts = append(parts, facetAssignee(""))
	default:
		parts = append(parts, facetAssignee(f.AssigneeID))
	}
	if f.Mailbox != "" {
		parts = append(parts, facetMailbox(f.Mailbox))
	}
	if f.Tag != "" {
		parts = append(parts, facetTag(normTag(f.Tag)))
	}
	if f.Sensitive != nil {
		parts = append(parts, facetSensitive(*f.Sensitive))
	}
	if len(parts) == 0 {
		return ""
	}
	return "facets : (" + strings.Join(parts, " AND ") + ")"
}

// idIn starts the condition "ticket id in a set of n": a unary + keeps SQLite from looking a large set up
// row by row, so it walks the list-order index instead.
func idIn(n int) string {
	if n <= fewMatches {
		return "t.id IN"
	}
	return "+t.id IN"
}

// splitEmails takes the whole e-mail addresses out of a query, lower-cased.
func splitEmails(query string) (rest string, emails []string) {
	var words []string
	for _, w := range strings.Fields(query) {
		w2 := strings.Trim(w, `"'()<>,;`)
		if at := strings.IndexByte(w2, '@'); at > 0 && strings.Contains(w2[at:], ".") && !strings.HasSuffix(w2, ".") {
			emails = append(emails, strings.ToLower(w2))
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " "), emails
}

// excerptLen is how many characters a search result's excerpt shows around the first word found.
const excerptLen = 160

// matchSnippets replaces each ticket's snippet by an excerpt of the latest message that holds one of the
// query's words, so the list shows why a ticket matched. Tickets matched on their subject or participants
// keep their snippet.
func (s *Service) matchSnippets(ctx context.Context, tx *sql.Tx, list []TicketSummary, query string) error {
	words, _ := splitEmails(query)
	terms := strings.FieldsFunc(strings.ToLower(words), func(r rune) bool { return !tokenRune(r) })
	if len(terms) == 0 || len(list) == 0 {
		return nil
	}
	byID := map[int64]*TicketSummary{}
	args := make([]any, 0, len(list))
	for i := range list {
		byID[list[i].ID] = &list[i]
		args = append(args, list[i].ID)
	}
	rows, err := tx.QueryContext(ctx, `SELECT ticket_id, id, text FROM helpdesk_items WHERE ticket_id IN (?`+
		strings.Repeat(", ?", len(args)-1)+`) ORDER BY date DESC, id DESC`, args...)
	if err != nil {
		return fmt.Errorf("search excerpts: %w", err)
	}
	var tickets, items []int64
	var texts []string
	for rows.Next() {
		var ticket, item int64
		var text string
		if err := rows.Scan(&ticket, &item, &text); err != nil {
			rows.Close()
			return fmt.Errorf("search excerpts: %w", err)
		}
		tickets, items, texts = append(tickets, ticket), append(items, item), append(texts, text)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search excerpts: %w", err)
	}
	// The latest message of every ticket first, then the one before for those without an excerpt, and so
	// on: the stored mail of each round's messages is found with one query.
	left := map[int64][]int{}
	for i, id := range tickets {
		left[id] = append(left[id], i)
	}
	for round := 0; len(left) > 0; round++ {
		var at []int
		for id, pos := range left {
			if round < len(pos) {
				at = append(at, pos[round])
			} else {
				delete(left, id)
			}
		}
		ids, txts := make([]int64, len(at)), make([]string, len(at))
		for k, i := range at {
			ids[k], txts[k] = items[i], texts[i]
		}
		if err := s.mailTexts(ctx, tx, ids, txts); err != nil {
			return fmt.Errorf("search excerpts: %w", err)
		}
		for k, i := range at {
			if ex, ok := excerpt(txts[k], terms); ok {
				byID[tickets[i]].Snippet = ex
				delete(left, tickets[i])
			}
		}
	}
	return nil
}

// excerpt cuts about excerptLen characters of text around the first of terms it holds (lower-case).
func excerpt(text string, terms []string) (string, bool) {
	flat := []rune(strings.Join(strings.Fields(text), " "))
	low := []rune(strings.ToLower(string(flat)))
	if len(low) != len(flat) {
		return "", false
	}
	at := -1
	for _, t := range terms {
		if i := strings.Index(string(low), t); i >= 0 {
			if r := len([]rune(string(low)[:i])); at < 0 || r < at {
				at = r
			}
		}
	}
	if at < 0 {
		return "", false
	}
	start := max(0, at-excerptLen/3)
	end := min(len(flat), start+excerptLen)
	out := string(flat[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(flat) {
		out += "…"
	}
	return out, true
}
