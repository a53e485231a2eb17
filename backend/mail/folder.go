package mail

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// folderSync syncs one folder over a connection owned by the caller.
type folderSync struct {
	svc    *Service
	c      *imapclient.Client
	a      account
	folder string
	sent   bool
	sum    *SyncSummary
	report func(done, total int)

	condstore bool
	validity  uint32
	local     map[imap.UID]localMsg
	stale     map[string][]localMsg // rows under an old UIDVALIDITY, by dedupe key
}

// localMsg is what the store holds about one synced message.
type localMsg struct {
	ref      int64
	uid      imap.UID
	modseq   uint64
	keywords string
	key      string
}

type folderState struct {
	validity uint32
	modseq   uint64
	uidnext  uint32
}

func (f *folderSync) run(ctx context.Context) error {
	f.condstore = f.c.Caps().Has(imap.CapCondStore)
	sel, err := f.c.Select(f.folder, &imap.SelectOptions{CondStore: f.condstore}).Wait()
	if err != nil {
		return fmt.Errorf("select: %w", err)
	}
	f.validity = sel.UIDValidity
	st, err := f.state(ctx)
	if err != nil {
		return err
	}
	if done, err := f.unchanged(ctx, st, sel); done || err != nil {
		return err
	}
	if err := f.loadLocal(ctx); err != nil {
		return err
	}
	if st.validity != 0 && st.validity != f.validity {
		f.sum.Resynced++
	}
	res, err := f.c.UIDSearch(&imap.SearchCriteria{}, &imap.SearchOptions{ReturnAll: true}).Wait()
	if err != nil {
		return fmt.Errorf("uid search all: %w", err)
	}
	server := res.AllUIDs()
	onServer := make(map[imap.UID]bool, len(server))
	var fresh []imap.UID
	for _, u := range server {
		onServer[u] = true
		if _, ok := f.local[u]; !ok {
			fresh = append(fresh, u)
		}
	}
	if err := f.expunge(ctx, onServer); err != nil {
		return err
	}
	if err := f.flags(ctx, st); err != nil {
		return err
	}
	if err := f.fetchNew(ctx, fresh); err != nil {
		return err
	}
	if err := f.dropStale(ctx); err != nil {
		return err
	}
	return f.saveState(ctx, sel)
}

func (f *folderSync) state(ctx context.Context) (folderState, error) {
	var st folderState
	err := f.svc.db.View(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT uidvalidity, highest_modseq, uidnext FROM mail_folders WHERE mailbox_id = ? AND name = ?`,
			f.a.ID, f.folder).Scan(&st.validity, &st.modseq, &st.uidnext)
		if err == sql.ErrNoRows {
			return nil
		}
		return err
	})
	if err != nil {
		return st, fmt.Errorf("read folder state: %w", err)
	}
	return st, nil
}

func (f *folderSync) loadLocal(ctx context.Context) error {
	f.local = map[imap.UID]localMsg{}
	f.stale = map[string][]localMsg{}
	return f.svc.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, uidvalidity, uid, modseq, keywords, dedupe_key FROM mail_messages
			WHERE mailbox_id = ? AND folder = ? ORDER BY uid`, f.a.ID, f.folder)
		if err != nil {
			return fmt.Errorf("read local messages: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var m localMsg
			var validity uint32
			if err := rows.Scan(&m.ref, &validity, &m.uid, &m.modseq, &m.keywords, &m.key); err != nil {
				return fmt.Errorf("read local messages: %w", err)
			}
			if validity == f.validity {
				f.local[m.uid] = m
			} else {
				f.stale[m.key] = append(f.stale[m.key], m)
			}
		}
		return rows.Err()
	})
}

// expunge forgets the local messages whose UIDs the server no longer lists.
func (f *folderSync) expunge(ctx context.Context, onServer map[imap.UID]bool) error {
	var gone []int64
	for u, m := range f.local {
		if !onServer[u] {
			gone = append(gone, m.ref)
			delete(f.local, u)
		}
	}
	return f.forget(ctx, gone)
}

