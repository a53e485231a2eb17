package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"staffdesk/backend/moderation"
)

// demoListing is one sample submission: age is how long ago it was submitted.
type demoListing struct {
	item moderation.FeedItem
	age  time.Duration
}

// demoListings are a queue with each kind and each check represented, oldest first.
func demoListings(now time.Time) []demoListing {
	day := 24 * time.Hour
	at := func(d time.Duration) string { return now.Add(d).UTC().Format(time.RFC3339) }
	return []demoListing{
		{moderation.FeedItem{ID: "biz-1001", Kind: moderation.Business, Title: "Little Acorns Nursery", Postcode: "SW1A 1AA",
			Body:        "Friendly nursery for 0-5s with a big garden. Call 07700 900123 to book a visit.",
			ContactName: "Sam Jones", Address: "1 High Street, London", ExpiresAt: at(300 * day),
			SubmittedBy: "Sam Jones", SubmittedByEmail: "sam@example.com"}, 4 * day},
		{moderation.FeedItem{ID: "evt-2001", Kind: moderation.Event, Title: "Halloween Toddler Disco", Postcode: "M1 1AE",
			Body:       "Fancy dress and dancing for toddlers at the community hall.",
			EventStart: at(-30 * day), EventEnd: at(-30*day + 2*time.Hour), SubmittedBy: "Alex Green", SubmittedByEmail: "alex@example.com"}, 3 * day},
		{moderation.FeedItem{ID: "rev-3001", Kind: moderation.Review, ParentID: "biz-1001",
			Body:        "Absolute scam, the manager is an idiot and never answers.",
			SubmittedBy: "Chris", SubmittedByEmail: "chris@example.com"}, 50 * time.Hour},
		{moderation.FeedItem{ID: "biz-1002", Kind: moderation.Business, Title: "Baby Sensory Leeds", Postcode: "LS1 4AP",
			Body:        "Sensory classes for babies. Email hello at babysensory dot co dot uk or see babysensory-leeds.co.uk/classes",
			SubmittedBy: "Pat Lee", SubmittedByEmail: "pat@example.com", Website: "https://babysensory-leeds.co.uk"}, 30 * time.Hour},
		{moderation.FeedItem{ID: "biz-1003", Kind: moderation.Business, Title: "Little Acorns Nursery", Postcode: "SW1A 1AA",
			Body:        "Nursery places available now, with a big garden and hot lunches.",
			SubmittedBy: "Sam Jones", SubmittedByEmail: "sam@example.com"}, 20 * time.Hour},
		{moderation.FeedItem{ID: "biz-1004", Kind: moderation.Business, Title: "Cheap Buggies Direct", Postcode: "B1 1BB",
			Body:        "Huge discounts on prams! Order at www.cheapdeals.example/buggies today.",
			SubmittedBy: "Deals Team", SubmittedByEmail: "deals@cheapdeals.example"}, 12 * time.Hour},
		{moderation.FeedItem{ID: "rev-3002", Kind: moderation.Review, ParentID: "biz-9999",
			Body:        "Lovely staff and my daughter loves the music sessions.",
			SubmittedBy: "Jo Bloggs", SubmittedByEmail: "jo@example.com"}, 8 * time.Hour},
		{moderation.FeedItem{ID: "biz-1005", Kind: moderation.Business, Title: "Swim School", Body: "",
			SubmittedBy: "Robin", SubmittedByEmail: "robin@example.com"}, 6 * time.Hour},
		{moderation.FeedItem{ID: "com-4001", Kind: moderation.Comment, ParentID: "evt-2002",
			Body:        "Is there parking nearby? Message me on jo[at]example.com",
			SubmittedBy: "Jo Bloggs", SubmittedByEmail: "jo@example.com"}, 4 * time.Hour},
		{moderation.FeedItem{ID: "evt-2002", Kind: moderation.Event, Title: "Christmas Craft Morning", Postcode: "EH1 1YZ",
			Body:       "Make decorations and meet Santa. Suitable for ages 2 to 8.",
			EventStart: at(20 * day), EventEnd: at(20*day + 3*time.Hour), SubmittedBy: "Morgan", SubmittedByEmail: "morgan@example.com"}, 2 * time.Hour},
		{moderation.FeedItem{ID: "rev-3003", Kind: moderation.Review, ParentID: "biz-1001",
			Body:        "Settled in quickly and the key worker sends lovely updates.",
			SubmittedBy: "Kim", SubmittedByEmail: "kim@example.com"}, time.Hour},
	}
}

// seedListingsDemo fills the moderation queue: the abuse and spam lists, the sample submissions, and a
// decision of each kind on a few more so that every state has something.
func seedListingsDemo(ctx context.Context, svc *Services, now time.Time) error {
	terms := moderation.Terms{AbuseWords: []string{"idiot", "scam"}, SpamDomains: []string{"cheapdeals.example"}}
	if _, err := svc.Listings.SetTerms(ctx, terms); err != nil {
		return fmt.Errorf("demo listings terms: %w", err)
	}
	list := demoListings(now)
	for i, id := range []string{"biz-0901", "biz-0902", "evt-0903"} {
		list = append(list, demoListing{moderation.FeedItem{ID: id, Kind: moderation.Business, Title: "Decided sample " + id,
			Body: "A sample listing already decided in the demo, number " + id + ".", Postcode: "BS1 4DJ", SubmittedBy: "Sample",
			SubmittedByEmail: "sample@example.com"}, time.Duration(5+i) * 24 * time.Hour})
	}
	var feed strings.Builder
	for _, d := range list {
		d.item.Version, d.item.SubmittedAt = 1, now.Add(-d.age).UTC().Format(time.RFC3339)
		line, _ := json.Marshal(d.item)
		feed.Write(append(line, '\n'))
	}
	if _, err := svc.Listings.Import(ctx, "demo-feed.jsonl", strings.NewReader(feed.String())); err != nil {
		return fmt.Errorf("demo listings import: %w", err)
	}
	for _, in := range []moderation.DecisionInput{
		{IDs: []string{"biz-0901"}, Decision: moderation.Approve},
		{IDs: []string{"biz-0902"}, Decision: moderation.Reject, Reason: "off_topic"},
		{IDs: []string{"evt-0903"}, Decision: moderation.RequestEdit, Note: "Add the start time, please."},
	} {
		if _, err := svc.Listings.Decide(ctx, in); err != nil {
			return fmt.Errorf("demo listings decision: %w", err)
		}
	}
	return nil
}
