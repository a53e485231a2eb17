package helpdesk

import (
	"context"
	"database/sql"
	"reflect"
	"sort"
	"strings"
	"testing"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/mail"
)

func TestKeywordMapping(t *testing.T) {
	for _, c := range []struct {
		name string
		kws  []string
		want State
		ok   bool
	}{
		{"none", nil, State{Priority: "normal"}, false},
		{"other flags only", []string{`\Seen`, "$Forwarded"}, State{Priority: "normal"}, false},
		{"full", []string{"$SD_Pending", "$SD_Assigned_op2", "$SD_Prio_high", `\Seen`}, State{StatusPending, "op2", "high"}, true},
		{"lower-cased by the server", []string{"$sd_solved", "$sd_assigned_op1", "$sd_prio_urgent"}, State{StatusSolved, "op1", "urgent"}, true},
		{"unknown status ignored", []string{"$SD_Weird", "$SD_Open"}, State{StatusOpen, "", "normal"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := parseState(c.kws)
			if got != c.want || ok != c.ok {
				t.Fatalf("got %+v %v, want %+v %v", got, ok, c.want, c.ok)
			}
		})
	}
	st := State{StatusOpen, "op1", "high"}
	if got, _ := parseState(st.Keywords()); got != st {
		t.Fatalf("round trip: %+v", got)
	}
	add, remove := keywordDiff([]string{"$SD_New", "$SD_Assigned_op2", "$SD_Prio_normal"}, st)
	sort.Strings(add)
	if !reflect.DeepEqual(add, []string{"$SD_Assigned_op1", "$SD_Open", "$SD_Prio_high"}) {
		t.Fatalf("add %v", add)
	}
	rm := strings.Join(remove, " ")
	for _, k := range []string{"$SD_New", "$SD_Pending", "$SD_Solved", "$SD_Closed", "$SD_Assigned_op2", "$SD_Prio_normal", "$SD_Prio_low"} {
		if !strings.Contains(rm, k) {
			t.Fatalf("remove %v lacks %s", remove, k)
		}
	}
	if strings.Contains(rm, "$SD_Open") || strings.Contains(rm, "$SD_Assigned_op1") {
		t.Fatalf("remove %v takes away the new state", remove)
	}
}

func TestSharedState(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Q", id: "m1@x", body: "q"}.raw(), false)
	f.deliver(t, 2, 2, mailSpec{from: priya, subject: "Re: Q", id: "m2@x", inReplyTo: "m1@x", body: "q2"}.raw(), false)
	t.Run("update queues keywords on every message", func(t *testing.T) {
		if _, err := f.svc.Update(f.ctx, 1, Change{Status: ptr(StatusOpen), AssigneeID: ptr("op1"), Priority: ptr("high")}); err != nil {
			t.Fatal(err)
		}
		kw := f.mail.lastKeywords()
		if !reflect.DeepEqual(kw.refs, []int64{1, 2}) || !contains(kw.add, "$SD_Assigned_op1") || !contains(kw.add, "$SD_Open") {
			t.Fatalf("queued %+v", kw)
		}
	})
	t.Run("tags and sensitive are local", func(t *testing.T) {
		n := len(f.mail.keywords)
		tk, err := f.svc.Update(f.ctx, 1, Change{AddTags: []string{"Login Problem"}, Sensitive: ptr(true)})
		if err != nil || len(f.mail.keywords) != n || !tk.Sensitive || !reflect.DeepEqual(tk.Tags, []string{"login-problem"}) {
			t.Fatalf("%v %d %+v", err, len(f.mail.keywords), tk.TicketSummary)
		}
	})
	t.Run("another laptop's keywords apply", func(t *testing.T) {
		err := f.db.Update(f.ctx, func(tx *sql.Tx) error {
			return f.svc.KeywordsChanged(f.ctx, tx, 2, []string{"$sd_solved", "$sd_assigned_op2", "$sd_prio_low", `\Seen`})
		})
		if tk := f.get(t, 1); err != nil || tk.Status != StatusSolved || tk.AssigneeID != "op2" || tk.AssigneeName != "ade" || tk.Priority != "low" {
			t.Fatalf("%v %+v", err, tk.TicketSummary)
		}
	})
	t.Run("a new mail carrying state takes it", func(t *testing.T) {
		f.deliver(t, 3, 1, mailSpec{from: priya, subject: "Re: Q", id: "m3@x", inReplyTo: "m2@x", body: "q3"}.raw(), false, "$SD_Pending", "$SD_Prio_low")
		if tk := f.get(t, 1); tk.Status != StatusPending || tk.AssigneeID != "" {
			t.Fatalf("%+v", tk.TicketSummary)
		}
	})
	t.Run("a first sync on another laptop takes the state", func(t *testing.T) {
		f.deliver(t, 4, 1, mailSpec{from: "tom@example.net", subject: "Listing", id: "t1@x", body: "t"}.raw(), false, "$SD_Closed", "$SD_Assigned_op1")
		if tk := f.get(t, 2); tk.Status != StatusClosed || tk.AssigneeID != "op1" {
			t.Fatalf("%+v", tk.TicketSummary)
		}
	})
	t.Run("no keywords on the server: local only", func(t *testing.T) {
		f.mail.noKW = true
		defer func() { f.mail.noKW = false }()
		if tk := f.get(t, 1); tk.SharedState {
			t.Fatal("shared state claimed without keyword support")
		}
	})
}

