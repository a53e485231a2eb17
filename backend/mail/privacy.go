package mail

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/privacy"
)

// AreaName names the mail area in access files and erasure reports.
func (m *Messages) AreaName() string { return "mail" }

// memberRefs returns the synced messages whose raw text names email (in any header or the body), not erased.
func memberRefs(ctx context.Context, tx *sql.Tx, email string) ([]int64, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	if e == "" {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM mail_messages WHERE erased = 0 AND instr(lower(CAST(raw AS TEXT)), ?) > 0
		ORDER BY id`, e)
	if err != nil {
		return nil, fmt.Errorf("find member's mail: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("find member's mail: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// MemberRecords lists the synced messages that name email: folder, date, from, subject and size (the
// text is in the help desk's records).
func (m *Messages) MemberRecords(ctx context.Context, email string) (privacy.AreaRecords, error) {
	rec := privacy.AreaRecords{Area: m.AreaName(), Columns: []string{"mailbox", "folder", "date", "from", "subject", "bytes"},
		Rows: [][]string{}}
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return rec, err
	}
	err := m.db.View(ctx, func(tx *sql.Tx) error {
		refs, err := memberRefs(ctx, tx, email)
		if err != nil {
			return err
		}
		for _, ref := range refs {
			var mailbox, folder string
			var raw []byte
			err := tx.QueryRowContext(ctx, `SELECT b.name, m.folder, m.raw FROM mail_messages m JOIN mail_mailboxes b
				ON b.id = m.mailbox_id WHERE m.id = ?`, ref).Scan(&mailbox, &folder, &raw)
			if err != nil {
				return fmt.Errorf("read member's mail: %w", err)
			}
			msg, _ := parse(raw)
			date := ""
			if !msg.Date.IsZero() {
				date = msg.Date.UTC().Format(time.RFC3339)
			}
			rec.Rows = append(rec.Rows, []string{mailbox, folder, date, msg.From.Email, msg.Subject, strconv.Itoa(len(raw))})
		}
		return nil
	})
	return rec, err
}

// EraseMember erases the stored copies of the messages that name email: the row stays (so the sync never
// fetches the message again) without its raw text. The copy on the mail server is the mailbox owner's to delete.
func (m *Messages) EraseMember(ctx context.Context, email string) (privacy.ErasureCount, error) {
	out := privacy.ErasureCount{Area: m.AreaName()}
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return out, err
	}
	err := m.db.Update(ctx, func(tx *sql.Tx) error {
		refs, err := memberRefs(ctx, tx, email)
		if err != nil {
			return err
		}
		for _, ref := range refs {
			if _, err := tx.ExecContext(ctx, `UPDATE mail_messages SET raw = x'', partial = 0, erased = 1 WHERE id = ?`, ref); err != nil {
				return fmt.Errorf("erase member's mail: %w", err)
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE mail_outbox SET raw = NULL WHERE state = 'done' AND instr(lower(rcpt), ?) > 0`,
			strings.ToLower(strings.TrimSpace(email)))
		out.Redacted = len(refs)
		return err
	})
	return out, err
}

// ForgetTx drops the stored raw text of one synced message inside the caller's transaction, keeping its row
// so the sync never fetches it again: for mail whose content another area has taken over, such as a
// competition entry, which that area's retention then governs.
func (m *Messages) ForgetTx(ctx context.Context, tx *sql.Tx, ref int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE mail_messages SET raw = x'', partial = 0, erased = 1 WHERE id = ?`, ref); err != nil {
		return fmt.Errorf("forget mail %d: %w", ref, err)
	}
	return nil
}
