package competitions

import (
	"bytes"
	"context"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/apperr"
	"staffdesk/backend/competitions/draw"
)

// drawn returns a competition of 50 entries that was committed and drawn with a public value, with its
// certificate and frozen list.
func drawn(t *testing.T, f fixture) (Competition, Certificate, []byte) {
	t.Helper()
	c := f.create(t, nil)
	if _, err := f.svc.Import(f.ctx, c.ID, "a.csv", []byte(manyEntries(50))); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Commit(f.ctx, c.ID); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("commit before closing: want conflict, got %v", err)
	}
	f.clock.Advance(17 * 24 * time.Hour)
	st, err := f.svc.Commit(f.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Seed != "" || st.Entries != 50 || !strings.Contains(st.Notice, st.Commitment) {
		t.Fatalf("the notice must publish the hash and commitment, never the seed: %+v", st)
	}
	if _, err := f.svc.Import(f.ctx, c.ID, "late.csv", []byte(manyEntries(1))); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("import after commit: want conflict, got %v", err)
	}
	if _, err := f.svc.SetPublicValue(f.ctx, c.ID, "Lotto 2026-04-04: 01 07 19 22 38 45"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SetPublicValue(f.ctx, c.ID, "something else"); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("changing the public value: want conflict, got %v", err)
	}
	st, err = f.svc.Run(f.ctx, c.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Winners) != 2 || len(st.Reserves) != 2 || st.Seed == "" {
		t.Fatalf("draw: %+v", st)
	}
	cert, err := f.svc.Certificate(f.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	list, err := f.svc.FrozenList(f.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c, cert, list
}

func TestDrawOnceAndVerify(t *testing.T) {
	f := newFixture(t)
	c, cert, list := drawn(t, f)
	if _, err := f.svc.Run(f.ctx, c.ID, ""); !apperr.Is(err, apperr.Conflict) || !strings.Contains(err.Error(), "drawn once") {
		t.Fatalf("second run: want a refusal, got %v", err)
	}
	if res := VerifyCertificate(context.Background(), []byte(cert.HTML), list); !res.OK {
		t.Fatalf("an untouched certificate fails: %s", res.Problem)
	}
	rec, _ := extractRecord([]byte(cert.HTML))
	other := rec.Winners[0]
	lines := strings.Split(string(list), "\n")
	tamper := []struct {
		name       string
		cert, list string
		want       string
	}{
		{"one entry changed", cert.HTML, strings.Replace(string(list), "E0007\t1", "E0007\t2", 1), "does not match the list hash"},
		{"one entry removed", cert.HTML, strings.Join(append(lines[:5:5], lines[6:]...), "\n"), "does not match the list hash"},
		{"an entry added", cert.HTML, string(list) + "E9999\t1\n", "does not match the list hash"},
		{"seed changed", strings.Replace(cert.HTML, rec.Seed, strings.Repeat("0", 64), -1), string(list), "does not match the commitment"},
		{"winner changed", strings.Replace(cert.HTML, `"winners":["`+other, `"winners":["E0000`, 1), string(list), "winner 1 is E0000"},
		{"visible text edited", strings.Replace(cert.HTML, "<td>Acme Prams</td>", "<td>Other Prams</td>", 1), string(list), "text was edited"},
		{"not a certificate", "<html></html>", string(list), "no readable draw record"},
	}
	for _, tc := range tamper {
		t.Run(tc.name, func(t *testing.T) {
			res := VerifyCertificate(context.Background(), []byte(tc.cert), []byte(tc.list))
			if res.OK || !strings.Contains(res.Problem, tc.want) {
				t.Fatalf("want a failure naming %q, got ok=%v %q", tc.want, res.OK, res.Problem)
			}
		})
	}
}

func TestDrawMatchesThePureAlgorithm(t *testing.T) {
	f := newFixture(t)
	c, cert, list := drawn(t, f)
	rec, _ := extractRecord([]byte(cert.HTML))
	seed, _ := hex.DecodeString(rec.Seed)
	if !bytes.Equal(seed, bytes.Repeat([]byte{2}, 32)) {
		t.Fatalf("the seed should be the test source's second: %s", rec.Seed)
	}
	want, err := draw.RunList(context.Background(), list, seed, "Lotto 2026-04-04: 01 07 19 22 38 45", 2, 2)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rec.Winners, " ") != strings.Join(want.Winners, " ") || rec.CompetitionID != c.ID {
		t.Fatalf("certificate winners %v, algorithm %v", rec.Winners, want.Winners)
	}
}

