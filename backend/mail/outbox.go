package mail

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"staffdesk/backend/actor"
	"staffdesk/backend/mail/smtpsend"
)

// outItem is one queued keyword change or send.
type outItem struct {
	id        int64
	kind      string
	state     string
	ref       int64
	add       []string
	remove    []string
	from      string
	to        []string
	raw       []byte
	messageID string
}

// FlushOutbox sends what the help desk queued, for every mailbox, in order and once. Sync also does it first.
func (s *Service) FlushOutbox(ctx context.Context) (OutboxSummary, error) {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return OutboxSummary{}, err
	}
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	accts, err := s.accounts(ctx, "")
	if err != nil {
		return OutboxSummary{}, err
	}
	var total OutboxSummary
	for _, a := range accts {
		err := s.workerFor(a).do(ctx, func(ctx context.Context, c *imapclient.Client) error {
			if err := s.discover(ctx, c, &a); err != nil {
				return err
			}
			sum, err := s.flush(ctx, c, a)
			total.Sent, total.Keywords, total.Conflicts = total.Sent+sum.Sent, total.Keywords+sum.Keywords, total.Conflicts+sum.Conflicts
			total.Failed += sum.Failed
			return err
		})
		if err != nil {
			total.Left, _ = s.msgs.OutboxCount(ctx)
			return total, err
		}
	}
	total.Left, err = s.msgs.OutboxCount(ctx)
	s.emitStatus(ctx)
	return total, err
}

// flush works through the mailbox's outbox in id order, stopping at the first item that fails so that
// later items never overtake it.
func (s *Service) flush(ctx context.Context, c *imapclient.Client, a account) (OutboxSummary, error) {
	var sum OutboxSummary
	for {
		it, ok, err := s.nextItem(ctx, a.ID)
		if err != nil || !ok {
			return sum, err
		}
		if it.kind == "keywords" {
			conflict, err := s.storeKeywords(ctx, c, a, it)
			if err != nil {
				sum.Failed++
				return sum, s.failItem(ctx, it, err)
			}
			sum.Keywords++
			if conflict {
				sum.Conflicts++
			}
			continue
		}
		if err := s.send(ctx, c, a, it); err != nil {
			sum.Failed++
			if refused(err) {
				if err := s.refuseItem(ctx, it, err); err != nil {
					return sum, err
				}
				continue
			}
			return sum, s.failItem(ctx, it, err)
		}
		sum.Sent++
	}
}

func (s *Service) nextItem(ctx context.Context, mailboxID int64) (outItem, bool, error) {
	var it outItem
	var add, remove, rcpt string
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT id, kind, state, coalesce(ref, 0), add_kw, remove_kw, from_addr, rcpt,
			coalesce(raw, x''), message_id FROM mail_outbox WHERE mailbox_id = ? AND state IN ('queued', 'sending')
			ORDER BY id LIMIT 1`, mailboxID).Scan(&it.id, &it.kind, &it.state, &it.ref, &add, &remove, &it.from, &rcpt,
			&it.raw, &it.messageID)
	})
	if err == sql.ErrNoRows {
		return it, false, nil
	}
	if err != nil {
		return it, false, fmt.Errorf("read outbox: %w", err)
	}
	it.add, it.remove, it.to = splitWords(add), splitWords(remove), strings.Split(rcpt, "\n")
	return it, true, nil
}

func (s *Service) failItem(ctx context.Context, it outItem, cause error) error {
	err := s.db.Update(context.WithoutCancel(ctx), func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?`,
			cause.Error(), it.id)
		return err
	})
	if err != nil {
		return fmt.Errorf("%w (and recording it failed: %v)", cause, err)
	}
	return fmt.Errorf("outbox item %d: %w", it.id, cause)
}

// refused reports whether the SMTP server refused this message for good (a 5xx reply to its sender,
// recipients or content), as opposed to the connection or sign-in, which retrying or fixing the mailbox cures.
func refused(err error) bool {
	if !smtpsend.IsPermanent(err) {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, ": mail from: ") || strings.Contains(msg, ": rcpt to: ") || strings.Contains(msg, ": data: ")
}

