package app

import (
	"context"
	"fmt"
	"time"

	"staffdesk/backend/exports"
	"staffdesk/backend/privacy"
)

// seedExportsDemo adds partners sponsoring the demo competitions and the shared survey (whose imports
// already wrote the entrants' and respondents' consents), a pending export request for another operator to approve, and two newsletter
// unsubscribe requests, one past the 48-hour promise.
func seedExportsDemo(ctx context.Context, svc *Services, now time.Time) error {
	list, err := svc.Competitions.List(ctx)
	if err != nil {
		return fmt.Errorf("list demo competitions: %w", err)
	}
	sponsored := map[string][]exports.SourceRef{}
	for _, c := range list {
		key := privacy.PartnerKey(c.Details.Sponsor)
		sponsored[key] = append(sponsored[key], exports.SourceRef{Kind: "competition", ID: c.ID})
	}
	svs, err := svc.Surveys.List(ctx)
	if err != nil {
		return fmt.Errorf("list demo surveys: %w", err)
	}
	for _, sv := range svs {
		if sv.Details.Partner != "" {
			key := privacy.PartnerKey(sv.Details.Partner)
			sponsored[key] = append(sponsored[key], exports.SourceRef{Kind: "survey", ID: sv.ID})
		}
	}
	partners := []exports.PartnerInput{
		{Name: "Center Parcs", ContactName: "Sam Price", ContactEmail: "partnerships@centerparcs.example",
			Fields: []string{"first_name", "surname", "email", "postcode", "county"}, Sources: sponsored["center-parcs"]},
		{Name: "Bugaboo", ContactName: "Noor Visser", ContactEmail: "uk-marketing@bugaboo.example",
			Fields: []string{"first_name", "email", "child_age_band"}, Sources: sponsored["bugaboo"]},
		{Name: "Acme Research", ContactName: "Dr Lee", ContactEmail: "panel@acmeresearch.example",
			Fields: []string{"first_name", "email", "answers", "entered_at"}, Sources: sponsored["acme-research"]},
	}
	for _, p := range partners {
		if _, err := svc.Exports.AddPartner(ctx, p); err != nil {
			return fmt.Errorf("add demo partner %s: %w", p.Name, err)
		}
	}
	if src := sponsored["center-parcs"]; len(src) > 0 {
		_, err := svc.Exports.RequestExport(ctx, exports.RequestInput{PartnerID: "center-parcs", Source: src[0],
			Fields: []string{"first_name", "surname", "email", "postcode"}, Note: "prize fulfilment and the opted-in mailing"})
		if err != nil {
			return fmt.Errorf("add demo export request: %w", err)
		}
	}
	unsubs := []privacy.UnsubscribeInput{
		{Email: "ruby.hall@btinternet.com", List: "Pregnancy Weekly", SourceKind: privacy.SourceTicket, SourceRef: "ticket 1042",
			RequestedAt: now.Add(-53 * time.Hour)},
		{Email: "dafydd.evans@outlook.com", List: "all newsletters", SourceKind: privacy.SourceOperator, SourceRef: "phone call",
			RequestedAt: now.Add(-5 * time.Hour)},
	}
	for _, u := range unsubs {
		if _, err := svc.Consents.AddUnsubscribe(ctx, u); err != nil {
			return fmt.Errorf("add demo unsubscribe: %w", err)
		}
	}
	return nil
}
