package helpdesk

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/apperr"
)

const htmlMail = "From: Jo Williams <jo@example.co.uk>\r\nTo: help1@parents.example\r\nSubject: Photo of the comment\r\n" +
	"Message-ID: <html1@example.co.uk>\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n" +
	"--outer\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n" +
	"--rel\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
	"<p>See <img src=\"cid:shot1@x\"> and <img src=\"https://tracker.example/p.gif\"></p><script>alert(1)</script>\r\n" +
	"--rel\r\nContent-Type: image/png\r\nContent-ID: <shot1@x>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n" +
	"--rel--\r\n" +
	"--outer\r\nContent-Type: text/plain; name=\"notes.txt\"\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\n" +
	"my notes\r\n--outer--\r\n"

func TestMessageHTMLAndAttachments(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, []byte(htmlMail), false)
	tk := f.get(t, 1)
	it := tk.Thread[0]
	if !it.HasHTML || len(it.Attachments) < 2 {
		t.Fatalf("item: %+v", it)
	}
	safe, err := f.svc.MessageHTML(f.ctx, it.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(safe.HTML, "<script") || strings.Contains(safe.HTML, "tracker.example/p.gif\"") && !strings.Contains(safe.HTML, "data-") {
		t.Fatalf("unsafe html: %s", safe.HTML)
	}
	if !strings.Contains(safe.HTML, "data:image/png;base64,iVBORw0KGgo=") {
		t.Fatalf("cid image not inlined: %s", safe.HTML)
	}
	if safe.RemoteImages != 1 {
		t.Fatalf("remote images: %d", safe.RemoteImages)
	}
	var idx = -1
	for _, a := range it.Attachments {
		if a.Filename == "notes.txt" {
			idx = a.Index
		}
	}
	a, err := f.svc.Attachment(f.ctx, it.ID, idx)
	if err != nil || string(a.Data) != "my notes" || a.Filename != "notes.txt" {
		t.Fatalf("attachment: %q %v", a.Data, err)
	}
	if _, err := f.svc.Attachment(f.ctx, it.ID, 99); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("missing attachment: %v", err)
	}
	if _, err := f.svc.MessageHTML(f.ctx, 99, false); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("missing item: %v", err)
	}
}

func TestPrivacy(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "My son's diagnosis", id: "p1@x", body: "He has autism and we need advice."}.raw(), false)
	f.deliver(t, 2, 1, mailSpec{from: "Tom <tom@example.net>", subject: "Listing", id: "t1@x", body: "Remove my listing", to: "help1@parents.example, priya.shah@example.com"}.raw(), false)
	f.deliver(t, 3, 1, mailSpec{from: priya, subject: "Re: Listing", id: "p2@x", inReplyTo: "t1@x", body: "Tom's group is lovely"}.raw(), false)
	f.deliver(t, 4, 1, mailSpec{from: "Grace <grace@example.org>", subject: "Old question", id: "g1@x", body: "old", date: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)}.raw(), false)
	if _, err := f.svc.AddNote(f.ctx, 1, "internal: escalate"); err != nil {
		t.Fatal(err)
	}
	t.Run("records", func(t *testing.T) {
		rec, err := f.svc.MemberRecords(f.ctx, "Priya.Shah@example.com")
		if err != nil || len(rec.Rows) != 3 {
			t.Fatalf("%v %+v", err, rec)
		}
		for _, r := range rec.Rows {
			if strings.Contains(strings.Join(r, " "), "escalate") {
				t.Fatal("internal note exported")
			}
		}
	})
	t.Run("sensitive withheld", func(t *testing.T) {
		if _, err := f.svc.Update(f.ctx, 1, Change{Sensitive: ptr(true)}); err != nil {
			t.Fatal(err)
		}
		rec, _ := f.svc.MemberRecords(f.ctx, "priya.shah@example.com")
		if strings.Contains(rec.Rows[0][6], "autism") || strings.Contains(rec.Rows[0][5], "diagnosis") {
			t.Fatalf("sensitive ticket exported: %v", rec.Rows[0])
		}
	})
	t.Run("erase", func(t *testing.T) {
		pre, err := f.svc.PreviewErasure(f.ctx, "priya.shah@example.com")
		if err != nil || pre.Redacted != 2 {
			t.Fatalf("preview: %v %+v", err, pre)
		}
		n, err := f.svc.EraseMember(f.ctx, "priya.shah@example.com")
		if err != nil || n.Redacted != 2 {
			t.Fatalf("%v %+v", err, n)
		}
		if p := f.list(t, Filter{Query: "autism"}); p.Total != 0 {
			t.Fatal("erased ticket still found")
		}
		if p := f.list(t, Filter{Query: "lovely"}); p.Total != 0 {
			t.Fatal("erased message still found")
		}
		if p := f.list(t, Filter{Query: "listing"}); p.Total != 1 {
			t.Fatal("Tom's ticket lost")
		}
		if rec, _ := f.svc.MemberRecords(f.ctx, "priya.shah@example.com"); len(rec.Rows) != 0 {
			t.Fatalf("records after erasure: %v", rec.Rows)
		}
		f.deliver(t, 9, 1, mailSpec{from: priya, subject: "My son's diagnosis", id: "p1@x", body: "He has autism and we need advice."}.raw(), false)
		if p := f.list(t, Filter{}); p.Total != 2 {
			t.Fatalf("a resync brought erased mail back: %d tickets", p.Total)
		}
		var leaks int
		f.db.View(f.ctx, func(tx *sql.Tx) error {
			return tx.QueryRow(`SELECT count(*) FROM helpdesk_items WHERE text LIKE '%autism%' OR from_email LIKE '%priya%' OR to_json LIKE '%priya%'
				AND ticket_id = 1`).Scan(&leaks)
		})
		if leaks != 0 {
			t.Fatalf("%d items still hold erased data", leaks)
		}
	})
	t.Run("retention", func(t *testing.T) {
		if _, err := f.svc.Update(f.ctx, 3, Change{Status: ptr(StatusClosed)}); err != nil {
			t.Fatal(err)
		}
		f.db.Update(f.ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec(`UPDATE helpdesk_tickets SET updated_at = ? WHERE id = 3`, ms(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)))
			return err
		})
		lines, err := f.svc.Retention(f.ctx, f.clock.Now(), true)
		if err != nil || lines[0].Due != 1 || lines[0].Done != 0 {
			t.Fatalf("dry run: %v %+v", err, lines)
		}
		lines, err = f.svc.Retention(f.ctx, f.clock.Now(), false)
		if err != nil || lines[0].Done != 1 {
			t.Fatalf("run: %v %+v", err, lines)
		}
		if p := f.list(t, Filter{}); p.Total != 1 {
			t.Fatalf("tickets after retention: %d", p.Total)
		}
	})
}