func TestConflict(t *testing.T) {
	for _, keep := range []string{"mine", "theirs"} {
		t.Run(keep, func(t *testing.T) {
			f := newFixture(t)
			f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Q", id: "m1@x", body: "q"}.raw(), false)
			if _, err := f.svc.Update(f.ctx, 1, Change{Status: ptr(StatusSolved)}); err != nil {
				t.Fatal(err)
			}
			server := []string{"$SD_Pending", "$SD_Assigned_op2", "$SD_Prio_normal"}
			err := f.db.Update(f.ctx, func(tx *sql.Tx) error {
				if err := f.svc.Conflict(f.ctx, tx, mail.KeywordConflict{Ref: 1, Wanted: []string{"$SD_Solved"}, Server: server}); err != nil {
					return err
				}
				return f.svc.KeywordsChanged(f.ctx, tx, 1, server)
			})
			tk := f.get(t, 1)
			if err != nil || !tk.Conflict || len(tk.Conflicts) != 1 || tk.Status != StatusSolved {
				t.Fatalf("conflict not kept: %v %+v", err, tk)
			}
			if c := tk.Conflicts[0]; c.Mine.Status != StatusSolved || c.Theirs != (State{StatusPending, "op2", "normal"}) {
				t.Fatalf("conflict sides: %+v", c)
			}
			n := len(f.mail.keywords)
			tk, err = f.svc.ResolveConflict(f.ctx, 1, keep)
			if err != nil || tk.Conflict || len(tk.Conflicts) != 0 {
				t.Fatalf("resolve: %v %+v", err, tk.TicketSummary)
			}
			if keep == "theirs" && (tk.Status != StatusPending || tk.AssigneeID != "op2" || len(f.mail.keywords) != n) {
				t.Fatalf("theirs: %+v", tk.TicketSummary)
			}
			if keep == "mine" && (tk.Status != StatusSolved || len(f.mail.keywords) != n+1 || !contains(f.mail.lastKeywords().remove, "$SD_Assigned_op2")) {
				t.Fatalf("mine: %+v %+v", tk.TicketSummary, f.mail.lastKeywords())
			}
			if _, err := f.svc.ResolveConflict(f.ctx, 1, keep); !apperr.Is(err, apperr.Conflict) {
				t.Fatalf("second resolve: %v", err)
			}
		})
	}
}

