package helpdesk

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/mail"
)

// loadState reads a ticket's shared state.
func (s *Service) loadState(ctx context.Context, tx *sql.Tx, ticketID int64) (State, error) {
	var st State
	err := s.queryRow(ctx, tx, `SELECT status, assignee_id, priority FROM helpdesk_tickets WHERE id = ?`, ticketID).
		Scan(&st.Status, &st.AssigneeID, &st.Priority)
	if err != nil {
		return st, fmt.Errorf("read ticket %d state: %w", ticketID, err)
	}
	return st, nil
}

func (s *Service) saveState(ctx context.Context, tx *sql.Tx, ticketID int64, st State) error {
	_, err := s.exec(ctx, tx, `UPDATE helpdesk_tickets SET status = ?, assignee_id = ?, priority = ? WHERE id = ?`,
		st.Status, st.AssigneeID, st.Priority, ticketID)
	if err != nil {
		return fmt.Errorf("save ticket %d state: %w", ticketID, err)
	}
	return s.reindex(ctx, tx, ticketID)
}

// ticketRefs lists the mail area's messages of a ticket: where its state keywords go.
func (s *Service) ticketRefs(ctx context.Context, tx *sql.Tx, ticketID int64) ([]int64, error) {
	rows, err := s.query(ctx, tx, `SELECT r.ref FROM helpdesk_refs r JOIN helpdesk_items i ON i.id = r.item_id
		WHERE i.ticket_id = ? ORDER BY r.ref`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("list ticket mail: %w", err)
	}
	defer rows.Close()
	var refs []int64
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r); err != nil {
			return nil, fmt.Errorf("list ticket mail: %w", err)
		}
		refs = append(refs, r)
	}
	return refs, rows.Err()
}

// queueState asks the mail area to store the ticket's new state as keywords on all its messages. Mail
// delivered by a background sync with no operator signed in queues nothing: every laptop applies the same
// rules to the same mail, and the next operator change stamps the state.
func (s *Service) queueState(ctx context.Context, tx *sql.Tx, ticketID int64, old, next State) error {
	if _, ok := actor.From(ctx); !ok {
		return nil
	}
	refs, err := s.ticketRefs(ctx, tx, ticketID)
	if err != nil || len(refs) == 0 {
		return err
	}
	add, remove := keywordDiff(old.Keywords(), next)
	if err := s.mail.QueueKeywords(ctx, tx, refs, add, remove); err != nil {
		return fmt.Errorf("queue ticket %d state: %w", ticketID, err)
	}
	return nil
}

// applyServerState takes the state another laptop stored on the server, unless the ticket has an open
// conflict (then the operator decides) or the keywords carry no state.
func (s *Service) applyServerState(ctx context.Context, tx *sql.Tx, ticketID int64, keywords []string) error {
	theirs, ok := parseState(keywords)
	if !ok {
		return nil
	}
	var open int
	if err := s.queryRow(ctx, tx, `SELECT count(*) FROM helpdesk_conflicts WHERE ticket_id = ? AND resolved_at = 0`,
		ticketID).Scan(&open); err != nil {
		return fmt.Errorf("check conflicts: %w", err)
	}
	if open > 0 {
		return nil
	}
	mine, err := s.loadState(ctx, tx, ticketID)
	if err != nil || mine == theirs {
		return err
	}
	if err := s.saveState(ctx, tx, ticketID, theirs); err != nil {
		return err
	}
	return s.record(ctx, tx, audit.Event{Action: "ticket.shared_state", ObjectType: "ticket", ObjectID: idStr(ticketID),
		Details: map[string]string{"status": theirs.Status, "priority": theirs.Priority, "assignee": theirs.AssigneeID}})
}

// KeywordsChanged applies the state another laptop stored on a message of a ticket.
func (s *Service) KeywordsChanged(ctx context.Context, tx *sql.Tx, ref int64, keywords []string) error {
	ticketID, err := s.ticketOfRef(ctx, tx, ref)
	if err != nil || ticketID == 0 {
		return err
	}
	return s.applyServerState(ctx, tx, ticketID, keywords)
}

// Conflict records that the server refused our keywords because another laptop changed them first. The
// ticket keeps our state and shows the conflict until an operator keeps one side.
func (s *Service) Conflict(ctx context.Context, tx *sql.Tx, c mail.KeywordConflict) error {
	ticketID, err := s.ticketOfRef(ctx, tx, c.Ref)
	if err != nil || ticketID == 0 {
		return err
	}
	wanted, _ := json.Marshal(stateKeywords(c.Wanted))
	server, _ := json.Marshal(stateKeywords(c.Server))
	var id int64
	err = s.queryRow(ctx, tx, `SELECT id FROM helpdesk_conflicts WHERE ticket_id = ? AND resolved_at = 0`, ticketID).Scan(&id)
	switch {
	case err == sql.ErrNoRows:
		_, err = s.exec(ctx, tx, `INSERT INTO helpdesk_conflicts (ticket_id, ref, wanted, server, at) VALUES (?, ?, ?, ?, ?)`,
			ticketID, c.Ref, string(wanted), string(server), ms(s.clock.Now()))
	case err == nil:
		_, err = s.exec(ctx, tx, `UPDATE helpdesk_conflicts SET server = ?, ref = ? WHERE id = ?`, string(server), c.Ref, id)
	}
	if err != nil {
		return fmt.Errorf("record conflict: %w", err)
	}
	return s.record(ctx, tx, audit.Event{Action: "ticket.conflict", ObjectType: "ticket", ObjectID: idStr(ticketID)})
}

func (s *Service) ticketOfRef(ctx context.Context, tx *sql.Tx, ref int64) (int64, error) {
	var id int64
	err := s.queryRow(ctx, tx, `SELECT i.ticket_id FROM helpdesk_refs r JOIN helpdesk_items i ON i.id = r.item_id
		WHERE r.ref = ?`, ref).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find ticket of mail: %w", err)
	}
	return id, nil
}
