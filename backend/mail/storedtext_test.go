package mail

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// StoredText reads a stored message's text in the caller's transaction, as the sync parsed it, and has
// none for a message that is erased or not stored.
func TestStoredText(t *testing.T) {
	c := openClient(t, filepath.Join(t.TempDir(), "s.db"), nil)
	err := c.db.Update(c.ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO mail_mailboxes (id, name, imap_host, imap_port, imap_security, username, password,
			folders, smtp_host, smtp_port, smtp_security, from_address, created_at)
			VALUES (1, 'help', 'h', 1, 'imaps', 'u', 'p', '[]', 'h', 1, 'plain', 'f', '')`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO mail_messages (id, mailbox_id, folder, uidvalidity, uid, size, dedupe_key, raw, erased)
			VALUES (1, 1, 'INBOX', 1, 1, 1, 'a', ?, 0), (2, 1, 'INBOX', 1, 2, 1, 'b', x'', 1), (3, 1, 'INBOX', 1, 3, 1, 'c', ?, 0)`,
			mails(1, 1)[0], []byte("no header at all"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		ref  int64
		want string
	}{
		{"stored", 1, "Hello, this is question 1."},
		{"erased", 2, ""},
		{"not stored", 9, ""},
		{"no header: kept whole", 3, "no header at all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			err := c.db.View(c.ctx, func(tx *sql.Tx) (err error) {
				got, err = c.msgs.StoredText(c.ctx, tx, tt.ref)
				return err
			})
			if err != nil || got != tt.want {
				t.Fatalf("StoredText(%d) = %q, %v; want %q", tt.ref, got, err, tt.want)
			}
		})
	}
}
