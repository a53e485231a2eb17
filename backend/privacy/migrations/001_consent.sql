-- The consent ledger: append-only; the latest record (by given-at time, then id) per person and purpose
-- decides. email_key is the address trimmed and lower-cased, the key every lookup uses; email keeps the
-- address as given only when it differs from its key. The words a person was shown are stored once, in
-- privacy_wordings: an import of a million entries repeats the same few.
CREATE TABLE privacy_wordings (
    wording_id INTEGER PRIMARY KEY,
    text       TEXT NOT NULL,
    version    TEXT NOT NULL,
    UNIQUE (text, version)
);

CREATE TABLE privacy_consents (
    id          INTEGER PRIMARY KEY,
    email       TEXT NOT NULL DEFAULT '',
    email_key   TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    given       INTEGER NOT NULL CHECK (given IN (0, 1)),
    source_kind TEXT NOT NULL,
    source_ref  TEXT NOT NULL DEFAULT '',
    wording_id  INTEGER NOT NULL REFERENCES privacy_wordings (wording_id),
    at          TEXT NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX privacy_consents_person ON privacy_consents (email_key);
-- Covers an export's snapshot of one purpose for everyone and InForceTx (given included: no table lookups).
CREATE INDEX privacy_consents_purpose ON privacy_consents (purpose, email_key, at, id, given);
CREATE TRIGGER privacy_consents_no_update BEFORE UPDATE ON privacy_consents
BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;

-- Newsletter unsubscribe requests that reached staff (help desk, phone), tracked against the notice's
-- promise to act within 48 hours.
CREATE TABLE privacy_unsubscribes (
    id           INTEGER PRIMARY KEY,
    email        TEXT NOT NULL,
    list         TEXT NOT NULL,
    source_kind  TEXT NOT NULL,
    source_ref   TEXT NOT NULL DEFAULT '',
    requested_at TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    done_at      TEXT NOT NULL DEFAULT '',
    done_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX privacy_unsubscribes_open ON privacy_unsubscribes (done_at, requested_at);
