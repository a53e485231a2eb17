package app

import (
	"context"

	"staffdesk/backend/actor"
	"staffdesk/backend/mail"
)

// wireMail builds the mail sync engine over the store-side half and a Sink routing mail from folders linked
// to competitions to them and the rest to the help desk, reporting to the UI through emit. Competitions
// queue winner notifications through it. Built after buildServices because it needs the session's emitter.
func (svc *Services) wireMail(cfg Config, emit Emitter) {
	var ev mail.Events
	if emit != nil {
		ev = emit
	}
	svc.Mail = mail.NewService(svc.DB, svc.Audit, cfg.Clock, svc.MailMessages, &mailRouter{Service: svc.Helpdesk, comps: svc.Competitions, msgs: svc.MailMessages}, ev)
	svc.Mail.SyncFolders(svc.Competitions)
	svc.Competitions.UseNotifier(competitionsMail{msgs: svc.MailMessages})
}

// startMail starts the background IDLE and periodic sync for the operator who unlocked (window and
// browser only: CLI commands sync when asked).
func (svc *Services) startMail(cfg Config, by actor.Actor) {
	if cfg.MailBackground {
		svc.Mail.Start(actor.With(context.Background(), by))
	}
}
