package exports

import (
	"archive/zip"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// MaxSheetRows is how many rows one worksheet holds; an export continues on a further sheet past it.
const MaxSheetRows = 1048576

// textFormat is the built-in number format "@" (Text): a spreadsheet keeps such a cell as text even when
// someone edits it, so a value such as "=1+1" never becomes a formula.
const textFormat = 49

// file is where an export is written before it is renamed into place.
type file interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// fileMaker creates the temporary file beside the destination (tests inject a failing one).
type fileMaker interface {
	CreateTemp(dir, pattern string) (file, error)
}

// osFiles creates real files.
type osFiles struct{}

// CreateTemp creates a new temporary file in dir.
func (osFiles) CreateTemp(dir, pattern string) (file, error) { return os.CreateTemp(dir, pattern) }

// book is an export workbook being written: data sheets "People", "People 2", ... of at most perSheet data
// rows under a header each, then a "Summary" sheet. Every column of a data sheet has the Text format, so
// each cell (an inline string) carries it.
type book struct {
	f        *excelize.File
	sw       *excelize.StreamWriter
	header   []any
	sheets   []string
	perSheet int
	row      int
	cells    []any
	text     int
}

// newBook starts a workbook whose temporary parts go to dir (the destination's folder), never elsewhere.
func newBook(dir string, headers []string, perSheet int) (*book, error) {
	f := excelize.NewFile(excelize.Options{TmpDir: dir})
	b := &book{f: f, perSheet: perSheet, cells: make([]any, len(headers))}
	var err error
	if b.text, err = f.NewStyle(&excelize.Style{NumFmt: textFormat}); err != nil {
		f.Close()
		return nil, fmt.Errorf("create text style: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{NumFmt: textFormat, Font: &excelize.Font{Bold: true}})
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("create heading style: %w", err)
	}
	for _, h := range headers {
		b.header = append(b.header, excelize.Cell{StyleID: bold, Value: h})
	}
	if err := f.SetSheetName("Sheet1", "People"); err != nil {
		f.Close()
		return nil, fmt.Errorf("name sheet: %w", err)
	}
	if err := b.startSheet("People"); err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

func (b *book) startSheet(name string) error {
	if len(b.sheets) > 0 {
		if _, err := b.f.NewSheet(name); err != nil {
			return fmt.Errorf("add sheet %s: %w", name, err)
		}
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("start sheet %s: %w", name, err)
	}
	if err := sw.SetColWidth(1, max(1, len(b.header)), 22); err != nil {
		return fmt.Errorf("set column widths: %w", err)
	}
	if err := sw.SetColStyle(1, max(1, len(b.header)), b.text); err != nil {
		return fmt.Errorf("set column format: %w", err)
	}
	if err := sw.SetRow("A1", b.header); err != nil {
		return fmt.Errorf("write header: %w", err)
	}
	b.sw, b.row = sw, 1
	b.sheets = append(b.sheets, name)
	return nil
}

// add writes one person's row, moving to a new sheet when this one is full.
func (b *book) add(values []string) error {
	if b.row > b.perSheet {
		if err := b.sw.Flush(); err != nil {
			return fmt.Errorf("finish sheet %s: %w", b.sheets[len(b.sheets)-1], err)
		}
		if err := b.startSheet(fmt.Sprintf("People %d", len(b.sheets)+1)); err != nil {
			return err
		}
	}
	b.row++
	for i, v := range values {
		b.cells[i] = Neutralise(v)
	}
	cell, err := excelize.CoordinatesToCellName(1, b.row)
	if err != nil {
		return fmt.Errorf("row %d: %w", b.row, err)
	}
	if err := b.sw.SetRow(cell, b.cells); err != nil {
		return fmt.Errorf("write row: %w", err)
	}
	return nil
}

// summary finishes the data sheets and writes the summary sheet, one label and value per row.
func (b *book) summary(lines [][2]string) error {
	if err := b.sw.Flush(); err != nil {
		return fmt.Errorf("finish sheet: %w", err)
	}
	if _, err := b.f.NewSheet("Summary"); err != nil {
		return fmt.Errorf("add summary sheet: %w", err)
	}
	sw, err := b.f.NewStreamWriter("Summary")
	if err != nil {
		return fmt.Errorf("start summary: %w", err)
	}
	if err := sw.SetColWidth(1, 2, 40); err != nil {
		return fmt.Errorf("set column widths: %w", err)
	}
	for i, l := range lines {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{excelize.Cell{StyleID: b.text, Value: Neutralise(l[0])}, excelize.Cell{StyleID: b.text, Value: Neutralise(l[1])}}
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("write summary: %w", err)
		}
	}
	return sw.Flush()
}

// save writes the workbook (encrypted when password is set) to a temporary file beside out, then renames
// it to out. On any error, a full disk included, the temporary file is removed and out is not created.
// It returns the SHA-256 of the file written.
func (b *book) save(out, password string, files fileMaker) (string, error) {
	tmp, err := files.CreateTemp(filepath.Dir(out), ".staffdesk-export-*.part")
	if err != nil {
		return "", fmt.Errorf("create file in %s: %w", filepath.Dir(out), err)
	}
	h := sha256.New()
	dst := io.MultiWriter(tmp, h)
	b.f.SetZipWriter(func(buf io.Writer) excelize.ZipWriter {
		// excelize builds the whole file in a memory buffer before writing it; without a password the zip
		// goes straight to the file instead (the buffer stays empty). Encryption needs the whole file.
		if password == "" {
			buf = dst
		}
		return fastZip(buf)
	})
	err = b.f.Write(dst, excelize.Options{Password: password})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("write %s: %w", filepath.Base(out), err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// fastZip is a zip writer deflating at flate.BestSpeed: on sheet XML it is about eight times faster than
// the default level for files about 3% larger.
func fastZip(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}

// close releases the workbook's temporary parts.
func (b *book) close() error { return b.f.Close() }

// Neutralise makes a value safe for a text cell: control characters other than tab and newline are
// removed (NUL and CR included; a CR LF becomes LF). The cell is always written as a string with the Text
// format, so a leading = + - @ or tab is shown as typed and never evaluated.
func Neutralise(v string) string {
	i := strings.IndexFunc(v, isControl)
	if i < 0 {
		return v
	}
	var sb strings.Builder
	sb.Grow(len(v))
	sb.WriteString(v[:i])
	for _, r := range v[i:] {
		if !isControl(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func isControl(r rune) bool { return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f }

// checkOut checks the destination: an .xlsx path in an existing folder, not an existing file.
func checkOut(out string) (string, error) {
	if out == "" || !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return "", errInvalid("give the export a file name ending in .xlsx")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", errInvalid("%s is not a usable file name", out)
	}
	if st, err := os.Stat(filepath.Dir(abs)); err != nil || !st.IsDir() {
		return "", errInvalid("the folder %s does not exist", filepath.Dir(abs))
	}
	if _, err := os.Stat(abs); err == nil {
		return "", errConflict("%s already exists: choose another name", abs)
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("check %s: %w", abs, err)
	}
	return abs, nil
}

func removeFile(path string) { os.Remove(path) }