// FailureSink is what a Sink may also implement to hear of a message the SMTP server refused for good.
type FailureSink interface {
	SendFailed(ctx context.Context, tx *sql.Tx, outboxID int64, reason string) error
}

// refuseItem marks a refused send failed, so the items after it go on, and tells the sink when it listens.
func (s *Service) refuseItem(ctx context.Context, it outItem, cause error) error {
	return s.db.Update(context.WithoutCancel(ctx), func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = 'failed', attempts = attempts + 1, last_error = ?
			WHERE id = ?`, cause.Error(), it.id); err != nil {
			return fmt.Errorf("update outbox: %w", err)
		}
		if fs, ok := s.sink.(FailureSink); ok {
			return fs.SendFailed(ctx, tx, it.id, cause.Error())
		}
		return nil
	})
}

func (s *Service) setItemState(ctx context.Context, tx *sql.Tx, id int64, state string) error {
	_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = ?, raw = CASE WHEN ? = 'done' THEN NULL ELSE raw END
		WHERE id = ?`, state, state, id)
	if err != nil {
		return fmt.Errorf("update outbox: %w", err)
	}
	return nil
}

// send sends a queued message once: it is marked "sending" before SMTP; an item found "sending" after a
// crash is first looked for, by Message-ID, in the Sent folder. The sent copy is appended to the Sent folder.
func (s *Service) send(ctx context.Context, c *imapclient.Client, a account, it outItem) error {
	if it.state == "sending" && it.messageID != "" && a.SentFolder != "" {
		uid, validity, found, err := s.findSent(c, a.SentFolder, it.messageID)
		if err != nil {
			return err
		}
		if found {
			return s.recordSent(ctx, a, it, uid, validity)
		}
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error { return s.setItemState(ctx, tx, it.id, "sending") })
	if err != nil {
		return err
	}
	cfg := smtpsend.Config{Host: a.SMTPHost, Port: a.SMTPPort, Security: a.SMTPSecurity, User: a.User,
		Password: a.password, TLS: s.tlsFor(a.SMTPHost)}
	if err := smtpsend.Send(ctx, cfg, it.from, it.to, it.raw); err != nil {
		return err
	}
	if a.SentFolder == "" {
		return s.recordSent(ctx, a, it, 0, 0)
	}
	cmd := c.Append(a.SentFolder, int64(len(it.raw)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}, Time: s.clk.Now()})
	if _, err := cmd.Write(it.raw); err != nil {
		return fmt.Errorf("append to %s: %w", a.SentFolder, err)
	}
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("append to %s: %w", a.SentFolder, err)
	}
	res, err := cmd.Wait()
	if err != nil {
		return fmt.Errorf("append to %s: %w", a.SentFolder, err)
	}
	return s.recordSent(ctx, a, it, res.UID, res.UIDValidity)
}

func (s *Service) findSent(c *imapclient.Client, folder, messageID string) (imap.UID, uint32, bool, error) {
	sel, err := c.Select(folder, nil).Wait()
	if err != nil {
		return 0, 0, false, fmt.Errorf("select %s: %w", folder, err)
	}
	res, err := c.UIDSearch(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{
		{Key: "Message-ID", Value: "<" + messageID + ">"}}}, &imap.SearchOptions{ReturnAll: true}).Wait()
	if err != nil {
		return 0, 0, false, fmt.Errorf("search %s: %w", folder, err)
	}
	uids := res.AllUIDs()
	if len(uids) == 0 {
		return 0, 0, false, nil
	}
	return uids[0], sel.UIDValidity, true, nil
}

