package competitions

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"
)

// EmailDraft is a notification email to a winner, ready to copy, or to queue by SendNotifications.
type EmailDraft struct {
	Place   int    `json:"place"`
	EntryID string `json:"entryId"`
	To      string `json:"to"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// PublicWinner is a line of the public winners list the CAP Code asks for: initial, surname, county.
type PublicWinner struct {
	Place   int    `json:"place"`
	Initial string `json:"initial"`
	Surname string `json:"surname"`
	County  string `json:"county"`
}

// Winners are a competition's places, email drafts for those waiting to hear, and the public list.
type Winners struct {
	Competition Competition    `json:"competition"`
	Places      []Place        `json:"places"`
	Drafts      []EmailDraft   `json:"drafts"`
	Public      []PublicWinner `json:"public"`
	Reasons     []string       `json:"reasons"`
	// Notified is each notified place's delivery, "queued" or "sent", by its seq.
	Notified map[int]string `json:"notified"`
}

// Winners returns the places with their claims, notification drafts for pending winners and the public
// list of winners who claimed.
func (s *Service) Winners(ctx context.Context, id string) (Winners, error) {
	c, err := s.Get(ctx, id)
	if err != nil {
		return Winners{}, err
	}
	ps, err := s.Places(ctx, id)
	if err != nil {
		return Winners{}, err
	}
	w := Winners{Competition: c, Places: ps, Drafts: []EmailDraft{}, Public: []PublicWinner{}, Reasons: DisqualifyReasons}
	if err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		w.Notified, err = notified(ctx, tx, id)
		return err
	}); err != nil {
		return Winners{}, err
	}
	for _, p := range ps {
		if _, told := w.Notified[p.Seq]; p.Status == ClaimPending && p.Email != "" && !told {
			w.Drafts = append(w.Drafts, draftFor(c, p))
		}
		if p.Status == ClaimClaimed && p.Surname != "" {
			w.Public = append(w.Public, PublicWinner{Place: p.Place, Initial: initial(p.FirstName), Surname: p.Surname, County: p.County})
		}
	}
	return w, nil
}

func draftFor(c Competition, p Place) EmailDraft {
	deadline := p.Deadline.In(london).Format("Monday 2 January 2006 at 15:04")
	body := fmt.Sprintf("Dear %s,\n\nCongratulations: you have won %s in our competition \"%s\", with %s.\n\n"+
		"To claim your prize, reply to this email by %s with your full postal address. If we do not hear from "+
		"you by then, the prize will go to a reserve winner.\n\nYour entry reference is %s.\n\nBest wishes,\nThe competitions team\n",
		p.FirstName, c.Details.Prize, c.Details.Title, c.Details.Sponsor, deadline, p.EntryID)
	return EmailDraft{Place: p.Place, EntryID: p.EntryID, To: p.Email, Subject: "You have won: " + c.Details.Title, Body: body}
}

// initial is the first letter of a first name, upper-cased ("émile" → "É").
func initial(first string) string {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(first))
	if r == utf8.RuneError {
		return ""
	}
	return strings.ToUpper(string(r)) + "."
}
