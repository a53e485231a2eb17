-- Partners (sponsors) who may receive members' data, the fields each is entitled to, what they sponsor,
-- and the export requests with their approval and run. Files hold no personal data here: only counts,
-- hashes and who did what.
CREATE TABLE exports_partners (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    contact_name  TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    fields        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE exports_partner_sources (
    partner_id  TEXT NOT NULL REFERENCES exports_partners (id),
    source_kind TEXT NOT NULL CHECK (source_kind IN ('competition', 'survey')),
    source_id   TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (partner_id, source_kind, source_id)
);

CREATE TABLE exports_requests (
    id             INTEGER PRIMARY KEY,
    partner_id     TEXT NOT NULL REFERENCES exports_partners (id),
    source_kind    TEXT NOT NULL,
    source_id      TEXT NOT NULL,
    source_title   TEXT NOT NULL DEFAULT '',
    fields         TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'done')),
    requested_by   TEXT NOT NULL,
    requested_name TEXT NOT NULL,
    requested_at   TEXT NOT NULL,
    decided_by     TEXT NOT NULL DEFAULT '',
    decided_name   TEXT NOT NULL DEFAULT '',
    decided_at     TEXT NOT NULL DEFAULT '',
    refusal        TEXT NOT NULL DEFAULT '',
    ran_name       TEXT NOT NULL DEFAULT '',
    ran_at         TEXT NOT NULL DEFAULT '',
    file_name      TEXT NOT NULL DEFAULT '',
    sha256         TEXT NOT NULL DEFAULT '',
    rows           INTEGER NOT NULL DEFAULT 0,
    excluded       TEXT NOT NULL DEFAULT '[]',
    encrypted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX exports_requests_status ON exports_requests (status, id);
