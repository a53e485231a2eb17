package helpdesk

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// fewMatches is the size up to which a set of ticket ids (a tag, the tickets holding some words) is
// looked up ticket by ticket and sorted; a larger set is probed while walking the tickets in list order,
// which stops after a page and never reads the rows it skips.
const fewMatches = 300

// addSets adds a filter's tag and words to c as sets of ticket ids: whole e-mail addresses match
// participants exactly, other words the full-text index, together with the filter's status, assignee,
// mailbox, tag and sensitive mark as facet tokens, so that the index alone counts the result. It returns
// the number of tickets selected when that is known (-1 otherwise, 0 when nothing can match); me is the
// signed-in operator.
func (s *Service) addSets(ctx context.Context, tx *sql.Tx, c *conds, f Filter, me string) (int, error) {
	words, emails := splitEmails(f.Query)
	for _, e := range emails {
		c.add("t.id IN (SELECT ticket_id FROM helpdesk_participants WHERE email = ?)", e)
	}
	q := ftsQuery(words)
	if q == "" {
		if strings.TrimSpace(f.Query) != "" && len(emails) == 0 {
			return 0, nil
		}
		return s.addTag(ctx, tx, c, f.Tag)
	}
	match := textMatch(q) + facetMatch(f, me)
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM helpdesk_fts WHERE helpdesk_fts MATCH ?`, match).Scan(&n); err != nil {
		return 0, fmt.Errorf("search tickets: %w", err)
	}
	if n == 0 {
		return 0, nil
	}
	c.add(idIn(n)+" (SELECT rowid FROM helpdesk_fts WHERE helpdesk_fts MATCH ?)", match)
	if len(emails) > 0 || !f.Since.IsZero() || !f.Until.IsZero() {
		return -1, nil
	}
	return n, nil
}

// addTag adds a tag filter when there are no words to search.
func (s *Service) addTag(ctx context.Context, tx *sql.Tx, c *conds, tag string) (int, error) {
	if tag == "" {
		return -1, nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM helpdesk_tags WHERE tag = ?`, normTag(tag)).Scan(&n); err != nil {
		return 0, fmt.Errorf("filter tickets by tag: %w", err)
	}
	if n == 0 {
		return 0, nil
	}
	c.add(idIn(n)+" (SELECT ticket_id FROM helpdesk_tags WHERE tag = ?)", normTag(tag))
	return -1, nil
}

// textMatch keeps an operator's words to the text columns: the facets column holds only our own tokens.
func textMatch(q string) string { return "{subject body participants} : (" + q + ")" }

// facetMatch is the filter's fields as facet tokens ANDed to the words.
func facetMatch(f Filter, me string) string {
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
	return " AND facets : (" + strings.Join(parts, " AND ") + ")"
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
	terms := strings.FieldsFunc(strings.ToLower(words), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(terms) == 0 || len(list) == 0 {
		return nil
	}
	byID := map[int64]*TicketSummary{}
	args := make([]any, 0, len(list))
	for i := range list {
		byID[list[i].ID] = &list[i]
		args = append(args, list[i].ID)
	}
	rows, err := tx.QueryContext(ctx, `SELECT ticket_id, text FROM helpdesk_items WHERE ticket_id IN (?`+
		strings.Repeat(", ?", len(args)-1)+`) ORDER BY date DESC, id DESC`, args...)
	if err != nil {
		return fmt.Errorf("search excerpts: %w", err)
	}
	defer rows.Close()
	done := map[int64]bool{}
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return fmt.Errorf("search excerpts: %w", err)
		}
		if done[id] {
			continue
		}
		if ex, ok := excerpt(text, terms); ok {
			byID[id].Snippet, done[id] = ex, true
		}
	}
	return rows.Err()
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
