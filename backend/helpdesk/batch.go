package helpdesk

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"staffdesk/backend/audit"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
)

// opening is a new ticket a delivery opens, held to be written with the others of its batch.
type opening struct {
	d       mail.Delivery
	st      State
	subject string
	req     message.Address
	at      int64
}

// batch holds the tickets a run of deliveries opens, so that they are written together: a few multi-row
// statements for the lot instead of eight statements per mail, which was most of a first sync's time.
// A delivery that could join or duplicate a mail still held (its Message-ID, its content hash when it
// has none, an id it replies to or returns, or any [#N] subject token) writes the batch first, so that
// every lookup sees the mails before it, as when they are delivered one by one.
type batch struct {
	open []opening
	keys map[string]bool
	// maxRef is the highest ref delivered before the batch (-1 until read); seen the batch's refs so far.
	maxRef int64
	seen   map[int64]bool
	// known holds the keys (mailKey) of the mails that may have an item: those an item held before the
	// batch (loadKnown) and those the batch delivered since. Only they are looked up (findCopy).
	known map[string]bool
}

func newBatch() *batch {
	return &batch{keys: map[string]bool{}, maxRef: -1, seen: map[int64]bool{}, known: map[string]bool{}}
}

// related reports whether m could thread onto, or be a copy of, a held mail.
func (b *batch) related(m *message.Message) bool {
	if len(b.open) == 0 {
		return false
	}
	if _, ok := message.SubjectToken(m.Subject); ok {
		return true
	}
	if b.keys[mailKey(m)] || b.keys["id:"+m.InReplyTo] {
		return true
	}
	for _, id := range m.References {
		if b.keys["id:"+id] {
			return true
		}
	}
	if m.Auto == message.AutoBounce {
		for _, id := range returnedIDs(m) {
			if b.keys["id:"+id] {
				return true
			}
		}
	}
	return false
}

// mailKey is how findCopy knows a mail: its Message-ID, or its content hash when it has none.
func mailKey(m *message.Message) string {
	if m.MessageID != "" {
		return "id:" + m.MessageID
	}
	return "hash:" + m.ContentHash
}

func (b *batch) hold(o opening) {
	b.open = append(b.open, o)
	b.keys[mailKey(o.d.Msg)] = true
}

// writeOpenings writes the held tickets (numbered after the newest ticket and item, as one by one),
// their first items, refs, participants and audit entries, then their search rows one statement each:
// FTS5 keeps single-row inserts in memory until the commit, where a multi-row statement would make it
// flush its index first.
func (s *Service) writeOpenings(ctx context.Context, tx *sql.Tx, b *batch) error {
	if len(b.open) == 0 {
		return nil
	}
	var lastTicket, lastItem int64
	err := s.queryRow(ctx, tx, `SELECT (SELECT coalesce(max(id), 0) FROM helpdesk_tickets),
		(SELECT coalesce(max(id), 0) FROM helpdesk_items)`).Scan(&lastTicket, &lastItem)
	if err != nil {
		return fmt.Errorf("open tickets: %w", err)
	}
	var tickets, items, refs, parts []any
	for i, o := range b.open {
		tid, iid, m := lastTicket+int64(i)+1, lastItem+int64(i)+1, o.d.Msg
		tickets = append(tickets, tid, o.subject, o.req.Name, lower(o.req.Email), o.d.MailboxID, o.d.Mailbox, o.st.Status,
			o.st.AssigneeID, o.st.Priority, snippet(m.Text), o.at, o.at, 1)
		items = append(items, iid, tid, KindIn, m.MessageID, m.ContentHash, m.From.Name, lower(m.From.Email), jsonText(m.To),
			jsonText(m.Cc), o.at, "", m.HTML, jsonText(attachmentMeta(m)), jsonText(m.Warnings))
		refs = append(refs, o.d.Ref, iid, o.d.MailboxID)
		seen := map[string]bool{}
		for _, a := range mailAddresses(m) {
			if e := lower(a.Email); e != "" && !seen[e] {
				seen[e] = true
				parts = append(parts, tid, e)
			}
		}
	}
	inserts := []struct {
		head string
		cols int
		args []any
	}{
		{`INSERT INTO helpdesk_tickets (id, subject, requester_name, requester_email, mailbox_id, mailbox, status,
			assignee_id, priority, snippet, created_at, updated_at, messages) VALUES `, 13, tickets},
		{`INSERT INTO helpdesk_items (id, ticket_id, kind, message_id, content_hash, from_name, from_email, to_json,
			cc_json, date, text, html, attachments, warnings) VALUES `, 14, items},
		{`INSERT INTO helpdesk_refs (ref, item_id, mailbox_id) VALUES `, 3, refs},
		{`INSERT OR IGNORE INTO helpdesk_participants (ticket_id, email) VALUES `, 2, parts},
	}
	for _, in := range inserts {
		if err := s.stmts.InsertRows(ctx, tx, in.head, in.cols, in.args); err != nil {
			return fmt.Errorf("open tickets: %w", err)
		}
	}
	if err := s.recordAll(ctx, tx, openEvents(b.open, lastTicket+1)); err != nil {
		return err
	}
	for i, o := range b.open {
		m := o.d.Msg
		_, err := s.exec(ctx, tx, `INSERT INTO helpdesk_fts (rowid, subject, body, participants, facets) VALUES (?, ?, ?, ?, ?)`,
			lastTicket+int64(i)+1, o.subject, indexWords(m),
			people(o.req.Name, o.req.Email, m.From.Name, m.From.Email, jsonText(m.To), jsonText(m.Cc)),
			facetRow{status: o.st.Status, assignee: o.st.AssigneeID, mailbox: o.d.Mailbox}.text())
		if err != nil {
			return fmt.Errorf("index ticket: %w", err)
		}
	}
	b.open, b.keys = b.open[:0], map[string]bool{}
	return nil
}

// openEvents is the audit log's account of tickets opened together, numbered from first: one entry per run
// of them from one mailbox, naming the range of ticket ids, how many there are and how many took each
// status. One entry per ticket made a first sync of 10k mails write 10k chained entries that only the
// sync made: 8% of its time.
func openEvents(open []opening, first int64) []audit.Event {
	var evs []audit.Event
	for i := 0; i < len(open); {
		j := i
		for j+1 < len(open) && open[j+1].d.MailboxID == open[i].d.MailboxID {
			j++
		}
		from, to := first+int64(i), first+int64(j)
		details := map[string]string{"mailbox": idStr(open[i].d.MailboxID), "count": strconv.Itoa(j - i + 1)}
		statuses := map[string]int{}
		for _, o := range open[i : j+1] {
			statuses[o.st.Status]++
		}
		for st, n := range statuses {
			details["status."+st] = strconv.Itoa(n)
		}
		id := idStr(from)
		if to > from {
			id += "-" + idStr(to)
		} else {
			details["ref"] = idStr(open[i].d.Ref)
		}
		evs = append(evs, audit.Event{Action: "ticket.open", ObjectType: "ticket", ObjectID: id, Details: details})
		i = j + 1
	}
	return evs
}

// indexWords is the body column of a new ticket's search row: the distinct words of its first mail, as the
// sync found them while fetching (off the goroutine that stores), or found here.
func indexWords(m *message.Message) string {
	if m.Words != "" || m.Text == "" {
		return m.Words
	}
	return message.Words(m.Text)
}
