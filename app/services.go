package app

import (
	"staffdesk/backend/audit"
	"staffdesk/backend/competitions"
	"staffdesk/backend/exports"
	"staffdesk/backend/helpdesk"
	"staffdesk/backend/mail"
	"staffdesk/backend/moderation"
	"staffdesk/backend/operators"
	"staffdesk/backend/privacy"
	"staffdesk/backend/settings"
	"staffdesk/backend/store"
	"staffdesk/backend/surveys"
)

// Services are every area's services for one unlocked store, built once at unlock.
type Services struct {
	DB           *store.DB
	Audit        *audit.Service
	Operators    *operators.Service
	Settings     *settings.Service
	Competitions *competitions.Service
	Listings     *moderation.Service
	Consents     *privacy.ConsentService
	Privacy      *privacy.Service
	Exports      *exports.Service
	Surveys      *surveys.Service
	MailMessages *mail.Messages
	Helpdesk     *helpdesk.Service
	Mail         *mail.Service
}

func buildServices(cfg Config, u *operators.Unlocked) *Services {
	au := audit.NewService(u.DB, cfg.Clock)
	svc := &Services{
		DB:           u.DB,
		Audit:        au,
		Operators:    operators.NewService(u.DB, cfg.slots(), au, cfg.Clock, u.DataKey),
		Settings:     settings.NewService(u.DB, au),
		Competitions: competitions.NewService(u.DB, au, cfg.Clock),
		Listings:     moderation.NewService(u.DB, au, cfg.Clock),
	}
	svc.Consents = privacy.NewConsentService(u.DB, au, cfg.Clock)
	svc.Surveys = surveys.NewService(u.DB, au, cfg.Clock, svc.Consents)
	svc.wireHelpdesk(cfg, u, au)
	svc.wireExports(cfg, u)
	svc.Privacy = privacy.NewService(u.DB, au, cfg.Clock, svc.memberAreas(), svc.retentionAreas())
	return svc
}
