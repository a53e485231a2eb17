package helpdesk

import (
	"database/sql"
	"fmt"
	"reflect"
	"testing"
	"time"

	"staffdesk/backend/audit"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
)

// batchCorpus is a first sync in miniature: new mails, and mails that join, copy, bounce off or answer
// mails earlier in the same batch, plus a few that relate to nothing.
func batchCorpus(t *testing.T) []mail.Delivery {
	t.Helper()
	sam := "Sam Okafor <sam@members.example>"
	bounce := "From: MAILER-DAEMON@mx.parents.example\r\nTo: help1@parents.example\r\nSubject: Undelivered Mail Returned to Sender\r\n" +
		"Message-ID: <bounce1@mx>\r\nDate: Sat, 28 Nov 2026 11:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n" +
		"--r\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n" +
		"--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.parents.example\r\n\r\nFinal-Recipient: rfc822; sam@members.example\r\nAction: failed\r\nStatus: 5.1.1\r\n" +
		"--r\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: help1@parents.example\r\nTo: sam@members.example\r\nSubject: Re: Prize\r\n" +
		"Message-ID: <lost-reply@parents.example>\r\nIn-Reply-To: <b1@x>\r\n--r--\r\n"
	noID := mailSpec{from: "Lee <lee@members.example>", subject: "Voucher", body: "My voucher code failed"}.raw()
	at := func(min int) time.Time { return time.Date(2026, 11, 28, 10, min, 0, 0, time.UTC) }
	raws := []struct {
		raw     []byte
		mailbox int64
		sent    bool
	}{
		{mailSpec{from: priya, subject: "Can't log in", id: "a1@x", body: "I changed my email", date: at(1)}.raw(), 1, false},
		{mailSpec{from: sam, subject: "Prize", id: "b1@x", body: "Where is my voucher?", date: at(2)}.raw(), 1, false},
		{mailSpec{from: priya, subject: "Re: Can't log in", id: "a2@x", inReplyTo: "a1@x", body: "still stuck", date: at(3)}.raw(), 1, false},
		{mailSpec{from: priya, subject: "Can't log in", id: "a1@x", body: "I changed my email", date: at(1)}.raw(), 2, false},
		{noID, 1, false},
		{noID, 2, false},
		{mailSpec{from: sam, subject: "Out of office", id: "ooo@x", inReplyTo: "b1@x", extra: "Auto-Submitted: auto-replied\r\n",
			body: "I am away", date: at(4)}.raw(), 1, false},
		{[]byte(bounce), 1, false},
		{mailSpec{from: sam, subject: "More on my prize [#2]", id: "b2@x", body: "any news?", date: at(5)}.raw(), 1, false},
		{mailSpec{from: "Help <help1@parents.example>", to: priya, subject: "Re: Can't log in [#1]", id: "our1@parents.example",
			inReplyTo: "a1@x", body: "Try resetting it", date: at(6)}.raw(), 1, true},
		{mailSpec{from: "Ada <ada@members.example>", subject: "Event listing", id: "c1@x", body: "Please list our fair", date: at(7)}.raw(), 1, false},
		{mailSpec{from: "Bo <bo@members.example>", subject: "Holiday", id: "ooo2@x", extra: "Auto-Submitted: auto-replied\r\n",
			body: "Away until Monday", date: at(8)}.raw(), 1, false},
		{mailSpec{from: "Ada <ada@members.example>", subject: "Re: Event listing", id: "c2@x", refs: "<c1@x>", body: "and the date", date: at(9)}.raw(), 1, false},
	}
	out := make([]mail.Delivery, len(raws))
	for i, r := range raws {
		m, err := message.Parse(r.raw)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = mail.Delivery{Ref: int64(i + 1), MailboxID: r.mailbox, Mailbox: fmt.Sprintf("box%d", r.mailbox),
			Folder: "INBOX", SentFolder: r.sent, Msg: m}
	}
	return out
}

// threadView is what an operator sees of a ticket, without item ids.
type threadView struct {
	Summary TicketSummary
	Thread  []string
}