func TestRolesAndValidation(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Q", id: "m1@x", body: "q"}.raw(), false)
	mod := actor.With(context.Background(), actor.Actor{ID: "m", Name: "mo", Role: actor.Moderator})
	admin := actor.With(context.Background(), actor.Actor{ID: "op2", Name: "ade", Role: actor.Admin})
	for _, c := range []struct {
		name string
		ctx  context.Context
		fn   func(ctx context.Context) error
		code apperr.Code
	}{
		{"moderator may not list", mod, func(ctx context.Context) error { _, err := f.svc.List(ctx, Filter{}); return err }, apperr.Forbidden},
		{"locked", context.Background(), func(ctx context.Context) error { _, err := f.svc.Get(ctx, 1); return err }, apperr.Locked},
		{"admin may reply", admin, func(ctx context.Context) error { _, err := f.svc.Reply(ctx, 1, ReplyInput{Text: "hi"}); return err }, ""},
		{"empty reply", f.ctx, func(ctx context.Context) error { _, err := f.svc.Reply(ctx, 1, ReplyInput{Text: " "}); return err }, apperr.Invalid},
		{"bad status", f.ctx, func(ctx context.Context) error {
			_, err := f.svc.Update(ctx, 1, Change{Status: ptr("done")})
			return err
		}, apperr.Invalid},
		{"bad priority", f.ctx, func(ctx context.Context) error {
			_, err := f.svc.Update(ctx, 1, Change{Priority: ptr("asap")})
			return err
		}, apperr.Invalid},
		{"unknown assignee", f.ctx, func(ctx context.Context) error {
			_, err := f.svc.Update(ctx, 1, Change{AssigneeID: ptr("zz")})
			return err
		}, apperr.Invalid},
		{"bad tag", f.ctx, func(ctx context.Context) error {
			_, err := f.svc.Update(ctx, 1, Change{AddTags: []string{"<b>"}})
			return err
		}, apperr.Invalid},
		{"missing ticket", f.ctx, func(ctx context.Context) error {
			_, err := f.svc.Update(ctx, 99, Change{Status: ptr("open")})
			return err
		}, apperr.NotFound},
		{"note on missing ticket", f.ctx, func(ctx context.Context) error { _, err := f.svc.AddNote(ctx, 99, "x"); return err }, apperr.NotFound},
		{"empty canned", f.ctx, func(ctx context.Context) error { _, err := f.svc.SaveCanned(ctx, Canned{Title: "x"}); return err }, apperr.Invalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.fn(c.ctx)
			if (c.code == "" && err != nil) || (c.code != "" && !apperr.Is(err, c.code)) {
				t.Fatalf("want %q, got %v", c.code, err)
			}
		})
	}
}

func TestNotesAndCanned(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Q", id: "m1@x", body: "q"}.raw(), false)
	tk, err := f.svc.AddNote(f.ctx, 1, "Checked her account: the email change went through.")
	if err != nil || len(tk.Thread) != 2 || tk.Thread[1].Kind != KindNote || tk.Thread[1].Author != "hana" {
		t.Fatalf("note: %v %+v", err, tk.Thread)
	}
	if len(f.mail.sends) != 0 {
		t.Fatal("a note was sent")
	}
	c, err := f.svc.SaveCanned(f.ctx, Canned{Title: "Password reset", Body: "Use the link on the sign-in page."})
	if err != nil {
		t.Fatal(err)
	}
	c.Body = "Use the 'forgotten password' link."
	if _, err := f.svc.SaveCanned(f.ctx, c); err != nil {
		t.Fatal(err)
	}
	list, _ := f.svc.CannedReplies(f.ctx)
	if len(list) != 1 || list[0].Body != c.Body {
		t.Fatalf("canned: %+v", list)
	}
	if err := f.svc.DeleteCanned(f.ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.DeleteCanned(f.ctx, c.ID); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("delete twice: %v", err)
	}
	if res, err := f.au.Verify(f.ctx); err != nil || !res.OK || res.Entries < 4 {
		t.Fatalf("audit: %+v %v", res, err)
	}
}
