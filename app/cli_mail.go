package app

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"staffdesk/backend/mail"
)

const mailboxUsage = "mailbox add --name N --host H [--port P] --user U --password-file F --security imaps|starttls|plain " +
	"[--folders INBOX,...] [--allow-insecure] [--smtp-host H] [--smtp-port P] [--smtp-security tls|starttls|plain] " +
	"[--from ADDRESS] | list | test NAME | remove NAME"

const syncUsage = "sync [--mailbox N] [--json]"

func (c *cli) cmdMailbox(ctx context.Context, args []string) error {
	var in mail.MailboxInput
	var passFile, folders string
	pos, err := c.flags("mailbox", args, func(fs *flag.FlagSet) {
		fs.StringVar(&in.Name, "name", "", "the mailbox's `name` in Staffdesk")
		fs.StringVar(&in.Host, "host", "", "the IMAP server's `host`")
		fs.IntVar(&in.Port, "port", 0, "the IMAP `port` (default 993 for imaps, 143 otherwise)")
		fs.StringVar(&in.User, "user", "", "the IMAP (and SMTP) `user`")
		fs.StringVar(&passFile, "password-file", "", "read the mailbox password from `file` (kept only in the encrypted store)")
		fs.StringVar(&in.Security, "security", "imaps", "imaps, starttls or plain (plain only to a loopback host)")
		fs.StringVar(&folders, "folders", "INBOX", "the `folders` to sync, comma separated")
		fs.BoolVar(&in.AllowInsecure, "allow-insecure", false, "allow plain IMAP/SMTP to a host that is not loopback")
		fs.StringVar(&in.SMTPHost, "smtp-host", "", "the SMTP `host` (default: the IMAP host)")
		fs.IntVar(&in.SMTPPort, "smtp-port", 0, "the SMTP `port` (default 465 for tls, 587 for starttls, 25 for plain)")
		fs.StringVar(&in.SMTPSecurity, "smtp-security", "", "tls, starttls or plain (default: follows --security)")
		fs.StringVar(&in.From, "from", "", "the `address` replies are sent from (default: the user when it is an address)")
	})
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("mailbox: say add, list, test or remove\nusage: staffdesk " + mailboxUsage)
	}
	if pos[0] == "add" {
		if passFile == "" {
			return usageError("mailbox add: --password-file is required\nusage: staffdesk " + mailboxUsage)
		}
		b, err := os.ReadFile(passFile)
		if err != nil {
			return fmt.Errorf("read password file: %w", err)
		}
		in.Password = strings.TrimRight(string(b), "\r\n")
		in.Folders = splitList(folders)
	}
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error { return c.mailbox(ctx, svc.Mail, pos, in) })
	})
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (c *cli) mailbox(ctx context.Context, m *mail.Service, pos []string, in mail.MailboxInput) error {
	sub, rest := pos[0], pos[1:]
	switch {
	case sub == "add" && len(rest) == 0:
		mb, err := m.AddMailbox(ctx, in)
		if err != nil {
			return err
		}
		return c.print(mb, fmt.Sprintf("Added mailbox %s (%s@%s:%d, %s). Try it: staffdesk mailbox test %s\n",
			mb.Name, mb.User, mb.Host, mb.Port, mb.Security, mb.Name))
	case sub == "list" && len(rest) == 0:
		list, err := m.ListMailboxes(ctx)
		if err != nil {
			return err
		}
		return c.print(list, mailboxTable(list))
	case sub == "test" && len(rest) == 1:
		res, err := m.TestMailbox(ctx, rest[0])
		if err != nil {
			return err
		}
		if !res.OK {
			c.print(res, "")
			return fmt.Errorf("mailbox %s: %s", res.Mailbox, res.Error)
		}
		return c.print(res, testText(res))
	case sub == "remove" && len(rest) == 1:
		if err := m.RemoveMailbox(ctx, rest[0]); err != nil {
			return err
		}
		return c.print(map[string]string{"removed": rest[0]}, fmt.Sprintf("Removed mailbox %s and its synced mail.\n", rest[0]))
	}
	return usageError("usage: staffdesk " + mailboxUsage)
}

func mailboxTable(list []mail.Mailbox) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tSERVER\tUSER\tFOLDERS\tSMTP\tMESSAGES\tLAST SYNC")
	for _, m := range list {
		last := "never"
		if !m.LastSync.IsZero() {
			last = m.LastSync.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(w, "%s\t%s:%d (%s)\t%s\t%s\t%s:%d (%s)\t%d\t%s\n", m.Name, m.Host, m.Port, m.Security, m.User,
			strings.Join(m.Folders, ","), m.SMTPHost, m.SMTPPort, m.SMTPSecurity, m.Messages, last)
	}
	w.Flush()
	return b.String()
}

func testText(r mail.TestResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Mailbox %s: signed in.\n", r.Mailbox)
	fmt.Fprintf(&b, "  CONDSTORE: %v; keywords kept by the server: %v; Sent folder: %q\n", r.CondStore, r.KeywordsSupported, r.SentFolder)
	if !r.KeywordsSupported {
		b.WriteString("  The server keeps no keywords: ticket state stays on this laptop only.\n")
	}
	for _, f := range r.Folders {
		fmt.Fprintf(&b, "  %s: %d messages\n", f.Name, f.Messages)
	}
	return b.String()
}

func (c *cli) cmdSync(ctx context.Context, args []string) error {
	var name string
	pos, err := c.flags("sync", args, func(fs *flag.FlagSet) {
		fs.StringVar(&name, "mailbox", "", "sync only the mailbox `name`d")
	})
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("usage: staffdesk " + syncUsage)
	}
	bar := c.progressBar()
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error {
			sum, err := svc.Mail.Sync(ctx, mail.SyncOptions{Mailbox: name, Operation: "sync"}, bar)
			if bar != nil {
				fmt.Fprint(c.stderr, "\r\033[K")
			}
			perr := c.print(sum, syncText(sum))
			if err != nil {
				return err
			}
			return perr
		})
	})
}

// progressBar draws a one-line bar on stderr when it is a terminal and the output is not JSON.
func (c *cli) progressBar() func(mail.Progress) {
	f, ok := c.stderr.(*os.File)
	if c.asJSON || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	var last time.Time
	return func(p mail.Progress) {
		if time.Since(last) < 100*time.Millisecond && p.Done != p.Total {
			return
		}
		last = time.Now()
		const width = 30
		filled := 0
		if p.Total > 0 {
			filled = p.Done * width / p.Total
		}
		fmt.Fprintf(c.stderr, "\r\033[K%s/%s [%s%s] %d/%d", p.Mailbox, p.Folder, strings.Repeat("#", filled),
			strings.Repeat(".", width-filled), p.Done, p.Total)
	}
}

func syncText(s mail.SyncSummary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Synced %d mailbox(es), %d folder(s) in %.1fs: %d new, %d expunged, %d keyword changes",
		s.Mailboxes, s.Folders, s.Seconds, s.New, s.Expunged, s.KeywordsChanged)
	if s.Resynced > 0 {
		fmt.Fprintf(&b, ", %d folder(s) renumbered by the server and resynced", s.Resynced)
	}
	fmt.Fprintf(&b, ".\nOutbox: %d sent, %d keyword changes stored, %d conflicts, %d failed, %d waiting.\n",
		s.Outbox.Sent, s.Outbox.Keywords, s.Outbox.Conflicts, s.Outbox.Failed, s.Outbox.Left)
	return b.String()
}