func viewAll(t *testing.T, f *fixture) ([]threadView, []Unticketed, int) {
	t.Helper()
	var out []threadView
	for _, sum := range f.list(t, Filter{Limit: 100}).Tickets {
		tk := f.get(t, sum.ID)
		v := threadView{Summary: tk.TicketSummary}
		for _, it := range tk.Thread {
			v.Thread = append(v.Thread, fmt.Sprintf("%s %s %s %q", it.Kind, it.From.Email, it.Date.Format(time.RFC3339), it.Text))
		}
		out = append(out, v)
	}
	un, err := f.svc.Unticketed(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range un {
		un[i].ID = 0
	}
	return out, un, f.list(t, Filter{Query: "voucher"}).Total
}

// TestBatchMatchesOneByOne delivers the same mails one by one, each in its own transaction, and as one
// batch: tickets, threads, set-aside mail and search must come out the same.
func TestBatchMatchesOneByOne(t *testing.T) {
	one, batch := newFixture(t), newFixture(t)
	ds := batchCorpus(t)
	one.mail.hold(ds...)
	batch.mail.hold(ds...)
	for _, d := range ds {
		if err := one.db.Update(one.ctx, func(tx *sql.Tx) error { return one.svc.Deliver(one.ctx, tx, d) }); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.db.Update(batch.ctx, func(tx *sql.Tx) error { return batch.svc.DeliverBatch(batch.ctx, tx, ds) }); err != nil {
		t.Fatal(err)
	}
	wantT, wantU, wantS := viewAll(t, one)
	gotT, gotU, gotS := viewAll(t, batch)
	threads := map[string]int{}
	for _, v := range wantT {
		threads[v.Summary.Subject] = len(v.Thread)
	}
	want := map[string]int{"Can't log in": 3, "Prize": 4, "Voucher": 1, "Event listing": 2}
	if !reflect.DeepEqual(threads, want) || wantS != 2 || len(wantU) != 1 {
		t.Fatalf("one by one: threads %v, %d found by search, %d set aside; the corpus expects %v, 2 and 1",
			threads, wantS, len(wantU), want)
	}
	for i := range wantT {
		if i >= len(gotT) || !reflect.DeepEqual(wantT[i], gotT[i]) {
			t.Errorf("ticket %d:\none by one %+v\nbatch      %+v", i, wantT[i], gotT[min(i, len(gotT)-1)])
		}
	}
	if len(gotT) != len(wantT) || !reflect.DeepEqual(wantU, gotU) || gotS != wantS {
		t.Fatalf("batch: %d tickets, unticketed %+v, search %d; one by one: %d, %+v, %d", len(gotT), gotU, gotS, len(wantT), wantU, wantS)
	}
	for _, f := range []*fixture{one, batch} {
		if res, err := f.au.Verify(f.ctx); err != nil || !res.OK {
			t.Fatalf("audit chain: %+v %v", res, err)
		}
	}
	again := batch.db.Update(batch.ctx, func(tx *sql.Tx) error { return batch.svc.DeliverBatch(batch.ctx, tx, ds) })
	if againT, _, _ := viewAll(t, batch); again != nil || !reflect.DeepEqual(againT, gotT) {
		t.Fatalf("delivering the batch again changed something (%v)", again)
	}
}

// TestBatchFindsCopiesOfEarlierBatches splits the corpus in two batches where a mail's copy (in the second
// mailbox) comes in the batch after it: by Message-ID, and by content hash for a mail without one. The
// second batch must find them with its one query for known mails, as one by one.
func TestBatchFindsCopiesOfEarlierBatches(t *testing.T) {
	one := newFixture(t)
	ds := batchCorpus(t)
	one.mail.hold(ds...)
	for _, d := range ds {
		if err := one.db.Update(one.ctx, func(tx *sql.Tx) error { return one.svc.Deliver(one.ctx, tx, d) }); err != nil {
			t.Fatal(err)
		}
	}
	wantT, wantU, _ := viewAll(t, one)
	for _, split := range []struct {
		name string
		at   int
	}{{"copy by Message-ID", 3}, {"copy by content hash", 5}} {
		t.Run(split.name, func(t *testing.T) {
			f := newFixture(t)
			f.mail.hold(ds...)
			for _, part := range [][]mail.Delivery{ds[:split.at], ds[split.at:]} {
				if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.DeliverBatch(f.ctx, tx, part) }); err != nil {
					t.Fatal(err)
				}
			}
			gotT, gotU, _ := viewAll(t, f)
			if !reflect.DeepEqual(gotT, wantT) || !reflect.DeepEqual(gotU, wantU) {
				t.Fatalf("in two batches: %d tickets %+v\none by one: %d tickets %+v", len(gotT), gotT, len(wantT), wantT)
			}
		})
	}
}

// TestBatchCopyWithOddMessageID delivers one mail to two mailboxes in two batches, so that the second
// batch must find the first copy through its one query for known mails, whose keys travel as JSON: a
// Message-ID with a byte that is not UTF-8 (JSON cannot carry it as is) and one with characters JSON
// escapes must still make one ticket.
func TestBatchCopyWithOddMessageID(t *testing.T) {
	for _, id := range []string{"caf\xe9@x", `a&b"c\\d'e@x`} {
		t.Run(fmt.Sprintf("%q", id), func(t *testing.T) {
			f := newFixture(t)
			raw := mailSpec{from: priya, subject: "Voucher", id: id, body: "It failed"}.raw()
			for box := int64(1); box <= 2; box++ {
				m, err := message.Parse(raw)
				if err != nil || m.MessageID != id {
					t.Fatalf("parsed Message-ID %q (%v), want %q", m.MessageID, err, id)
				}
				d := mail.Delivery{Ref: box, MailboxID: box, Mailbox: fmt.Sprintf("box%d", box), Folder: "INBOX", Msg: m}
				if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.DeliverBatch(f.ctx, tx, []mail.Delivery{d}) }); err != nil {
					t.Fatal(err)
				}
			}
			if n := f.list(t, Filter{Limit: 10}).Total; n != 1 {
				t.Fatalf("%d tickets for one mail in two mailboxes", n)
			}
		})
	}
}

