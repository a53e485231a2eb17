package competitions

import (
	"database/sql"
	"testing"
	"time"

	"staffdesk/backend/apperr"
)

func TestMailFields(t *testing.T) {
	tests := []struct {
		name, text, field, want string
	}{
		{"first line is the answer", "Blue\nDate of birth: 1990-04-23", "answer", "Blue"},
		{"an Answer line wins", "Hello there\nanswer:  blue \n", "answer", "blue"},
		{"fields before the answer are skipped", "DOB: 1990-04-23\n\nBlue", "answer", "Blue"},
		{"quoted lines are skipped", "> Red\nGreen", "answer", "Green"},
		{"the signature is not read", "Blue\n--\nPostcode: X1", "postcode", ""},
		{"aliases", "Blue\nPost code: SW1A 1AA", "postcode", "SW1A 1AA"},
		{"first value kept", "Blue\nCounty: Kent\nCounty: Surrey", "county", "Kent"},
		{"unknown names are text", "Note: hi\nAnswer: Blue", "answer", "Blue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mailFields(tt.text)[tt.field]; got != tt.want {
				t.Fatalf("%s = %q, want %q", tt.field, got, tt.want)
			}
		})
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct {
		name, display, first, surname, wantFirst, wantSurname string
	}{
		{"display name", "Jo Bloggs", "", "", "Jo", "Bloggs"},
		{"several first names", `"Mary Ann Smith"`, "", "", "Mary Ann", "Smith"},
		{"fields win", "J B", "Jo", "Bloggs", "Jo", "Bloggs"},
		{"one word", "Jo", "", "", "Jo", ""},
		{"no display name", "", "", "Bloggs", "", "Bloggs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, s := splitName(tt.display, tt.first, tt.surname)
			if f != tt.wantFirst || s != tt.wantSurname {
				t.Fatalf("got %q %q", f, s)
			}
		})
	}
}

// TestDeliverMail checks a mail becomes an entry through the import rules, once per Message-ID (or per
// content without one), and that a folder feeds one competition.
func TestDeliverMail(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, nil)
	if _, err := f.svc.LinkFolder(f.ctx, c.ID, "help", "Competitions/Pram"); err != nil {
		t.Fatal(err)
	}
	other := f.create(t, nil)
	if _, err := f.svc.LinkFolder(f.ctx, other.ID, "help", "Competitions/Pram"); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("a second link to the folder: want conflict, got %v", err)
	}
	day := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	mails := []struct {
		name    string
		m       MailEntry
		outcome string
	}{
		{"accepted", MailEntry{MessageID: "a@x", FromName: "Jo Bloggs", FromEmail: "jo@example.com", Date: day, Text: "Blue\nDOB: 1990-01-01"}, "accepted"},
		{"same Message-ID again", MailEntry{MessageID: "a@x", FromName: "Jo Bloggs", FromEmail: "jo@example.com", Date: day, Text: "Blue"}, "known"},
		{"same person", MailEntry{MessageID: "b@x", FromName: "Jo Bloggs", FromEmail: "JO@example.com", Date: day.Add(time.Hour), Text: "Blue\nDOB: 1990-01-01"}, "duplicate"},
		{"wrong answer", MailEntry{ContentHash: "h1", FromName: "Al Smith", FromEmail: "al@example.com", Date: day, Text: "Red\nDOB: 1990-01-01"}, "ineligible"},
		{"same content again", MailEntry{ContentHash: "h1", FromName: "Al Smith", FromEmail: "al@example.com", Date: day, Text: "Red"}, "known"},
		{"too young", MailEntry{MessageID: "c@x", FromName: "Kid Smith", FromEmail: "kid@example.com", Date: day, Text: "Blue\nDOB: 2015-01-01"}, "ineligible"},
		{"after closing", MailEntry{MessageID: "d@x", FromName: "Late Smith", FromEmail: "late@example.com", Date: day.AddDate(0, 1, 0), Text: "Blue\nDOB: 1990-01-01"}, "ineligible"},
		{"no date of birth", MailEntry{MessageID: "e@x", FromName: "No Dob", FromEmail: "nodob@example.com", Date: day, Text: "Blue"}, "invalid"},
	}
	for _, tt := range mails {
		t.Run(tt.name, func(t *testing.T) {
			var out MailOutcome
			err := f.db.Update(f.ctx, func(tx *sql.Tx) error {
				id, err := f.svc.LinkedTx(f.ctx, tx, "help", "Competitions/Pram")
				if err != nil || id != c.ID {
					t.Fatalf("linked: %q %v", id, err)
				}
				out, err = f.svc.DeliverMailTx(f.ctx, tx, id, tt.m)
				return err
			})
			if err != nil || out.Outcome != tt.outcome {
				t.Fatalf("outcome %+v, err %v; want %s", out, err, tt.outcome)
			}
		})
	}
	got, err := f.svc.Get(f.ctx, c.ID)
	if err != nil || got.Counts != (Counts{Entries: 5, Eligible: 1, Ineligible: 3, Duplicates: 1}) {
		t.Fatalf("counts %+v %v", got.Counts, err)
	}
	folders, err := f.svc.LinkedFolders(f.ctx, "help")
	if err != nil || len(folders) != 1 || folders[0] != "Competitions/Pram" {
		t.Fatalf("linked folders %v %v", folders, err)
	}
}

// TestDeliverMailAfterCommit checks that a mail reaching a still-linked folder once the entry list is
// committed is recorded as closed, not entered, and does not fail the sync's transaction.
func TestDeliverMailAfterCommit(t *testing.T) {
	f := newFixture(t)
	c, _, _ := drawn(t, f)
	late := MailEntry{MessageID: "late@x", FromName: "Late Smith", FromEmail: "late@example.com", Date: f.clock.Now(), Text: "Blue"}
	for _, want := range []string{"closed", "known"} {
		var out MailOutcome
		err := f.db.Update(f.ctx, func(tx *sql.Tx) error {
			var err error
			out, err = f.svc.DeliverMailTx(f.ctx, tx, c.ID, late)
			return err
		})
		if err != nil || out.Outcome != want {
			t.Fatalf("late mail: %+v, %v; want outcome %s and no error", out, err, want)
		}
	}
	got, err := f.svc.Get(f.ctx, c.ID)
	if err != nil || got.Counts.Entries != 50 {
		t.Fatalf("entries after a late mail: %+v %v, want the committed 50", got.Counts, err)
	}
}
