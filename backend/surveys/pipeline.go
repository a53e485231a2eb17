package surveys

import (
	"context"
	"database/sql"
	"io"
	"strings"
	"sync"

	"staffdesk/backend/privacy"
)

// readBatch is how many converted respondents the reader hands to the writer at once.
const readBatch = 256

// readCounts are the report's figures the reading goroutine keeps.
type readCounts struct {
	rows, incomplete, withheld, withheldAnswers int
}

// importRows converts and stores every data row: one goroutine reads and converts rows while this one
// writes them and their consents.
func (s *Service) importRows(ctx context.Context, tx *sql.Tx, sv Survey, src source, conv *converter, rep *ImportReport) error {
	w, err := newWriter(ctx, tx, sv.ID, ts(rep.At))
	if err != nil {
		return err
	}
	defer w.close()
	batches, stop := make(chan []*respondent, 4), make(chan struct{})
	var counts readCounts
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(batches)
		readErr = readRespondents(ctx, src, conv, &counts, batches, stop)
	}()
	err = s.writeRespondents(ctx, tx, sv.ID, w, conv, batches, rep)
	if err != nil {
		close(stop)
		for range batches {
		}
	}
	wg.Wait()
	rep.Rows, rep.Incomplete = counts.rows, counts.incomplete
	rep.SensitiveWithheld, rep.SensitiveAnswers = counts.withheld, counts.withheldAnswers
	if readErr != nil {
		return readErr
	}
	return err
}

// readRespondents converts rows and sends them in batches until the file ends, a row refuses the file,
// or stop is closed.
func readRespondents(ctx context.Context, src source, conv *converter, c *readCounts, out chan<- []*respondent, stop <-chan struct{}) error {
	seen := map[string]int{}
	batch := make([]*respondent, 0, readBatch)
	send := func() bool {
		select {
		case out <- batch:
			batch = make([]*respondent, 0, readBatch)
			return true
		case <-stop:
			return false
		}
	}
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		fields, line, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if blank(fields) {
			continue
		}
		c.rows++
		r, err := conv.convert(fields, line)
		if err != nil {
			return err
		}
		if r == nil {
			c.incomplete++
			continue
		}
		if first, dup := seen[r.id]; dup {
			return malformed("line %d, column %d: respondent id %s appears twice (first on line %d)", line,
				conv.fieldCol[fieldRespondent]+1, r.id, first)
		}
		seen[r.id] = line
		if r.sensitiveDropped > 0 {
			c.withheld++
			c.withheldAnswers += r.sensitiveDropped
		}
		if batch = append(batch, r); len(batch) == readBatch && !send() {
			return nil
		}
	}
	if len(batch) > 0 {
		send()
	}
	return nil
}

// writeRespondents stores each batch and records the consents of the respondents it wrote.
func (s *Service) writeRespondents(ctx context.Context, tx *sql.Tx, surveyID string, w *writer, conv *converter,
	batches <-chan []*respondent, rep *ImportReport) error {
	var consents []privacy.ConsentInput
	wording := consentWording(conv)
	for batch := range batches {
		for _, r := range batch {
			changed, err := w.write(ctx, tx, r, rep)
			if err != nil {
				return err
			}
			if changed && s.consents != nil && strings.Contains(r.email, "@") {
				consents = appendConsents(consents, surveyID, conv, r, wording)
			}
		}
		if len(consents) >= consentBatch {
			if err := s.flushConsents(ctx, tx, &consents, rep); err != nil {
				return err
			}
		}
	}
	if err := w.flush(ctx, tx); err != nil {
		return err
	}
	return s.flushConsents(ctx, tx, &consents, rep)
}
