package helpdesk

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/store"
)

func searchFixture(t *testing.T) *fixture {
	f := newFixture(t)
	mails := []mailSpec{
		{from: priya, subject: "Can't log in after changing my email", id: "1@x", body: "The site says my account doesn't exist."},
		{from: "Tom Evans <tom.evans@example.net>", subject: "Please remove my listing", id: "2@x", body: "Little Acorns toddler group in Leeds has closed."},
		{from: "Grace O'Neill <grace@example.org>", subject: "Unsubscribe", id: "3@x", body: "Still getting the newsletter after unsubscribing."},
		{from: "Sam Patel <sam.patel@example.com>", subject: "Competition prize not arrived", id: "4@x", body: "I won the pushchair in October."},
		{from: "Zoë Brontë <zoe@example.co.uk>", subject: "Café review", id: "5@x", body: "Crème brûlée comment was nasty."},
	}
	for i, m := range mails {
		m.date = time.Date(2026, 11, 20+i, 12, 0, 0, 0, time.UTC)
		f.deliver(t, int64(i+1), int64(1+i%2), m.raw(), false)
	}
	for _, ch := range []struct {
		id int64
		c  Change
	}{
		{2, Change{Status: ptr(StatusPending), AssigneeID: ptr("op1"), AddTags: []string{"listings"}}},
		{3, Change{Status: ptr(StatusSolved), AddTags: []string{"newsletter"}}},
		{4, Change{AssigneeID: ptr("op2"), Sensitive: ptr(true), AddTags: []string{"listings", "prizes"}}},
	} {
		if _, err := f.svc.Update(f.ctx, ch.id, ch.c); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func TestSearchAndFilters(t *testing.T) {
	f := searchFixture(t)
	for _, c := range []struct {
		name string
		flt  Filter
		want string // ticket ids, in list order
	}{
		{"all, latest activity first", Filter{}, "4 3 2 5 1"},
		{"body word", Filter{Query: "toddler"}, "2"},
		{"subject word, any case", Filter{Query: "COMPETITION"}, "4"},
		{"prefix while typing", Filter{Query: "unsubscri"}, "3"},
		{"participant address", Filter{Query: "tom.evans@example.net"}, "2"},
		{"participant name", Filter{Query: "patel"}, "4"},
		{"accents folded", Filter{Query: "creme brulee"}, "5"},
		{"every word must match", Filter{Query: "listing leeds"}, "2"},
		{"FTS syntax taken literally", Filter{Query: `"account" exist*)`}, "1"},
		{"FTS operators are words", Filter{Query: `account OR NEAR(`}, ""},
		{"only punctuation", Filter{Query: `"*()`}, ""},
		{"a word with an apostrophe", Filter{Query: "o'neill"}, "3"},
		{"a curly apostrophe too", Filter{Query: "O’Neill unsub"}, "3"},
		{"a word with a hyphen", Filter{Query: "doesn't-exist"}, "1"},
		{"status", Filter{Status: StatusNew}, "4 5 1"},
		{"assignee", Filter{AssigneeID: "op1"}, "2"},
		{"assignee me", Filter{AssigneeID: "me"}, "2"},
		{"active", Filter{Status: StatusActive}, "4 2 5 1"},
		{"unassigned", Filter{AssigneeID: "none"}, "3 5 1"},
		{"tag", Filter{Tag: "listings"}, "4 2"},
		{"mailbox", Filter{Mailbox: "box2"}, "4 2"},
		{"sensitive", Filter{Sensitive: ptr(true)}, "4"},
		{"not sensitive", Filter{Sensitive: ptr(false), Status: StatusNew}, "5 1"},
		{"date range", Filter{Since: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Status: StatusNew}, "5"},
		{"query and filter", Filter{Query: "the", Status: StatusNew}, "4 1"},
		{"paging", Filter{Limit: 2, Offset: 1}, "3 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := f.list(t, c.flt)
			var got []string
			for _, tk := range p.Tickets {
				got = append(got, fmt.Sprint(tk.ID))
			}
			if strings.Join(got, " ") != c.want {
				t.Fatalf("got %q, want %q", strings.Join(got, " "), c.want)
			}
			if c.flt.Limit == 0 && p.Total != len(got) {
				t.Fatalf("total %d for %d tickets", p.Total, len(got))
			}
		})
	}
	if p := f.list(t, Filter{Query: "leeds"}); len(p.Tickets) != 1 || !strings.Contains(p.Tickets[0].Snippet, "Leeds") {
		t.Fatalf("search excerpt: %+v", p.Tickets)
	}
	if p := f.list(t, Filter{Limit: 2}); p.Total != 5 || len(p.Tickets) != 2 {
		t.Fatalf("total with a page: %+v", p.Total)
	}
	if p := f.list(t, Filter{Tag: "listings"}); p.Tickets[1].AssigneeName != "hana" || strings.Join(p.Tickets[0].Tags, ",") != "listings,prizes" {
		t.Fatalf("summary: %+v", p.Tickets)
	}
	c, err := f.svc.Counts(f.ctx)
	if err != nil || c != (Counts{New: 3, Pending: 1, Solved: 1, Mine: 1, All: 5}) {
		t.Fatalf("counts %+v %v", c, err)
	}
	if s, err := f.svc.Sensitive(f.ctx, 4); err != nil || !s {
		t.Fatalf("sensitive: %v %v", s, err)
	}
}

func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"toddler", `"a" OR b`, "NEAR(a b)", "*", "x^y", "a:b", "'", "é-ü", "tom.evans@example.net", "(((", "-a", "a AND", "ܰܐܰ00", "हिंदी", "o’brien"} {
		f.Add(s)
	}
	db, err := store.Open(context.Background(), fmt.Sprintf("%s/fuzz.db", f.TempDir()), make([]byte, 32), Migrations)
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	f.Fuzz(func(t *testing.T, s string) {
		q := ftsQuery(s)
		if q == "" {
			return
		}
		q = textMatch(q) + facetMatch(Filter{Status: StatusActive, AssigneeID: "none", Tag: "login", Mailbox: s}, "me")
		err := db.View(context.Background(), func(tx *sql.Tx) error {
			var n int
			return tx.QueryRow(`SELECT count(*) FROM helpdesk_fts WHERE helpdesk_fts MATCH ?`, q).Scan(&n)
		})
		if err != nil {
			t.Fatalf("query %q from %q: %v", q, s, err)
		}
	})
}

