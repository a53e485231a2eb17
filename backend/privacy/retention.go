package privacy

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
)

// Schedule is the retention schedule, its periods taken from the privacy notice. The areas carry out
// each line through their Retention method; a line no connected area carries out shows with no source.
func Schedule() []RetentionLine {
	return []RetentionLine{
		{Category: CategoryCompetitionEntries, Period: "the competition's retention days after it closes",
			Reason: "notice: competition data is kept for the period of the competition",
			Action: "delete the entries; a drawn competition keeps only the hashes and ids its certificate needs"},
		{Category: CategorySurveyResponses, Period: "the survey's retention period after it closes",
			Reason: "notice: survey data is kept for the period of the survey",
			Action: "delete the responses"},
		{Category: CategorySolvedTickets, Period: "2 years after the ticket was solved",
			Reason: "notice: help desk data is kept as necessary to resolve disputes and provide support",
			Action: "redact the requester and the messages"},
		{Category: CategoryExpiredListings, Period: "30 days after a listing expired or an event ended",
			Reason: "notice: listings stay until expired or no longer valid; reviews only while the page is live",
			Action: "delete the listing or event with its reviews and comments"},
		{Category: CategoryExportFiles, Period: "30 days after the export",
			Reason: "a partner export is a copy of members' data: the partner keeps its own",
			Action: "delete the file"},
		{Category: CategoryInactiveMembers, Period: "3 years without activity",
			Reason: "notice: an account not used for 3 years is deleted with its personal data",
			Action: "anonymise their reviews and comments; delete the rest"},
	}
}

// RetentionReport is one run of the schedule.
type RetentionReport struct {
	At      time.Time       `json:"at"`
	DryRun  bool            `json:"dryRun"`
	Trigger string          `json:"trigger"`
	Lines   []RetentionLine `json:"lines"`
	Due     int             `json:"due"`
	Done    int             `json:"done"`
}

// The triggers of a retention run.
const (
	TriggerManual = "manual"
	TriggerDaily  = "daily"
)

// RetentionInterval is how often the app applies the schedule while it is unlocked.
const RetentionInterval = 24 * time.Hour

// Retention runs the schedule through every retention area at the clock's time: a dry run only counts what
// is due; otherwise it is removed or anonymised, and the run is stored and audited with its counts.
// Admins only.
func (s *Service) Retention(ctx context.Context, dryRun bool, trigger string) (RetentionReport, error) {
	a, err := actor.Require(ctx, actor.Admin)
	if err != nil {
		return RetentionReport{}, err
	}
	if trigger == "" {
		trigger = TriggerManual
	}
	now := s.clock.Now()
	rep := RetentionReport{At: now, DryRun: dryRun, Trigger: trigger, Lines: Schedule()}
	for _, area := range s.retention {
		lines, err := area.Retention(ctx, now, dryRun)
		if err != nil {
			return rep, fmt.Errorf("retention: %w", err)
		}
		rep.Lines = mergeLines(rep.Lines, lines)
	}
	for _, l := range rep.Lines {
		rep.Due, rep.Done = rep.Due+l.Due, rep.Done+l.Done
	}
	if dryRun {
		return rep, nil
	}
	return rep, s.saveRun(ctx, a, rep)
}

// mergeLines adds the areas' lines into the schedule: counts add up, sources are listed, and an area's
// own period, reason or action replaces the default. Categories not on the schedule are appended.
func mergeLines(sched, lines []RetentionLine) []RetentionLine {
	for _, l := range lines {
		i := 0
		for i < len(sched) && sched[i].Category != l.Category {
			i++
		}
		if i == len(sched) {
			sched = append(sched, RetentionLine{Category: l.Category})
		}
		t := &sched[i]
		t.Due, t.Done = t.Due+l.Due, t.Done+l.Done
		for _, f := range []struct {
			dst *string
			src string
		}{{&t.Period, l.Period}, {&t.Reason, l.Reason}, {&t.Action, l.Action}} {
			if f.src != "" {
				*f.dst = f.src
			}
		}
		if l.Source != "" && !strings.Contains(t.Source, l.Source) {
			t.Source = strings.TrimPrefix(t.Source+", "+l.Source, ", ")
		}
	}
	return sched
}

func (s *Service) saveRun(ctx context.Context, a actor.Actor, rep RetentionReport) error {
	body, _ := json.Marshal(rep.Lines)
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO privacy_retention_runs (at, trigger, operator, due, done, report)
			VALUES (?, ?, ?, ?, ?, ?)`, ts(rep.At), rep.Trigger, a.Name, rep.Due, rep.Done, string(body)); err != nil {
			return fmt.Errorf("store retention run: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "privacy.retention", ObjectType: "retention_schedule",
			Details: map[string]string{"trigger": rep.Trigger, "due": strconv.Itoa(rep.Due), "done": strconv.Itoa(rep.Done)}})
	})
}

// LastRetention returns the latest run of the schedule (dry runs are not stored); found is false when it
// never ran.
// Help desk and admins.
func (s *Service) LastRetention(ctx context.Context) (rep RetentionReport, found bool, err error) {
	if _, err := actor.Require(ctx, staff...); err != nil {
		return rep, false, err
	}
	err = s.db.View(ctx, func(tx *sql.Tx) error {
		var at, body string
		err := tx.QueryRowContext(ctx, `SELECT at, trigger, due, done, report FROM privacy_retention_runs
			ORDER BY at DESC, id DESC LIMIT 1`).Scan(&at, &rep.Trigger, &rep.Due, &rep.Done, &body)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read last retention run: %w", err)
		}
		found, rep.At = true, parseTS(at)
		return json.Unmarshal([]byte(body), &rep.Lines)
	})
	return rep, found, err
}

// RunIfDue applies the schedule when it has not run for RetentionInterval (or never ran), as the daily
// run does at unlock and while the app stays open. ran says whether it ran. Admins only.
func (s *Service) RunIfDue(ctx context.Context) (rep RetentionReport, ran bool, err error) {
	last, found, err := s.LastRetention(ctx)
	if err != nil {
		return rep, false, err
	}
	if found && s.clock.Now().Sub(last.At) < RetentionInterval {
		return last, false, nil
	}
	rep, err = s.Retention(ctx, false, TriggerDaily)
	return rep, err == nil, err
}
