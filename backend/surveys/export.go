package surveys

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
)

// Workbook is an Excel export, ready to save.
type Workbook struct {
	FileName string `json:"fileName"`
	Data     []byte `json:"-"`
	Rows     int    `json:"rows"`
}

const (
	summarySheet   = "Summary"
	timelineSheet  = "Timeline"
	responsesSheet = "Responses"
	chartRows      = 16
)

// ExportXLSX builds a workbook in memory: a summary sheet with each question's table and a native chart,
// responses per day with a line chart, and the raw responses minus what consent does not allow (names
// and email only for respondents who agreed to sharing, none at all when the survey shares nothing, and
// never IP addresses). Text cells that a spreadsheet would run as a formula
// are neutralised.
func (s *Service) ExportXLSX(ctx context.Context, id string, f Filter) (Workbook, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Workbook{}, err
	}
	res, err := s.Results(ctx, id, f)
	if err != nil {
		return Workbook{}, err
	}
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", summarySheet); err != nil {
		return Workbook{}, fmt.Errorf("export: %w", err)
	}
	var wb Workbook
	err = s.db.View(ctx, func(tx *sql.Tx) error {
		sv, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := writeSummary(x, sv, res); err != nil {
			return err
		}
		if err := writeTimeline(x, res); err != nil {
			return err
		}
		wb.Rows, err = writeResponses(ctx, tx, x, sv, f)
		return err
	})
	if err != nil {
		return Workbook{}, err
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		return Workbook{}, fmt.Errorf("write workbook: %w", err)
	}
	wb.Data, wb.FileName = buf.Bytes(), "survey-"+id+".xlsx"
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		return s.audit.Record(ctx, tx, audit.Event{Action: "survey.export", ObjectType: "survey", ObjectID: id,
			Details: map[string]string{"rows": strconv.Itoa(wb.Rows), "filtered": strconv.FormatBool(f.Question != "")}})
	})
	return wb, err
}

// safeText keeps a spreadsheet from running text as a formula: a leading = + - @ tab, CR or NUL gets a '.
func safeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r\x00", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeSummary(x *excelize.File, sv Survey, res Results) error {
	head := [][]any{{sv.Details.Title}, {"Purpose", safeText(sv.Details.Purpose)}, {"Owner", safeText(sv.Details.Owner)},
		{"Responses", res.Responses}}
	if res.Filter.Question != "" {
		head = append(head, []any{"Filtered to", safeText(res.Filter.Question + " = " + res.Filter.Answer)})
	}
	row := 1
	for _, r := range head {
		if err := setRow(x, summarySheet, row, r); err != nil {
			return err
		}
		row++
	}
	x.SetColWidth(summarySheet, "A", "A", 42)
	for _, q := range res.Questions {
		next, err := writeQuestion(x, q, row+1)
		if err != nil {
			return err
		}
		row = next
	}
	return nil
}

// writeQuestion writes one question's table at row and its chart beside it; it returns the next free row.
func writeQuestion(x *excelize.File, q QuestionResult, row int) (int, error) {
	if err := setRow(x, summarySheet, row, []any{safeText(q.ID + ". " + q.Text)}); err != nil {
		return 0, err
	}
	labels, counts, heading := questionTable(q)
	if err := setRow(x, summarySheet, row+1, []any{heading, "Count", "Percent"}); err != nil {
		return 0, err
	}
	first := row + 2
	for i, l := range labels {
		pct := percent(counts[i], q.Answered)
		if err := setRow(x, summarySheet, first+i, []any{safeText(l), counts[i], pct}); err != nil {
			return 0, err
		}
	}
	next := first + len(labels)
	if q.HasStats {
		if err := setRow(x, summarySheet, next, []any{"Mean / median", q.Mean, q.Median}); err != nil {
			return 0, err
		}
		next++
	}
	if len(labels) == 0 {
		return next + 1, nil
	}
	last := first + len(labels) - 1
	chart := &excelize.Chart{Type: chartType(q), Dimension: excelize.ChartDimension{Width: 480, Height: 290},
		Legend: excelize.ChartLegend{Position: "none"},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: truncate(q.Text, 60)}}},
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$B$%d", summarySheet, row+1),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", summarySheet, first, last),
			Values:     fmt.Sprintf("%s!$B$%d:$B$%d", summarySheet, first, last)}}}
	if chart.Type == excelize.Pie {
		chart.Legend.Position = "right"
	}
	if err := x.AddChart(summarySheet, fmt.Sprintf("E%d", row), chart); err != nil {
		return 0, fmt.Errorf("chart for %s: %w", q.ID, err)
	}
	return max(next+1, row+chartRows), nil
}

// questionTable is the rows a question's summary shows: options, histogram bins or top words.
func questionTable(q QuestionResult) (labels []string, counts []int, heading string) {
	switch {
	case len(q.Options) > 0:
		for _, o := range q.Options {
			labels, counts = append(labels, o.Label), append(counts, o.Count)
		}
		return labels, counts, "Answer"
	case len(q.Histogram) > 0:
		for _, b := range q.Histogram {
			labels, counts = append(labels, b.Label), append(counts, b.Count)
		}
		return labels, counts, "Value"
	}
	for _, w := range q.Words[:min(15, len(q.Words))] {
		labels, counts = append(labels, w.Word), append(counts, w.Count)
	}
	return labels, counts, "Word"
}

func chartType(q QuestionResult) excelize.ChartType {
	switch {
	case q.Kind == SingleChoice && len(q.Options) <= 6:
		return excelize.Pie
	case q.Kind == FreeText || q.Kind == MultipleChoice:
		return excelize.Bar
	}
	return excelize.Col
}

func writeTimeline(x *excelize.File, res Results) error {
	if _, err := x.NewSheet(timelineSheet); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := setRow(x, timelineSheet, 1, []any{"Date", "Responses"}); err != nil {
		return err
	}
	for i, d := range res.Timeline {
		if err := setRow(x, timelineSheet, i+2, []any{d.Date, d.Count}); err != nil {
			return err
		}
	}
	if len(res.Timeline) == 0 {
		return nil
	}
	last := len(res.Timeline) + 1
	return x.AddChart(timelineSheet, "D2", &excelize.Chart{Type: excelize.Line, Legend: excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 640, Height: 300},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Responses per day"}}},
		Series: []excelize.ChartSeries{{Name: timelineSheet + "!$B$1", Categories: fmt.Sprintf("%s!$A$2:$A$%d", timelineSheet, last),
			Values: fmt.Sprintf("%s!$B$2:$B$%d", timelineSheet, last)}}})
}

func setRow(x *excelize.File, sheet string, row int, vals []any) error {
	cell, _ := excelize.CoordinatesToCellName(1, row)
	if err := x.SetSheetRow(sheet, cell, &vals); err != nil {
		return fmt.Errorf("write %s row %d: %w", sheet, row, err)
	}
	return nil
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
