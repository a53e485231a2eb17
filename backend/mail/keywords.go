package mail

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"staffdesk/backend/apperr"
)

func (s *Service) localByRef(ctx context.Context, ref int64) (localMsg, string, bool, error) {
	var m localMsg
	var folder string
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT id, uid, modseq, keywords, dedupe_key, folder FROM mail_messages WHERE id = ?`, ref).
			Scan(&m.ref, &m.uid, &m.modseq, &m.keywords, &m.key, &folder)
	})
	if err == sql.ErrNoRows {
		return m, "", false, nil
	}
	if err != nil {
		return m, "", false, fmt.Errorf("read message %d: %w", ref, err)
	}
	return m, folder, true, nil
}

// applyChange returns the sorted keyword set kw with add added and remove removed, ignoring case.
func applyChange(kw, add, remove []string) []string {
	set := map[string]string{}
	for _, k := range append(append([]string{}, kw...), add...) {
		if _, ok := set[strings.ToLower(k)]; !ok {
			set[strings.ToLower(k)] = k
		}
	}
	for _, k := range remove {
		delete(set, strings.ToLower(k))
	}
	out := make([]string, 0, len(set))
	for _, k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// fetchKeywords returns the server's $SD_ keywords and MODSEQ of the message uid in the selected folder.
func fetchKeywords(c *imapclient.Client, uid imap.UID) ([]string, uint64, bool, error) {
	msgs, err := c.Fetch(imap.UIDSetNum(uid), &imap.FetchOptions{UID: true, Flags: true,
		ModSeq: c.Caps().Has(imap.CapCondStore)}).Collect()
	if err != nil {
		return nil, 0, false, fmt.Errorf("fetch flags: %w", err)
	}
	for _, m := range msgs {
		if m.UID == uid {
			return sdKeywords(m.Flags), m.ModSeq, true, nil
		}
	}
	return nil, 0, false, nil
}

// nextStep returns the next STORE that moves the server's keywords kw towards the change: first the
// keywords to add that are missing, then the keywords to remove that are present; none when done.
func nextStep(kw, add, remove []string) (imap.StoreFlagsOp, []string) {
	var missing, present []string
	for _, k := range add {
		if !containsFold(kw, k) {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return imap.StoreFlagsAdd, missing
	}
	for _, k := range remove {
		if containsFold(kw, k) {
			present = append(present, k)
		}
	}
	return imap.StoreFlagsDel, present
}

func addOf(op imap.StoreFlagsOp, kws []string) []string {
	if op == imap.StoreFlagsAdd {
		return kws
	}
	return nil
}

func removeOf(op imap.StoreFlagsOp, kws []string) []string {
	if op == imap.StoreFlagsDel {
		return kws
	}
	return nil
}

// storeStep stores +FLAGS or -FLAGS kws on uid, with UNCHANGEDSINCE modseq when condstore. It reports
// false when the server refused because the message changed meanwhile.
func storeStep(c *imapclient.Client, uid imap.UID, modseq uint64, condstore bool, op imap.StoreFlagsOp, kws []string) (bool, error) {
	flags := make([]imap.Flag, len(kws))
	for i, k := range kws {
		flags[i] = imap.Flag(k)
	}
	opts := &imap.StoreOptions{}
	if condstore {
		opts.UnchangedSince = modseq
	}
	msgs, err := c.Store(imap.UIDSetNum(uid), &imap.StoreFlags{Op: op, Flags: flags}, opts).Collect()
	if err != nil {
		return false, fmt.Errorf("store keywords: %w", err)
	}
	for _, m := range msgs {
		if m.UID == uid && hasAll(m.Flags, kws, op == imap.StoreFlagsAdd) {
			return true, nil
		}
	}
	return false, nil
}

func hasAll(flags []imap.Flag, kws []string, present bool) bool {
	have := map[string]bool{}
	for _, f := range flags {
		have[strings.ToLower(string(f))] = true
	}
	for _, k := range kws {
		if have[strings.ToLower(k)] != present {
			return false
		}
	}
	return true
}

// fetchWhole fetches a message kept only in part, stores it whole and returns it.
func (s *Service) fetchWhole(ctx context.Context, ref int64) ([]byte, error) {
	var mailboxID int64
	var folder string
	var validity uint32
	var uid imap.UID
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT mailbox_id, folder, uidvalidity, uid FROM mail_messages WHERE id = ?`, ref).
			Scan(&mailboxID, &folder, &validity, &uid)
	})
	if err != nil {
		return nil, fmt.Errorf("read message %d: %w", ref, err)
	}
	a, err := s.account(ctx, mailboxID)
	if err != nil {
		return nil, err
	}
	var raw []byte
	err = s.workerFor(a).do(ctx, func(ctx context.Context, c *imapclient.Client) error {
		sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
		if err != nil {
			return fmt.Errorf("select %s: %w", folder, err)
		}
		if sel.UIDValidity != validity {
			return apperr.New(apperr.Conflict, "the folder %s was renumbered on the server: sync, then try again", folder)
		}
		cmd := c.Fetch(imap.UIDSetNum(uid), &imap.FetchOptions{UID: true,
			BodySection: []*imap.FetchItemBodySection{{Peek: true}}})
		for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
			in, err := readBody(msg)
			if err != nil {
				cmd.Close()
				return err
			}
			if in.uid == uid {
				raw = in.raw
			}
		}
		return cmd.Close()
	})
	if err != nil {
		return nil, err
	}
	if raw == nil {
		return nil, apperr.New(apperr.NotFound, "message %d is no longer on the server", ref)
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mail_messages SET raw = ?, partial = 0 WHERE id = ?`, raw, ref)
		return err
	})
	return raw, err
}
