-- The audit log: append-only, each entry chained to the previous by its hash. Details hold ids and
-- counts only, never personal data in clear.
CREATE TABLE audit_log (
	id            INTEGER PRIMARY KEY,
	at            TEXT NOT NULL,
	operator_id   TEXT NOT NULL,
	operator_name TEXT NOT NULL,
	action        TEXT NOT NULL,
	object_type   TEXT NOT NULL,
	object_id     TEXT NOT NULL,
	details       TEXT NOT NULL,
	prev_hash     TEXT NOT NULL,
	hash          TEXT NOT NULL
);

-- The head of the chain, so removing the newest entries is noticed too.
CREATE TABLE audit_head (
	one   INTEGER PRIMARY KEY CHECK (one = 1),
	count INTEGER NOT NULL,
	hash  TEXT NOT NULL
);
INSERT INTO audit_head (one, count, hash) VALUES (1, 0, '');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