// dropStale forgets the messages of an old UIDVALIDITY that no new message took over.
func (f *folderSync) dropStale(ctx context.Context) error {
	var gone []int64
	for _, ms := range f.stale {
		for _, m := range ms {
			gone = append(gone, m.ref)
		}
	}
	return f.forget(ctx, gone)
}

func (f *folderSync) forget(ctx context.Context, refs []int64) error {
	if len(refs) == 0 {
		return nil
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i] < refs[j] })
	err := f.svc.db.Update(ctx, func(tx *sql.Tx) error {
		if err := f.svc.sink.Expunged(ctx, tx, refs); err != nil {
			return err
		}
		for _, ref := range refs {
			if _, err := tx.ExecContext(ctx, `DELETE FROM mail_messages WHERE id = ?`, ref); err != nil {
				return fmt.Errorf("forget message: %w", err)
			}
		}
		return nil
	})
	if err == nil {
		f.sum.Expunged += len(refs)
	}
	return err
}

// flags brings the $SD_ keywords of known messages up to date: CHANGEDSINCE with CONDSTORE and a folder
// synced before, every known message's flags otherwise.
func (f *folderSync) flags(ctx context.Context, st folderState) error {
	if len(f.local) == 0 {
		return nil
	}
	opts := &imap.FetchOptions{UID: true, Flags: true, ModSeq: f.condstore}
	var set imap.UIDSet
	if f.condstore && st.modseq > 0 && st.validity == f.validity {
		opts.ChangedSince = st.modseq
		set.AddRange(1, 0)
	} else {
		uids := make([]imap.UID, 0, len(f.local))
		for u := range f.local {
			uids = append(uids, u)
		}
		set = uidSet(uids)
	}
	msgs, err := f.c.Fetch(set, opts).Collect()
	if err != nil {
		return fmt.Errorf("fetch flags: %w", err)
	}
	return f.applyFlags(ctx, msgs)
}

// applyFlags stores the $SD_ keywords and MODSEQ fetched for known messages and tells the sink of changes.
func (f *folderSync) applyFlags(ctx context.Context, msgs []*imapclient.FetchMessageBuffer) error {
	type change struct {
		m   localMsg
		kw  []string
		mod uint64
	}
	var changes []change
	for _, m := range msgs {
		lm, ok := f.local[m.UID]
		if !ok {
			continue
		}
		kw := sdKeywords(m.Flags)
		if strings.Join(kw, " ") != lm.keywords || m.ModSeq != lm.modseq {
			changes = append(changes, change{lm, kw, m.ModSeq})
		}
	}
	if len(changes) == 0 {
		return nil
	}
	return f.svc.db.Update(ctx, func(tx *sql.Tx) error {
		for _, ch := range changes {
			joined := strings.Join(ch.kw, " ")
			if _, err := tx.ExecContext(ctx, `UPDATE mail_messages SET keywords = ?, modseq = ? WHERE id = ?`,
				joined, ch.mod, ch.m.ref); err != nil {
				return fmt.Errorf("update keywords: %w", err)
			}
			if joined != ch.m.keywords {
				f.sum.KeywordsChanged++
				if err := f.svc.sink.KeywordsChanged(ctx, tx, ch.m.ref, ch.kw); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func (f *folderSync) saveState(ctx context.Context, sel *imap.SelectData) error {
	return f.svc.db.Update(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO mail_folders (mailbox_id, name, uidvalidity, highest_modseq, uidnext, synced_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, name) DO UPDATE SET uidvalidity = excluded.uidvalidity,
			highest_modseq = excluded.highest_modseq, uidnext = excluded.uidnext, synced_at = excluded.synced_at`,
			f.a.ID, f.folder, sel.UIDValidity, sel.HighestModSeq, uint32(sel.UIDNext),
			f.svc.clk.Now().UTC().Format(time.RFC3339Nano))
		if err != nil {
			return fmt.Errorf("save folder state: %w", err)
		}
		return nil
	})
}
