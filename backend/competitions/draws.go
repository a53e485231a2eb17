package competitions

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/competitions/draw"
)

// MaxPublicValue is the longest public value accepted, in bytes.
const MaxPublicValue = 500

// DrawCounts are the entry counts frozen with the list, for the certificate.
type DrawCounts struct {
	Entries    int           `json:"entries"`
	Invalid    int           `json:"invalid"`
	Duplicates []ReasonCount `json:"duplicates"`
	Ineligible []ReasonCount `json:"ineligible"`
	Eligible   int           `json:"eligible"`
}

// DrawState is where a competition's draw stands. The seed is shown only once the draw has run.
type DrawState struct {
	CompetitionID string     `json:"competitionId"`
	Status        Status     `json:"status"`
	Committed     bool       `json:"committed"`
	Algorithm     string     `json:"algorithm"`
	ListHash      string     `json:"listHash"`
	Commitment    string     `json:"commitment"`
	Entries       int        `json:"entries"`
	TotalWeight   uint64     `json:"totalWeight"`
	Counts        DrawCounts `json:"counts"`
	CommittedAt   time.Time  `json:"committedAt"`
	CommittedBy   string     `json:"committedBy"`
	PublicValue   string     `json:"publicValue"`
	PublicValueAt time.Time  `json:"publicValueAt"`
	Drawn         bool       `json:"drawn"`
	DrawnAt       time.Time  `json:"drawnAt"`
	DrawnBy       string     `json:"drawnBy"`
	Seed          string     `json:"seed"`
	Winners       []string   `json:"winners"`
	Reserves      []string   `json:"reserves"`
	Notice        string     `json:"notice"`
}

// Commit freezes the eligible list of a closed competition, hashes it, draws a secret 32-byte seed from
// the operating system and publishes the list hash and the seed's SHA-256 as the draw notice.
func (s *Service) Commit(ctx context.Context, id string) (DrawState, error) {
	a, err := actor.Require(ctx, managers...)
	if err != nil {
		return DrawState{}, err
	}
	seed, err := s.random()
	if err != nil {
		return DrawState{}, err
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Status != Closed {
			return commitRefusal(c)
		}
		list, total, counts, err := freeze(ctx, tx, id, c.Details.Rules.Weighted)
		if err != nil {
			return err
		}
		if total == 0 {
			return apperr.New(apperr.Conflict, "competition %s has no eligible entries to draw from", id)
		}
		return s.saveCommit(ctx, tx, c, a, list, total, counts, seed)
	})
	if err != nil {
		return DrawState{}, err
	}
	return s.Draw(ctx, id)
}

func commitRefusal(c Competition) error {
	switch c.Status {
	case Draft:
		return apperr.New(apperr.Conflict, "competition %s is still a draft: open it, import its entries, and commit after it closes", c.ID)
	case Open:
		return apperr.New(apperr.Conflict, "competition %s closes on %s: commit its list after it closes", c.ID,
			c.Details.ClosesAt.In(london).Format("2 Jan 2006 15:04"))
	case Committed:
		return apperr.New(apperr.Conflict, "the list of competition %s is already committed", c.ID)
	}
	return apperr.New(apperr.Conflict, "competition %s is %s: its list was committed long ago", c.ID, c.Status)
}

func (s *Service) saveCommit(ctx context.Context, tx *sql.Tx, c Competition, a actor.Actor, list []byte, total uint64, counts DrawCounts, seed []byte) error {
	snapshot, _ := json.Marshal(c.Details)
	countsJSON, _ := json.Marshal(counts)
	hash, commitment := draw.ListHash(list), draw.Commitment(seed)
	now := s.clock.Now()
	_, err := tx.ExecContext(ctx, `INSERT INTO competition_draws (competition_id, algorithm, list_hash, entries,
		total_weight, counts, snapshot, seed, commitment, committed_at, committed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, draw.Algorithm, hash, counts.Eligible, int64(total), string(countsJSON), string(snapshot),
		hex.EncodeToString(seed), commitment, ts(now), a.Name)
	if err != nil {
		return fmt.Errorf("save commitment: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO competition_draw_lists (competition_id, list) VALUES (?, ?)`, c.ID, list); err != nil {
		return fmt.Errorf("save frozen list: %w", err)
	}
	if err := setStatus(ctx, tx, c.ID, Committed, now); err != nil {
		return err
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: "competition.commit", ObjectType: "competition", ObjectID: c.ID,
		Details: map[string]string{"listHash": hash, "commitment": commitment, "entries": strconv.Itoa(counts.Eligible)}})
}

