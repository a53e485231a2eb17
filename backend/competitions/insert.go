package competitions

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

const entryColumns = `(competition_id, entry_id, import_id, line, submitted_at, first_name, surname, email, email_key,
	date_of_birth, postcode, address_line1, household_key, county, country, answer, partner_opt_in, source, weight,
	own_reason, status, reason)`

// entryParams is the number of values of one entry row; batchRows entries go in one INSERT.
const (
	entryParams = 22
	batchRows   = 64
)

func insertSQL(rows int) string {
	one := "(" + strings.Repeat("?, ", entryParams-1) + "?)"
	return "INSERT INTO competition_entries " + entryColumns + " VALUES " +
		strings.Repeat(one+", ", rows-1) + one + " ON CONFLICT (competition_id, entry_id) DO NOTHING"
}

// parsed is one readable entry with its own verdict, ready to insert.
type parsed struct {
	r   row
	own string
}

// insertRows stores the file's entries and returns them as candidates for the duplicate rules. One
// goroutine reads and checks the rows while this one writes them, batchRows at a time. sizeHint is the
// number of rows expected, if known.
func (s *Service) insertRows(ctx context.Context, tx *sql.Tx, c Competition, rs records, cols columns, rep *ImportReport, sizeHint int) ([]candidate, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO competition_imports (competition_id, file_name, at, operator, report)
		VALUES (?, ?, ?, ?, '')`, c.ID, rep.FileName, ts(rep.At), rep.Operator)
	if err != nil {
		return nil, fmt.Errorf("record import: %w", err)
	}
	rep.ID, _ = res.LastInsertId()
	past, err := pastWinners(ctx, tx, c)
	if err != nil {
		return nil, err
	}
	in, err := newInserter(ctx, tx, c.ID, rep.ID, sizeHint)
	if err != nil {
		return nil, err
	}
	defer in.close()
	batches, stop := make(chan []parsed, 4), make(chan struct{})
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(batches)
		readErr = readRows(ctx, rs, cols, c, newChecker(c.Details, past), rep, batches, stop)
	}()
	err = in.consume(batches)
	if err != nil {
		close(stop)
		for range batches {
		}
	}
	wg.Wait()
	if err == nil {
		err = readErr
	}
	for _, p := range in.present {
		rep.addInvalid(p.Line, p.Problem)
	}
	sort.Slice(rep.InvalidRows, func(i, j int) bool { return rep.InvalidRows[i].Line < rep.InvalidRows[j].Line })
	return in.fresh, err
}

// readRows parses and checks every row, counting rows and invalid ones in rep, and sends the readable
// entries in batches until the file ends, it is malformed, ctx ends or stop is closed.
func readRows(ctx context.Context, rs records, cols columns, c Competition, chk *checker, rep *ImportReport, out chan<- []parsed, stop <-chan struct{}) error {
	batch := make([]parsed, 0, batchRows)
	send := func() bool {
		select {
		case out <- batch:
			batch = make([]parsed, 0, batchRows)
			return true
		case <-stop:
			return false
		}
	}
	for {
		fields, line, err := rs.next()
		if err == io.EOF {
			if len(batch) > 0 {
				send()
			}
			return nil
		}
		if err != nil {
			return err
		}
		if blank(fields) {
			continue
		}
		if rep.Rows++; rep.Rows%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		r, problem := parseRow(cols, fields, line, c.Details.Rules.Weighted)
		if problem != "" {
			rep.addInvalid(line, problem)
			continue
		}
		batch = append(batch, parsed{r: r, own: chk.reason(&r)})
		if len(batch) == batchRows && !send() {
			return nil
		}
	}
}

// inserter writes entries a batch at a time; a batch that meets an entry id already stored is rolled back
// to its savepoint and written row by row, so each such row is reported.
type inserter struct {
	ctx      context.Context
	tx       *sql.Tx
	compID   string
	importID int64
	batch    *sql.Stmt
	one      *sql.Stmt
	args     []any
	fresh    []candidate
	present  []InvalidRow
}

func newInserter(ctx context.Context, tx *sql.Tx, compID string, importID int64, sizeHint int) (*inserter, error) {
	batch, err := tx.PrepareContext(ctx, insertSQL(batchRows))
	if err != nil {
		return nil, fmt.Errorf("prepare entry insert: %w", err)
	}
	one, err := tx.PrepareContext(ctx, insertSQL(1))
	if err != nil {
		batch.Close()
		return nil, fmt.Errorf("prepare entry insert: %w", err)
	}
	return &inserter{ctx: ctx, tx: tx, compID: compID, importID: importID, batch: batch, one: one,
		args: make([]any, 0, batchRows*entryParams), fresh: make([]candidate, 0, sizeHint)}, nil
}

func (in *inserter) close() {
	in.batch.Close()
	in.one.Close()
}

func (in *inserter) consume(batches <-chan []parsed) error {
	for b := range batches {
		if err := in.write(b); err != nil {
			return err
		}
	}
	return nil
}

func (in *inserter) write(b []parsed) error {
	in.args = in.args[:0]
	for i := range b {
		r, own := &b[i].r, b[i].own
		status := "eligible"
		if own != "" {
			status = "ineligible"
		}
		in.args = append(in.args, in.compID, r.entryID, in.importID, r.line, r.submitted.UnixMilli(), r.firstName, r.surname,
			r.email, r.emailKey, r.dob.String(), r.postcode, r.address, householdKey(r.postcode, r.address), r.county,
			r.country, r.answer, r.optIn, r.source, r.weight, own, status, own)
	}
	if len(b) == batchRows {
		done, err := in.tryBatch()
		if err != nil {
			return err
		}
		if done {
			for i := range b {
				in.fresh = append(in.fresh, in.candidate(&b[i]))
			}
			return nil
		}
	}
	for i := range b {
		res, err := in.one.ExecContext(in.ctx, in.args[i*entryParams:(i+1)*entryParams]...)
		if err != nil {
			return fmt.Errorf("insert entry on line %d: %w", b[i].r.line, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			in.present = append(in.present, InvalidRow{Line: b[i].r.line,
				Problem: fmt.Sprintf("entry_id %s is already in this competition (earlier in this file or imported before)", b[i].r.entryID)})
		} else {
			in.fresh = append(in.fresh, in.candidate(&b[i]))
		}
	}
	return nil
}

func (in *inserter) candidate(p *parsed) candidate {
	return candidate{id: strings.Clone(p.r.entryID), submitted: p.r.submitted.UnixMilli(), order: in.importID<<32 | int64(p.r.line),
		emailKey: p.r.emailKey, household: householdKey(p.r.postcode, p.r.address), own: p.own}
}

// tryBatch inserts a full batch; it reports false (and undoes it) when some entry id was already stored.
func (in *inserter) tryBatch() (bool, error) {
	if _, err := in.tx.ExecContext(in.ctx, `SAVEPOINT entries_batch`); err != nil {
		return false, fmt.Errorf("savepoint: %w", err)
	}
	res, err := in.batch.ExecContext(in.ctx, in.args...)
	if err != nil {
		return false, fmt.Errorf("insert entries: %w", err)
	}
	if n, _ := res.RowsAffected(); n == batchRows {
		_, err := in.tx.ExecContext(in.ctx, `RELEASE entries_batch`)
		return true, err
	}
	if _, err := in.tx.ExecContext(in.ctx, `ROLLBACK TO entries_batch`); err != nil {
		return false, fmt.Errorf("roll back batch: %w", err)
	}
	_, err = in.tx.ExecContext(in.ctx, `RELEASE entries_batch`)
	return false, err
}
