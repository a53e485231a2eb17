package app

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"staffdesk/backend/apperr"
	"staffdesk/backend/helpdesk"
)

const ticketsUsage = "tickets list [--status S] [--search Q] [--assignee OP|me|none] [--tag T] [--mailbox M] [--limit N] [--offset N] | " +
	"show ID | set ID [--status S] [--assign OP|none] [--tag T] [--untag T] [--priority P] [--sensitive true|false] | " +
	"reply ID --body-file F [--status S] | note ID --body-file F | unticketed"

// ticketsFlags are the flags of every tickets subcommand.
type ticketsFlags struct {
	filter             helpdesk.Filter
	status, search     string
	assign, tag, untag string
	priority, body     string
	sensitive          string
	setAssign          bool
}

func (c *cli) cmdTickets(ctx context.Context, args []string) error {
	var tf ticketsFlags
	pos, err := c.flags("tickets", args, func(fs *flag.FlagSet) {
		fs.StringVar(&tf.status, "status", "", "new, open, pending, solved, closed (or active with list)")
		fs.StringVar(&tf.search, "search", "", "words to find in subjects, messages and participants")
		fs.StringVar(&tf.filter.AssigneeID, "assignee", "", "only tickets assigned to this operator `name`, me or none")
		fs.StringVar(&tf.tag, "tag", "", "list: only tickets with this tag; set: add this tag")
		fs.StringVar(&tf.untag, "untag", "", "remove this tag")
		fs.StringVar(&tf.filter.Mailbox, "mailbox", "", "only tickets of this mailbox")
		fs.IntVar(&tf.filter.Limit, "limit", 50, "tickets to show")
		fs.IntVar(&tf.filter.Offset, "offset", 0, "tickets to skip")
		fs.Func("assign", "assign to this operator `name` (none unassigns)", func(s string) error { tf.assign, tf.setAssign = s, true; return nil })
		fs.StringVar(&tf.priority, "priority", "", "low, normal, high or urgent")
		fs.StringVar(&tf.sensitive, "sensitive", "", "true marks the ticket as holding special-category data (never exported)")
		fs.StringVar(&tf.body, "body-file", "", "read the reply or note from `file`")
	})
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("tickets: say list, show, set, reply, note or unticketed\nusage: staffdesk " + ticketsUsage)
	}
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error { return c.tickets(ctx, svc, pos, tf) })
	})
}

func (c *cli) tickets(ctx context.Context, svc *Services, pos []string, tf ticketsFlags) error {
	sub, rest := pos[0], pos[1:]
	if sub == "list" && len(rest) == 0 {
		return c.ticketsList(ctx, svc, tf)
	}
	if sub == "unticketed" && len(rest) == 0 {
		return c.ticketsUnticketed(ctx, svc)
	}
	if len(rest) != 1 {
		return usageError("usage: staffdesk " + ticketsUsage)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(rest[0], "#"), 10, 64)
	if err != nil {
		return usageError(fmt.Sprintf("tickets %s: %q is not a ticket number", sub, rest[0]))
	}
	switch sub {
	case "show":
		return c.ticketShow(ctx, svc, id)
	case "set":
		return c.ticketSet(ctx, svc, id, tf)
	case "reply", "note":
		return c.ticketWrite(ctx, svc, id, sub, tf)
	}
	return usageError("usage: staffdesk " + ticketsUsage)
}

func (c *cli) ticketsList(ctx context.Context, svc *Services, tf ticketsFlags) error {
	f := tf.filter
	f.Status, f.Query, f.Tag = tf.status, tf.search, tf.tag
	if f.AssigneeID != "" && f.AssigneeID != "me" && f.AssigneeID != "none" {
		id, err := operatorID(ctx, svc, f.AssigneeID)
		if err != nil {
			return err
		}
		f.AssigneeID = id
	}
	page, err := svc.Helpdesk.List(ctx, f)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tPRIORITY\tASSIGNEE\tUPDATED\tFROM\tSUBJECT")
	for _, t := range page.Tickets {
		subject := t.Subject
		if t.Sensitive {
			subject = "[sensitive] " + subject
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Status, t.Priority, or(t.AssigneeName, "-"),
			t.UpdatedAt.Local().Format("2006-01-02 15:04"), cut(or(t.Requester.Name, t.Requester.Email), 24), cut(subject, 50))
	}
	tw.Flush()
	fmt.Fprintf(&b, "%d of %d matching tickets, latest activity first.\n", len(page.Tickets), page.Total)
	return c.print(page, b.String())
}

