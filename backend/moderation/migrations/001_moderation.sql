-- The moderation queue: what members submitted to the site (listings, events, reviews, comments), the
-- flags the automatic checks raised, and the decisions moderators took.
CREATE TABLE moderation_items (
	id                 TEXT PRIMARY KEY,
	version            INTEGER NOT NULL,
	kind               TEXT NOT NULL,
	title              TEXT NOT NULL DEFAULT '',
	body               TEXT NOT NULL DEFAULT '',
	contact_name       TEXT NOT NULL DEFAULT '',
	contact_email      TEXT NOT NULL DEFAULT '',
	contact_phone      TEXT NOT NULL DEFAULT '',
	website            TEXT NOT NULL DEFAULT '',
	address            TEXT NOT NULL DEFAULT '',
	postcode           TEXT NOT NULL DEFAULT '',
	postcode_area      TEXT NOT NULL DEFAULT '',
	submitted_by       TEXT NOT NULL DEFAULT '',
	submitted_by_email TEXT NOT NULL DEFAULT '',
	submitted_at       TEXT NOT NULL,
	event_start        TEXT NOT NULL DEFAULT '',
	event_end          TEXT NOT NULL DEFAULT '',
	expires_at         TEXT NOT NULL DEFAULT '',
	parent_id          TEXT NOT NULL DEFAULT '',
	state              TEXT NOT NULL DEFAULT 'pending',
	flags              TEXT NOT NULL DEFAULT '[]',
	flag_mask          INTEGER NOT NULL DEFAULT 0,
	body_key           TEXT NOT NULL DEFAULT '',
	title_key          TEXT NOT NULL DEFAULT '',
	imported_at        TEXT NOT NULL
);
-- The queue, oldest first; it also holds the columns the filters test, so counting and paging filtered
-- queues read the index alone.
CREATE INDEX moderation_items_queue ON moderation_items (state, submitted_at, id, kind, flag_mask, postcode_area);
CREATE INDEX moderation_items_kind ON moderation_items (state, kind, submitted_at, flag_mask, postcode_area);
CREATE INDEX moderation_items_area ON moderation_items (state, postcode_area, submitted_at);
CREATE INDEX moderation_items_submitter ON moderation_items (submitted_by_email);
CREATE INDEX moderation_items_submitter_name ON moderation_items (submitted_by COLLATE NOCASE);
CREATE INDEX moderation_items_body ON moderation_items (body_key) WHERE body_key != '';
CREATE INDEX moderation_items_title ON moderation_items (title_key) WHERE title_key != '';
CREATE INDEX moderation_items_parent ON moderation_items (parent_id) WHERE parent_id != '';

-- One row per decision, never rewritten except to mark it undone or exported. batch groups a bulk decision
-- so that undo takes it back whole.
CREATE TABLE moderation_decisions (
	seq           INTEGER PRIMARY KEY AUTOINCREMENT,
	batch         INTEGER NOT NULL,
	item_id       TEXT NOT NULL REFERENCES moderation_items (id) ON DELETE CASCADE,
	version       INTEGER NOT NULL,
	decision      TEXT NOT NULL,
	reason        TEXT NOT NULL DEFAULT '',
	note          TEXT NOT NULL DEFAULT '',
	operator_id   TEXT NOT NULL,
	operator      TEXT NOT NULL,
	decided_at    TEXT NOT NULL,
	prev_state    TEXT NOT NULL,
	undone        INTEGER NOT NULL DEFAULT 0,
	exported_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX moderation_decisions_item ON moderation_decisions (item_id, seq);
CREATE INDEX moderation_decisions_unexported ON moderation_decisions (seq) WHERE exported_at = '' AND undone = 0;
CREATE INDEX moderation_decisions_operator ON moderation_decisions (operator_id, batch);

-- The configurable lists the checks use: list is 'abuse' (words) or 'spam_domain' (hosts).
CREATE TABLE moderation_terms (
	list TEXT NOT NULL,
	term TEXT NOT NULL,
	PRIMARY KEY (list, term)
);
