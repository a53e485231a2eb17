package mail

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"staffdesk/backend/mail/message"
)

// batchSize and batchBytes bound how many messages are stored, with their deliveries, per transaction.
// The first batch holds firstBatch messages and each next one twice as many, up to batchSize, so that
// the storer starts soon after the first bodies arrive instead of waiting for a full batch.
const (
	batchSize  = 1000
	batchBytes = 16 << 20
	firstBatch = 125
)

// meta is a new message's metadata, fetched in bulk before its body.
type meta struct {
	uid    imap.UID
	size   int64
	modseq uint64
	kw     []string
}

// incoming is a fetched message waiting to be stored, parsed as it arrives so that the storer's
// goroutine, which the whole sync waits on, only writes.
type incoming struct {
	meta
	raw     []byte
	partial bool
	msg     *message.Message
	key     string
}

// fetchNew fetches the messages with the given UIDs: metadata for all in one command, then the bodies of
// those up to WholeLimit streamed in one command and stored in batches (see firstBatch), then the first
// part of each larger one.
func (f *folderSync) fetchNew(ctx context.Context, fresh []imap.UID) error {
	if len(fresh) == 0 {
		return nil
	}
	metas, err := f.fetchMeta(fresh)
	if err != nil {
		return err
	}
	byUID := make(map[imap.UID]meta, len(metas))
	var small, large []imap.UID
	for _, m := range metas {
		byUID[m.uid] = m
		if m.size > f.svc.wholeLimit {
			large = append(large, m.uid)
		} else {
			small = append(small, m.uid)
		}
	}
	// the WAL is copied into the database once, after the batches, not between them
	defer f.svc.db.Bulk()()
	st := newStorer(ctx, f, len(metas))
	if err := f.fetchBodies(small, nil, byUID, st.add); err != nil {
		return st.abort(err)
	}
	for _, u := range large {
		if err := f.fetchBodies([]imap.UID{u}, &imap.SectionPartial{Offset: 0, Size: PartialSize}, byUID, st.add); err != nil {
			return st.abort(err)
		}
	}
	return st.finish()
}

// storer stores batches in its own goroutine while the connection goes on streaming the next bodies.
type storer struct {
	f       *folderSync
	batch   []incoming
	bytes   int
	limit   int // messages in the batch being filled (see firstBatch)
	batches chan []incoming
	errc    chan error
	failed  atomic.Pointer[error]
}

func newStorer(ctx context.Context, f *folderSync, total int) *storer {
	st := &storer{f: f, limit: firstBatch, batches: make(chan []incoming, 1), errc: make(chan error, 1)}
	f.report(0, total)
	go func() {
		var err error
		done := 0
		for b := range st.batches {
			if err != nil {
				continue
			}
			if err = f.storeBatch(ctx, b); err != nil {
				st.failed.Store(&err)
				continue
			}
			done += len(b)
			f.report(done, total)
		}
		st.errc <- err
	}()
	return st
}

// add parses a fetched message, with its distinct words for a search index (found here, on the fetching
// goroutine, so that the storing one, which bounds a first sync, does not), and hands full batches on.
func (st *storer) add(in incoming) error {
	if p := st.failed.Load(); p != nil {
		return *p
	}
	in.msg, in.key = parse(in.raw)
	in.msg.Words = message.Words(in.msg.Text)
	st.batch = append(st.batch, in)
	st.bytes += len(in.raw)
	if len(st.batch) >= st.limit || st.bytes >= batchBytes {
		st.batches <- st.batch
		st.limit = min(2*st.limit, batchSize)
		st.batch, st.bytes = make([]incoming, 0, st.limit), 0
	}
	return nil
}

// finish stores the last batch and waits for every batch to be stored.
func (st *storer) finish() error {
	if len(st.batch) > 0 {
		st.batches <- st.batch
	}
	close(st.batches)
	return <-st.errc
}

// abort waits for the batches already handed over and returns err (the stored ones stay: resumable).
func (st *storer) abort(err error) error {
	close(st.batches)
	<-st.errc
	return err
}

func uidSet(uids []imap.UID) imap.UIDSet {
	sort.Slice(uids, func(i, j int) bool { return uids[i] < uids[j] })
	var set imap.UIDSet
	for i := 0; i < len(uids); {
		j := i
		for j+1 < len(uids) && uids[j+1] == uids[j]+1 {
			j++
		}
		set.AddRange(uids[i], uids[j])
		i = j + 1
	}
	return set
}

func (f *folderSync) fetchMeta(uids []imap.UID) ([]meta, error) {
	cmd := f.c.Fetch(uidSet(uids), &imap.FetchOptions{UID: true, Flags: true, RFC822Size: true, ModSeq: f.condstore})
	out := make([]meta, 0, len(uids))
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		b, err := msg.Collect()
		if err != nil {
			cmd.Close()
			return nil, fmt.Errorf("fetch metadata: %w", err)
		}
		if b.UID != 0 {
			out = append(out, meta{uid: b.UID, size: b.RFC822Size, modseq: b.ModSeq, kw: sdKeywords(b.Flags)})
		}
	}
	if err := cmd.Close(); err != nil {
		return nil, fmt.Errorf("fetch metadata: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].uid < out[j].uid })
	return out, nil
}

// fetchBodies streams the bodies of uids (BODY.PEEK, so \Seen is never set), or their first part.
func (f *folderSync) fetchBodies(uids []imap.UID, partial *imap.SectionPartial, byUID map[imap.UID]meta, add func(incoming) error) error {
	if len(uids) == 0 {
		return nil
	}
	section := &imap.FetchItemBodySection{Peek: true, Partial: partial}
	cmd := f.c.Fetch(uidSet(uids), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}})
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		in, err := readBody(msg)
		if err != nil {
			cmd.Close()
			return err
		}
		m, ok := byUID[in.uid]
		if !ok || in.raw == nil {
			continue
		}
		in.meta, in.partial = m, partial != nil
		if err := add(in); err != nil {
			cmd.Close()
			return err
		}
	}
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("fetch bodies: %w", err)
	}
	return nil
}

