package app

import "staffdesk/backend/privacy"

// memberAreas are the areas the privacy toolkit reaches for access, portability and erasure, in the
// order an access file shows them.
func (svc *Services) memberAreas() []privacy.MemberArea {
	return []privacy.MemberArea{svc.Listings, svc.Competitions, svc.Surveys, svc.Helpdesk, svc.MailMessages, svc.Consents}
}

// retentionAreas are the areas that carry out lines of the retention schedule.
func (svc *Services) retentionAreas() []privacy.RetentionArea {
	return []privacy.RetentionArea{svc.Listings, svc.Competitions, svc.Surveys, svc.Helpdesk, svc.Exports}
}
