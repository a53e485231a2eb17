package privacy

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// SafeCell neutralises a text cell against formula injection: a value starting with = + - @ tab or CR is
// prefixed with an apostrophe (so no spreadsheet reads it as a formula), NUL and other characters XML
// cannot hold are dropped, and the text is cut at Excel's 32,767-character limit.
func SafeCell(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF {
			return r
		}
		return -1
	}, v)
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		v = "'" + v
	}
	if r := []rune(v); len(r) > 32767 {
		v = string(r[:32767])
	}
	return v
}

// sheetName makes a valid, unique worksheet name from an area's name.
func sheetName(name string, used map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, strings.Trim(name, "'"))
	if name == "" {
		name = "Area"
	}
	if r := []rune(name); len(r) > 28 {
		name = string(r[:28])
	}
	base := name
	for i := 2; used[strings.ToLower(name)]; i++ {
		name = base + " " + strconv.Itoa(i)
	}
	used[strings.ToLower(name)] = true
	return name
}

// writeAccessXLSX writes a summary sheet and one sheet per area, every cell as neutralised text.
func writeAccessXLSX(w io.Writer, rep AccessReport) error {
	f := excelize.NewFile()
	defer f.Close()
	used := map[string]bool{"summary": true}
	if err := f.SetSheetName("Sheet1", "Summary"); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	summary := [][]string{{"Personal data held by Staffdesk"}, {"Person", rep.Person},
		{"Generated at", rep.GeneratedAt.UTC().Format(time.RFC3339)}, {}, {"Area", "Records"}}
	for _, a := range rep.Areas {
		summary = append(summary, []string{a.Area, strconv.Itoa(len(a.Rows))})
	}
	if err := writeSheet(f, "Summary", nil, summary, bold); err != nil {
		return err
	}
	for _, a := range rep.Areas {
		name := sheetName(a.Area, used)
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("add sheet %s: %w", name, err)
		}
		if err := writeSheet(f, name, a.Columns, a.Rows, bold); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// writeSheet streams a header row (bold) and the rows into the sheet.
func writeSheet(f *excelize.File, name string, header []string, rows [][]string, bold int) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	row := 1
	put := func(vals []string, style int) error {
		cells := make([]any, len(vals))
		for i, v := range vals {
			cells[i] = excelize.Cell{Value: SafeCell(v), StyleID: style}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, cells)
	}
	if len(header) > 0 {
		if err := put(header, bold); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if err := put(r, 0); err != nil {
			return err
		}
	}
	return sw.Flush()
}
