package app

import (
	"context"
	"encoding/base64"

	"staffdesk/backend/apperr"
	"staffdesk/backend/competitions"
)

// FrozenListFile is a committed competition's frozen list, to save beside its certificate.
type FrozenListFile struct {
	FileName string `json:"fileName"`
	Content  string `json:"content"`
}

// CompetitionsAPI runs competitions, their imports, draws, certificates and winners' claims.
type CompetitionsAPI struct {
	ctx     context.Context
	session *Session
}

// do runs fn with the competitions service, through the session.
func (a *CompetitionsAPI) do(fn func(ctx context.Context, svc *competitions.Service) error) error {
	return uiError(a.session.Do(a.ctx, func(ctx context.Context, svc *Services) error { return fn(ctx, svc.Competitions) }))
}

// List returns every competition.
func (a *CompetitionsAPI) List() (out []competitions.Competition, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.List(ctx); return })
	return
}

// Get returns one competition.
func (a *CompetitionsAPI) Get(id string) (out competitions.Competition, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.Get(ctx, id); return })
	return
}

// Create adds a draft competition.
func (a *CompetitionsAPI) Create(d competitions.Details) (out competitions.Competition, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.Create(ctx, d); return })
	return
}

// Update changes a competition's details and rules before its list is committed.
func (a *CompetitionsAPI) Update(id string, d competitions.Details) (out competitions.Competition, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) {
		out, err = s.Update(ctx, id, d)
		return
	})
	return
}

// Open opens a draft competition for entries.
func (a *CompetitionsAPI) Open(id string) (out competitions.Competition, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) {
		out, err = s.OpenForEntries(ctx, id)
		return
	})
	return
}

// Import adds the entries of a CSV or XLSX file, sent as base64, and returns the import report.
func (a *CompetitionsAPI) Import(id, fileName, contentBase64 string) (out competitions.ImportReport, err error) {
	data, derr := base64.StdEncoding.DecodeString(contentBase64)
	if derr != nil {
		return out, uiError(apperr.New(apperr.Invalid, "the file did not arrive whole: try again"))
	}
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) {
		out, err = s.Import(ctx, id, fileName, data)
		return
	})
	return
}

// Imports lists a competition's import reports, newest first.
func (a *CompetitionsAPI) Imports(id string) (out []competitions.ImportReport, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.Imports(ctx, id); return })
	return
}

// Draw returns where a competition's draw stands.
func (a *CompetitionsAPI) Draw(id string) (out competitions.DrawState, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.Draw(ctx, id); return })
	return
}

// Commit freezes the eligible list and publishes the draw notice.
func (a *CompetitionsAPI) Commit(id string) (out competitions.DrawState, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.Commit(ctx, id); return })
	return
}

// SetPublicValue records the public value announced after the commit.
func (a *CompetitionsAPI) SetPublicValue(id, value string) (out competitions.DrawState, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) {
		out, err = s.SetPublicValue(ctx, id, value)
		return
	})
	return
}

// Run draws the winners and reserves, once.
func (a *CompetitionsAPI) Run(id string) (out competitions.DrawState, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.Run(ctx, id, ""); return })
	return
}

// Certificate issues the draw certificate.
func (a *CompetitionsAPI) Certificate(id string) (out competitions.Certificate, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) {
		out, err = s.Certificate(ctx, id)
		return
	})
	return
}

// FrozenList returns the frozen list file of a committed competition.
func (a *CompetitionsAPI) FrozenList(id string) (out FrozenListFile, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) error {
		list, err := s.FrozenList(ctx, id)
		out = FrozenListFile{FileName: "draw-entries-" + id + ".txt", Content: string(list)}
		return err
	})
	return
}

// Winners returns the places, claims, email drafts and public winners list.
func (a *CompetitionsAPI) Winners(id string) (out competitions.Winners, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.Winners(ctx, id); return })
	return
}

// SetClaim records a claim (claimed, declined, disqualified with a reason) and returns the winners.
func (a *CompetitionsAPI) SetClaim(id string, seq int, status, reason string) (out competitions.Winners, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) error {
		if _, err := s.SetClaim(ctx, id, seq, status, reason); err != nil {
			return err
		}
		var err error
		out, err = s.Winners(ctx, id)
		return err
	})
	return
}

// ExpireClaims hands places past their claim deadline to reserves and returns the winners.
func (a *CompetitionsAPI) ExpireClaims(id string) (out competitions.Winners, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) error {
		if _, err := s.ExpireClaims(ctx, id); err != nil {
			return err
		}
		var err error
		out, err = s.Winners(ctx, id)
		return err
	})
	return
}

// ConfirmWinners closes the claims once every place has an answer.
func (a *CompetitionsAPI) ConfirmWinners(id string) (out competitions.Winners, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) error {
		if _, err := s.ConfirmWinners(ctx, id); err != nil {
			return err
		}
		var err error
		out, err = s.Winners(ctx, id)
		return err
	})
	return
}

// Purge deletes a competition's entries after its retention period, keeping what the certificate needs.
func (a *CompetitionsAPI) Purge(id string) (out competitions.PurgeResult, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) { out, err = s.Purge(ctx, id); return })
	return
}

// LinkFolder links a competition to a mailbox folder whose mails become entries at each sync.
func (a *CompetitionsAPI) LinkFolder(id, mailbox, folder string) (out competitions.FolderLink, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) {
		out, err = s.LinkFolder(ctx, id, mailbox, folder)
		return
	})
	return
}

// Folder returns the mailbox folder a competition takes entries from, empty when it has none.
func (a *CompetitionsAPI) Folder(id string) (out competitions.FolderLink, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) {
		out, err = s.FolderLinkOf(ctx, id)
		return
	})
	return
}

// UnlinkFolder stops a competition taking entries from its mailbox folder and returns the now-empty link.
func (a *CompetitionsAPI) UnlinkFolder(id string) (out competitions.FolderLink, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) error {
		if err := s.UnlinkFolder(ctx, id); err != nil {
			return err
		}
		var err error
		out, err = s.FolderLinkOf(ctx, id)
		return err
	})
	return
}

// SendNotifications queues each pending winner's notification for sending, or returns drafts without a mailbox.
func (a *CompetitionsAPI) SendNotifications(id string) (out competitions.NotifyResult, err error) {
	err = a.do(func(ctx context.Context, s *competitions.Service) (err error) {
		out, err = s.SendNotifications(ctx, id)
		return
	})
	return
}