// freeze makes the canonical frozen list of the eligible entries (weights count only when the competition
// is weighted) and counts the others by reason, in one pass of SQLite over the entries: its group_concat
// writes the list's lines in id order, so that no row has to come to Go one at a time. The list is then
// checked as a verifier checks it.
func freeze(ctx context.Context, tx *sql.Tx, id string, weighted bool) ([]byte, uint64, DrawCounts, error) {
	counts := DrawCounts{Duplicates: []ReasonCount{}, Ineligible: []ReasonCount{}}
	var lines, others sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT count(*),
		group_concat(CASE WHEN status = 0 THEN entry_id || char(9) || CASE WHEN ? THEN weight ELSE 1 END END, char(10)
			ORDER BY entry_id),
		group_concat(CASE WHEN status != 0 THEN status || char(31) || reason END, char(30))
		FROM competition_entry_rows WHERE competition_id = ?`, weighted, id).Scan(&counts.Entries, &lines, &others)
	if err != nil {
		return nil, 0, counts, fmt.Errorf("read entries: %w", err)
	}
	list := make([]byte, 0, len(draw.ListHeader)+len(lines.String)+2)
	list = append(append(list, draw.ListHeader...), '\n')
	if lines.Valid {
		list = append(append(list, lines.String...), '\n')
	}
	n, total, err := draw.CheckList(list)
	if err != nil {
		return nil, 0, counts, fmt.Errorf("freeze list: %w", err)
	}
	dups, inel := map[string]int{}, map[string]int{}
	for _, o := range strings.Split(others.String, "\x1e") {
		if status, reason, ok := strings.Cut(o, "\x1f"); ok && status == strconv.Itoa(int(statusDuplicate)) {
			dups[reason]++
		} else if ok {
			inel[reason]++
		}
	}
	counts.Eligible, counts.Duplicates, counts.Ineligible = n, sortedReasons(dups), sortedReasons(inel)
	if counts.Invalid, err = invalidRows(ctx, tx, id); err != nil {
		return nil, 0, counts, err
	}
	return list, total, counts, nil
}

// invalidRows adds up the unreadable rows of every import.
func invalidRows(ctx context.Context, tx *sql.Tx, id string) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT report FROM competition_imports WHERE competition_id = ?`, id)
	if err != nil {
		return 0, fmt.Errorf("read imports: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var body string
		var r ImportReport
		if rows.Scan(&body) == nil && json.Unmarshal([]byte(body), &r) == nil {
			n += r.Invalid
		}
	}
	return n, rows.Err()
}

// SetPublicValue records the public value announced after the commit (a lottery result, say). It can be
// recorded once, before the draw runs.
func (s *Service) SetPublicValue(ctx context.Context, id, value string) (DrawState, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return DrawState{}, err
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error { return s.setPublicValue(ctx, tx, id, value) })
	if err != nil {
		return DrawState{}, err
	}
	return s.Draw(ctx, id)
}

