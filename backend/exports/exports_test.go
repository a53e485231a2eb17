package exports

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"staffdesk/backend/apperr"
	"staffdesk/backend/privacy"
)

// tricky are values a partner's spreadsheet must show as typed, never evaluate.
var tricky = []struct{ in, want string }{
	{"=1+1", "=1+1"},
	{"+SUM(A1)", "+SUM(A1)"},
	{"-2+3", "-2+3"},
	{"@cmd", "@cmd"},
	{"=HYPERLINK(\"http://x.example\",\"click\")", "=HYPERLINK(\"http://x.example\",\"click\")"},
	{"\t=2+2", "\t=2+2"},
	{"\r=3+3", "=3+3"},
	{"\x00=4+4", "=4+4"},
	{"Zoë Ó Súilleabháin 日本語 😀", "Zoë Ó Súilleabháin 日本語 😀"},
	{"0044 7700 900123", "0044 7700 900123"},
}

func TestRunWritesOnlyConsentedPeopleAndEntitledFieldsAsText(t *testing.T) {
	f := newFixture(t)
	p := f.partner(t)
	var emails []string
	for i, v := range tricky {
		e := "p" + string(rune('a'+i)) + "@example.com"
		emails = append(emails, e)
		f.src.people["c1"] = append(f.src.people["c1"], person{"first_name": v.in, "surname": "S" + e, "email": e,
			"postcode": "SW1A 1AA", "phone": "07700 900000", "date_of_birth": "1990-01-01"})
	}
	f.src.people["c1"] = append(f.src.people["c1"],
		person{"first_name": "Never", "surname": "Asked", "email": "never@example.com"},
		person{"first_name": "Changed", "surname": "Mind", "email": "Changed@Example.com"},
		person{"first_name": "Said", "surname": "No", "email": "no@example.com"},
		person{"first_name": "Twice", "surname": "Again", "email": " PA@example.com"})
	f.consent(t, p.Purpose, false, "no@example.com")
	f.consent(t, p.Purpose, true, append(emails, "changed@example.com")...)
	f.consent(t, privacy.SponsorSharing("other-partner"), true, "never@example.com")
	f.clock.Advance(60e9)
	if _, err := f.consents.Withdraw(f.ctx, "changed@example.com", p.Purpose, privacy.SourceTicket, "ticket 42"); err != nil {
		t.Fatal(err)
	}
	r := f.approved(t, p, "first_name", "surname", "email")
	out := filepath.Join(t.TempDir(), "acme.xlsx")
	res, err := f.svc.Run(f.ctx, r.ID, RunOptions{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != len(tricky) || res.Request.Status != Done {
		t.Fatalf("rows %d status %s, want %d done", res.Rows, res.Request.Status, len(tricky))
	}
	want := []Exclusion{{ReasonNoConsent, 1}, {ReasonDeclined, 1}, {ReasonWithdrawn, 1}, {ReasonRepeat, 1}}
	if !slices.Equal(res.Excluded, want) {
		t.Fatalf("excluded %v, want %v", res.Excluded, want)
	}
	sheets := sofficeSheets(t, out)
	if names := sheetNames(sheets); !slices.Equal(names, []string{"People", "Summary"}) {
		t.Fatalf("sheets %v", names)
	}
	rows := sheets["People"]
	if !slices.Equal(rows[0], []string{"First name", "Surname", "Email"}) {
		t.Fatalf("header %q: only the fields requested", rows[0])
	}
	if len(rows) != len(tricky)+1 {
		t.Fatalf("%d data rows, want %d: %s", len(rows)-1, len(tricky), dump(rows))
	}
	for i, v := range tricky {
		t.Run(strings.ToValidUTF8(v.want, "?"), func(t *testing.T) {
			if got := rows[i+1][0]; got != v.want {
				t.Errorf("cell %q read back by LibreOffice as %q, want %q (text, never evaluated)", v.in, got, v.want)
			}
			if rows[i+1][2] != emails[i] {
				t.Errorf("email %q, want %q", rows[i+1][2], emails[i])
			}
		})
	}
	body, _ := os.ReadFile(out)
	sum := sha256.Sum256(body)
	if res.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("sha256 %s, file's %x", res.SHA256, sum)
	}
	page, err := f.audit.List(adminCtx(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range page.Entries {
		switch e.Action {
		case "export.run":
			if e.Details["sha256"] != res.SHA256 || e.Details["rows"] != "10" {
				t.Errorf("audit export.run details %v", e.Details)
			}
		case "export.approve":
			if e.OperatorName != "ade" {
				t.Errorf("approval audited as %s, want ade", e.OperatorName)
			}
		}
		actions = append(actions, e.Action)
	}
	for _, a := range []string{"export.request", "export.approve", "export.run"} {
		if !slices.Contains(actions, a) {
			t.Errorf("audit log lacks %s: %v", a, actions)
		}
	}
	if _, err := f.svc.Run(f.ctx, r.ID, RunOptions{Out: filepath.Join(t.TempDir(), "again.xlsx")}); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("second run: %v, want conflict", err)
	}
}

func TestApprovalNeedsAnotherOperatorsPassphrase(t *testing.T) {
	f := newFixture(t)
	p := f.partner(t)
	r, err := f.svc.RequestExport(f.ctx, RequestInput{PartnerID: p.ID, Source: SourceRef{Kind: "competition", ID: "c1"},
		Fields: []string{"email"}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, op, pass string
		code           apperr.Code
	}{
		{"requester cannot approve", "cleo", "cleo-pass", apperr.Forbidden},
		{"wrong passphrase", "ade", "nope", apperr.Forbidden},
		{"approver without the role", "hana", "hana-pass", apperr.Forbidden},
		{"unknown operator", "zed", "x", apperr.Forbidden},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := f.svc.Approve(f.ctx, r.ID, c.op, c.pass); !apperr.Is(err, c.code) {
				t.Fatalf("approve as %s: %v, want %s", c.op, err, c.code)
			}
		})
	}
	if _, err := f.svc.Run(f.ctx, r.ID, RunOptions{Out: filepath.Join(t.TempDir(), "x.xlsx")}); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("run before approval: %v, want conflict", err)
	}
	got, err := f.svc.Approve(f.ctx, r.ID, "ade", "ade-pass")
	if err != nil || got.Status != Approved || got.DecidedBy != "ade" {
		t.Fatalf("approve as ade: %+v %v", got, err)
	}
}