func (c *cli) ticketShow(ctx context.Context, svc *Services, id int64) error {
	t, err := svc.Helpdesk.Get(ctx, id)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "#%d %s\nStatus %s, priority %s, assignee %s, mailbox %s, tags %s\n", t.ID, t.Subject, t.Status, t.Priority,
		or(t.AssigneeName, "none"), t.Mailbox, or(strings.Join(t.Tags, ", "), "none"))
	if t.Sensitive {
		b.WriteString("Marked sensitive: special-category data, never exported.\n")
	}
	if !t.SharedState {
		b.WriteString("The mail server keeps no keywords: this ticket's state is on this laptop only.\n")
	}
	for _, cf := range t.Conflicts {
		fmt.Fprintf(&b, "Conflict: this laptop says %s, another says %s.\n", cf.Mine.Status, cf.Theirs.Status)
	}
	for _, it := range t.Thread {
		fmt.Fprintf(&b, "\n--- %s %s %s%s\n", it.Kind, it.Date.Local().Format("2006-01-02 15:04"), or(it.Author, it.From.Email), delivery(it.Delivery))
		b.WriteString(strings.TrimSpace(it.Text) + "\n")
		for _, a := range it.Attachments {
			fmt.Fprintf(&b, "[attachment %d: %s, %s, %d bytes]\n", a.Index, a.Filename, a.ContentType, a.Size)
		}
		for _, w := range it.Warnings {
			fmt.Fprintf(&b, "[parse warning: %s]\n", w)
		}
	}
	return c.print(t, b.String())
}

func delivery(d string) string {
	if d == "" {
		return ""
	}
	return " (" + d + ")"
}

func (c *cli) ticketSet(ctx context.Context, svc *Services, id int64, tf ticketsFlags) error {
	var ch helpdesk.Change
	if tf.status != "" {
		ch.Status = &tf.status
	}
	if tf.priority != "" {
		ch.Priority = &tf.priority
	}
	if tf.setAssign {
		opID := ""
		if tf.assign != "none" && tf.assign != "" {
			var err error
			if opID, err = operatorID(ctx, svc, tf.assign); err != nil {
				return err
			}
		}
		ch.AssigneeID = &opID
	}
	if tf.tag != "" {
		ch.AddTags = []string{tf.tag}
	}
	if tf.untag != "" {
		ch.RemoveTags = []string{tf.untag}
	}
	if tf.sensitive != "" {
		v, err := strconv.ParseBool(tf.sensitive)
		if err != nil {
			return usageError("tickets set: --sensitive takes true or false")
		}
		ch.Sensitive = &v
	}
	t, err := svc.Helpdesk.Update(ctx, id, ch)
	if err != nil {
		return err
	}
	return c.print(t, fmt.Sprintf("Ticket #%d: %s, priority %s, assignee %s, tags %s.\n", t.ID, t.Status, t.Priority,
		or(t.AssigneeName, "none"), or(strings.Join(t.Tags, ", "), "none")))
}

func (c *cli) ticketWrite(ctx context.Context, svc *Services, id int64, kind string, tf ticketsFlags) error {
	if tf.body == "" {
		return usageError(fmt.Sprintf("tickets %s: give --body-file F", kind))
	}
	body, err := os.ReadFile(tf.body)
	if err != nil {
		return apperr.Wrap(apperr.NotFound, err, "cannot read %s", tf.body)
	}
	var t helpdesk.Ticket
	if kind == "note" {
		t, err = svc.Helpdesk.AddNote(ctx, id, string(body))
	} else {
		t, err = svc.Helpdesk.Reply(ctx, id, helpdesk.ReplyInput{Text: string(body), Status: tf.status})
	}
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("Added a note to ticket #%d.\n", t.ID)
	if kind == "reply" {
		msg = fmt.Sprintf("Queued the reply to ticket #%d (now %s); `staffdesk sync` sends it.\n", t.ID, t.Status)
	}
	return c.print(t, msg)
}

func (c *cli) ticketsUnticketed(ctx context.Context, svc *Services) error {
	list, err := svc.Helpdesk.Unticketed(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tREASON\tMAILBOX\tFROM\tSUBJECT")
	for _, u := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Date.Local().Format(time.DateTime), u.Reason, u.Mailbox, cut(u.From, 30), cut(u.Subject, 50))
	}
	tw.Flush()
	fmt.Fprintf(&b, "%d automatic mails matched no ticket and opened none.\n", len(list))
	return c.print(list, b.String())
}

// operatorID finds an operator's id by name.
func operatorID(ctx context.Context, svc *Services, name string) (string, error) {
	ops, err := svc.Operators.List(ctx)
	if err != nil {
		return "", err
	}
	for _, o := range ops {
		if strings.EqualFold(o.Name, name) {
			return o.ID, nil
		}
	}
	return "", apperr.New(apperr.NotFound, "no operator is named %s", name)
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
