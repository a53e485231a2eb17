package competitions

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
)

func TestImportReport(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, nil)
	file := csvHeader +
		"E0001,2026-03-05 10:00,Jo,Bloggs,Jo.Bloggs@gmail.com,1990-01-01,SW1A 1AA,Kent,UK,Blue,yes,web\n" +
		"E0002,2026-03-06 10:00,Jo,Bloggs,j.o.bloggs+comp@gmail.com,1990-01-01,SW1A 1AA,Kent,UK,blue,no,web\n" +
		"E0003,2026-02-27 10:00,Al,Early,al@example.com,1990-01-01,E1 1AA,London,UK,blue,no,web\n" +
		"E0004,2026-03-05 11:00,Bo,Wrong,bo@example.com,1990-01-01,E1 1AA,London,UK,green,no,web\n" +
		"E0005,2026-03-05 12:00,Cy,Staff,cy@staff.example,1990-01-01,E1 1AA,London,UK,blue,no,web\n" +
		"E0006,2026-03-05 13:00,Di,Young,di@example.com,2010-01-01,E1 1AA,London,UK,blue,no,web\n" +
		"E0007,2026-03-05 14:00,Ed,Broken,not-an-email,1990-01-01,E1 1AA,London,UK,blue,no,web\n" +
		"E0001,2026-03-05 15:00,Jo,Again,jo2@example.com,1990-01-01,E1 1AA,London,UK,blue,no,web\n" +
		"E0008,05/03/2026 16:00,Siân,Ó Súilleabháin,sian@example.com,29/02/2008,CF10 1AA,South Glamorgan,Wales,BLUE!,yes,web\n" +
		"E0009,2026-03-05 17:00,Fé,Abroad,fe@example.com,1990-01-01,75001,Paris,France,blue,no,web\n"
	rep, err := f.svc.Import(f.ctx, c.ID, "entries.csv", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		what      string
		got, want any
	}{
		{"rows", rep.Rows, 10},
		{"accepted", rep.Accepted, 2},
		{"duplicates", rep.Duplicates, 1},
		{"ineligible", rep.Ineligible, 5},
		{"invalid", rep.Invalid, 2},
		{"duplicate group", fmt.Sprint(rep.Groups), "[{E0001 [E0002] another entry from the same person}]"},
		{"invalid lines", fmt.Sprint(rep.InvalidRows[0].Line, rep.InvalidRows[1].Line), "8 9"},
		{"totals", rep.Totals, Counts{Entries: 8, Eligible: 2, Ineligible: 5, Duplicates: 1}},
	}
	reasons := map[string]string{}
	for _, e := range rep.Ineligibles {
		reasons[e.EntryID] = e.Reason
	}
	checks = append(checks, struct {
		what      string
		got, want any
	}{"reasons", fmt.Sprint(reasons), fmt.Sprint(map[string]string{"E0003": ReasonWindow, "E0004": ReasonAnswer,
		"E0005": ReasonDomain, "E0006": ReasonAge, "E0009": ReasonCountry})})
	for _, ch := range checks {
		t.Run(ch.what, func(t *testing.T) {
			if fmt.Sprint(ch.got) != fmt.Sprint(ch.want) {
				t.Fatalf("%s = %v, want %v", ch.what, ch.got, ch.want)
			}
		})
	}
	if !strings.Contains(rep.InvalidRows[0].Problem, "email") {
		t.Fatalf("line 8's problem: %q", rep.InvalidRows[0].Problem)
	}
}

func TestMalformedFileIsRefusedWhole(t *testing.T) {
	cases := []struct{ name, file, want string }{
		{"missing column", "entry_id,submitted_at,first_name\nE1,2026-03-05 10:00,Jo\n", "lacks the column(s) surname"},
		{"broken quote", csvHeader + entryLine(1, "a@example.com") + "E2,\"2026-03-05 10:00,Jo\n", "CSV line 3"},
		{"repeated column", strings.TrimSuffix(csvHeader, "\n") + ",email\n", "appears twice"},
		{"empty", "", "empty"},
		{"not UTF-8", "entry_id\xff\n", "UTF-8"},
		{"fake xlsx", "PK\x03\x04garbage", "XLSX"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			c := f.create(t, nil)
			_, err := f.svc.Import(f.ctx, c.ID, "x.csv", []byte(tc.file))
			if !apperr.Is(err, apperr.Invalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want a refusal naming %q, got %v", tc.want, err)
			}
			if got, _ := f.svc.Get(f.ctx, c.ID); got.Counts.Entries != 0 {
				t.Fatalf("%d entries were kept from a refused file", got.Counts.Entries)
			}
		})
	}
}

func TestHouseholdRuleNeedsAddressAndKeepsTheEarliest(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, func(d *Details) { d.Rules.OnePerHousehold = true })
	if _, err := f.svc.Import(f.ctx, c.ID, "a.csv", []byte(manyEntries(2))); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("want the file refused for lacking address_line1, got %v", err)
	}
	file := strings.TrimSuffix(csvHeader, "\n") + ",address_line1\n" +
		"H1,2026-03-05 10:00,Ann,Lee,ann@example.com,1990-01-01,sw1a 1aa,Kent,UK,blue,no,web,\"12, High St.\"\n" +
		"H2,2026-03-04 10:00,Bob,Lee,bob@example.com,1990-01-01,SW1A1AA,Kent,UK,blue,no,web,12 High Street\n" +
		"H3,2026-03-03 10:00,Cat,Lee,cat@example.com,1990-01-01,SW1A1AA,Kent,UK,red,no,web,12 High Street\n"
	rep, err := f.svc.Import(f.ctx, c.ID, "b.csv", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 1 || len(rep.Groups) != 1 || rep.Groups[0].Kept != "H2" || rep.Groups[0].Reason != ReasonHousehold {
		t.Fatalf("report: %+v", rep)
	}
}

