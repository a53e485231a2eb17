-- Members' rights requests (access, erasure, rectification) tracked against the one-month deadline. The
-- person's address is personal data and lives only here, in the encrypted store.
CREATE TABLE privacy_requests (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('access', 'erasure', 'rectification')),
    person      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    done_at     TEXT NOT NULL DEFAULT '',
    done_by     TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX privacy_requests_open ON privacy_requests (done_at, due_at);
CREATE INDEX privacy_requests_person ON privacy_requests (person, kind);

-- The key of the keyed hash (HMAC-SHA256) that names a person in the audit log instead of their address.
-- One row, created on first use from the operating system's random source.
CREATE TABLE privacy_keys (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    key BLOB NOT NULL
);

-- Every run that applied the retention schedule, daily or by hand (dry runs change nothing and are not kept).
CREATE TABLE privacy_retention_runs (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    trigger  TEXT NOT NULL,
    operator TEXT NOT NULL,
    due      INTEGER NOT NULL,
    done     INTEGER NOT NULL,
    report   TEXT NOT NULL
);
CREATE INDEX privacy_retention_runs_at ON privacy_retention_runs (at);
