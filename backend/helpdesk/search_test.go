package helpdesk

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"
)

// referencePage is a page and total as the plain SQL reading of a filter gives them: the full-text index
// matched inside the query, tags from the tags table, LIMIT and OFFSET.
func referencePage(t *testing.T, f *fixture, flt Filter) (ids []int64, total int) {
	t.Helper()
	c, err := filterConds(flt, "op1")
	if err != nil {
		t.Fatal(err)
	}
	words, emails := splitEmails(flt.Query)
	for _, e := range emails {
		c.add("t.id IN (SELECT ticket_id FROM helpdesk_participants WHERE email = ?)", e)
	}
	if q := ftsQuery(words); q != "" {
		c.add("t.id IN (SELECT rowid FROM helpdesk_fts WHERE helpdesk_fts MATCH ?)", textMatch(q)+facetMatch(flt, "op1"))
	}
	if flt.Tag != "" {
		c.add("t.id IN (SELECT ticket_id FROM helpdesk_tags WHERE tag = ?)", normTag(flt.Tag))
	}
	return queryPage(t, f, c, flt.Offset), countWhere(t, f, c)
}

func queryPage(t *testing.T, f *fixture, c conds, offset int) []int64 {
	t.Helper()
	var ids []int64
	err := f.db.View(f.ctx, func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT t.id FROM helpdesk_tickets t WHERE `+strings.Join(c.sql, " AND ")+`
			ORDER BY t.updated_at DESC, t.id DESC LIMIT 50 OFFSET ?`, append(c.args, offset)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func countWhere(t *testing.T, f *fixture, c conds) int {
	t.Helper()
	var n int
	err := f.db.View(f.ctx, func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM helpdesk_tickets t WHERE `+strings.Join(c.sql, " AND "), c.args...).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func pageIDs(p Page) []int64 {
	var ids []int64
	for _, tk := range p.Tickets {
		ids = append(ids, tk.ID)
	}
	return ids
}

var searchFilters = []Filter{
	{}, {Query: "newsletter"}, {Query: "newsletter", Offset: 120}, {Query: "newsletter", Offset: 5000},
	{Query: "still waiting", Status: StatusOpen}, {Query: "still wait", Status: StatusActive},
	{Query: "pushchair leeds"}, {Query: "forum", Mailbox: "support"}, {Query: "cardiff", AssigneeID: "none"},
	{Tag: "listings"}, {Tag: "login", Status: StatusOpen}, {Tag: "prizes", Offset: 30}, {AssigneeID: "me", Query: "voucher"},
	{Query: "member12@example.com"}, {Query: "member12@example.com thanks", Tag: "listings"},
	{Query: "thanks", Since: time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC), Until: time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC)},
	{Query: "sleep", Sensitive: ptr(false), Offset: 49}, {Query: "nothingmatchesthis"},
}

// TestSearchPagesMatchReference checks that every way List finds a page (walking the list order against
// the index's set, or handing the set to SQLite) gives the same tickets, order and total as plain SQL.
func TestSearchPagesMatchReference(t *testing.T) {
	f := newFixture(t)
	fillDesk(t, f.svc, f.ctx, 2400)
	for _, flt := range searchFilters {
		t.Run(fmt.Sprintf("%+v", flt), func(t *testing.T) {
			wantIDs, wantTotal := referencePage(t, f, flt)
			p := f.list(t, flt)
			if got := pageIDs(p); fmt.Sprint(got) != fmt.Sprint(wantIDs) || p.Total != wantTotal {
				t.Fatalf("got %d %v, want %d %v", p.Total, got, wantTotal, wantIDs)
			}
		})
	}
}

// TestMatchSetInSQL checks the set as SQLite is handed it, small (looked up by id) and large (probed).
func TestMatchSetInSQL(t *testing.T) {
	f := newFixture(t)
	fillDesk(t, f.svc, f.ctx, 2400)
	for _, c := range []struct {
		query  string
		offset int
	}{{"newsletter", 0}, {"newsletter", 200}, {"still waiting", 10}, {"pushchair leeds", 0}, {"reference 77", 0}} {
		t.Run(c.query, func(t *testing.T) {
			flt := Filter{Query: c.query, Offset: c.offset}
			wantIDs, wantTotal := referencePage(t, f, flt)
			cond, _ := filterConds(flt, "op1")
			var m *matchSet
			err := f.db.View(f.ctx, func(tx *sql.Tx) (err error) {
				m, err = findMatches(f.ctx, tx, textMatch(ftsQuery(c.query)))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			cond.addMatches(m)
			if got := queryPage(t, f, cond, c.offset); fmt.Sprint(got) != fmt.Sprint(wantIDs) || m.n != wantTotal {
				t.Fatalf("got %d %v, want %d %v", m.n, got, wantTotal, wantIDs)
			}
		})
	}
}

func TestWalkable(t *testing.T) {
	for _, c := range []struct {
		n             int
		maxID         int64
		offset, limit int
		want          bool
	}{
		{fewMatches, 100_000, 0, 50, false},
		{20_000, 100_000, 0, 50, true},
		{13_000, 100_000, 200, 50, true},
		{2_000, 100_000, 0, 50, true},
		{2_000, 100_000, 400, 50, false},
		{100_000, 100_000, 5000, 50, true},
		{100_000, 100_000, 20000, 50, false},
	} {
		t.Run(fmt.Sprint(c), func(t *testing.T) {
			m := &matchSet{n: c.n}
			if got := m.walkable(c.maxID, c.offset, c.limit); got != c.want {
				t.Fatalf("walkable = %v, want %v", got, c.want)
			}
		})
	}
}

func TestMatchSetBits(t *testing.T) {
	f := newFixture(t)
	var m *matchSet
	err := f.db.View(f.ctx, func(tx *sql.Tx) (err error) {
		m, err = findMatches(f.ctx, tx, "nothing")
		return err
	})
	if err != nil || m.n != 0 || m.has(0) {
		t.Fatalf("empty set: %+v %v", m, err)
	}
	m = &matchSet{ids: "1,64,65,130"}
	m.parse()
	for id, want := range map[int64]bool{0: false, 1: true, 2: false, 63: false, 64: true, 65: true, 130: true, 131: false, 9999: false, -1: false} {
		if m.has(id) != want {
			t.Errorf("has(%d) = %v, want %v", id, !want, want)
		}
	}
}
