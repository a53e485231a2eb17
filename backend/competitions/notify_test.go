package competitions

import (
	"context"
	"database/sql"
	"testing"
)

// fakeNotifier records what it is asked to queue, or says no mailbox can send.
type fakeNotifier struct {
	queued []Notification
	noMail bool
	nextID int64
}

func (n *fakeNotifier) QueueNotification(_ context.Context, _ *sql.Tx, note Notification) (int64, error) {
	if n.noMail {
		return 0, ErrNoMailbox
	}
	n.queued = append(n.queued, note)
	n.nextID++
	return n.nextID, nil
}

func TestSendNotifications(t *testing.T) {
	tests := []struct {
		name       string
		notifier   *fakeNotifier
		wantQueued int
		wantDrafts int
	}{
		{"no notifier: drafts", nil, 0, 2},
		{"no mailbox: drafts", &fakeNotifier{noMail: true}, 0, 2},
		{"mailbox: queued", &fakeNotifier{}, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			c, _, _ := drawn(t, f)
			if tt.notifier != nil {
				f.svc.UseNotifier(tt.notifier)
			}
			res, err := f.svc.SendNotifications(f.ctx, c.ID)
			if err != nil || res.Queued != tt.wantQueued || len(res.Drafts) != tt.wantDrafts {
				t.Fatalf("first: %+v %v", res, err)
			}
			res, err = f.svc.SendNotifications(f.ctx, c.ID)
			if err != nil || res.Queued != 0 || res.AlreadyQueued != tt.wantQueued {
				t.Fatalf("second: %+v %v", res, err)
			}
			w, err := f.svc.Winners(f.ctx, c.ID)
			if err != nil || len(w.Drafts) != tt.wantDrafts || len(w.Notified) != tt.wantQueued {
				t.Fatalf("winners: %+v %v", w, err)
			}
			if tt.wantQueued == 0 {
				return
			}
			if n := tt.notifier.queued[0]; n.To == "" || n.Subject != "You have won: "+c.Details.Title || n.CompetitionID != c.ID {
				t.Fatalf("notification: %+v", n)
			}
			if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.SentTx(f.ctx, tx, 1) }); err != nil {
				t.Fatal(err)
			}
			if w, _ = f.svc.Winners(f.ctx, c.ID); w.Notified[w.Places[0].Seq] != "sent" || w.Notified[w.Places[1].Seq] != "queued" {
				t.Fatalf("after one was sent: %v", w.Notified)
			}
		})
	}
}