// maxPrealloc bounds the buffer readBody sizes from the size a server announces.
const maxPrealloc = 16 << 20

func readBody(msg *imapclient.FetchMessageData) (incoming, error) {
	var in incoming
	for {
		item := msg.Next()
		if item == nil {
			return in, nil
		}
		switch it := item.(type) {
		case imapclient.FetchItemDataUID:
			in.uid = it.UID
		case imapclient.FetchItemDataBodySection:
			if it.Literal == nil {
				in.raw = []byte{}
				continue
			}
			// sized from the literal, up to a bound, so that reading it does not grow the buffer
			buf := bytes.NewBuffer(make([]byte, 0, min(it.Literal.Size(), maxPrealloc)+bytes.MinRead))
			if _, err := buf.ReadFrom(it.Literal); err != nil {
				return in, fmt.Errorf("read message body: %w", err)
			}
			in.raw = buf.Bytes()
		}
	}
}

// storeBatch stores a batch of parsed messages, then hands the new ones to the sink, in one transaction.
// A message that replaces one of an old UIDVALIDITY (same Message-ID or content) keeps its ref and is not
// delivered again.
func (f *folderSync) storeBatch(ctx context.Context, batch []incoming) error {
	delivered := 0
	err := f.svc.db.Update(ctx, func(tx *sql.Tx) error {
		ds, err := f.storeMessages(ctx, tx, batch)
		if err != nil {
			return err
		}
		delivered = len(ds)
		return f.deliver(ctx, tx, ds)
	})
	if err == nil {
		f.sum.New += delivered
	}
	return err
}

// storeMessages renumbers the known messages of batch and inserts the new ones, numbered after the
// newest stored message, with multi-row statements; it returns the new ones' deliveries.
func (f *folderSync) storeMessages(ctx context.Context, tx *sql.Tx, batch []incoming) ([]Delivery, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store messages: %w", err)
	}
	var last int64
	if err := f.svc.stmts.QueryRow(ctx, tx, `SELECT coalesce(max(id), 0) FROM mail_messages`).Scan(&last); err != nil {
		return nil, fmt.Errorf("store messages: %w", err)
	}
	ds := make([]Delivery, 0, len(batch))
	rows := make([]any, 0, len(batch)*messageCols)
	for _, in := range batch {
		kw := strings.Join(in.kw, " ")
		done, err := f.renumber(ctx, tx, in, kw)
		if err != nil {
			return nil, err
		}
		if done {
			continue
		}
		last++
		rows = append(rows, last, f.a.ID, f.folder, f.validity, uint32(in.uid), in.modseq, kw, in.size, in.key, in.partial, in.raw)
		ds = append(ds, Delivery{Ref: last, MailboxID: f.a.ID, Mailbox: f.a.Name, Folder: f.folder, SentFolder: f.sent,
			Msg: in.msg, Keywords: in.kw})
	}
	err := f.svc.stmts.InsertRows(ctx, tx, `INSERT INTO mail_messages (id, mailbox_id, folder, uidvalidity, uid, modseq,
		keywords, size, dedupe_key, partial, raw) VALUES `, messageCols, rows)
	if err != nil {
		return nil, fmt.Errorf("store messages: %w", err)
	}
	return ds, nil
}

// messageCols is the number of values storeMessages inserts per message.
const messageCols = 11

// deliver hands ds to the sink, at once when it takes batches.
func (f *folderSync) deliver(ctx context.Context, tx *sql.Tx, ds []Delivery) error {
	if bs, ok := f.svc.sink.(BatchSink); ok {
		return bs.DeliverBatch(ctx, tx, ds)
	}
	for _, d := range ds {
		if err := f.svc.sink.Deliver(ctx, tx, d); err != nil {
			return err
		}
	}
	return nil
}

// renumber gives a message that replaces one of an old UIDVALIDITY (same key) that one's ref, and
// reports whether it did.
func (f *folderSync) renumber(ctx context.Context, tx *sql.Tx, in incoming, kw string) (bool, error) {
	old := f.stale[in.key]
	if len(old) == 0 {
		return false, nil
	}
	m := old[0]
	f.stale[in.key] = old[1:]
	_, err := tx.ExecContext(ctx, `UPDATE mail_messages SET uidvalidity = ?, uid = ?, modseq = ?, keywords = ? WHERE id = ?`,
		f.validity, uint32(in.uid), in.modseq, kw, m.ref)
	if err != nil {
		return true, fmt.Errorf("renumber message: %w", err)
	}
	if kw != m.keywords {
		return true, f.svc.sink.KeywordsChanged(ctx, tx, m.ref, in.kw)
	}
	return true, nil
}

// parse parses raw; a message without any header is still kept, with a warning.
func parse(raw []byte) (*message.Message, string) {
	msg, err := message.Parse(raw)
	if err != nil || msg == nil {
		sum := sha256.Sum256(raw)
		msg = &message.Message{Text: string(raw), Warnings: []string{"no header: " + fmt.Sprint(err)},
			ContentHash: hex.EncodeToString(sum[:])}
	}
	if msg.MessageID != "" {
		return msg, "id:" + msg.MessageID
	}
	return msg, "hash:" + msg.ContentHash
}