func TestListAsModeratorForbidden(t *testing.T) {
	f := newFixture(t)
	ctx := actor.With(context.Background(), actor.Actor{ID: "m", Name: "mo", Role: actor.Moderator})
	if _, err := f.svc.Counts(ctx); err == nil {
		t.Fatal("moderator counted tickets")
	}
	if s, err := f.svc.Sensitive(ctx, 1); err == nil || s {
		t.Fatalf("sensitive of a missing ticket: %v", err)
	}
}

// TestFacetsStayInSync changes tickets every way there is and checks that a search's total (counted by the
// index's facets) always equals the tickets listed (filtered by the tickets table).
func TestFacetsStayInSync(t *testing.T) {
	f := searchFixture(t)
	check := func(step string) {
		t.Helper()
		for _, flt := range []Filter{
			{}, {Status: StatusNew}, {Status: StatusOpen}, {Status: StatusPending}, {Status: StatusSolved}, {Status: StatusClosed},
			{Status: StatusActive}, {AssigneeID: "me"}, {AssigneeID: "none"}, {AssigneeID: "op2"}, {Tag: "listings"}, {Tag: "vip"},
			{Mailbox: "box1"}, {Mailbox: "box2"}, {Sensitive: ptr(true)}, {Sensitive: ptr(false)}, {Status: StatusOpen, Tag: "vip", AssigneeID: "me"},
		} {
			flt.Query, flt.Limit = "example", 500
			p := f.list(t, flt)
			if p.Total != len(p.Tickets) {
				t.Fatalf("%s: %+v: total %d, listed %d", step, flt, p.Total, len(p.Tickets))
			}
		}
	}
	check("start")
	if _, err := f.svc.Update(f.ctx, 1, Change{Status: ptr(StatusOpen), AssigneeID: ptr("op1"), AddTags: []string{"vip"}, Sensitive: ptr(true)}); err != nil {
		t.Fatal(err)
	}
	check("update")
	if _, err := f.svc.Update(f.ctx, 1, Change{RemoveTags: []string{"vip"}, Sensitive: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	check("untag")
	err := f.db.Update(f.ctx, func(tx *sql.Tx) error {
		return f.svc.KeywordsChanged(f.ctx, tx, 5, []string{"$SD_Solved", "$SD_Assigned_op2"})
	})
	if err != nil {
		t.Fatal(err)
	}
	check("another laptop")
	f.deliver(t, 20, 1, mailSpec{from: "zoe@example.co.uk", subject: "Re: Café review", id: "r5@x", inReplyTo: "5@x", body: "the same again"}.raw(), false)
	check("reopened by a reply")
	if _, err := f.svc.Reply(f.ctx, 3, ReplyInput{Text: "the answer", Status: StatusClosed}); err != nil {
		t.Fatal(err)
	}
	check("reply")
	if _, err := f.svc.EraseMember(f.ctx, "sam.patel@example.com"); err != nil {
		t.Fatal(err)
	}
	check("erasure")
}
