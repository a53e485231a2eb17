package moderation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
)

// The decisions a moderator takes, and the state each leaves the item in.
const (
	Approve     = "approve"
	Reject      = "reject"
	RequestEdit = "request_edit"
	Expire      = "expire"
)

var decisionStates = map[string]State{Approve: Approved, Reject: Rejected, RequestEdit: EditRequested, Expire: Expired}

// Option is a code and its label, as the UI offers it.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Reasons are the reason codes a rejection needs; "other" needs a note too.
var Reasons = []Option{
	{"spam", "Spam"}, {"abusive", "Abusive"}, {"personal_data", "Personal data"},
	{"duplicate", "Duplicate"}, {"off_topic", "Off-topic"}, {"other", "Other"},
}

func validReason(r string) bool {
	for _, o := range Reasons {
		if o.Value == r {
			return true
		}
	}
	return false
}

// Limits on a decision.
const (
	maxBatch   = 1000
	maxNoteLen = 2000
)

// DecisionInput is one decision on one or more items. Note is the rejection's note, or the message to the
// submitter for a request to edit.
type DecisionInput struct {
	IDs      []string `json:"ids"`
	Decision string   `json:"decision"`
	Reason   string   `json:"reason"`
	Note     string   `json:"note"`
}

// DecideResult says what a decision did.
type DecideResult struct {
	Decided  int    `json:"decided"`
	Batch    int64  `json:"batch"`
	Decision string `json:"decision"`
}

func (in *DecisionInput) check() error {
	in.Note = strings.TrimSpace(in.Note)
	in.Reason = strings.TrimSpace(in.Reason)
	var ids []string
	for _, id := range in.IDs {
		if id = strings.TrimSpace(id); id != "" {
			ids = appendOnce(ids, id)
		}
	}
	in.IDs = ids
	switch {
	case len(ids) == 0:
		return apperr.New(apperr.Invalid, "choose at least one item")
	case len(ids) > maxBatch:
		return apperr.New(apperr.Invalid, "decide at most %d items at once, not %d", maxBatch, len(ids))
	case decisionStates[in.Decision] == "":
		return apperr.New(apperr.Invalid, "the decision must be approve, reject, request_edit or expire, not %q", short(in.Decision))
	case utf8.RuneCountInString(in.Note) > maxNoteLen:
		return apperr.New(apperr.Invalid, "the note is longer than %d characters", maxNoteLen)
	case in.Decision == Reject && !validReason(in.Reason):
		return apperr.New(apperr.Invalid, "a rejection needs a reason: spam, abusive, personal_data, duplicate, off_topic or other")
	case in.Decision == Reject && in.Reason == "other" && in.Note == "":
		return apperr.New(apperr.Invalid, "a rejection for another reason needs a note saying why")
	case in.Decision == RequestEdit && in.Note == "":
		return apperr.New(apperr.Invalid, "a request to edit needs a message to the submitter")
	}
	if in.Decision != Reject {
		in.Reason = ""
	}
	return nil
}

// Decide takes one decision on every item named, all or none: each must be pending or waiting for an
// edit. Each item's decision goes in the audit log. Moderators and admins.
func (s *Service) Decide(ctx context.Context, in DecisionInput) (DecideResult, error) {
	a, err := requireModerator(ctx)
	if err != nil {
		return DecideResult{}, err
	}
	if err := in.check(); err != nil {
		return DecideResult{}, err
	}
	res := DecideResult{Decision: in.Decision}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(batch), 0) + 1 FROM moderation_decisions`).Scan(&res.Batch); err != nil {
			return fmt.Errorf("number decision: %w", err)
		}
		for _, id := range in.IDs {
			if err := s.decideOne(ctx, tx, a, id, in, res.Batch); err != nil {
				return err
			}
			res.Decided++
		}
		return nil
	})
	if err != nil {
		return DecideResult{}, err
	}
	return res, nil
}

func (s *Service) decideOne(ctx context.Context, tx *sql.Tx, a actor.Actor, id string, in DecisionInput, batch int64) error {
	var version int64
	var state State
	err := tx.QueryRowContext(ctx, `SELECT version, state FROM moderation_items WHERE id = ?`, id).Scan(&version, &state)
	if errors.Is(err, sql.ErrNoRows) {
		return apperr.New(apperr.NotFound, "there is no item %s", short(id))
	}
	if err != nil {
		return fmt.Errorf("read item %s: %w", id, err)
	}
	if state != Pending && state != EditRequested {
		return apperr.New(apperr.Conflict, "item %s is already %s: only pending items can be decided", id, strings.ReplaceAll(string(state), "_", " "))
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO moderation_decisions (batch, item_id, version, decision, reason, note,
		operator_id, operator, decided_at, prev_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		batch, id, version, in.Decision, in.Reason, in.Note, a.ID, a.Name, formatTime(s.clock.Now()), state)
	if err != nil {
		return fmt.Errorf("save decision on %s: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE moderation_items SET state = ? WHERE id = ?`, decisionStates[in.Decision], id); err != nil {
		return fmt.Errorf("update item %s: %w", id, err)
	}
	details := map[string]string{"decision": in.Decision, "version": strconv.FormatInt(version, 10), "batch": strconv.FormatInt(batch, 10)}
	if in.Reason != "" {
		details["reason"] = in.Reason
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: "listings.decide", ObjectType: "listing_item", ObjectID: id, Details: details})
}

