package surveys

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// ImportReport says what an import did with every row of the file.
type ImportReport struct {
	ID                int64           `json:"id"`
	FileName          string          `json:"fileName"`
	Format            string          `json:"format"`
	At                time.Time       `json:"at"`
	Operator          string          `json:"operator"`
	Rows              int             `json:"rows"`
	Added             int             `json:"added"`
	Updated           int             `json:"updated"`
	Unchanged         int             `json:"unchanged"`
	Incomplete        int             `json:"incomplete"`
	SensitiveWithheld int             `json:"sensitiveWithheld"`
	SensitiveAnswers  int             `json:"sensitiveAnswers"`
	InvalidAnswers    int             `json:"invalidAnswers"`
	Problems          []AnswerProblem `json:"problems"`
	UnknownOptions    int             `json:"unknownOptions"`
	IPDropped         bool            `json:"ipDropped"`
	ConsentsRecorded  int             `json:"consentsRecorded"`
	ConsentLedger     bool            `json:"consentLedger"`
	Unmapped          []string        `json:"unmapped"`
	Total             int             `json:"total"`
}

// consentBatch is how many ledger records go to the consent ledger at once.
const consentBatch = 2000

// Import reads a file of responses held in memory and stores its respondents: a respondent id already
// imported is updated when its row changed and left alone otherwise. mapping (file heading to target)
// overrides the saved and guessed mapping, and is saved for the next import. A malformed file is
// refused whole, naming the line and column.
func (s *Service) Import(ctx context.Context, id, fileName, format string, data []byte, mapping map[string]string) (ImportReport, error) {
	a, err := actor.Require(ctx, managers...)
	if err != nil {
		return ImportReport{}, err
	}
	src, xlsx, err := openSource(data)
	if err != nil {
		return ImportReport{}, err
	}
	defer src.close()
	pb := &pushback{source: src}
	lay, err := readLayout(pb, format, xlsx)
	if err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{FileName: fileName, Format: lay.format, At: s.clock.Now().UTC(), Operator: a.Name,
		Problems: []AnswerProblem{}, Unmapped: []string{}, ConsentLedger: s.consents != nil}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		sv, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		targets, _ := resolveMapping(lay, sv.Details.Questions, sv.Mapping, mapping)
		conv, err := newConverter(lay, sv.Details, targets)
		if err != nil {
			return err
		}
		if err := s.importRows(ctx, tx, sv, pb, conv, &rep); err != nil {
			return err
		}
		finishReport(&rep, lay, targets, conv, sv.Details.KeepIP)
		return s.saveImport(ctx, tx, sv, lay, targets, &rep)
	})
	if err != nil {
		return ImportReport{}, err
	}
	return rep, nil
}

func finishReport(rep *ImportReport, lay layout, targets []string, conv *converter, keepIP bool) {
	rep.InvalidAnswers, rep.UnknownOptions = conv.nProblems, conv.unknown
	rep.Problems = append(rep.Problems, conv.problems...)
	for i, g := range lay.groups {
		if targets[i] == "" {
			rep.Unmapped = append(rep.Unmapped, g.heading)
		}
	}
	_, hasIP := conv.fieldCol[fieldIP]
	rep.IPDropped = hasIP && !keepIP
}

func consentWording(conv *converter) [2]string {
	var w [2]string
	for i, gs := range [][]group{conv.sharing, conv.sensitive} {
		if len(gs) > 0 {
			w[i] = gs[0].heading
		}
	}
	return w
}

func appendConsents(out []privacy.ConsentInput, surveyID string, conv *converter, r *respondent, wording [2]string) []privacy.ConsentInput {
	at := parseTS(r.submitted)
	ref := surveyID + "/" + r.id
	if conv.hasConsent[0] {
		out = append(out, privacy.ConsentInput{Email: r.email, Purpose: privacy.SurveySharing(surveyID), Given: r.sharing,
			SourceKind: "import", SourceRef: ref, Wording: wording[0], At: at})
	}
	if conv.hasConsent[1] {
		out = append(out, privacy.ConsentInput{Email: r.email, Purpose: privacy.SurveySensitive(surveyID), Given: r.sensitive,
			SourceKind: "import", SourceRef: ref, Wording: wording[1], At: at})
	}
	return out
}

func (s *Service) flushConsents(ctx context.Context, tx *sql.Tx, recs *[]privacy.ConsentInput, rep *ImportReport) error {
	if len(*recs) == 0 {
		return nil
	}
	if err := s.consents.RecordTx(ctx, tx, *recs); err != nil {
		return fmt.Errorf("record consents: %w", err)
	}
	rep.ConsentsRecorded += len(*recs)
	*recs = (*recs)[:0]
	return nil
}

// saveImport keeps the mapping for next time, the report, and the audit entry.
func (s *Service) saveImport(ctx context.Context, tx *sql.Tx, sv Survey, lay layout, targets []string, rep *ImportReport) error {
	m := sv.Mapping
	for i, g := range lay.groups {
		if targets[i] != "" {
			m[g.heading] = targets[i]
		}
	}
	body, _ := json.Marshal(m)
	if _, err := tx.ExecContext(ctx, `UPDATE surveys SET mapping = ? WHERE id = ?`, string(body), sv.ID); err != nil {
		return fmt.Errorf("save mapping: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM surveys_respondents WHERE survey_id = ?`, sv.ID).Scan(&rep.Total); err != nil {
		return fmt.Errorf("count responses: %w", err)
	}
	report, _ := json.Marshal(rep)
	res, err := tx.ExecContext(ctx, `INSERT INTO surveys_imports (survey_id, file_name, format, at, operator, report)
		VALUES (?, ?, ?, ?, ?, ?)`, sv.ID, rep.FileName, rep.Format, ts(rep.At), rep.Operator, string(report))
	if err != nil {
		return fmt.Errorf("record import: %w", err)
	}
	rep.ID, _ = res.LastInsertId()
	return s.audit.Record(ctx, tx, audit.Event{Action: "survey.import", ObjectType: "survey", ObjectID: sv.ID,
		Details: map[string]string{"import": strconv.FormatInt(rep.ID, 10), "format": rep.Format, "rows": strconv.Itoa(rep.Rows),
			"added": strconv.Itoa(rep.Added), "updated": strconv.Itoa(rep.Updated),
			"sensitiveWithheld": strconv.Itoa(rep.SensitiveWithheld), "consents": strconv.Itoa(rep.ConsentsRecorded)}})
}

// Imports lists a survey's import reports, newest first.
func (s *Service) Imports(ctx context.Context, id string) ([]ImportReport, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	out := []ImportReport{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("survey imports", func(r store.Scanner) (ImportReport, error) {
			var rep ImportReport
			var id int64
			var body string
			if err := r.Scan(&id, &body); err != nil {
				return rep, err
			}
			err := json.Unmarshal([]byte(body), &rep)
			rep.ID = id
			return rep, err
		})(tx.QueryContext(ctx, `SELECT id, report FROM surveys_imports WHERE survey_id = ? ORDER BY id DESC`, id))
		out = append(out, list...)
		return err
	})
	return out, err
}

// rowHash fingerprints a respondent's row so an unchanged re-import writes nothing.
func rowHash(r *respondent, enc string) string {
	h := sha256.New()
	for _, f := range []string{r.collector, r.email, r.first, r.last, r.ip, r.started, r.submitted,
		strconv.FormatBool(r.sharing), strconv.FormatBool(r.sensitive), enc} {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
