package mail

import (
	"context"
	"database/sql"
	"fmt"

	"staffdesk/backend/actor"
)

// Sender is a mailbox that can send mail: an SMTP server and a From address.
type Sender struct {
	MailboxID int64
	Name      string
	From      string
}

// senderRoles may queue mail of their own: the help desk its replies, competition managers their winner
// notifications.
var senderRoles = []actor.Role{actor.HelpDesk, actor.Competitions}

// Senders lists the mailboxes that can send, by name, for areas that queue their own mail through QueueSend.
func (m *Messages) Senders(ctx context.Context) ([]Sender, error) {
	if _, err := actor.Require(ctx, senderRoles...); err != nil {
		return nil, err
	}
	out := []Sender{}
	err := m.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, name, from_address FROM mail_mailboxes
			WHERE smtp_host <> '' AND from_address <> '' ORDER BY name`)
		if err != nil {
			return fmt.Errorf("list senders: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var s Sender
			if err := rows.Scan(&s.MailboxID, &s.Name, &s.From); err != nil {
				return fmt.Errorf("read sender: %w", err)
			}
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}
