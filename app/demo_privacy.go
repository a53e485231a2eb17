package app

import (
	"context"
	"fmt"
	"time"

	"staffdesk/backend/privacy"
)

// seedPrivacyDemo logs a few rights requests: one overdue, one due within the week and two with time left.
func seedPrivacyDemo(ctx context.Context, svc *Services, now time.Time) error {
	for _, r := range []privacy.RequestInput{
		{Kind: privacy.KindAccess, Person: "chris@example.com", ReceivedAt: now.AddDate(0, -1, -4), Note: "asked by email to the help desk"},
		{Kind: privacy.KindErasure, Person: "robin@example.com", ReceivedAt: now.AddDate(0, 0, -26)},
		{Kind: privacy.KindRectification, Person: "morgan@example.com", ReceivedAt: now.AddDate(0, 0, -6), Note: "wrong postcode on the listing"},
		{Kind: privacy.KindAccess, Person: "sam@example.com", ReceivedAt: now.AddDate(0, 0, -2)},
	} {
		if _, err := svc.Privacy.NewRequest(ctx, r); err != nil {
			return fmt.Errorf("demo privacy request: %w", err)
		}
	}
	return nil
}
