package app

import "context"

// Bindings are the structs bound to the UI, one per area, sharing one session.
type Bindings struct {
	Session      *SessionAPI
	Operators    *OperatorsAPI
	Audit        *AuditAPI
	Settings     *SettingsAPI
	System       *SystemAPI
	Competitions *CompetitionsAPI
	Listings     *ListingsAPI
	Privacy      *PrivacyAPI
	Surveys      *SurveysAPI
	Exports      *ExportsAPI
	Helpdesk     *HelpdeskAPI
	Mail         *MailAPI
}

// NewBindings returns the bound structs for a session.
func NewBindings(ctx context.Context, s *Session, cfg Config) *Bindings {
	return &Bindings{
		Session:      &SessionAPI{ctx: ctx, session: s, cfg: cfg},
		Operators:    &OperatorsAPI{ctx: ctx, session: s},
		Audit:        &AuditAPI{ctx: ctx, session: s},
		Settings:     &SettingsAPI{ctx: ctx, session: s},
		System:       &SystemAPI{ctx: ctx, cfg: cfg},
		Competitions: &CompetitionsAPI{ctx: ctx, session: s},
		Listings:     &ListingsAPI{ctx: ctx, session: s},
		Privacy:      &PrivacyAPI{ctx: ctx, session: s},
		Surveys:      &SurveysAPI{ctx: ctx, session: s},
		Exports:      &ExportsAPI{ctx: ctx, session: s},
		Helpdesk:     &HelpdeskAPI{ctx: ctx, session: s},
		Mail:         &MailAPI{ctx: ctx, session: s},
	}
}

// All returns the bound structs in the order Wails binds them.
func (b *Bindings) All() []any {
	return []any{b.Session, b.Operators, b.Audit, b.Settings, b.System, b.Competitions, b.Listings, b.Privacy, b.Surveys, b.Exports, b.Helpdesk, b.Mail}
}

// setContext gives every bound struct the window's context once Wails has started.
func (b *Bindings) setContext(ctx context.Context) {
	b.Session.ctx, b.Operators.ctx, b.Audit.ctx, b.Settings.ctx, b.System.ctx = ctx, ctx, ctx, ctx, ctx
	b.Competitions.ctx = ctx
	b.Listings.ctx = ctx
	b.Privacy.ctx = ctx
	b.Surveys.ctx = ctx
	b.Exports.ctx = ctx
	b.Helpdesk.ctx = ctx
	b.Mail.ctx = ctx
}
