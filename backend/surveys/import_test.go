package surveys

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"staffdesk/backend/apperr"
	"staffdesk/backend/privacy"
)

func TestImportFormats(t *testing.T) {
	cases := []struct {
		file, format            string
		rows, added, incomplete int
		withheld, invalid       int
		check                   func(t *testing.T, got map[string]map[string][]string)
	}{
		{"valid/surveymonkey.csv", FormatSurveyMonkey, 4, 4, 0, 1, 2, func(t *testing.T, got map[string]map[string][]string) {
			want(t, got["114001"]["q4"], "Great forum.\nMore local events please, and more local events")
			want(t, got["114001"]["q2"], "Forum", "App")
			want(t, got["114001"]["q6"], "2027-01-03")
			want(t, got["114002"]["q2"], "Newsletter", "Other")
			want(t, got["114002"]["q2:other"], "Podcasts")
			want(t, got["114002"]["q7"])
			want(t, got["114003"]["q5"])
			want(t, got["114004"]["q3"])
			want(t, got["114004"]["q7"], "Prefer not to say")
		}},
		{"valid/limesurvey.csv", FormatLimeSurvey, 3, 2, 1, 1, 0, func(t *testing.T, got map[string]map[string][]string) {
			want(t, got["1"]["q2"], "Forum", "App")
			want(t, got["1"]["q4"], `Quoted "text", with comma`)
			want(t, got["1"]["q6"], "2027-01-03")
			want(t, got["3"]["q2"], "Other")
			want(t, got["3"]["q2:other"], "Baby groups")
			want(t, got["3"]["q7"])
		}},
		{"valid/limesurvey-latin1.csv", "", 3, 2, 1, 1, 0, func(t *testing.T, got map[string]map[string][]string) {
			want(t, got["1"]["q4"], "Más café, por favor – gracias Siân")
		}},
		{"valid/own.csv", FormatCSV, 3, 3, 0, 1, 0, func(t *testing.T, got map[string]map[string][]string) {
			want(t, got["A-1"]["q2"], "Forum", "App")
			want(t, got["A-1"]["q4"], "Lovely \"forum\"\nthanks")
			want(t, got["A-2"]["q2"], "Newsletter", "Other")
			want(t, got["A-2"]["q2:other"], "Podcasts")
			want(t, got["A-2"]["q7"])
			want(t, got["A-3"]["q5"], "4")
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f := newFixture(t)
			sv := f.create(t, nil)
			rep, err := f.svc.Import(f.ctx, sv.ID, c.file, c.format, readFixture(t, c.file), nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Rows != c.rows || rep.Added != c.added || rep.Incomplete != c.incomplete || rep.SensitiveWithheld != c.withheld ||
				rep.InvalidAnswers != c.invalid {
				t.Fatalf("report %+v", rep)
			}
			if !rep.IPDropped || len(rep.Unmapped) != 0 {
				t.Errorf("ip dropped %v, unmapped %v", rep.IPDropped, rep.Unmapped)
			}
			c.check(t, storedAnswers(t, f, sv.ID))
			var ips int
			f.db.View(f.ctx, func(tx *sql.Tx) error {
				return tx.QueryRow(`SELECT count(*) FROM surveys_respondents WHERE ip != ''`).Scan(&ips)
			})
			if ips != 0 {
				t.Errorf("%d ip addresses stored though the survey does not keep them", ips)
			}
		})
	}
}

func want(t *testing.T, got []string, vals ...string) {
	t.Helper()
	if strings.Join(got, "|") != strings.Join(vals, "|") {
		t.Errorf("got %q, want %q", got, vals)
	}
}

func storedAnswers(t *testing.T, f fixture, id string) map[string]map[string][]string {
	t.Helper()
	out := map[string]map[string][]string{}
	err := f.db.View(f.ctx, func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT respondent_id, answers FROM surveys_respondents WHERE survey_id = ?`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var rid, enc string
			if err := rows.Scan(&rid, &enc); err != nil {
				return err
			}
			out[rid] = decodeAnswers(enc)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportXLSX imports the SurveyMonkey fixture saved as a workbook, as SurveyMonkey's XLSX export
// has the same two header rows.
func TestImportXLSX(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, nil)
	rep, err := f.svc.Import(f.ctx, sv.ID, "sm.xlsx", "", csvToXLSX(t, readFixture(t, "valid/surveymonkey.csv")), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != FormatSurveyMonkey || rep.Added != 4 || rep.SensitiveWithheld != 1 {
		t.Fatalf("report %+v", rep)
	}
	got := storedAnswers(t, f, sv.ID)
	want(t, got["114002"]["q2:other"], "Podcasts")
	want(t, got["114001"]["q6"], "2027-01-03")
}

func csvToXLSX(t testing.TB, data []byte) []byte {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	x := excelize.NewFile()
	for i, r := range recs {
		row := make([]any, len(r))
		for j, v := range r {
			row[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportMalformed(t *testing.T) {
	cases := map[string]string{
		"malformed/unterminated-quote.csv": "line 2, column",
		"malformed/bare-quote.csv":         "line 2, column 59: bare \"",
		"malformed/extra-field.csv":        "line 2, column 17",
		"malformed/empty-id.csv":           "line 3, column 1: the respondent id is empty",
		"malformed/bad-date.csv":           `line 2, column 2: "yesterday" is not a date`,
		"malformed/duplicate-id.csv":       "line 3, column 1: respondent id A-1 appears twice (first on line 2)",
		"malformed/not-a-workbook.xlsx":    "not a readable XLSX workbook",
		"malformed/empty.csv":              "it is empty",
	}
	for file, msg := range cases {
		t.Run(file, func(t *testing.T) {
			f := newFixture(t)
			sv := f.create(t, nil)
			_, err := f.svc.Import(f.ctx, sv.ID, file, "", readFixture(t, file), nil)
			if !apperr.Is(err, apperr.Invalid) || !strings.Contains(err.Error(), msg) {
				t.Fatalf("got %v, want an invalid error with %q", err, msg)
			}
			if n := countRespondents(t, f, sv.ID); n != 0 {
				t.Errorf("%d respondents stored from a refused file", n)
			}
		})
	}
}

func countRespondents(t *testing.T, f fixture, id string) int {
	sv, err := f.svc.Get(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return sv.Responses
}

func TestReimportIsIdempotent(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, nil)
	data := readFixture(t, "valid/surveymonkey.csv")
	first, err := f.svc.Import(f.ctx, sv.ID, "a.csv", "", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := f.svc.Import(f.ctx, sv.ID, "a.csv", "", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Updated != 0 || again.Unchanged != 4 || again.Total != 4 || again.ConsentsRecorded != 0 {
		t.Fatalf("re-import %+v", again)
	}
	changed := bytes.Replace(data, []byte(`"Great forum.`), []byte(`"Better forum.`), 1)
	third, err := f.svc.Import(f.ctx, sv.ID, "b.csv", "", changed, nil)
	if err != nil {
		t.Fatal(err)
	}
	if third.Updated != 1 || third.Unchanged != 3 || third.Total != 4 || third.ConsentsRecorded != 2 {
		t.Fatalf("changed import %+v (first %+v)", third, first)
	}
}

func TestConsentRules(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, nil)
	rep, err := f.svc.Import(f.ctx, sv.ID, "sm.csv", "", readFixture(t, "valid/surveymonkey.csv"), nil)
	if err != nil {
		t.Fatal(err)
	}
	// three respondents have an email: two consents each go to the ledger
	if rep.ConsentsRecorded != 6 || !rep.ConsentLedger || rep.SensitiveAnswers != 1 {
		t.Fatalf("report %+v", rep)
	}
	for _, c := range []struct {
		email, purpose string
		given          bool
	}{
		{"jo.bloggs@example.com", privacy.SurveySensitive(sv.ID), true},
		{"ann@example.com", privacy.SurveySensitive(sv.ID), false},
		{"ann@example.com", privacy.SurveySharing(sv.ID), true},
		{"sam@example.com", privacy.SurveySharing(sv.ID), false},
	} {
		var got bool
		err := f.db.View(f.ctx, func(tx *sql.Tx) (err error) { got, err = f.consents.InForceTx(f.ctx, tx, c.email, c.purpose); return })
		if err != nil || got != c.given {
			t.Errorf("%s %s: in force %v (%v), want %v", c.email, c.purpose, got, err, c.given)
		}
	}
	// without a consent column mapped, no sensitive answer is stored
	sv2 := f.create(t, nil)
	rep, err = f.svc.Import(f.ctx, sv2.ID, "sm.csv", "", readFixture(t, "valid/surveymonkey.csv"),
		map[string]string{"I give my explicit consent to Netmums storing my answers about health": TargetIgnore})
	if err != nil {
		t.Fatal(err)
	}
	if rep.SensitiveWithheld != 3 {
		t.Fatalf("withheld %d, want 3 (every sensitive answer)", rep.SensitiveWithheld)
	}
	for rid, a := range storedAnswers(t, f, sv2.ID) {
		if len(a["q7"]) > 0 {
			t.Errorf("%s: sensitive answer stored without consent", rid)
		}
	}
}

func TestMappingSavedAndEdited(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, func(d *Details) { d.Questions[3].Text = "Anything else to tell us?" })
	data := readFixture(t, "valid/surveymonkey.csv")
	p, err := f.svc.Preview(f.ctx, sv.ID, "", data)
	if err != nil {
		t.Fatal(err)
	}
	var open MappedColumn
	for _, c := range p.Columns {
		if c.Heading == "What could we do better?" {
			open = c
		}
		if c.Heading == "Email Address" && c.Sample != "(personal data, not shown)" {
			t.Errorf("preview shows an email sample: %q", c.Sample)
		}
	}
	if open.Target != "" || !open.Auto {
		t.Fatalf("the renamed question was guessed: %+v", open)
	}
	if _, err := f.svc.Import(f.ctx, sv.ID, "sm.csv", "", data, map[string]string{open.Heading: "q:q4"}); err != nil {
		t.Fatal(err)
	}
	p, err = f.svc.Preview(f.ctx, sv.ID, "", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p.Columns {
		if c.Heading == open.Heading && (c.Target != "q:q4" || c.Auto) {
			t.Fatalf("saved mapping not used: %+v", c)
		}
	}
	want(t, storedAnswers(t, f, sv.ID)["114001"]["q4"], "Great forum.\nMore local events please, and more local events")
}

func TestKeepIP(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, func(d *Details) { d.KeepIP = true })
	rep, err := f.svc.Import(f.ctx, sv.ID, "sm.csv", "", readFixture(t, "valid/surveymonkey.csv"), nil)
	if err != nil || rep.IPDropped {
		t.Fatalf("%v %+v", err, rep)
	}
	var ip string
	f.db.View(f.ctx, func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT ip FROM surveys_respondents WHERE respondent_id = '114001'`).Scan(&ip)
	})
	if ip != "81.2.69.160" {
		t.Fatalf("ip %q", ip)
	}
}