func TestSecondImportFindsEarlierDuplicates(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, nil)
	if _, err := f.svc.Import(f.ctx, c.ID, "a.csv", []byte(csvHeader+entryLine(1, "kim@example.com"))); err != nil {
		t.Fatal(err)
	}
	early := csvHeader + "X1,2026-03-01 08:00,Kim,Lo,KIM@example.com ,1990-01-01,E1 1AA,Kent,UK,blue,no,web\n"
	rep, err := f.svc.Import(f.ctx, c.ID, "b.csv", []byte(early))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 1 || rep.Totals.Duplicates != 1 || rep.Totals.Eligible != 1 {
		t.Fatalf("the earlier entry from the second file should be kept: %+v", rep)
	}
}

func TestRulesChangeRechecksEntries(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, nil)
	if _, err := f.svc.Import(f.ctx, c.ID, "a.csv", []byte(manyEntries(20))); err != nil {
		t.Fatal(err)
	}
	d := c.Details
	d.Answer = "red"
	got, err := f.svc.Update(f.ctx, c.ID, d)
	if err != nil {
		t.Fatal(err)
	}
	if got.Counts.Eligible != 0 || got.Counts.Ineligible != 20 {
		t.Fatalf("after changing the answer: %+v", got.Counts)
	}
}

func xlsxFile(t testing.TB, rows [][]any) []byte {
	t.Helper()
	x := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportXLSX(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, nil)
	header := []any{"Entry ID", "Submitted at", "First name", "Surname", "Email", "Date of birth", "Postcode", "County",
		"Country", "Answer", "Partner opt-in", "Source"}
	when := time.Date(2026, 3, 5, 10, 30, 0, 0, time.UTC)
	data := xlsxFile(t, [][]any{header,
		{"X1", when, "Zoë", "Brontë", "zoe@example.com", time.Date(1990, 2, 3, 0, 0, 0, 0, time.UTC), "LS1 1AA", "West Yorkshire", "United Kingdom", "Blue", "yes", "facebook"},
		{"X2", "2026-03-06 09:00", "Raj", "Patel", "raj@example.com", "1985-11-30", "B1 1AA", "West Midlands", "GB", "blue", "no", "web"},
		{"X3", "yesterday", "Bad", "Date", "bad@example.com", "1985-11-30", "B1 1AA", "West Midlands", "GB", "blue", "no", "web"},
	})
	rep, err := f.svc.Import(f.ctx, c.ID, "entries.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != "XLSX" || rep.Accepted != 2 || rep.Invalid != 1 || rep.InvalidRows[0].Line != 4 {
		t.Fatalf("report: %+v", rep)
	}
}

func TestOnlyManagersAndAdmins(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, nil)
	for _, role := range []actor.Role{actor.HelpDesk, actor.Moderator} {
		t.Run(string(role), func(t *testing.T) {
			ctx := actor.With(context.Background(), actor.Actor{ID: "x", Name: "x", Role: role})
			if _, err := f.svc.Get(ctx, c.ID); !apperr.Is(err, apperr.Forbidden) {
				t.Fatalf("Get: want forbidden, got %v", err)
			}
			if _, err := f.svc.Import(ctx, c.ID, "a.csv", []byte(manyEntries(1))); !apperr.Is(err, apperr.Forbidden) {
				t.Fatalf("Import: want forbidden, got %v", err)
			}
		})
	}
	admin := actor.With(context.Background(), actor.Actor{ID: "a", Name: "ade", Role: actor.Admin})
	if _, err := f.svc.Get(admin, c.ID); err != nil {
		t.Fatalf("admin: %v", err)
	}
}

// parseOnly runs the importer's parsing without a store: what the fuzz targets exercise.
func parseOnly(name string, data []byte) error {
	rs, _, err := openRecords(name, data)
	if err != nil {
		return err
	}
	cols, err := readHeader(rs)
	if err != nil {
		return err
	}
	l := cols.layout()
	for {
		fields, line, err := rs.next()
		if err != nil {
			return nil
		}
		if r, problem := parseRow(l, fields, line, true); problem == "" && !validEntryID(r.entryID) {
			return fmt.Errorf("line %d: accepted an invalid entry id %q", line, r.entryID)
		}
	}
}

func FuzzImportCSV(f *testing.F) {
	f.Add([]byte(manyEntries(3)))
	f.Add([]byte(csvHeader + "E1,\"2026-03-05\n10:00\",Jo,B,j@x.example,1990-01-01,A,B,UK,x,yes,web\n"))
	f.Add([]byte("\xef\xbb\xbf" + csvHeader + ",,,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := parseOnly("f.csv", data); err != nil && !apperr.Is(err, apperr.Invalid) {
			t.Fatal(err)
		}
	})
}

func FuzzImportXLSX(f *testing.F) {
	header := []any{"entry_id", "submitted_at", "first_name", "surname", "email", "date_of_birth", "postcode", "county",
		"country", "answer", "partner_opt_in", "source", "weight"}
	f.Add(xlsxFile(f, [][]any{header, {"E1", 46086.5, "Jo", "B", "j@x.example", 32874, "A", "B", "UK", "x", 1, "web", 3}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := parseOnly("f.xlsx", data); err != nil && !apperr.Is(err, apperr.Invalid) {
			t.Fatal(err)
		}
	})
}
