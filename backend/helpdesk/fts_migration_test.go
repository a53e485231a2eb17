package helpdesk

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

// Migration 003 rebuilds the search index of a database made before it, whose items kept their mail's
// text, with the same words in each ticket's columns as reindex finds: statuses, assignees, tags, the
// sensitive mark, participants and bodies; a tags column that is not JSON gives no tags, as in reindex.
func TestFTSMigrationMatchesReindex(t *testing.T) {
	path, key := filepath.Join(t.TempDir(), "s.db"), bytes.Repeat([]byte{7}, 32)
	ctx := actor.With(context.Background(), actor.Actor{ID: "op1", Name: "hana", Role: actor.HelpDesk})
	db, err := store.Open(ctx, path, key, audit.Migrations, store.Migrations{Area: "helpdesk", FS: migrationsBefore(t, 3)})
	if err != nil {
		t.Fatal(err)
	}
	clk := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	fm := &fakeMail{raw: map[int64][]byte{}}
	fillDesk(t, NewService(db, audit.NewService(db, clk), clk, fm, testOps), ctx, 300)
	err = db.Update(ctx, func(tx *sql.Tx) error {
		for ref, text := range fm.texts {
			if _, err := tx.Exec(`UPDATE helpdesk_items SET text = ? WHERE id IN (SELECT item_id FROM helpdesk_refs WHERE ref = ?)`,
				text, ref); err != nil {
				return err
			}
		}
		// a tags column that is not JSON (no code writes one) must not stop the migration: no tags, as reindex
		_, err := tx.Exec(`UPDATE helpdesk_tickets SET tags = 'not json' WHERE id = 20`)
		return err
	})
	if err != nil || db.Close() != nil {
		t.Fatal(err)
	}
	db, err = store.Open(ctx, path, key, audit.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	migrated := indexedWords(t, db)
	s := NewService(db, audit.NewService(db, clk), clk, fm, testOps)
	err = db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO helpdesk_fts (helpdesk_fts) VALUES ('delete-all')`); err != nil {
			return err
		}
		for id := int64(1); id <= 300; id++ {
			if err := s.reindex(ctx, tx, id); err != nil {
				return err
			}
		}
		_, err := tx.Exec(`INSERT INTO helpdesk_fts (helpdesk_fts) VALUES ('optimize')`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rebuilt := indexedWords(t, db)
	if len(migrated) < 3000 || strings.Join(migrated, "\n") != strings.Join(rebuilt, "\n") {
		t.Fatalf("migrated index has %d (ticket, column, word), reindex %d; first differences: %v", len(migrated),
			len(rebuilt), firstDiff(migrated, rebuilt))
	}
}

// migrationsBefore is the help desk's migrations numbered below n.
func migrationsBefore(t *testing.T, n int) fs.FS {
	out := fstest.MapFS{}
	names, err := fs.Glob(migrationsFS, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		var v int
		if _, err := fmt.Sscanf(filepath.Base(name), "%d_", &v); err == nil && v < n {
			body, _ := fs.ReadFile(migrationsFS, name)
			out[name] = &fstest.MapFile{Data: body}
		}
	}
	return out
}

// indexedWords lists the search index as "ticket column word", sorted.
func indexedWords(t *testing.T, db *store.DB) []string {
	var out []string
	err := db.Update(context.Background(), func(tx *sql.Tx) error {
		if _, err := tx.Exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, helpdesk_fts, instance)`); err != nil {
			return err
		}
		rows, err := tx.Query(`SELECT DISTINCT doc, col, term FROM temp.fts_words ORDER BY doc, col, term`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var doc int64
			var col, term string
			if err := rows.Scan(&doc, &col, &term); err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%d %s %s", doc, col, term))
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// firstDiff is the first few lines in one list and not the other.
func firstDiff(a, b []string) []string {
	in := map[string]int{}
	for _, s := range a {
		in[s]++
	}
	for _, s := range b {
		in[s]--
	}
	var out []string
	for s, n := range in {
		if n != 0 && len(out) < 6 {
			out = append(out, fmt.Sprintf("%+d %s", n, s))
		}
	}
	return out
}
