package competitions

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/competitions/draw"
)

// CertificateFormat names the certificate layout; verify re-renders a certificate of this format and
// compares it byte for byte, so any edit of its visible text is found too.
const CertificateFormat = "staffdesk-draw-certificate/1"

// Record is everything a certificate states, also embedded in it as JSON for checkers.
type Record struct {
	Format         string     `json:"format"`
	Algorithm      string     `json:"algorithm"`
	CompetitionID  string     `json:"competitionId"`
	Title          string     `json:"title"`
	Sponsor        string     `json:"sponsor"`
	Prize          string     `json:"prize"`
	OpensAt        time.Time  `json:"opensAt"`
	ClosesAt       time.Time  `json:"closesAt"`
	Rules          []string   `json:"rules"`
	WinnersWanted  int        `json:"winnersWanted"`
	ReservesWanted int        `json:"reservesWanted"`
	Counts         DrawCounts `json:"counts"`
	ListHash       string     `json:"listHash"`
	Entries        int        `json:"entries"`
	TotalWeight    uint64     `json:"totalWeight"`
	Commitment     string     `json:"commitment"`
	Seed           string     `json:"seed"`
	PublicValue    string     `json:"publicValue"`
	CommittedAt    time.Time  `json:"committedAt"`
	CommittedBy    string     `json:"committedBy"`
	PublicValueAt  time.Time  `json:"publicValueAt"`
	DrawnAt        time.Time  `json:"drawnAt"`
	DrawnBy        string     `json:"drawnBy"`
	Winners        []string   `json:"winners"`
	Reserves       []string   `json:"reserves"`
}

// Certificate is the printable draw certificate and the name to save its frozen list under.
type Certificate struct {
	FileName     string `json:"fileName"`
	HTML         string `json:"html"`
	ListFileName string `json:"listFileName"`
	ListHash     string `json:"listHash"`
}

// Certificate issues the draw certificate of a drawn competition, and records that it was issued.
func (s *Service) Certificate(ctx context.Context, id string) (Certificate, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Certificate{}, err
	}
	var rec Record
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		st, err := s.drawState(ctx, tx, id)
		if err != nil {
			return err
		}
		if !st.Drawn {
			return apperr.New(apperr.Conflict, "competition %s has not been drawn: the certificate comes with the results", id)
		}
		var snapshot string
		if err := tx.QueryRowContext(ctx, `SELECT snapshot FROM competition_draws WHERE competition_id = ?`, id).Scan(&snapshot); err != nil {
			return fmt.Errorf("read draw: %w", err)
		}
		var d Details
		if err := json.Unmarshal([]byte(snapshot), &d); err != nil {
			return fmt.Errorf("read competition as committed: %w", err)
		}
		rec = record(id, d, st)
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.certificate", ObjectType: "competition", ObjectID: id})
	})
	if err != nil {
		return Certificate{}, err
	}
	html, err := renderCertificate(rec)
	if err != nil {
		return Certificate{}, err
	}
	return Certificate{FileName: "draw-certificate-" + id + ".html", HTML: string(html),
		ListFileName: "draw-entries-" + id + ".txt", ListHash: rec.ListHash}, nil
}

func record(id string, d Details, st DrawState) Record {
	return Record{Format: CertificateFormat, Algorithm: st.Algorithm, CompetitionID: id, Title: d.Title, Sponsor: d.Sponsor,
		Prize: d.Prize, OpensAt: d.OpensAt, ClosesAt: d.ClosesAt, Rules: describeRules(d), WinnersWanted: d.Winners,
		ReservesWanted: d.Reserves, Counts: st.Counts, ListHash: st.ListHash, Entries: st.Entries, TotalWeight: st.TotalWeight,
		Commitment: st.Commitment, Seed: st.Seed, PublicValue: st.PublicValue, CommittedAt: st.CommittedAt,
		CommittedBy: st.CommittedBy, PublicValueAt: st.PublicValueAt, DrawnAt: st.DrawnAt, DrawnBy: st.DrawnBy,
		Winners: st.Winners, Reserves: st.Reserves}
}

var recordOpen = []byte(`<script type="application/json" id="staffdesk-draw-record">`)

