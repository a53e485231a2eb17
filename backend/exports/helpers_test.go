package exports

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// person is one entrant of the fake source, by catalogue key.
type person map[string]string

// fakeSource holds competitions' people in memory.
type fakeSource struct {
	titles map[string]string
	people map[string][]person
}

func (f *fakeSource) Title(_ context.Context, id string) (string, error) {
	t, ok := f.titles[id]
	if !ok {
		return "", apperr.New(apperr.NotFound, "no competition %s", id)
	}
	return t, nil
}

func (f *fakeSource) Stream(ctx context.Context, id string, fields []string, fn func(string, []string) error) error {
	values := make([]string, len(fields))
	for _, p := range f.people[id] {
		for i, k := range fields {
			values[i] = p[k]
		}
		if err := fn(p["email"], values); err != nil {
			return err
		}
	}
	return nil
}

// fakeVerifier knows each operator's passphrase.
type fakeVerifier map[string]struct {
	a    actor.Actor
	pass string
}

func (v fakeVerifier) Verify(_ context.Context, name, pass string) (actor.Actor, error) {
	o, ok := v[name]
	if !ok || o.pass != pass {
		return actor.Actor{}, apperr.New(apperr.Forbidden, "the passphrase for operator %s is wrong", name)
	}
	return o.a, nil
}

var (
	cleo  = actor.Actor{ID: "op-cleo", Name: "cleo", Role: actor.Competitions}
	ade   = actor.Actor{ID: "op-ade", Name: "ade", Role: actor.Admin}
	hana  = actor.Actor{ID: "op-hana", Name: "hana", Role: actor.HelpDesk}
	start = time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
)

type fixture struct {
	svc      *Service
	consents *privacy.ConsentService
	audit    *audit.Service
	db       *store.DB
	clock    *clock.Fixed
	src      *fakeSource
	ctx      context.Context
}

// newFixture opens a temporary encrypted store, signed in as cleo (competition manager).
func newFixture(t testing.TB) fixture {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"), bytes.Repeat([]byte{9}, 32),
		audit.Migrations, privacy.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := clock.NewFixed(start)
	au := audit.NewService(db, c)
	cs := privacy.NewConsentService(db, au, c)
	src := &fakeSource{titles: map[string]string{"c1": "Win a pushchair", "c2": "Win a weekend"}, people: map[string][]person{}}
	v := fakeVerifier{"cleo": {cleo, "cleo-pass"}, "ade": {ade, "ade-pass"}, "hana": {hana, "hana-pass"}}
	svc := NewService(db, au, c, cs, v, map[string]Source{"competition": src})
	return fixture{svc: svc, consents: cs, audit: au, db: db, clock: c, src: src, ctx: actor.With(context.Background(), cleo)}
}

// partner adds Acme Prams, sponsor of c1, entitled to first name, surname, email and postcode.
func (f fixture) partner(t testing.TB) Partner {
	t.Helper()
	p, err := f.svc.AddPartner(f.ctx, PartnerInput{Name: "Acme Prams", ContactName: "Pat", ContactEmail: "pat@acme.example",
		Fields: []string{"first_name", "surname", "email", "postcode"}, Sources: []SourceRef{{Kind: "competition", ID: "c1"}}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// approved requests an export of c1 to p as cleo and approves it as ade.
func (f fixture) approved(t testing.TB, p Partner, fields ...string) Request {
	t.Helper()
	r, err := f.svc.RequestExport(f.ctx, RequestInput{PartnerID: p.ID, Source: SourceRef{Kind: "competition", ID: "c1"}, Fields: fields})
	if err != nil {
		t.Fatal(err)
	}
	if r, err = f.svc.Approve(f.ctx, r.ID, "ade", "ade-pass"); err != nil {
		t.Fatal(err)
	}
	return r
}

// consent records given (or withdrawn) consents for purpose at the clock's time.
func (f fixture) consent(t testing.TB, purpose string, given bool, emails ...string) {
	t.Helper()
	for _, e := range emails {
		in := privacy.ConsentInput{Email: e, Purpose: purpose, Given: given, SourceKind: privacy.SourceImport, SourceRef: "test"}
		if _, err := f.consents.Record(f.ctx, in); err != nil {
			t.Fatal(err)
		}
	}
}

// sofficeSheets converts every sheet of an .xlsx to CSV with LibreOffice and returns each sheet's rows
// by sheet name. It skips when LibreOffice is missing.
func sofficeSheets(t testing.TB, file string) map[string][][]string {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: scripts/install-deps.sh test installs it")
	}
	out := t.TempDir()
	profile := "file://" + t.TempDir()
	cmd := exec.Command(bin, "-env:UserInstallation="+profile, "--headless", "--norestore", "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, file)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	entries, _ := os.ReadDir(out)
	sheets := map[string][][]string{}
	base := strings.TrimSuffix(filepath.Base(file), ".xlsx")
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(e.Name(), base+"-"), ".csv")
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		sheets[name] = rows
	}
	return sheets
}

// sheetNames lists the sheets found, sorted.
func sheetNames(m map[string][][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func dump(v any) string { return fmt.Sprintf("%q", v) }

func actorCtx(a actor.Actor) context.Context { return actor.With(context.Background(), a) }

func adminCtx() context.Context { return actorCtx(ade) }

// consentMany records given consents for many people in one transaction.
func (f fixture) consentMany(t testing.TB, purpose string, emails []string) {
	t.Helper()
	recs := make([]privacy.ConsentInput, len(emails))
	for i, e := range emails {
		recs[i] = privacy.ConsentInput{Email: e, Purpose: purpose, Given: true, SourceKind: privacy.SourceImport, At: start}
	}
	if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.consents.RecordTx(f.ctx, tx, recs) }); err != nil {
		t.Fatal(err)
	}
}