// TestBatchIndexFlushedOnce checks that a batch of new tickets reaches the search index as one FTS5
// segment: a statement that opens a statement journal (OR REPLACE, a multi-row INSERT) after a search
// row makes FTS5 flush its pending index, once per mail if it came between deliveries, which made first
// syncs several times slower.
func TestBatchIndexFlushedOnce(t *testing.T) {
	f := newFixture(t)
	var ds []mail.Delivery
	for i := 1; i <= 40; i++ {
		raw := mailSpec{from: fmt.Sprintf("p%d@members.example", i), subject: fmt.Sprintf("Question %d", i),
			id: fmt.Sprintf("q%d@members.example", i), body: "Where is my voucher?", extra: "Cc: other@members.example\r\n"}.raw()
		m, err := message.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, mail.Delivery{Ref: int64(i), MailboxID: 1, Mailbox: "box1", Folder: "INBOX", Msg: m})
	}
	if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.DeliverBatch(f.ctx, tx, ds) }); err != nil {
		t.Fatal(err)
	}
	var rows int
	err := f.db.View(f.ctx, func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM helpdesk_fts_data`).Scan(&rows)
	})
	// One segment (FTS5's structure and averages records and a couple of pages) makes 4 records; a flush
	// per mail made 12, several small segments merged as they came.
	if err != nil || rows > 4 {
		t.Fatalf("index records after one batch = %d (%v), want at most 4", rows, err)
	}
	if p := f.list(t, Filter{Query: "voucher"}); p.Total != 40 {
		t.Fatalf("search finds %d of the 40 tickets", p.Total)
	}
}

// TestBatchOddDeliveries: a delivery without a message is skipped, the same ref twice in one batch files
// once, and a failing delivery rolls the whole batch back, leaving nothing half-written.
func TestBatchOddDeliveries(t *testing.T) {
	f := newFixture(t)
	ds := batchCorpus(t)[:2]
	odd := append([]mail.Delivery{{Ref: 90, MailboxID: 1, Mailbox: "box1"}}, ds[0], ds[0], ds[1])
	if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.DeliverBatch(f.ctx, tx, odd) }); err != nil {
		t.Fatal(err)
	}
	if p := f.list(t, Filter{}); p.Total != 2 {
		t.Fatalf("%d tickets, want 2", p.Total)
	}
	fresh := newFixture(t)
	more := batchCorpus(t)[:3]
	err := fresh.db.Update(fresh.ctx, func(tx *sql.Tx) error {
		if err := fresh.svc.DeliverBatch(fresh.ctx, tx, more); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO helpdesk_refs (ref, item_id, mailbox_id) VALUES (1, 1, 1)`) // a clash after filing
		return err
	})
	if err == nil {
		t.Fatal("the clashing insert did not fail")
	}
	if p := fresh.list(t, Filter{}); p.Total != 0 {
		t.Fatalf("%d tickets after a rolled-back batch, want 0", p.Total)
	}
	if res, err := fresh.au.Verify(fresh.ctx); err != nil || !res.OK || res.Entries != 0 {
		t.Fatalf("audit after a rolled-back batch: %+v %v", res, err)
	}
}

// Tickets opened together make one audit entry per run of one mailbox's tickets, with their range, count
// and statuses; a ticket opened alone keeps its own id and the mail it came from.
func TestOpenEvents(t *testing.T) {
	open := func(mailbox, ref int64, status string) opening {
		return opening{d: mail.Delivery{MailboxID: mailbox, Ref: ref}, st: State{Status: status}}
	}
	tests := []struct {
		name  string
		open  []opening
		first int64
		want  []audit.Event
	}{
		{"one ticket", []opening{open(1, 7, StatusNew)}, 5, []audit.Event{{Action: "ticket.open", ObjectType: "ticket",
			ObjectID: "5", Details: map[string]string{"mailbox": "1", "count": "1", "status.new": "1", "ref": "7"}}}},
		{"runs by mailbox", []opening{open(1, 1, StatusNew), open(1, 2, StatusOpen), open(1, 3, StatusNew), open(2, 4, StatusNew)}, 10,
			[]audit.Event{
				{Action: "ticket.open", ObjectType: "ticket", ObjectID: "10-12",
					Details: map[string]string{"mailbox": "1", "count": "3", "status.new": "2", "status.open": "1"}},
				{Action: "ticket.open", ObjectType: "ticket", ObjectID: "13",
					Details: map[string]string{"mailbox": "2", "count": "1", "status.new": "1", "ref": "4"}},
			}},
		{"none", nil, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := openEvents(tt.open, tt.first); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("openEvents = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