// UndoResult says what an undo took back.
type UndoResult struct {
	Undone   int      `json:"undone"`
	IDs      []string `json:"ids"`
	Decision string   `json:"decision"`
}

// Undo takes back the signed-in operator's last decision (the whole selection of a bulk decision), putting
// each item back in the state it was in. It refuses when the decision was already exported to the site or
// an item changed since. Moderators and admins.
func (s *Service) Undo(ctx context.Context) (UndoResult, error) {
	res := UndoResult{IDs: []string{}}
	a, err := requireModerator(ctx)
	if err != nil {
		return res, err
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		var batch sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT max(batch) FROM moderation_decisions WHERE operator_id = ? AND undone = 0`, a.ID).Scan(&batch); err != nil {
			return fmt.Errorf("find last decision: %w", err)
		}
		if !batch.Valid {
			return apperr.New(apperr.NotFound, "there is no decision of yours to undo")
		}
		return s.undoBatch(ctx, tx, batch.Int64, &res)
	})
	if err != nil {
		return UndoResult{IDs: []string{}}, err
	}
	return res, nil
}

func (s *Service) undoBatch(ctx context.Context, tx *sql.Tx, batch int64, res *UndoResult) error {
	rows, err := tx.QueryContext(ctx, `SELECT d.seq, d.item_id, d.version, d.decision, d.prev_state, d.exported_at,
		i.version, i.state FROM moderation_decisions d JOIN moderation_items i ON i.id = d.item_id
		WHERE d.batch = ? AND d.undone = 0 ORDER BY d.seq`, batch)
	if err != nil {
		return fmt.Errorf("read last decision: %w", err)
	}
	type undo struct {
		seq  int64
		id   string
		prev State
	}
	var undos []undo
	for rows.Next() {
		var u undo
		var version, nowVersion int64
		var exported string
		var state State
		if err := rows.Scan(&u.seq, &u.id, &version, &res.Decision, &u.prev, &exported, &nowVersion, &state); err != nil {
			rows.Close()
			return fmt.Errorf("read last decision: %w", err)
		}
		switch {
		case exported != "":
			rows.Close()
			return apperr.New(apperr.Conflict, "the decision on %s was already exported to the site: take a new decision instead", u.id)
		case nowVersion != version || state != decisionStates[res.Decision]:
			rows.Close()
			return apperr.New(apperr.Conflict, "item %s changed after the decision (a newer version or another decision): it cannot be undone", u.id)
		}
		undos = append(undos, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read last decision: %w", err)
	}
	for _, u := range undos {
		if _, err := tx.ExecContext(ctx, `UPDATE moderation_decisions SET undone = 1 WHERE seq = ?`, u.seq); err != nil {
			return fmt.Errorf("undo decision: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE moderation_items SET state = ? WHERE id = ?`, u.prev, u.id); err != nil {
			return fmt.Errorf("undo decision: %w", err)
		}
		err := s.audit.Record(ctx, tx, audit.Event{Action: "listings.undo", ObjectType: "listing_item", ObjectID: u.id,
			Details: map[string]string{"decision": res.Decision, "batch": strconv.FormatInt(batch, 10)}})
		if err != nil {
			return err
		}
		res.IDs = append(res.IDs, u.id)
	}
	res.Undone = len(undos)
	return nil
}
