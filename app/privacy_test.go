package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/clock"
	"staffdesk/backend/competitions"
	"staffdesk/backend/keyslot"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
	"staffdesk/backend/privacy"
	"staffdesk/backend/surveys"
)

const (
	privacyPass = "admin-passphrase"
	member      = "jomember@gmail.com"
)

// privacySession opens the CLI test's store in-process with the given clock.
func privacySession(t *testing.T, tc *testCLI, clk clock.Clock, daily bool) *Session {
	t.Helper()
	s := NewSession(Config{DataDir: tc.dir, Clock: clk, SlotParams: keyslot.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1},
		DailyRetention: daily}, nil)
	if _, err := s.Unlock(context.Background(), "admin", privacyPass); err != nil {
		t.Fatal(err)
	}
	return s
}

func feedLine(fields ...string) string {
	m := map[string]any{"version": 1, "postcode": "SW1A 1AA", "body": "A body long enough for the checks to read it",
		"submitted_at": "2026-11-20T09:00:00Z"}
	for i := 0; i+1 < len(fields); i += 2 {
		m[fields[i]] = fields[i+1]
	}
	b, _ := json.Marshal(m)
	return string(b) + "\n"
}

// seedCompetition creates a competition closing at closes with the member's entry (as email) and others;
// drawn commits and runs its draw.
func seedCompetition(ctx context.Context, t *testing.T, svc *Services, now, closes time.Time, email string, drawn bool) string {
	t.Helper()
	c, err := svc.Competitions.Create(ctx, competitions.Details{Title: "Win a cot", Sponsor: "Acme", Prize: "A cot",
		OpensAt: now.AddDate(0, 0, -20), ClosesAt: closes, Winners: 2, Reserves: 1, ClaimDays: 14, RetentionDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Competitions.OpenForEntries(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("entry_id,submitted_at,first_name,surname,email,date_of_birth,postcode,county,country,answer,partner_opt_in,source\n")
	at := now.AddDate(0, 0, -5).Format(time.RFC3339)
	fmt.Fprintf(&csv, "M1,%s,Zoë,Ó Súilleabháin,%s,1990-01-01,SW1A 1AA,Kent,UK,=1+1,yes,web\n", at, email)
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&csv, "E%02d,%s,Sam,Other,other%d@example.com,1990-01-01,SW1A 2AA,Kent,UK,,no,web\n", i, at, i)
	}
	if _, err := svc.Competitions.Import(ctx, c.ID, "entries.csv", []byte(csv.String())); err != nil {
		t.Fatal(err)
	}
	if drawn {
		if _, err := svc.Competitions.Commit(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Competitions.Run(ctx, c.ID, "public value"); err != nil {
			t.Fatal(err)
		}
	}
	return c.ID
}

// seedMember gives the member a listing, a review, an entry in a drawn and an open competition, consents
// and an open access request; it returns the drawn competition's id.
func seedMember(t *testing.T, tc *testCLI) string {
	t.Helper()
	s := privacySession(t, tc, clock.System{}, false)
	defer s.Lock()
	var drawn string
	err := s.Do(context.Background(), func(ctx context.Context, svc *Services) error {
		now := time.Now().UTC()
		feed := feedLine("id", "biz-1", "kind", "business", "title", `=HYPERLINK("http://evil.example","click")`,
			"submitted_by", "Jo Member", "submitted_by_email", member) +
			feedLine("id", "biz-2", "kind", "business", "title", "Someone else's cafe", "submitted_by", "Sam", "submitted_by_email", "sam@example.com") +
			feedLine("id", "rev-1", "kind", "review", "title", "Lovely", "body", "+1 lovely place, @everyone should go", "parent_id", "biz-2",
				"submitted_by", "Jo Member", "submitted_by_email", member)
		if _, err := svc.Listings.Import(ctx, "feed.jsonl", strings.NewReader(feed)); err != nil {
			return err
		}
		drawn = seedCompetition(ctx, t, svc, now, now.Add(-time.Hour), "Jo.Member+win@gmail.com", true)
		seedCompetition(ctx, t, svc, now, now.AddDate(0, 0, 10), member, false)
		for _, p := range []string{privacy.PurposeNewsletter, privacy.SponsorSharing("acme")} {
			if _, err := svc.Consents.Record(ctx, privacy.ConsentInput{Email: member, Purpose: p, Given: true, SourceKind: privacy.SourceWebsite}); err != nil {
				return err
			}
		}
		if err := seedSurveyResponse(ctx, svc, now); err != nil {
			return err
		}
		if err := seedTicket(ctx, svc); err != nil {
			return err
		}
		_, err := svc.Privacy.NewRequest(ctx, privacy.RequestInput{Kind: privacy.KindAccess, Person: member, ReceivedAt: now.AddDate(0, 0, -10)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return drawn
}

// seedSurveyResponse imports one response by the member, without the sharing consents, into a new survey.
func seedSurveyResponse(ctx context.Context, svc *Services, now time.Time) error {
	sv, err := svc.Surveys.Create(ctx, surveys.Details{Title: "Family life", Purpose: "research", Owner: "admin", RetentionDays: 365,
		Sharing: surveys.SharingNone, Questions: demoSurveyQuestions})
	if err != nil {
		return err
	}
	recs, err := csv.NewReader(bytes.NewReader(demoSurveyFile(1, now, rand.New(rand.NewPCG(1, 2))))).ReadAll()
	if err != nil {
		return err
	}
	recs[2][5] = member
	recs[2][len(recs[2])-1], recs[2][len(recs[2])-2] = "", ""
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(recs)
	_, err = svc.Surveys.Import(ctx, sv.ID, "responses.csv", surveys.FormatSurveyMonkey, b.Bytes(), nil)
	return err
}

// seedTicket delivers a mail from the member to the help desk, as the mail sync does.
func seedTicket(ctx context.Context, svc *Services) error {
	raw := "From: Jo Member <" + member + ">\r\nTo: help@parents.example\r\nSubject: Please delete my account\r\n" +
		"Message-ID: <erase1@gmail.com>\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\n\r\nMy phone is 07700 900123.\r\n"
	m, err := message.Parse([]byte(raw))
	if err != nil {
		return err
	}
	return svc.DB.Update(ctx, func(tx *sql.Tx) error {
		return svc.Helpdesk.Deliver(ctx, tx, mail.Delivery{Ref: 1, MailboxID: 1, Mailbox: "help", Folder: "INBOX", Msg: m})
	})
}

// sofficeCSV converts every sheet of an xlsx file to CSV with LibreOffice and returns them by sheet name.
func sofficeCSV(t *testing.T, xlsx string) map[string]string {
	t.Helper()
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) is not installed: scripts/install-deps.sh test")
	}
	out := t.TempDir()
	profile := "file://" + t.TempDir()
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation="+profile, "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, xlsx)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	sheets := map[string]string{}
	base := strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		sheets[strings.TrimPrefix(strings.TrimSuffix(filepath.Base(f), ".csv"), base+"-")] = string(b)
	}
	return sheets
}

func TestPrivacyAcrossAreas(t *testing.T) {
	tc := newTestCLI(t)
	if code, _, errOut := tc.run(privacyPass, "init"); code != 0 {
		t.Fatal(errOut)
	}
	drawn := seedMember(t, tc)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "access.xlsx")
	code, out, errOut := tc.run(privacyPass, "privacy", "access", "JoMember@gmail.com", "--out", xlsx)
	if code != 0 || !strings.Contains(out, "Request 1 is done") {
		t.Fatalf("access: %d %s %s", code, out, errOut)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*part")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	sheets := sofficeCSV(t, xlsx)
	for sheet, want := range map[string][]string{
		"Summary":      {member, "listings,2", "competitions,2", "surveys,1", "helpdesk,", "consents,8"},
		"helpdesk":     {"Please delete my account"},
		"listings":     {`"'=HYPERLINK(""http://evil.example"",""click"")"`, "'+1 lovely place, @everyone should go", "Jo Member"},
		"competitions": {"Zoë", "Ó Súilleabháin", "'=1+1", "Jo.Member+win@gmail.com", "drawn"},
		"consents":     {"newsletter", "sponsor_sharing:acme", "competition_entry:" + drawn},
		"audit":        {"privacy.request"},
	} {
		for _, w := range want {
			if !strings.Contains(sheets[sheet], w) {
				t.Errorf("sheet %s lacks %q:\n%s", sheet, w, sheets[sheet])
			}
		}
	}
	if strings.Contains(sheets["listings"], ",click,") || strings.Contains(sheets["competitions"], ",2,") {
		t.Errorf("a formula was evaluated:\n%s\n%s", sheets["listings"], sheets["competitions"])
	}
	code, out, errOut = tc.run(privacyPass, "--json", "privacy", "erase", member, "--dry-run")
	var dry privacy.ErasureReport
	json.Unmarshal([]byte(out), &dry)
	wantCounts := map[string]privacy.ErasureCount{
		"listings":     {Area: "listings", Anonymised: 1, Deleted: 1},
		"competitions": {Area: "competitions", Deleted: 2},
		"surveys":      {Area: "surveys", Deleted: 1},
		"helpdesk":     {Area: "helpdesk", Redacted: 1},
		"consents":     {Area: "consents", Deleted: 8, Kept: 7},
	}
	if code != 0 || !dry.DryRun || len(dry.Areas) < 3 {
		t.Fatalf("dry run: %d %s %s", code, out, errOut)
	}
	for _, c := range dry.Areas {
		if want, ok := wantCounts[c.Area]; (ok || c.Deleted+c.Anonymised+c.Redacted+c.Found > 0) && c != want {
			t.Errorf("dry run in %s: %+v, want %+v", c.Area, c, wantCounts[c.Area])
		}
	}
	code, out, errOut = tc.run(privacyPass, "--json", "privacy", "erase", member)
	var done privacy.ErasureReport
	json.Unmarshal([]byte(out), &done)
	if code != 0 || done.DryRun || done.Total != 14 {
		t.Fatalf("erase: %d %s %s", code, out, errOut)
	}
	for _, c := range done.Areas {
		if want, ok := wantCounts[c.Area]; (ok || c.Deleted+c.Anonymised+c.Redacted > 0) && c != want {
			t.Errorf("erasure in %s: %+v, want %+v", c.Area, c, wantCounts[c.Area])
		}
	}
	checkErased(t, tc, drawn, dir)
}

// checkErased checks what is left after the erasure: nothing of the member but the suppression records, the
// anonymised review, a draw that still verifies, and an audit log without the address.
func checkErased(t *testing.T, tc *testCLI, drawn, dir string) {
	t.Helper()
	code, out, _ := tc.run(privacyPass, "privacy", "requests", "--all")
	if code != 0 || strings.Contains(out, member) || !strings.Contains(out, "erased:") {
		t.Errorf("requests after erasure:\n%s", out)
	}
	code, out, errOut := tc.run(privacyPass, "privacy", "access", member, "--format", "json")
	var rep privacy.AccessReport
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("access after erasure: %d %v %s", code, err, errOut)
	}
	for _, a := range rep.Areas {
		want, ok := map[string]int{"listings": 0, "competitions": 0, "surveys": 0, "consents": 5}[a.Area]
		if ok && len(a.Rows) != want {
			t.Errorf("%s after erasure: %d rows, want %d: %v", a.Area, len(a.Rows), want, a.Rows)
		}
		if cells := fmt.Sprint(a.Rows); a.Area != "consents" && (strings.Contains(cells, "Jo Member") || strings.Contains(cells, "07700")) {
			t.Errorf("%s still holds the member's data: %v", a.Area, a.Rows)
		}
	}
	code, out, _ = tc.run(privacyPass, "--json", "listings", "queue", "--kind", "review")
	if code != 0 || !strings.Contains(out, `"submitted_by": "Former member"`) || strings.Contains(out, member) {
		t.Errorf("the review is not kept anonymised:\n%s", out)
	}
	cert := filepath.Join(dir, "cert.html")
	if code, out, errOut := tc.run(privacyPass, "draw", "certificate", drawn, "--out", cert); code != 0 {
		t.Fatalf("certificate after erasure: %s %s", out, errOut)
	}
	code, out, errOut = tc.run("", "draw", "verify", "--certificate", cert, "--entries", filepath.Join(dir, "draw-entries-"+drawn+".txt"))
	if code != 0 || !strings.Contains(out, "Verified") {
		t.Errorf("the drawn competition's certificate no longer verifies: %s %s", out, errOut)
	}
	code, out, _ = tc.run(privacyPass, "--json", "audit", "list", "--limit", "500")
	if code != 0 || strings.Contains(strings.ToLower(out), "jomember") || !strings.Contains(out, `"privacy.erase"`) {
		t.Errorf("audit log after erasure:\n%s", out)
	}
}