func TestReplacementFromReservesIsAudited(t *testing.T) {
	f := newFixture(t)
	c, cert, _ := drawn(t, f)
	rec, _ := extractRecord([]byte(cert.HTML))
	if _, err := f.svc.SetClaim(f.ctx, c.ID, 1, ClaimDisqualified, "just because"); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("free-text disqualification: want invalid, got %v", err)
	}
	ps, err := f.svc.SetClaim(f.ctx, c.ID, 1, ClaimDisqualified, DisqualifyReasons[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 || ps[2].EntryID != rec.Reserves[0] || ps[2].Place != 1 || ps[2].ReserveRank != 1 {
		t.Fatalf("place 1 should go to the first reserve: %+v", ps)
	}
	if _, err := f.svc.SetClaim(f.ctx, c.ID, 2, ClaimClaimed, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.ConfirmWinners(f.ctx, c.ID); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("confirm with a pending claim: want conflict, got %v", err)
	}
	f.clock.Advance(15 * 24 * time.Hour)
	if n, err := f.svc.ExpireClaims(f.ctx, c.ID); err != nil || n != 1 {
		t.Fatalf("expire: %d, %v", n, err)
	}
	w, err := f.svc.Winners(f.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := w.Places[len(w.Places)-1]
	if last.EntryID != rec.Reserves[1] || len(w.Drafts) != 1 || !strings.Contains(w.Drafts[0].Body, last.EntryID) {
		t.Fatalf("the second reserve should hold place 1 with a draft: %+v", w)
	}
	if len(w.Public) != 1 || w.Public[0].Initial == "" || w.Public[0].Surname != "Bloggs" || w.Public[0].County != "Kent" {
		t.Fatalf("public list: %+v", w.Public)
	}
	page, err := f.audit.List(adminCtx(), 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, e := range page.Entries {
		if e.Action == "competition.replace" {
			reasons = append(reasons, e.Details["reason"]+" → "+e.Details["replacement"])
		}
	}
	want := []string{"no claim by the deadline → " + rec.Reserves[1], DisqualifyReasons[0] + " → " + rec.Reserves[0]}
	if strings.Join(reasons, "|") != strings.Join(want, "|") {
		t.Fatalf("audit replacements %q, want %q", reasons, want)
	}
}

func TestPurgeKeepsWhatTheCertificateNeeds(t *testing.T) {
	f := newFixture(t)
	c, cert, list := drawn(t, f)
	if _, err := f.svc.Purge(f.ctx, c.ID); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("purge before the retention period ends: want conflict, got %v", err)
	}
	f.clock.Advance(91 * 24 * time.Hour)
	res, err := f.svc.PurgeDue(f.ctx)
	if err != nil || len(res) != 1 || res[0].Entries != 50 {
		t.Fatalf("purge: %+v, %v", res, err)
	}
	got, _ := f.svc.Get(f.ctx, c.ID)
	if got.Status != Purged || got.Counts.Entries != 0 {
		t.Fatalf("after purge: %+v", got)
	}
	again, err := f.svc.Certificate(f.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	kept, _ := f.svc.FrozenList(f.ctx, c.ID)
	if !bytes.Equal(kept, list) || !VerifyCertificate(context.Background(), []byte(again.HTML), kept).OK || again.HTML != cert.HTML {
		t.Fatal("the certificate no longer verifies after the purge")
	}
	w, _ := f.svc.Winners(f.ctx, c.ID)
	for _, p := range w.Places {
		if p.Email != "" || p.Surname != "" {
			t.Fatalf("personal data left after purge: %+v", p)
		}
	}
}
