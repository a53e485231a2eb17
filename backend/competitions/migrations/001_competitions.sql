-- Competitions, their entries, imports, the draw and the winning places. Entries hold personal data
-- only until the competition's retention period ends; the purge keeps what the certificate needs.
CREATE TABLE competitions (
	id             TEXT PRIMARY KEY,
	title          TEXT NOT NULL,
	sponsor        TEXT NOT NULL,
	prize          TEXT NOT NULL,
	opens_at       TEXT NOT NULL,
	closes_at      TEXT NOT NULL,
	question       TEXT NOT NULL DEFAULT '',
	answer         TEXT NOT NULL DEFAULT '',
	winners        INTEGER NOT NULL,
	reserves       INTEGER NOT NULL,
	claim_days     INTEGER NOT NULL,
	retention_days INTEGER NOT NULL,
	rules          TEXT NOT NULL,
	status         TEXT NOT NULL CHECK (status IN ('draft', 'open', 'committed', 'drawn', 'confirmed', 'purged')),
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	purged_at      TEXT
);

CREATE TABLE competition_entries (
	competition_id TEXT NOT NULL REFERENCES competitions (id),
	entry_id       TEXT NOT NULL,
	import_id      INTEGER NOT NULL,
	line           INTEGER NOT NULL,
	submitted_at   INTEGER NOT NULL,
	first_name     TEXT NOT NULL,
	surname        TEXT NOT NULL,
	email          TEXT NOT NULL,
	email_key      TEXT NOT NULL,
	date_of_birth  TEXT NOT NULL,
	postcode       TEXT NOT NULL,
	address_line1  TEXT NOT NULL,
	household_key  TEXT NOT NULL,
	county         TEXT NOT NULL,
	country        TEXT NOT NULL,
	answer         TEXT NOT NULL,
	partner_opt_in INTEGER NOT NULL,
	source         TEXT NOT NULL,
	weight         INTEGER NOT NULL,
	own_reason     TEXT NOT NULL,
	status         TEXT NOT NULL CHECK (status IN ('eligible', 'ineligible', 'duplicate')),
	reason         TEXT NOT NULL,
	kept_entry_id  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (competition_id, entry_id)
);

CREATE TABLE competition_imports (
	id             INTEGER PRIMARY KEY,
	competition_id TEXT NOT NULL REFERENCES competitions (id),
	file_name      TEXT NOT NULL,
	at             TEXT NOT NULL,
	operator       TEXT NOT NULL,
	report         TEXT NOT NULL
);

CREATE TABLE competition_draws (
	competition_id  TEXT PRIMARY KEY REFERENCES competitions (id),
	algorithm       TEXT NOT NULL,
	list            BLOB NOT NULL,
	list_hash       TEXT NOT NULL,
	entries         INTEGER NOT NULL,
	total_weight    INTEGER NOT NULL,
	counts          TEXT NOT NULL,
	snapshot        TEXT NOT NULL,
	seed            TEXT NOT NULL,
	commitment      TEXT NOT NULL,
	committed_at    TEXT NOT NULL,
	committed_by    TEXT NOT NULL,
	public_value    TEXT NOT NULL DEFAULT '',
	public_value_at TEXT NOT NULL DEFAULT '',
	drawn_at        TEXT NOT NULL DEFAULT '',
	drawn_by        TEXT NOT NULL DEFAULT '',
	result          TEXT NOT NULL DEFAULT ''
);

-- One row per assignment of a winning place: the first winners, then each reserve who replaced someone.
CREATE TABLE competition_places (
	competition_id TEXT NOT NULL REFERENCES competitions (id),
	seq            INTEGER NOT NULL,
	place          INTEGER NOT NULL,
	entry_id       TEXT NOT NULL,
	reserve_rank   INTEGER NOT NULL,
	status         TEXT NOT NULL CHECK (status IN ('pending', 'claimed', 'declined', 'expired', 'disqualified')),
	reason         TEXT NOT NULL DEFAULT '',
	assigned_at    TEXT NOT NULL,
	deadline       TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	PRIMARY KEY (competition_id, seq)
);

-- Who won, as SHA-256 of the normalised email, for the "past winners excluded for N months" rule; rows
-- older than three years are purged.
CREATE TABLE competition_past_winners (
	email_hash     TEXT NOT NULL,
	competition_id TEXT NOT NULL,
	won_at         TEXT NOT NULL,
	PRIMARY KEY (email_hash, competition_id)
);
