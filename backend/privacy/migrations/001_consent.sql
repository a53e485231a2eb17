-- The consent ledger: append-only; the latest record per person and purpose decides.
CREATE TABLE privacy_consents (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    given           INTEGER NOT NULL CHECK (given IN (0, 1)),
    source_kind     TEXT NOT NULL,
    source_ref      TEXT NOT NULL DEFAULT '',
    wording         TEXT NOT NULL DEFAULT '',
    wording_version TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL,
    recorded_by     TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL
);
CREATE INDEX privacy_consents_person ON privacy_consents (email, purpose, at, id);
CREATE TRIGGER privacy_consents_no_update BEFORE UPDATE ON privacy_consents
BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;
