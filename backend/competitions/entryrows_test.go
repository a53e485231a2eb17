package competitions

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"staffdesk/backend/audit"
	"staffdesk/backend/competitions/draw"
	"staffdesk/backend/store"
)

// viewColumns are the columns of the view competition_entries that hold what an entrant sent.
const viewColumns = `import_id, line, submitted_at, first_name, surname, email, email_key, date_of_birth, postcode,
	address_line1, county, country, answer, partner_opt_in, source, weight, own_reason, status, reason, kept_entry_id`

func readEntry(t *testing.T, db *store.DB, compID, entryID string) string {
	t.Helper()
	var out string
	err := db.View(context.Background(), func(tx *sql.Tx) error {
		vals := make([]any, 20)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := tx.QueryRow(`SELECT `+viewColumns+` FROM competition_entries WHERE competition_id = ? AND entry_id = ?`,
			compID, entryID).Scan(ptrs...); err != nil {
			return err
		}
		out = fmt.Sprintf("%v", vals)
		return nil
	})
	if err != nil {
		t.Fatalf("read %s: %v", entryID, err)
	}
	return out
}

// TestEntryRowsKeepWhatWasSent imports awkward values and reads them back through the view, which gives
// the columns of the earlier table.
func TestEntryRowsKeepWhatWasSent(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, nil)
	file := csvHeader +
		"E1,2026-03-05 10:00,Zoë,\"O'Brien \"\"Jo\"\"\",Jo.Bloggs+x@Gmail.com,1990-02-03,SW1A 1AA,\"Kent\\East\",UK,Blue,yes,web\n" +
		"E2,2026-03-06 10:00,Łukasz,Nowak,lukasz@example.com,1990-01-01,\"E1\t1AA\",London,UK,\"blue\nsky\",no,\"a,b\"\n" +
		"E3,2026-03-07 10:00,Jo,Bloggs,jo.bloggs@gmail.com,1990-02-03,SW1A 1AA,Kent,UK,blue,no,web\n" +
		"E4,2026-03-08 10:00,Fé,Abroad,fe@example.com,1990-01-01,75001,Paris,France,blue,no,web\n" +
		"E5,2026-03-09 10:00,Ny,Where,ny@example.com,1990-01-01,E1 1AA,London,,blue,no,web\n"
	if _, err := f.svc.Import(f.ctx, c.ID, "entries.csv", []byte(file)); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ entry, want string }{
		{"E1", "[1 2 1772704800000 Zoë O'Brien \"Jo\" Jo.Bloggs+x@Gmail.com jobloggs@gmail.com 1990-02-03 SW1A 1AA  Kent\\East United Kingdom Blue 1 web 1  eligible  ]"},
		{"E2", "[1 3 1772791200000 Łukasz Nowak lukasz@example.com lukasz@example.com 1990-01-01 E1\t1AA  London United Kingdom blue\nsky 0 a,b 1 wrong answer ineligible wrong answer ]"},
		{"E3", "[1 5 1772877600000 Jo Bloggs jo.bloggs@gmail.com jobloggs@gmail.com 1990-02-03 SW1A 1AA  Kent United Kingdom blue 0 web 1  duplicate another entry from the same person E1]"},
		{"E4", "[1 6 1772964000000 Fé Abroad fe@example.com fe@example.com 1990-01-01 75001  Paris France blue 0 web 1 country not allowed ineligible country not allowed ]"},
		{"E5", "[1 7 1773050400000 Ny Where ny@example.com ny@example.com 1990-01-01 E1 1AA  London  blue 0 web 1 country not allowed ineligible country not allowed ]"},
	}
	for _, tc := range cases {
		t.Run(tc.entry, func(t *testing.T) {
			if got := readEntry(t, f.db, c.ID, tc.entry); got != tc.want {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestMigrationKeepsEntriesAndTheViewWrites opens a store made before migrations 002 and 003 with one
// entry and one frozen list, lets them move both, and then writes through the view as other areas may.
func TestMigrationKeepsEntriesAndTheViewWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	key := bytes.Repeat([]byte{5}, 32)
	first, err := fs.ReadFile(migrationsFS, "migrations/001_competitions.sql")
	if err != nil {
		t.Fatal(err)
	}
	old := store.Migrations{Area: "competitions", FS: fstest.MapFS{"migrations/001_competitions.sql": {Data: first}}}
	db, err := store.Open(context.Background(), path, key, audit.Migrations, old)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO competitions VALUES ('c1', 'T', 'S', 'P', '', '', '', '', 1, 1, 1, 1, '{}', 'open', '', '', NULL);
			INSERT INTO competition_entries VALUES ('c1', 'E1', 1, 2, 1772705400000, 'Jo', 'Bloggs', 'Jo@Example.com', 'jo@example.com',
				'1990-02-03', 'SW1A 1AA', '1 High St', 'SW1A1AA|1 high street', 'Kent', 'United Kingdom', 'blue', 1, 'web', 1, '',
				'eligible', '', '');
			INSERT INTO competition_draws (competition_id, algorithm, list, list_hash, entries, total_weight, counts, snapshot,
				seed, commitment, committed_at, committed_by) VALUES ('c1', 'a', x'0102', 'h', 1, 1, '{}', '{}', 's', 'c', 't', 'o')`)
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if db, err = store.Open(context.Background(), path, key, audit.Migrations, Migrations); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const moved = "[1 2 1772705400000 Jo Bloggs Jo@Example.com jo@example.com 1990-02-03 SW1A 1AA 1 High St Kent United Kingdom blue 1 web 1  eligible  ]"
	if got := readEntry(t, db, "c1", "E1"); got != moved {
		t.Fatalf("after the migration\ngot  %q\nwant %q", got, moved)
	}
	var list []byte
	if err := db.View(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT list FROM competition_draw_lists WHERE competition_id = 'c1'`).Scan(&list)
	}); err != nil || string(list) != "\x01\x02" {
		t.Fatalf("the frozen list did not move: %q %v", list, err)
	}
	writes := []struct{ name, sql, entry, want string }{
		{"insert", `INSERT INTO competition_entries (competition_id, entry_id, import_id, line, submitted_at, first_name, surname,
			email, email_key, date_of_birth, postcode, county, country, answer, partner_opt_in, source, weight, status, reason)
			VALUES ('c1', 'E2', 1, 3, 5, 'Al', 'B', 'al@example.com', 'al@example.com', '1991-01-01', 'E1 1AA', 'London',
			'United Kingdom', 'blue', 0, 'web', 1, 'duplicate', 'x')`, "E2",
			"[1 3 5 Al B al@example.com al@example.com 1991-01-01 E1 1AA  London United Kingdom blue 0 web 1  duplicate x ]"},
		{"update", `UPDATE competition_entries SET first_name = 'Former entrant', status = 'ineligible' WHERE entry_id = 'E1'`, "E1",
			"[1 2 1772705400000 Former entrant Bloggs Jo@Example.com jo@example.com 1990-02-03 SW1A 1AA 1 High St Kent United Kingdom blue 1 web 1  ineligible  ]"},
		{"delete", `DELETE FROM competition_entries WHERE email_key = 'al@example.com'`, "E2", ""},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			if err := db.Update(context.Background(), func(tx *sql.Tx) error { _, err := tx.Exec(w.sql); return err }); err != nil {
				t.Fatal(err)
			}
			if w.want == "" {
				var n int
				db.View(context.Background(), func(tx *sql.Tx) error {
					return tx.QueryRow(`SELECT count(*) FROM competition_entry_rows WHERE entry_id = ?`, w.entry).Scan(&n)
				})
				if n != 0 {
					t.Fatalf("%s is still stored", w.entry)
				}
				return
			}
			if got := readEntry(t, db, "c1", w.entry); got != w.want {
				t.Fatalf("got  %q\nwant %q", got, w.want)
			}
		})
	}
}

