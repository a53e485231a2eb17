package competitions

import (
	"context"
	"database/sql"
	"testing"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
)

func roleCtx(role actor.Role) context.Context {
	return actor.With(context.Background(), actor.Actor{ID: "op-" + string(role), Name: string(role), Role: role})
}

// TestFolderLinkOf checks who may read a competition's folder link, and that no link reads as empty.
func TestFolderLinkOf(t *testing.T) {
	f := newFixture(t)
	linked, unlinked := f.create(t, nil), f.create(t, nil)
	if _, err := f.svc.LinkFolder(f.ctx, linked.ID, " help ", " Entries "); err != nil {
		t.Fatal(err)
	}
	want := FolderLink{CompetitionID: linked.ID, Mailbox: "help", Folder: "Entries"}
	tests := []struct {
		name string
		ctx  context.Context
		id   string
		want FolderLink
		kind apperr.Code
	}{
		{"a manager reads the link", f.ctx, linked.ID, want, ""},
		{"an admin reads the link", adminCtx(), linked.ID, want, ""},
		{"no link is empty", f.ctx, unlinked.ID, FolderLink{}, ""},
		{"unknown competition", f.ctx, "nope", FolderLink{}, apperr.NotFound},
		{"help desk may not", roleCtx(actor.HelpDesk), linked.ID, FolderLink{}, apperr.Forbidden},
		{"moderator may not", roleCtx(actor.Moderator), linked.ID, FolderLink{}, apperr.Forbidden},
		{"locked", context.Background(), linked.ID, FolderLink{}, apperr.Locked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.svc.FolderLinkOf(tt.ctx, tt.id)
			if tt.kind != "" && !apperr.Is(err, tt.kind) {
				t.Fatalf("want %s, got %v", tt.kind, err)
			}
			if tt.kind == "" && err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestUnlinkFolder checks unlinking, in order: refused to other roles, then done once with one audit entry,
// and the folder is then free for the sync and for another competition.
func TestUnlinkFolder(t *testing.T) {
	f := newFixture(t)
	c, other := f.create(t, nil), f.create(t, nil)
	if _, err := f.svc.LinkFolder(f.ctx, c.ID, "help", "Entries"); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		ctx  context.Context
		id   string
		kind apperr.Code
		left FolderLink
	}{
		{"help desk may not", roleCtx(actor.HelpDesk), c.ID, apperr.Forbidden, FolderLink{CompetitionID: c.ID, Mailbox: "help", Folder: "Entries"}},
		{"unknown competition", f.ctx, "nope", apperr.NotFound, FolderLink{CompetitionID: c.ID, Mailbox: "help", Folder: "Entries"}},
		{"a manager unlinks", f.ctx, c.ID, "", FolderLink{}},
		{"unlinking again changes nothing", f.ctx, c.ID, "", FolderLink{}},
		{"an admin may too", adminCtx(), other.ID, "", FolderLink{}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			err := f.svc.UnlinkFolder(st.ctx, st.id)
			if st.kind != "" && !apperr.Is(err, st.kind) || st.kind == "" && err != nil {
				t.Fatalf("want %q, got %v", st.kind, err)
			}
			if got, err := f.svc.FolderLinkOf(f.ctx, c.ID); err != nil || got != st.left {
				t.Fatalf("link left %+v %v, want %+v", got, err, st.left)
			}
		})
	}
	folders, err := f.svc.LinkedFolders(f.ctx, "help")
	if err != nil || len(folders) != 0 {
		t.Fatalf("linked folders after unlinking %v %v", folders, err)
	}
	err = f.db.View(f.ctx, func(tx *sql.Tx) error {
		id, err := f.svc.LinkedTx(f.ctx, tx, "help", "Entries")
		if id != "" {
			t.Fatalf("the sync still routes the folder to %s", id)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.LinkFolder(f.ctx, other.ID, "help", "Entries"); err != nil {
		t.Fatalf("the freed folder: %v", err)
	}
	page, err := f.audit.List(adminCtx(), 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	var unlinks []map[string]string
	for _, e := range page.Entries {
		if e.Action == "competition.unlink_folder" {
			if e.ObjectID != c.ID {
				t.Fatalf("unlink audited on %s", e.ObjectID)
			}
			unlinks = append(unlinks, e.Details)
		}
	}
	if len(unlinks) != 1 || unlinks[0]["mailbox"] != "help" || unlinks[0]["folder"] != "Entries" {
		t.Fatalf("unlink audit entries %v", unlinks)
	}
}
