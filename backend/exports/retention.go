package exports

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// FileRetention is how long an export file may stay on this laptop after it was written: the partner keeps
// its own copy, ours is only for resending.
const FileRetention = 30 * 24 * time.Hour

// AreaName names the exports area in the retention report.
func (s *Service) AreaName() string { return "exports" }

// oldFile is a written export file past its period.
type oldFile struct {
	id     int64
	path   string
	sha256 string
}

// Retention deletes export files older than FileRetention, but only a file whose content still has the
// SHA-256 the export recorded: a file since replaced by something else is never touched. A file already
// gone is marked so and not counted again. dryRun counts what is due and changes nothing.
func (s *Service) Retention(ctx context.Context, now time.Time, dryRun bool) ([]privacy.RetentionLine, error) {
	line := privacy.RetentionLine{Category: privacy.CategoryExportFiles, Source: s.AreaName(), Period: "30 days after the export",
		Reason: "a partner export is a copy of members' data: the partner keeps its own", Action: "delete the file"}
	if _, err := actor.Require(ctx, actor.Competitions); err != nil {
		return nil, err
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		files, err := s.oldFiles(ctx, tx, now)
		if err != nil {
			return err
		}
		line.Due = len(files)
		if dryRun {
			return nil
		}
		for _, f := range files {
			removed, err := removeIfSame(f)
			if err != nil {
				return err
			}
			if removed {
				line.Done++
			}
			if _, err := tx.ExecContext(ctx, `UPDATE exports_requests SET file_removed_at = ? WHERE id = ?`, ts(now), f.id); err != nil {
				return fmt.Errorf("record export file removed: %w", err)
			}
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "exports.retention", ObjectType: "exports",
			Details: map[string]string{"due": strconv.Itoa(line.Due), "deleted": strconv.Itoa(line.Done)}})
	})
	return []privacy.RetentionLine{line}, err
}

func (s *Service) oldFiles(ctx context.Context, tx *sql.Tx, now time.Time) ([]oldFile, error) {
	return store.Collect("old export files", func(r store.Scanner) (f oldFile, err error) {
		return f, r.Scan(&f.id, &f.path, &f.sha256)
	})(tx.QueryContext(ctx, `SELECT id, file_path, sha256 FROM exports_requests WHERE status = 'done'
		AND file_path != '' AND file_removed_at = '' AND ran_at < ? ORDER BY id`, ts(now.Add(-FileRetention))))
}

// removeIfSame deletes f's file when its content still hashes to what the export recorded.
func removeIfSame(f oldFile) (bool, error) {
	h, err := fileSHA256(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("export %d: read %s: %w", f.id, f.path, err)
	}
	if h != f.sha256 {
		return false, nil
	}
	if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("export %d: delete %s: %w", f.id, f.path, err)
	}
	return true, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// absPath is path made absolute, or path itself when that fails.
func absPath(path string) string {
	if p, err := filepath.Abs(path); err == nil {
		return p
	}
	return path
}
