package competitions

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/London on machines without a zoneinfo database (Windows)

	"github.com/xuri/excelize/v2"

	"staffdesk/backend/competitions/draw"
)

// london is the zone of times written without an offset, and of the closing date for ages.
var london = mustLondon()

func mustLondon() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic("competitions: no Europe/London time zone: " + err.Error())
	}
	return loc
}

// row is one entry as read from a file.
type row struct {
	line      int
	entryID   string
	submitted time.Time
	firstName string
	surname   string
	email     string
	emailKey  string
	dob       date
	postcode  string
	address   string
	county    string
	country   string
	answer    string
	optIn     bool
	source    string
	weight    uint64
}

// date is a calendar day.
type date struct{ y, m, d int }

// String writes the date as YYYY-MM-DD.
func (d date) String() string { return string(d.appendTo(nil)) }

// appendTo writes the date as YYYY-MM-DD.
func (d date) appendTo(b []byte) []byte {
	if d.y < 0 || d.y > 9999 {
		return fmt.Appendf(b, "%04d-%02d-%02d", d.y, d.m, d.d)
	}
	return append(b, byte('0'+d.y/1000), byte('0'+d.y/100%10), byte('0'+d.y/10%10), byte('0'+d.y%10), '-',
		byte('0'+d.m/10), byte('0'+d.m%10), '-', byte('0'+d.d/10), byte('0'+d.d%10))
}

// parseRow reads one data row; the string is the problem when the row is invalid.
func parseRow(l *layout, fields []string, line int, weighted bool) (row, string) {
	r := row{line: line, weight: 1}
	get := func(col int) string { return l.get(fields, col) }
	r.entryID = get(colEntryID)
	if !validEntryID(r.entryID) {
		return r, fmt.Sprintf("entry_id %q must be 1 to %d letters, digits, dots, dashes, colons or underscores", clip(r.entryID), draw.MaxIDLen)
	}
	var ok bool
	if r.submitted, ok = parseWhen(get(colSubmitted)); !ok {
		return r, fmt.Sprintf("submitted_at %q is not a date and time such as 2026-03-01 14:05", clip(get(colSubmitted)))
	}
	if r.firstName, ok = cleanName(get(colFirstName)); !ok {
		return r, "first_name is empty or holds invisible characters"
	}
	if r.surname, ok = cleanName(get(colSurname)); !ok {
		return r, "surname is empty or holds invisible characters"
	}
	r.email = get(colEmail)
	if r.emailKey = EmailKey(r.email); r.emailKey == "" {
		return r, "email is not an email address"
	}
	if r.dob, ok = parseDay(get(colBirth)); !ok {
		return r, fmt.Sprintf("date_of_birth %q is not a date such as 1990-04-23 or 23/04/1990", clip(get(colBirth)))
	}
	r.postcode, r.address, r.county = get(colPostcode), get(colAddress), get(colCounty)
	r.country, r.answer, r.source = canonicalCountry(get(colCountry)), get(colAnswer), get(colSource)
	if r.optIn, ok = parseYesNo(get(colOptIn)); !ok {
		return r, fmt.Sprintf("partner_opt_in %q must be yes or no", clip(get(colOptIn)))
	}
	if w := get(colWeight); weighted && w != "" {
		n, err := strconv.ParseUint(w, 10, 64)
		if err != nil || n < 1 || n > draw.MaxWeight {
			return r, fmt.Sprintf("weight %q must be a whole number from 1 to %d", clip(w), draw.MaxWeight)
		}
		r.weight = n
	}
	return r, ""
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

var whenLayouts = []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04",
	"02/01/2006 15:04:05", "02/01/2006 15:04", "2/1/2006 15:04:05", "2/1/2006 15:04"}

// parseWhen reads RFC 3339 times, UK local times (day first) and spreadsheet serial numbers.
func parseWhen(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), true
	}
	for _, l := range whenLayouts {
		if t, err := time.ParseInLocation(l, s, london); err == nil {
			return t.UTC(), true
		}
	}
	if t, ok := fromSerial(s); ok {
		return t.UTC(), true
	}
	return time.Time{}, false
}

var dayLayouts = []string{"2006-01-02", "02/01/2006", "2/1/2006"}

// parseDay reads a calendar date (ISO or day first) or a spreadsheet serial number.
func parseDay(s string) (date, bool) {
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return date{t.Year(), int(t.Month()), t.Day()}, t.Year() >= 1900
		}
	}
	if t, ok := fromSerial(s); ok {
		return date{t.Year(), int(t.Month()), t.Day()}, t.Year() >= 1900
	}
	return date{}, false
}

// fromSerial reads a spreadsheet date serial (days since 1899-12-30) as a London wall-clock time.
func fromSerial(s string) (time.Time, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 2958465 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(f, false)
	if err != nil {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, london), true
}

func parseYesNo(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "yes", "y", "true", "1", "opted in", "opt in":
		return true, true
	case "no", "n", "false", "0", "":
		return false, true
	}
	return false, false
}