// recordSent stores the sent copy under its UID in the Sent folder (so the Sent folder's sync does not
// deliver it again), marks the item done and tells the sink, in one transaction.
func (s *Service) recordSent(ctx context.Context, a account, it outItem, uid imap.UID, validity uint32) error {
	_, key := parse(it.raw)
	return s.db.Update(context.WithoutCancel(ctx), func(tx *sql.Tx) error {
		var ref int64
		if uid != 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO mail_messages (mailbox_id, folder, uidvalidity, uid, size, dedupe_key, raw)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, folder, uidvalidity, uid) DO UPDATE SET size = excluded.size
				RETURNING id`, a.ID, a.SentFolder, validity, uint32(uid), len(it.raw), key, bytes.Clone(it.raw)).Scan(&ref)
			if err != nil {
				return fmt.Errorf("store sent copy: %w", err)
			}
		}
		if err := s.setItemState(ctx, tx, it.id, "done"); err != nil {
			return err
		}
		return s.sink.Sent(ctx, tx, it.id, ref)
	})
}

// storeKeywords applies a queued keyword change to one message. When the server's $SD_ keywords differ
// from what this laptop last saw, another client changed them first: the sink gets a Conflict and the
// server's keywords, and nothing is stored. Otherwise +FLAGS and -FLAGS are stored with UNCHANGEDSINCE
// (CONDSTORE), retried when a change of other flags raced them.
func (s *Service) storeKeywords(ctx context.Context, c *imapclient.Client, a account, it outItem) (bool, error) {
	lm, folder, ok, err := s.localByRef(ctx, it.ref)
	if err != nil {
		return false, err
	}
	if !ok || (a.KeywordsSupported != nil && !*a.KeywordsSupported) {
		return false, s.db.Update(ctx, func(tx *sql.Tx) error { return s.setItemState(ctx, tx, it.id, "done") })
	}
	condstore := c.Caps().Has(imap.CapCondStore)
	if _, err := c.Select(folder, &imap.SelectOptions{CondStore: condstore}).Wait(); err != nil {
		return false, fmt.Errorf("select %s: %w", folder, err)
	}
	wanted := applyChange(splitWords(lm.keywords), it.add, it.remove)
	base := splitWords(lm.keywords)
	for attempt := 0; attempt < 8; attempt++ {
		kw, modseq, present, err := fetchKeywords(c, lm.uid)
		if err != nil {
			return false, err
		}
		if !present {
			return false, s.db.Update(ctx, func(tx *sql.Tx) error { return s.setItemState(ctx, tx, it.id, "done") })
		}
		if !sameKeywords(kw, base) {
			return true, s.conflict(ctx, it, lm.ref, wanted, kw, modseq)
		}
		op, step := nextStep(kw, it.add, it.remove)
		if len(step) == 0 {
			return false, s.db.Update(ctx, func(tx *sql.Tx) error {
				if _, err := tx.ExecContext(ctx, `UPDATE mail_messages SET keywords = ?, modseq = ? WHERE id = ?`,
					strings.Join(kw, " "), modseq, lm.ref); err != nil {
					return fmt.Errorf("update keywords: %w", err)
				}
				return s.setItemState(ctx, tx, it.id, "done")
			})
		}
		stored, err := storeStep(c, lm.uid, modseq, condstore, op, step)
		if err != nil {
			return false, err
		}
		if stored {
			base = applyChange(kw, addOf(op, step), removeOf(op, step))
		} else {
			time.Sleep(time.Duration(attempt*10) * time.Millisecond)
		}
	}
	return false, fmt.Errorf("keywords of message %d kept changing on the server", lm.ref)
}

func (s *Service) conflict(ctx context.Context, it outItem, ref int64, wanted, server []string, modseq uint64) error {
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE mail_messages SET keywords = ?, modseq = ? WHERE id = ?`,
			strings.Join(server, " "), modseq, ref); err != nil {
			return fmt.Errorf("update keywords: %w", err)
		}
		if err := s.setItemState(ctx, tx, it.id, "done"); err != nil {
			return err
		}
		if err := s.sink.Conflict(ctx, tx, KeywordConflict{Ref: ref, Wanted: wanted, Server: server}); err != nil {
			return err
		}
		return s.sink.KeywordsChanged(ctx, tx, ref, server)
	})
}
