package competitions

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"sort"
	"strconv"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
)

// reportListCap bounds each list in an import report; the counts are always complete.
const reportListCap = 1000

// InvalidRow is a row that could not be read, with its line (CSV) or row (XLSX) number.
type InvalidRow struct {
	Line    int    `json:"line"`
	Problem string `json:"problem"`
}

// IneligibleEntry is an entry that breaks a rule.
type IneligibleEntry struct {
	EntryID string `json:"entryId"`
	Line    int    `json:"line"`
	Reason  string `json:"reason"`
}

// DuplicateGroup is the entry kept for a person or household and the entries set aside.
type DuplicateGroup struct {
	Kept     string   `json:"kept"`
	SetAside []string `json:"setAside"`
	Reason   string   `json:"reason"`
}

// ReasonCount is how many entries one reason set aside.
type ReasonCount struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// ImportReport says what an import did with every row of the file.
type ImportReport struct {
	ID          int64             `json:"id"`
	FileName    string            `json:"fileName"`
	Format      string            `json:"format"`
	At          time.Time         `json:"at"`
	Operator    string            `json:"operator"`
	Rows        int               `json:"rows"`
	Accepted    int               `json:"accepted"`
	Duplicates  int               `json:"duplicates"`
	Ineligible  int               `json:"ineligible"`
	Invalid     int               `json:"invalid"`
	ByReason    []ReasonCount     `json:"byReason"`
	Groups      []DuplicateGroup  `json:"groups"`
	Ineligibles []IneligibleEntry `json:"ineligibles"`
	InvalidRows []InvalidRow      `json:"invalidRows"`
	Truncated   bool              `json:"truncated"`
	Totals      Counts            `json:"totals"`
}

// Import reads a CSV or XLSX file of entries (columns by header name) held in memory, adds its rows to
// the competition and re-checks duplicates across every import. A malformed file is refused whole.
func (s *Service) Import(ctx context.Context, id, fileName string, data []byte) (ImportReport, error) {
	a, err := actor.Require(ctx, managers...)
	if err != nil {
		return ImportReport{}, err
	}
	rs, format, err := openRecords(fileName, data)
	if err != nil {
		return ImportReport{}, err
	}
	cols, err := readHeader(rs)
	if err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{FileName: fileName, Format: format, At: s.clock.Now().UTC(), Operator: a.Name, ByReason: []ReasonCount{},
		Groups: []DuplicateGroup{}, Ineligibles: []IneligibleEntry{}, InvalidRows: []InvalidRow{}}
	hint := 0
	if format == "CSV" {
		hint = bytes.Count(data, []byte{'\n'})
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		return s.importTx(ctx, tx, id, rs, cols, &rep, hint)
	})
	if err != nil {
		return ImportReport{}, err
	}
	if rep.Rows >= collectEvery {
		debug.FreeOSMemory()
	}
	return rep, nil
}

// importTx adds the rows of rs to competition id inside tx, filling rep, re-checks duplicates across
// every import and audits the import. sizeHint is the number of rows expected, if known.
func (s *Service) importTx(ctx context.Context, tx *sql.Tx, id string, rs records, cols columns, rep *ImportReport, sizeHint int) error {
	c, err := s.load(ctx, tx, id)
	if err != nil {
		return err
	}
	if !c.Status.editable() {
		return apperr.New(apperr.Conflict, "competition %s is %s: it takes no more entries", id, c.Status)
	}
	if c.Details.Rules.OnePerHousehold && !cols.has("address_line1") {
		return malformed("one entry per household needs an address_line1 column")
	}
	set, written, err := s.insertRows(ctx, tx, c, rs, cols, rep, sizeHint)
	if err != nil {
		return err
	}
	if err := s.recordConsents(ctx, tx, c, rep.ID, cols.has("partner_opt_in")); err != nil {
		return err
	}
	verdicts, err := saveVerdicts(ctx, tx, id, set, written)
	if err != nil {
		return err
	}
	fillReport(rep, set, verdicts)
	body, _ := json.Marshal(rep)
	if _, err := tx.ExecContext(ctx, `UPDATE competition_imports SET report = ? WHERE id = ?`, string(body), rep.ID); err != nil {
		return fmt.Errorf("save import report: %w", err)
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: "competition.import", ObjectType: "competition", ObjectID: id,
		Details: map[string]string{"import": strconv.FormatInt(rep.ID, 10), "format": rep.Format, "rows": strconv.Itoa(rep.Rows),
			"accepted": strconv.Itoa(rep.Accepted), "invalid": strconv.Itoa(rep.Invalid)}})
}

// add counts one entry of the given status.
func (c *Counts) add(status string) {
	c.Entries++
	switch status {
	case "eligible":
		c.Eligible++
	case "ineligible":
		c.Ineligible++
	case "duplicate":
		c.Duplicates++
	}
}

func (rep *ImportReport) addInvalid(line int, problem string) {
	rep.Invalid++
	if len(rep.InvalidRows) < reportListCap {
		rep.InvalidRows = append(rep.InvalidRows, InvalidRow{Line: line, Problem: problem})
	} else {
		rep.Truncated = true
	}
}

// fillReport summarises the outcome of this import's entries.
func fillReport(rep *ImportReport, set *entrySet, verdicts []verdict) {
	byReason := map[string]int{}
	groups := map[int32]*DuplicateGroup{}
	var order []int32
	for i, v := range verdicts {
		rep.Totals.add(statusNames[v.status])
		c := &set.cands[i]
		if c.order>>32 != rep.ID {
			continue
		}
		switch v.status {
		case statusEligible:
			rep.Accepted++
		case statusIneligible:
			rep.Ineligible++
			byReason[set.reasons[v.reason]]++
			if len(rep.Ineligibles) < reportListCap {
				rep.Ineligibles = append(rep.Ineligibles, IneligibleEntry{EntryID: set.id(i), Line: int(c.order & 0xffffffff), Reason: set.reasons[v.reason]})
			} else {
				rep.Truncated = true
			}
		case statusDuplicate:
			rep.Duplicates++
			g := groups[v.kept]
			if g == nil {
				g = &DuplicateGroup{Kept: set.keptID(v), Reason: set.reasons[v.reason]}
				groups[v.kept] = g
				order = append(order, v.kept)
			}
			g.SetAside = append(g.SetAside, set.id(i))
		}
	}
	for _, k := range order {
		if len(rep.Groups) == reportListCap {
			rep.Truncated = true
			break
		}
		rep.Groups = append(rep.Groups, *groups[k])
	}
	rep.ByReason = sortedReasons(byReason)
	sort.Slice(rep.Ineligibles, func(i, j int) bool { return rep.Ineligibles[i].Line < rep.Ineligibles[j].Line })
}

func sortedReasons(m map[string]int) []ReasonCount {
	out := []ReasonCount{}
	for r, n := range m {
		out = append(out, ReasonCount{Reason: r, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Reason < out[j].Reason
	})
	return out
}

// Imports lists a competition's import reports, newest first.
func (s *Service) Imports(ctx context.Context, id string) ([]ImportReport, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	out := []ImportReport{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT report FROM competition_imports WHERE competition_id = ? ORDER BY id DESC`, id)
		if err != nil {
			return fmt.Errorf("list imports: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var body string
			if err := rows.Scan(&body); err != nil {
				return fmt.Errorf("read import: %w", err)
			}
			var r ImportReport
			if json.Unmarshal([]byte(body), &r) == nil {
				out = append(out, r)
			}
		}
		return rows.Err()
	})
	return out, err
}
