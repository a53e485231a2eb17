package mail

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
)

// Sync flushes the outbox and then syncs every folder of every mailbox (or only opts.Mailbox), reporting
// progress. One sync runs at a time; a second waits. Errors of one mailbox are listed in the summary and
// returned after the others were synced.
func (s *Service) Sync(ctx context.Context, opts SyncOptions, progress func(Progress)) (SyncSummary, error) {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return SyncSummary{}, err
	}
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	start := time.Now()
	accts, err := s.accounts(ctx, opts.Mailbox)
	if err != nil {
		return SyncSummary{}, err
	}
	if opts.Operation == "" {
		opts.Operation = "sync"
	}
	s.setSyncing(ctx, true, "")
	var sum SyncSummary
	var errs []error
	for _, a := range accts {
		if err := s.syncAccount(ctx, a, opts, progress, &sum); err != nil {
			errs = append(errs, err)
			sum.Errors = append(sum.Errors, a.Name+": "+err.Error())
		}
		sum.Mailboxes++
	}
	sum.Outbox.Left, _ = s.msgs.OutboxCount(ctx)
	sum.Seconds = time.Since(start).Seconds()
	err = errors.Join(errs...)
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	s.setSyncing(ctx, false, msg)
	if sum.New > 0 && s.ev != nil {
		s.ev.Emit("mail:new", map[string]int{"count": sum.New})
	}
	return sum, err
}

func (s *Service) syncAccount(ctx context.Context, a account, opts SyncOptions, progress func(Progress), sum *SyncSummary) error {
	return s.workerFor(a).do(ctx, func(ctx context.Context, c *imapclient.Client) error {
		if err := s.discover(ctx, c, &a); err != nil {
			return err
		}
		ob, err := s.flush(ctx, c, a)
		sum.Outbox.Sent += ob.Sent
		sum.Outbox.Keywords += ob.Keywords
		sum.Outbox.Conflicts += ob.Conflicts
		sum.Outbox.Failed += ob.Failed
		if err != nil {
			return err
		}
		folders, err := s.foldersOf(ctx, a)
		if err != nil {
			return err
		}
		for _, f := range folders {
			fs := folderSync{svc: s, c: c, a: a, folder: f, sent: f == a.SentFolder, sum: sum,
				report: s.reporter(opts.Operation, a.Name, f, progress)}
			if err := fs.run(ctx); err != nil {
				return fmt.Errorf("folder %s: %w", f, err)
			}
			sum.Folders++
		}
		return nil
	})
}

// discover finds the \Sent folder (SPECIAL-USE) and whether the server keeps keywords, once per connection.
func (s *Service) discover(ctx context.Context, c *imapclient.Client, a *account) error {
	sent := a.SentFolder
	if sent == "" {
		opts := &imap.ListOptions{}
		if c.Caps().Has(imap.CapSpecialUse) {
			opts.ReturnSpecialUse = true
		}
		list, err := c.List("", "*", opts).Collect()
		if err != nil {
			return fmt.Errorf("list folders: %w", err)
		}
		sent = sentFolder(list)
	}
	sel, err := c.Select(a.Folders[0], nil).Wait()
	if err != nil {
		return apperr.Wrap(apperr.NotFound, err, "cannot open folder %s", a.Folders[0])
	}
	kw := permitsKeywords(sel.PermanentFlags)
	a.SentFolder = sent
	a.KeywordsSupported = &kw
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mail_mailboxes SET sent_folder = ?, keywords_supported = ? WHERE id = ?`, sent, kw, a.ID)
		return err
	})
}

func sentFolder(list []*imap.ListData) string {
	fallback := ""
	for _, l := range list {
		for _, attr := range l.Attrs {
			if attr == imap.MailboxAttrSent {
				return l.Mailbox
			}
		}
		if strings.EqualFold(l.Mailbox, "Sent") || strings.EqualFold(l.Mailbox, "INBOX.Sent") {
			fallback = l.Mailbox
		}
	}
	return fallback
}

// permitsKeywords reports whether PERMANENTFLAGS lets clients create keywords (\*).
func permitsKeywords(flags []imap.Flag) bool {
	for _, f := range flags {
		if f == imap.FlagWildcard {
			return true
		}
	}
	return false
}

// sdKeywords returns the sorted, distinct $SD_ keywords among flags, as the server spells them (keywords
// are case-insensitive: some servers lowercase them).
func sdKeywords(flags []imap.Flag) []string {
	var out []string
	for _, f := range flags {
		if len(f) >= len(KeywordPrefix) && strings.EqualFold(string(f[:len(KeywordPrefix)]), KeywordPrefix) && !containsFold(out, string(f)) {
			out = append(out, string(f))
		}
	}
	sort.Strings(out)
	return out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// sameKeywords reports whether two keyword sets are equal, ignoring case.
func sameKeywords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, k := range a {
		if !containsFold(b, k) {
			return false
		}
	}
	return true
}

func splitWords(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Fields(s)
}
