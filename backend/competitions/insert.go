package competitions

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// collectEvery is how many rows an import reads between garbage collections it asks for, and the size
// from which, once done, it also hands the freed memory back to the operating system. Reading makes a few
// hundred bytes of garbage a row, and the Go runtime lets the heap grow to twice the live heap, which
// during an import holds the whole file and the entry set, and keeps that goal until its next collection,
// long after the import; and SQLite's own memory (the commit's sort, say) comes on top of what the Go
// heap keeps: 640 MB at the peak for a million entries instead of about 450. The live heap is mostly
// pointer-free (the file, the compact entry set), so each collection is cheap.
const collectEvery = 1 << 16

// insertRows stores the file's entries. The entries of earlier imports are loaded first (with their
// saved verdicts), so that an entry id already present is reported and each new entry is written with
// its verdict as far as the entries before it decide it. One goroutine reads and checks the rows while
// this one writes them. It returns every entry of the competition and the verdicts written for them.
// sizeHint is the number of rows expected, if known.
func (s *Service) insertRows(ctx context.Context, tx *sql.Tx, c Competition, rs records, cols columns, rep *ImportReport, sizeHint int) (*entrySet, []verdict, error) {
	set := newEntrySet(sizeHint, c.Details.Rules.OnePerHousehold)
	written, err := loadEntries(ctx, tx, c.ID, set)
	if err != nil {
		return nil, nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO competition_imports (competition_id, file_name, at, operator, report)
		VALUES (?, ?, ?, ?, '')`, c.ID, rep.FileName, ts(rep.At), rep.Operator)
	if err != nil {
		return nil, nil, fmt.Errorf("record import: %w", err)
	}
	rep.ID, _ = res.LastInsertId()
	past, err := pastWinners(ctx, tx, c)
	if err != nil {
		return nil, nil, err
	}
	rd := &entryReader{rs: rs, layout: cols.layout(), c: c, chk: newChecker(c.Details, past), rep: rep, set: set,
		written: slices.Grow(written, sizeHint), importID: rep.ID}
	batches, stop := make(chan batch, 4), make(chan struct{})
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(batches)
		readErr = rd.read(ctx, batches, stop)
	}()
	err = writeBatches(ctx, tx, c.ID, batches)
	if err != nil {
		close(stop)
		for range batches {
		}
	}
	wg.Wait()
	if err == nil {
		err = readErr
	}
	sort.Slice(rep.InvalidRows, func(i, j int) bool { return rep.InvalidRows[i].Line < rep.InvalidRows[j].Line })
	return set, rd.written, err
}

// entryReader parses and checks a file's rows, gives each readable entry its provisional verdict and
// turns the entries into insert values.
type entryReader struct {
	rs       records
	layout   *layout
	c        Competition
	chk      *checker
	rep      *ImportReport
	set      *entrySet
	written  []verdict
	importID int64
	details  []byte
}

// read sends the readable entries in batches until the file ends, it is malformed, ctx ends or stop is
// closed, counting rows and invalid ones in the report.
func (rd *entryReader) read(ctx context.Context, out chan<- batch, stop <-chan struct{}) error {
	open := [...]batch{newBatch(plainRows), newBatch(fullRows)}
	send := func(b *batch) bool {
		select {
		case out <- *b:
			*b = newBatch(b.shape)
			return true
		case <-stop:
			return false
		}
	}
	for {
		fields, line, err := rd.rs.next()
		if err == io.EOF {
			for i := range open {
				if open[i].rows > 0 && !send(&open[i]) {
					return nil
				}
			}
			return nil
		}
		if err != nil {
			return err
		}
		if blank(fields) {
			continue
		}
		if rd.rep.Rows++; rd.rep.Rows%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if rd.rep.Rows%collectEvery == 0 {
			runtime.GC()
		}
		if b := rd.add(&open, fields, line); b != nil && b.rows == batchRows && !send(b) {
			return nil
		}
	}
}

// add parses one row and appends its insert values to the open batch of their shape, which it returns;
// nil when the row is invalid (it is counted).
func (rd *entryReader) add(open *[2]batch, fields []string, line int) *batch {
	r, problem := parseRow(rd.layout, fields, line, rd.c.Details.Rules.Weighted)
	if problem != "" {
		rd.rep.addInvalid(line, problem)
		return nil
	}
	own := rd.chk.reason(&r)
	household := ""
	if rd.c.Details.Rules.OnePerHousehold {
		household = householdKey(r.postcode, r.address)
	}
	_, ok := rd.set.add(r.entryID, r.submitted.UnixMilli(), rd.importID<<32|int64(line), r.emailKey, household, own)
	if !ok {
		rd.rep.addInvalid(line, fmt.Sprintf("entry_id %s is already in this competition (earlier in this file or imported before)", r.entryID))
		return nil
	}
	v := rd.set.provisional()
	rd.written = append(rd.written, v)
	rd.details = appendDetails(rd.details[:0], rd.importID, &r, own)
	b := &open[0]
	if v == (verdict{kept: -1}) {
		b.args = append(b.args, r.entryID, int64(r.weight), r.emailKey, string(rd.details))
	} else {
		b = &open[1]
		b.args = append(b.args, r.entryID, int64(v.status), rd.set.reasons[v.reason], int64(r.weight), r.emailKey,
			rd.set.keptID(v), string(rd.details))
	}
	b.rows++
	return b
}