func (s *Service) setPublicValue(ctx context.Context, tx *sql.Tx, id, value string) error {
	value = strings.TrimSpace(value)
	if value == "" || len(value) > MaxPublicValue || strings.ContainsAny(value, "\r\n") {
		return apperr.New(apperr.Invalid, "enter the public value on one line, up to %d characters", MaxPublicValue)
	}
	st, err := s.drawState(ctx, tx, id)
	if err != nil {
		return err
	}
	switch {
	case st.Drawn:
		return apperr.New(apperr.Conflict, "competition %s was already drawn", id)
	case st.PublicValue == value:
		return nil
	case st.PublicValue != "":
		return apperr.New(apperr.Conflict, "the public value of competition %s is already recorded as %q and cannot change", id, st.PublicValue)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE competition_draws SET public_value = ?, public_value_at = ? WHERE competition_id = ?`,
		value, ts(s.clock.Now()), id); err != nil {
		return fmt.Errorf("save public value: %w", err)
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: "competition.public_value", ObjectType: "competition", ObjectID: id,
		Details: map[string]string{"length": strconv.Itoa(len(value))}})
}

// Run draws the winners and then the reserves, once. A public value given here is recorded first (it
// must match one already recorded).
func (s *Service) Run(ctx context.Context, id, publicValue string) (DrawState, error) {
	a, err := actor.Require(ctx, managers...)
	if err != nil {
		return DrawState{}, err
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		if strings.TrimSpace(publicValue) != "" {
			if err := s.setPublicValue(ctx, tx, id, publicValue); err != nil {
				return err
			}
		}
		return s.run(ctx, tx, id, a)
	})
	if err != nil {
		return DrawState{}, err
	}
	return s.Draw(ctx, id)
}

func (s *Service) run(ctx context.Context, tx *sql.Tx, id string, a actor.Actor) error {
	c, err := s.load(ctx, tx, id)
	if err != nil {
		return err
	}
	if c.Status != Committed {
		if c.Status == Drawn || c.Status == Confirmed || c.Status == Purged {
			return apperr.New(apperr.Conflict, "competition %s was already drawn: a competition is drawn once; replace a winner from the reserves instead", id)
		}
		return apperr.New(apperr.Conflict, "commit the list of competition %s before the draw", id)
	}
	var list []byte
	var seedHex, pv string
	err = tx.QueryRowContext(ctx, `SELECT l.list, d.seed, d.public_value FROM competition_draws d
		JOIN competition_draw_lists l ON l.competition_id = d.competition_id WHERE d.competition_id = ?`, id).Scan(&list, &seedHex, &pv)
	if err != nil {
		return fmt.Errorf("read commitment: %w", err)
	}
	seed, _ := hex.DecodeString(seedHex)
	res, err := draw.RunList(ctx, list, seed, pv, c.Details.Winners, c.Details.Reserves)
	if err != nil {
		return fmt.Errorf("run draw: %w", err)
	}
	body, _ := json.Marshal(res)
	now := s.clock.Now()
	if _, err := tx.ExecContext(ctx, `UPDATE competition_draws SET drawn_at = ?, drawn_by = ?, result = ? WHERE competition_id = ?`,
		ts(now), a.Name, string(body), id); err != nil {
		return fmt.Errorf("save draw: %w", err)
	}
	for i, w := range res.Winners {
		if err := insertPlace(ctx, tx, id, i+1, i+1, w, 0, now, c.Details.ClaimDays); err != nil {
			return err
		}
	}
	if err := setStatus(ctx, tx, id, Drawn, now); err != nil {
		return err
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: "competition.draw", ObjectType: "competition", ObjectID: id,
		Details: map[string]string{"winners": strings.Join(res.Winners, " "), "reserves": strings.Join(res.Reserves, " ")}})
}

// Draw returns where a competition's draw stands.
func (s *Service) Draw(ctx context.Context, id string) (DrawState, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return DrawState{}, err
	}
	var st DrawState
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		st, err = s.drawState(ctx, tx, id)
		return err
	})
	return st, err
}

func (s *Service) drawState(ctx context.Context, tx *sql.Tx, id string) (DrawState, error) {
	c, err := s.load(ctx, tx, id)
	if err != nil {
		return DrawState{}, err
	}
	st := DrawState{CompetitionID: id, Status: c.Status, Winners: []string{}, Reserves: []string{}}
	var counts, committed, pvAt, drawnAt, result string
	var total int64
	err = tx.QueryRowContext(ctx, `SELECT algorithm, list_hash, commitment, entries, total_weight, counts, committed_at,
		committed_by, public_value, public_value_at, drawn_at, drawn_by, seed, result FROM competition_draws WHERE competition_id = ?`, id).
		Scan(&st.Algorithm, &st.ListHash, &st.Commitment, &st.Entries, &total, &counts, &committed, &st.CommittedBy,
			&st.PublicValue, &pvAt, &drawnAt, &st.DrawnBy, &st.Seed, &result)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("read draw: %w", err)
	}
	st.Committed, st.TotalWeight = true, uint64(total)
	st.CommittedAt, st.PublicValueAt, st.DrawnAt = parseTS(committed), parseTS(pvAt), parseTS(drawnAt)
	_ = json.Unmarshal([]byte(counts), &st.Counts)
	if st.Drawn = result != ""; st.Drawn {
		var r draw.Result
		_ = json.Unmarshal([]byte(result), &r)
		st.Winners, st.Reserves = r.Winners, r.Reserves
	} else {
		st.Seed = ""
	}
	st.Notice = notice(c, st)
	return st, nil
}

// notice is the draw notice published at commit, before anything is drawn.
func notice(c Competition, st DrawState) string {
	return fmt.Sprintf("Draw notice: %s (competition %s)\nCommitted %s by %s.\nEligible entries: %d.\nList hash (SHA-256 of the frozen list): %s\n"+
		"Commitment (SHA-256 of the secret seed): %s\nAlgorithm: %s. The seed will be revealed with the results.\n",
		c.Details.Title, c.ID, st.CommittedAt.In(london).Format("2 Jan 2006 15:04:05 MST"), st.CommittedBy, st.Entries,
		st.ListHash, st.Commitment, st.Algorithm)
}

// FrozenList returns the frozen list file of a committed competition.
func (s *Service) FrozenList(ctx context.Context, id string) ([]byte, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	var list []byte
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT list FROM competition_draw_lists WHERE competition_id = ?`, id).Scan(&list)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.New(apperr.NotFound, "competition %s has no committed list", id)
		}
		return err
	})
	return list, err
}

func newSeed() ([]byte, error) { return draw.NewSeed(nil) }
