package app

import (
	"context"
	"strings"

	"staffdesk/backend/moderation"
)

// ListingsAPI is the moderation queue of listings, events, reviews and comments.
type ListingsAPI struct {
	ctx     context.Context
	session *Session
}

// Queue returns one page of the items the filter selects, oldest first.
func (a *ListingsAPI) Queue(f moderation.Filter) (moderation.Page, error) {
	var out moderation.Page
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.Queue(ctx, f)
		return err
	})
	return out, uiError(err)
}

// Summary returns the counts for the filter bar, for the items in state ("" for pending).
func (a *ListingsAPI) Summary(state string) (moderation.Summary, error) {
	var out moderation.Summary
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.Summary(ctx, moderation.State(state))
		return err
	})
	return out, uiError(err)
}

// Item returns one item with every decision taken on it.
func (a *ListingsAPI) Item(id string) (moderation.ItemDetail, error) {
	var out moderation.ItemDetail
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.Get(ctx, id)
		return err
	})
	return out, uiError(err)
}

// Decide approves, rejects, asks for an edit of or expires the items named.
func (a *ListingsAPI) Decide(in moderation.DecisionInput) (moderation.DecideResult, error) {
	var out moderation.DecideResult
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.Decide(ctx, in)
		return err
	})
	return out, uiError(err)
}

// Undo takes back the signed-in operator's last decision.
func (a *ListingsAPI) Undo() (moderation.UndoResult, error) {
	var out moderation.UndoResult
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.Undo(ctx)
		return err
	})
	return out, uiError(err)
}

// ImportText imports a feed file the UI read into memory (the content never touches the disk here).
func (a *ListingsAPI) ImportText(name, content string) (moderation.ImportResult, error) {
	var out moderation.ImportResult
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.Import(ctx, name, strings.NewReader(content))
		return err
	})
	return out, uiError(err)
}

// Terms returns the abuse words and spam domains the checks use.
func (a *ListingsAPI) Terms() (moderation.Terms, error) {
	var out moderation.Terms
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.Terms(ctx)
		return err
	})
	return out, uiError(err)
}

// SetTerms replaces the abuse words and spam domains and checks the pending items again.
func (a *ListingsAPI) SetTerms(t moderation.Terms) (moderation.Terms, error) {
	var out moderation.Terms
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.SetTerms(ctx, t)
		return err
	})
	return out, uiError(err)
}

// ApplyRetention removes expired listings and ended events that are past the retention schedule.
func (a *ListingsAPI) ApplyRetention() (moderation.RetentionResult, error) {
	var out moderation.RetentionResult
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Listings.ApplyRetention(ctx)
		return err
	})
	return out, uiError(err)
}