// FuzzAppendJSONString checks that any string, valid UTF-8 or not, becomes one JSON string that decodes
// to it (each invalid byte as U+FFFD).
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "Jo", `O"Brien\`, "a\nb\tc\r\x00\x1f\x7f", "Zoë Łukasz 😀", "\xff\xfe", "\u2028<>&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := appendJSONString([]byte("["), s)
		out = append(out, ']')
		var got []string
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%q gave invalid JSON %q: %v", s, out, err)
		}
		if want := string([]rune(s)); len(got) != 1 || got[0] != want {
			t.Fatalf("%q came back as %q", s, got)
		}
	})
}

// TestCommitFreezesEligibleEntriesAndCountsTheRest commits a weighted competition with duplicates,
// ineligible and invalid rows: the frozen list is the canonical list of the eligible entries with their
// weights, and the counts name every reason.
func TestCommitFreezesEligibleEntriesAndCountsTheRest(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, func(d *Details) { d.Rules.Weighted = true })
	header := strings.TrimSuffix(csvHeader, "\n") + ",weight\n"
	file := header +
		"E3,2026-03-05 10:00,Jo,Bloggs,jo@example.com,1990-01-01,E1 1AA,Kent,UK,blue,no,web,3\n" +
		"E1,2026-03-06 10:00,Jo,Bloggs,jo+x@example.com,1990-01-01,E1 1AA,Kent,UK,blue,no,web,2\n" +
		"E2,2026-03-07 10:00,Jo,Bloggs,jo@example.com,1990-01-01,E1 1AA,Kent,UK,blue,no,web,1\n" +
		"E4,2026-03-08 10:00,Al,Wrong,al@example.com,1990-01-01,E1 1AA,Kent,UK,green,no,web,1\n" +
		"E5,2026-03-09 10:00,Bo,Young,bo@example.com,2015-01-01,E1 1AA,Kent,UK,blue,no,web,1\n" +
		"E6,2026-03-10 10:00,Cy,Bad,not-an-email,1990-01-01,E1 1AA,Kent,UK,blue,no,web,1\n"
	if _, err := f.svc.Import(f.ctx, c.ID, "w.csv", []byte(file)); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(17 * 24 * time.Hour)
	st, err := f.svc.Commit(f.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := draw.EncodeList([]draw.Entry{{ID: "E1", Weight: 2}, {ID: "E3", Weight: 3}})
	list, err := f.svc.FrozenList(f.ctx, c.ID)
	if err != nil || !bytes.Equal(list, want) {
		t.Fatalf("frozen list %q (%v), want %q", list, err, want)
	}
	got := fmt.Sprintf("%+v total %d", st.Counts, st.TotalWeight)
	wantCounts := fmt.Sprintf("%+v total 5", DrawCounts{Entries: 5, Invalid: 1, Eligible: 2,
		Duplicates: []ReasonCount{{ReasonPerson, 1}}, Ineligible: []ReasonCount{{ReasonAge, 1}, {ReasonAnswer, 1}}})
	if got != wantCounts {
		t.Fatalf("counts\ngot  %s\nwant %s", got, wantCounts)
	}
}
