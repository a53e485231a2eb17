package competitions

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
)

// Notification is a winner's notification email for the outbox. Mailbox is the mailbox linked to the
// competition, "" when none is: the notifier then picks one that can send.
type Notification struct {
	CompetitionID string
	Mailbox       string
	To            string
	ToName        string
	Subject       string
	Body          string
	Date          time.Time
}

// Notifier queues a notification for sending inside the caller's transaction and returns its outbox id,
// or ErrNoMailbox when no mailbox can send mail.
type Notifier interface {
	QueueNotification(ctx context.Context, tx *sql.Tx, n Notification) (int64, error)
}

// ErrNoMailbox says no mailbox with SMTP is set up: notifications stay drafts.
var ErrNoMailbox = errors.New("no mailbox can send mail")

// UseNotifier makes SendNotifications queue each pending winner's notification through n; nil keeps
// them as drafts.
func (s *Service) UseNotifier(n Notifier) { s.notifier = n }

// NotifyResult says what "send winner notifications" did: how many it queued now, how many were queued
// before, and the drafts left when no mailbox can send.
type NotifyResult struct {
	Queued        int          `json:"queued"`
	AlreadyQueued int          `json:"alreadyQueued"`
	Drafts        []EmailDraft `json:"drafts"`
	Mailbox       bool         `json:"mailbox"`
}

// SendNotifications queues the notification of every pending winner not yet told, once each, and audits
// each (place and outbox id only). Without a mailbox that can send, the notifications stay drafts.
func (s *Service) SendNotifications(ctx context.Context, id string) (NotifyResult, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return NotifyResult{}, err
	}
	res := NotifyResult{Drafts: []EmailDraft{}}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		res = NotifyResult{Drafts: []EmailDraft{}}
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		ps, err := places(ctx, tx, id)
		if err != nil {
			return err
		}
		done, err := notified(ctx, tx, id)
		if err != nil {
			return err
		}
		mailbox, err := linkedMailbox(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.Status != ClaimPending || p.Email == "" {
				continue
			}
			if _, ok := done[p.Seq]; ok {
				res.AlreadyQueued++
				continue
			}
			if err := s.notifyOne(ctx, tx, c, p, mailbox, &res); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

// notifyOne queues one winner's notification, or keeps it as a draft when no mailbox can send.
func (s *Service) notifyOne(ctx context.Context, tx *sql.Tx, c Competition, p Place, mailbox string, res *NotifyResult) error {
	d := draftFor(c, p)
	if s.notifier == nil {
		res.Drafts = append(res.Drafts, d)
		return nil
	}
	now := s.clock.Now().UTC()
	outboxID, err := s.notifier.QueueNotification(ctx, tx, Notification{CompetitionID: c.ID, Mailbox: mailbox, To: d.To,
		ToName: p.FirstName + " " + p.Surname, Subject: d.Subject, Body: d.Body, Date: now})
	if errors.Is(err, ErrNoMailbox) {
		res.Drafts = append(res.Drafts, d)
		return nil
	}
	if err != nil {
		return fmt.Errorf("queue notification of place %d: %w", p.Place, err)
	}
	res.Mailbox = true
	if _, err := tx.ExecContext(ctx, `INSERT INTO competition_notifications (competition_id, seq, outbox_id, status, queued_at)
		VALUES (?, ?, ?, 'queued', ?)`, c.ID, p.Seq, outboxID, ts(now)); err != nil {
		return fmt.Errorf("record notification: %w", err)
	}
	res.Queued++
	return s.audit.Record(ctx, tx, audit.Event{Action: "competition.notify", ObjectType: "competition", ObjectID: c.ID,
		Details: map[string]string{"place": strconv.Itoa(p.Place), "entry": p.EntryID, "outbox": strconv.FormatInt(outboxID, 10)}})
}

// SentTx marks the notification queued as outboxID sent, inside the mail sync's transaction; an outbox
// id that is not a notification changes nothing.
func (s *Service) SentTx(ctx context.Context, tx *sql.Tx, outboxID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE competition_notifications SET status = 'sent', sent_at = ? WHERE outbox_id = ?`,
		ts(s.clock.Now()), outboxID); err != nil {
		return fmt.Errorf("mark notification sent: %w", err)
	}
	return nil
}

// notified returns each notified place's delivery ("queued" or "sent") by its seq.
func notified(ctx context.Context, tx *sql.Tx, id string) (map[int]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, status FROM competition_notifications WHERE competition_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("read notifications: %w", err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var seq int
		var st string
		if err := rows.Scan(&seq, &st); err != nil {
			return nil, fmt.Errorf("read notification: %w", err)
		}
		out[seq] = st
	}
	return out, rows.Err()
}

func linkedMailbox(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var mb string
	err := tx.QueryRowContext(ctx, `SELECT mailbox FROM competition_mail_folders WHERE competition_id = ?`, id).Scan(&mb)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read folder link: %w", err)
	}
	return mb, nil
}
