package mail

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// unchanged is the fast path of a folder synced before on a CONDSTORE server: when UIDVALIDITY and UIDNEXT
// are the same and the server holds as many messages as the store, nothing arrived and nothing was
// expunged, so only the flags changed since the last HIGHESTMODSEQ are fetched, without reading every
// local message. It reports false when the full comparison is needed.
func (f *folderSync) unchanged(ctx context.Context, st folderState, sel *imap.SelectData) (bool, error) {
	if !f.condstore || st.modseq == 0 || st.validity != sel.UIDValidity || st.uidnext != uint32(sel.UIDNext) {
		return false, nil
	}
	var n uint32
	err := f.svc.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM mail_messages WHERE mailbox_id = ? AND folder = ? AND uidvalidity = ?`,
			f.a.ID, f.folder, f.validity).Scan(&n)
	})
	if err != nil {
		return false, fmt.Errorf("count local messages: %w", err)
	}
	if n != sel.NumMessages {
		return false, nil
	}
	var all imap.UIDSet
	all.AddRange(1, 0)
	msgs, err := f.c.Fetch(all, &imap.FetchOptions{UID: true, Flags: true, ModSeq: true, ChangedSince: st.modseq}).Collect()
	if err != nil {
		return false, fmt.Errorf("fetch changed flags: %w", err)
	}
	f.local = map[imap.UID]localMsg{}
	if len(msgs) > 0 {
		if err := f.loadUIDs(ctx, msgs); err != nil {
			return false, err
		}
	}
	if err := f.applyFlags(ctx, msgs); err != nil {
		return false, err
	}
	return true, f.saveState(ctx, sel)
}

// loadUIDs reads the local rows of the messages fetched, by UID.
func (f *folderSync) loadUIDs(ctx context.Context, msgs []*imapclient.FetchMessageBuffer) error {
	return f.svc.db.View(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `SELECT id, uid, modseq, keywords, dedupe_key FROM mail_messages
			WHERE mailbox_id = ? AND folder = ? AND uidvalidity = ? AND uid = ?`)
		if err != nil {
			return fmt.Errorf("read local messages: %w", err)
		}
		defer stmt.Close()
		for _, m := range msgs {
			var lm localMsg
			err := stmt.QueryRowContext(ctx, f.a.ID, f.folder, f.validity, uint32(m.UID)).Scan(&lm.ref, &lm.uid, &lm.modseq, &lm.keywords, &lm.key)
			if err == sql.ErrNoRows {
				continue
			}
			if err != nil {
				return fmt.Errorf("read local message: %w", err)
			}
			f.local[lm.uid] = lm
		}
		return nil
	})
}