// renderCertificate writes the certificate: the same HTML for the same record, always.
func renderCertificate(rec Record) ([]byte, error) {
	data, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("encode certificate record: %w", err)
	}
	var b bytes.Buffer
	err = certificateTemplate.Execute(&b, struct {
		R    Record
		JSON template.JS
	}{rec, template.JS(data)})
	if err != nil {
		return nil, fmt.Errorf("render certificate: %w", err)
	}
	return b.Bytes(), nil
}

// extractRecord finds the JSON record in a certificate (or takes the file as JSON when it is one).
func extractRecord(cert []byte) (Record, error) {
	var rec Record
	body := bytes.TrimSpace(cert)
	if i := bytes.Index(cert, recordOpen); i >= 0 {
		rest := cert[i+len(recordOpen):]
		j := bytes.Index(rest, []byte("</script>"))
		if j < 0 {
			return rec, fmt.Errorf("the certificate's record is not closed")
		}
		body = rest[:j]
	}
	if err := json.Unmarshal(body, &rec); err != nil {
		return rec, fmt.Errorf("the certificate holds no readable draw record")
	}
	return rec, nil
}

// VerifyResult is the outcome of verifying a certificate against its frozen list.
type VerifyResult struct {
	OK       bool     `json:"ok"`
	Problem  string   `json:"problem"`
	Title    string   `json:"title"`
	ListHash string   `json:"listHash"`
	Entries  int      `json:"entries"`
	Winners  []string `json:"winners"`
	Reserves []string `json:"reserves"`
}

// VerifyCertificate recomputes a draw offline from a certificate and the frozen list file, and names the
// first thing that does not match: the record, the list, the seed or a result. It needs no store.
func VerifyCertificate(ctx context.Context, cert, list []byte) VerifyResult {
	rec, err := extractRecord(cert)
	if err != nil {
		return VerifyResult{Problem: err.Error()}
	}
	res := VerifyResult{Title: rec.Title, ListHash: rec.ListHash, Entries: rec.Entries, Winners: rec.Winners, Reserves: rec.Reserves}
	if p := verifyRecord(ctx, cert, rec, list); p != "" {
		res.Problem = p
		return res
	}
	res.OK = true
	return res
}

func verifyRecord(ctx context.Context, cert []byte, rec Record, list []byte) string {
	if rec.Algorithm != draw.Algorithm {
		return fmt.Sprintf("the certificate uses algorithm %q; this checker knows %s", rec.Algorithm, draw.Algorithm)
	}
	if got := draw.ListHash(list); got != rec.ListHash {
		return fmt.Sprintf("the entries file does not match the list hash: it hashes to %s, the certificate says %s (an entry was changed, added or removed)", got, rec.ListHash)
	}
	entries, err := draw.ParseList(list)
	if err != nil {
		return "the entries file is not a frozen list: " + err.Error()
	}
	if len(entries) != rec.Entries {
		return fmt.Sprintf("the entries file has %d entries, the certificate says %d", len(entries), rec.Entries)
	}
	seed, err := hex.DecodeString(rec.Seed)
	if err != nil || len(seed) != draw.SeedSize {
		return "the revealed seed is not 64 hex digits"
	}
	if got := draw.Commitment(seed); got != rec.Commitment {
		return fmt.Sprintf("the revealed seed does not match the commitment: SHA-256(seed) is %s, the commitment is %s", got, rec.Commitment)
	}
	got, err := draw.RunList(ctx, list, seed, rec.PublicValue, rec.WinnersWanted, rec.ReservesWanted)
	if err != nil {
		return "the draw cannot be recomputed: " + err.Error()
	}
	if p := compareRanks("winner", rec.Winners, got.Winners); p != "" {
		return p
	}
	if p := compareRanks("reserve", rec.Reserves, got.Reserves); p != "" {
		return p
	}
	if rec.Format == CertificateFormat && bytes.Contains(cert, recordOpen) {
		if again, err := renderCertificate(rec); err != nil || !bytes.Equal(bytes.TrimSpace(again), bytes.TrimSpace(cert)) {
			return "the certificate's text was edited after it was issued: it no longer matches its own record"
		}
	}
	return ""
}

func compareRanks(what string, claimed, computed []string) string {
	for i := 0; i < max(len(claimed), len(computed)); i++ {
		c, g := "(none)", "(none)"
		if i < len(claimed) {
			c = claimed[i]
		}
		if i < len(computed) {
			g = computed[i]
		}
		if c != g {
			return fmt.Sprintf("%s %d is %s on the certificate but the draw gives %s", what, i+1, c, g)
		}
	}
	return ""
}
