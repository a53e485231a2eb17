-- Staff who may unlock this store. Their key slots live beside the database; this table is the authority
-- for their role and whether they were removed.
CREATE TABLE operators (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	email      TEXT NOT NULL,
	role       TEXT NOT NULL CHECK (role IN ('helpdesk', 'moderator', 'competitions', 'admin')),
	created_at TEXT NOT NULL,
	removed_at TEXT
);
CREATE UNIQUE INDEX operators_active_name ON operators (name) WHERE removed_at IS NULL;
