-- Where each export file was written, so the retention schedule can delete it after its period, and when
-- it was deleted or found gone.
ALTER TABLE exports_requests ADD COLUMN file_path TEXT NOT NULL DEFAULT '';
ALTER TABLE exports_requests ADD COLUMN file_removed_at TEXT NOT NULL DEFAULT '';
