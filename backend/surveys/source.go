package surveys

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"staffdesk/backend/apperr"
)

// MaxImportBytes is the largest file an import accepts.
const MaxImportBytes = 256 << 20

// source yields a file's rows one at a time with their line (CSV) or row (XLSX) number; io.EOF ends it.
// The returned slice may be reused by the next call.
type source interface {
	next() (fields []string, line int, err error)
	close()
}

// malformed refuses a whole file.
func malformed(format string, args ...any) error {
	return apperr.New(apperr.Invalid, "the file was refused: "+format, args...)
}

// openSource reads a CSV (UTF-8 with or without BOM, or Windows-1252/Latin-1) or an XLSX workbook held
// in memory. It reports whether the file was XLSX.
func openSource(data []byte) (source, bool, error) {
	if len(data) == 0 {
		return nil, false, malformed("it is empty")
	}
	if len(data) > MaxImportBytes {
		return nil, false, malformed("it is larger than %d MB", MaxImportBytes>>20)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		src, err := openXLSX(data)
		return src, true, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, false, malformed("it is neither UTF-8 nor Latin-1 text")
		}
		data = dec
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, false, malformed("it is not a text file (it holds NUL bytes)")
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvSource{r: cr}, false, nil
}

type csvSource struct{ r *csv.Reader }

func (c *csvSource) next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, 0, malformed("line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
		}
		return nil, 0, malformed("%v", err)
	}
	line, _ := c.r.FieldPos(0)
	return rec, line, nil
}

func (c *csvSource) close() {}

type xlsxSource struct {
	f    *excelize.File
	rows *excelize.Rows
	n    int
}

func openXLSX(data []byte) (*xlsxSource, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 512 << 20, UnzipXMLSizeLimit: 512 << 20})
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
	return &xlsxSource{f: f, rows: rows}, nil
}

func (x *xlsxSource) next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, malformed("row %d cannot be read", x.n+1)
		}
		return nil, 0, io.EOF
	}
	x.n++
	cols, err := x.rows.Columns()
	if err != nil {
		return nil, 0, malformed("row %d cannot be read", x.n)
	}
	return cols, x.n, nil
}

func (x *xlsxSource) close() {
	x.rows.Close()
	x.f.Close()
}

// pushback lets the header reader look at a row and give it back.
type pushback struct {
	source
	held  []string
	line  int
	valid bool
}

func (p *pushback) next() ([]string, int, error) {
	if p.valid {
		p.valid = false
		return p.held, p.line, nil
	}
	return p.source.next()
}

func (p *pushback) unread(fields []string, line int) {
	p.held, p.line, p.valid = fields, line, true
}

func blank(fields []string) bool {
	for _, f := range fields {
		if f != "" && len(bytes.TrimSpace([]byte(f))) > 0 {
			return false
		}
	}
	return true
}