func TestRequestChecksEntitlementAndSponsorship(t *testing.T) {
	f := newFixture(t)
	p := f.partner(t)
	cases := []struct {
		name string
		in   RequestInput
		code apperr.Code
	}{
		{"field not entitled", RequestInput{PartnerID: p.ID, Source: SourceRef{Kind: "competition", ID: "c1"}, Fields: []string{"phone"}}, apperr.Forbidden},
		{"field not in catalogue", RequestInput{PartnerID: p.ID, Source: SourceRef{Kind: "competition", ID: "c1"}, Fields: []string{"password"}}, apperr.Invalid},
		{"source not sponsored", RequestInput{PartnerID: p.ID, Source: SourceRef{Kind: "competition", ID: "c2"}, Fields: []string{"email"}}, apperr.Invalid},
		{"no fields", RequestInput{PartnerID: p.ID, Source: SourceRef{Kind: "competition", ID: "c1"}}, apperr.Invalid},
		{"unknown partner", RequestInput{PartnerID: "nobody", Source: SourceRef{Kind: "competition", ID: "c1"}, Fields: []string{"email"}}, apperr.NotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := f.svc.RequestExport(f.ctx, c.in); !apperr.Is(err, c.code) {
				t.Fatalf("%v, want %s", err, c.code)
			}
		})
	}
	if _, err := f.svc.RequestExport(actorCtx(hana), RequestInput{PartnerID: p.ID}); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("help desk requesting: %v, want forbidden", err)
	}
}

func TestPartnerValidation(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name string
		in   PartnerInput
		code apperr.Code
	}{
		{"no name", PartnerInput{Name: " ", Fields: []string{"email"}}, apperr.Invalid},
		{"no fields", PartnerInput{Name: "Acme"}, apperr.Invalid},
		{"unknown field", PartnerInput{Name: "Acme", Fields: []string{"shoe_size"}}, apperr.Invalid},
		{"bad contact", PartnerInput{Name: "Acme", ContactEmail: "nope", Fields: []string{"email"}}, apperr.Invalid},
		{"unknown competition", PartnerInput{Name: "Acme", Fields: []string{"email"}, Sources: []SourceRef{{Kind: "competition", ID: "zz"}}}, apperr.NotFound},
		{"survey not wired", PartnerInput{Name: "Acme", Fields: []string{"email"}, Sources: []SourceRef{{Kind: "survey", ID: "s1"}}}, apperr.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := f.svc.AddPartner(f.ctx, c.in); !apperr.Is(err, c.code) {
				t.Fatalf("%v, want %s", err, c.code)
			}
		})
	}
	p := f.partner(t)
	if p.ID != "acme-prams" || p.Purpose != "sponsor_sharing:acme-prams" || p.Sources[0].Title != "Win a pushchair" {
		t.Fatalf("partner %+v", p)
	}
	if _, err := f.svc.AddPartner(f.ctx, PartnerInput{Name: "ACME prams", Fields: []string{"email"}}); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("same partner twice: %v", err)
	}
	list, err := f.svc.Partners(f.ctx)
	if err != nil || len(list) != 1 || !slices.Equal(list[0].Fields, []string{"first_name", "surname", "email", "postcode"}) {
		t.Fatalf("partners %+v %v", list, err)
	}
	up, err := f.svc.UpdatePartner(f.ctx, p.ID, PartnerInput{Name: "Acme Prams Ltd", Fields: []string{"email", "first_name"}})
	if err != nil || up.ID != p.ID || up.Purpose != p.Purpose || !slices.Equal(up.Fields, []string{"first_name", "email"}) || len(up.Sources) != 0 {
		t.Fatalf("update %+v %v", up, err)
	}
	if _, err := f.svc.UpdatePartner(f.ctx, "nobody", PartnerInput{Name: "X", Fields: []string{"email"}}); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("update of an unknown partner: %v", err)
	}
}

func FuzzParseSourceRef(f *testing.F) {
	for _, s := range []string{"competition:abc", "survey:s-1", "survey:", ":x", "competition", " competition:a:b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ref, ok := ParseSourceRef(s)
		if !ok {
			return
		}
		if (ref.Kind != "competition" && ref.Kind != "survey") || ref.ID == "" {
			t.Fatalf("ParseSourceRef(%q) = %+v", s, ref)
		}
		if again, ok := ParseSourceRef(ref.String()); !ok || again != ref {
			t.Fatalf("%q does not round-trip: %+v", s, again)
		}
	})
}
