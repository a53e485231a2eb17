package competitions

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"staffdesk/backend/apperr"
)

// MaxImportBytes is the largest file an import accepts.
const MaxImportBytes = 256 << 20

// Columns are the import's columns, by header name. weight and address_line1 are optional.
var requiredColumns = []string{"entry_id", "submitted_at", "first_name", "surname", "email", "date_of_birth",
	"postcode", "county", "country", "answer", "partner_opt_in", "source"}

var optionalColumns = []string{"weight", "address_line1"}

var headerAliases = map[string]string{"address_line_1": "address_line1", "address1": "address_line1", "id": "entry_id"}

// records yields a file's rows one at a time with their line (CSV) or row (XLSX) number; io.EOF ends it.
type records interface {
	next() (fields []string, line int, err error)
}

// malformed refuses a whole file.
func malformed(format string, args ...any) error {
	return apperr.New(apperr.Invalid, "the file was refused: "+format, args...)
}

// openRecords picks CSV or XLSX by content (an XLSX file is a zip) and returns its rows and format name.
func openRecords(name string, data []byte) (records, string, error) {
	if len(data) == 0 {
		return nil, "", malformed("it is empty")
	}
	if len(data) > MaxImportBytes {
		return nil, "", malformed("it is larger than %d MB", MaxImportBytes>>20)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		r, err := openXLSX(data)
		return r, "XLSX", err
	}
	if strings.HasSuffix(strings.ToLower(name), ".xlsx") {
		return nil, "", malformed("%s is not a valid XLSX workbook", name)
	}
	if !utf8.Valid(data) {
		return nil, "", malformed("a CSV file must be UTF-8 text (save it as \"CSV UTF-8\")")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvRecords{r: cr}, "CSV", nil
}

type csvRecords struct{ r *csv.Reader }

func (c *csvRecords) next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, 0, malformed("CSV line %d: %v", pe.StartLine, pe.Err)
		}
		return nil, 0, malformed("%v", err)
	}
	line, _ := c.r.FieldPos(0)
	return rec, line, nil
}

type xlsxRecords struct {
	f    *excelize.File
	rows *excelize.Rows
	n    int
}

func openXLSX(data []byte) (*xlsxRecords, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true,
		UnzipSizeLimit: 512 << 20, UnzipXMLSizeLimit: 512 << 20})
	if err != nil {
		return nil, malformed("it is not a readable XLSX workbook")
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, malformed("the workbook has no sheet")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, malformed("its first sheet cannot be read")
	}
	return &xlsxRecords{f: f, rows: rows}, nil
}

func (x *xlsxRecords) next() ([]string, int, error) {
	if !x.rows.Next() {
		err := x.rows.Error()
		x.rows.Close()
		x.f.Close()
		if err != nil {
			return nil, 0, malformed("its first sheet cannot be read")
		}
		return nil, 0, io.EOF
	}
	x.n++
	cols, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, 0, malformed("row %d cannot be read", x.n)
	}
	return cols, x.n, nil
}

// columns maps each known column name to its position in the header row.
type columns map[string]int

// readHeader reads the first non-empty row and checks every required column is there once.
func readHeader(rs records) (columns, error) {
	for {
		fields, _, err := rs.next()
		if err == io.EOF {
			return nil, malformed("it has no header row")
		}
		if err != nil {
			return nil, err
		}
		if blank(fields) {
			continue
		}
		return headerColumns(fields)
	}
}

func headerColumns(fields []string) (columns, error) {
	cols := columns{}
	for i, f := range fields {
		name := strings.ToLower(strings.TrimSpace(f))
		name = strings.NewReplacer(" ", "_", "-", "_").Replace(name)
		if alias, ok := headerAliases[name]; ok {
			name = alias
		}
		if name == "" {
			continue
		}
		if _, dup := cols[name]; dup {
			return nil, malformed("the column %s appears twice in the header", name)
		}
		cols[name] = i
	}
	var missing []string
	for _, c := range requiredColumns {
		if _, ok := cols[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, malformed("the header lacks the column(s) %s", strings.Join(missing, ", "))
	}
	return cols, nil
}

// The columns parseRow reads, in the order of a layout.
const (
	colEntryID = iota
	colSubmitted
	colFirstName
	colSurname
	colEmail
	colBirth
	colPostcode
	colAddress
	colCounty
	colCountry
	colAnswer
	colOptIn
	colSource
	colWeight
	layoutColumns
)

var layoutNames = [layoutColumns]string{"entry_id", "submitted_at", "first_name", "surname", "email", "date_of_birth",
	"postcode", "address_line1", "county", "country", "answer", "partner_opt_in", "source", "weight"}

// layout is the position of each column parseRow reads (-1 when absent): looked up by name once per file
// rather than in every row.
type layout [layoutColumns]int

func (c columns) layout() *layout {
	var l layout
	for i, name := range layoutNames {
		l[i] = -1
		if p, ok := c[name]; ok {
			l[i] = p
		}
	}
	return &l
}

// get returns a row's value for column col (colEntryID...), trimmed; "" when the row is short or the
// column absent.
func (l *layout) get(fields []string, col int) string {
	if i := l[col]; i >= 0 && i < len(fields) {
		return strings.TrimSpace(fields[i])
	}
	return ""
}

func (c columns) has(name string) bool {
	_, ok := c[name]
	return ok
}

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
