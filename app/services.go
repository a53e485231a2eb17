package app

import (
	"staffdesk/backend/audit"
	"staffdesk/backend/competitions"
	"staffdesk/backend/moderation"
	"staffdesk/backend/operators"
	"staffdesk/backend/settings"
	"staffdesk/backend/store"
)

// Services are every area's services for one unlocked store, built once at unlock.
type Services struct {
	DB           *store.DB
	Audit        *audit.Service
	Operators    *operators.Service
	Settings     *settings.Service
	Competitions *competitions.Service
	Listings     *moderation.Service
}

func buildServices(cfg Config, u *operators.Unlocked) *Services {
	au := audit.NewService(u.DB, cfg.Clock)
	return &Services{
		DB:           u.DB,
		Audit:        au,
		Operators:    operators.NewService(u.DB, cfg.slots(), au, cfg.Clock, u.DataKey),
		Settings:     settings.NewService(u.DB, au),
		Competitions: competitions.NewService(u.DB, au, cfg.Clock),
		Listings:     moderation.NewService(u.DB, au, cfg.Clock),
	}
}
