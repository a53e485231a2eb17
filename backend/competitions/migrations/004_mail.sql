-- Entries by email and winner notifications through the mail outbox. A competition may be linked to one
-- mailbox folder; each mail taken from it is remembered by its key (Message-ID, or content hash when it has
-- none), so the same mail synced twice or in two mailboxes makes one entry. A notification row ties a
-- winning place to the outbox message that tells the winner.
CREATE TABLE competition_mail_folders (
	competition_id TEXT PRIMARY KEY REFERENCES competitions (id),
	mailbox        TEXT NOT NULL,
	folder         TEXT NOT NULL,
	linked_at      TEXT NOT NULL,
	linked_by      TEXT NOT NULL,
	UNIQUE (mailbox, folder)
);

CREATE TABLE competition_mail_entries (
	competition_id TEXT NOT NULL REFERENCES competitions (id),
	message_key    TEXT NOT NULL,
	entry_id       TEXT NOT NULL,
	outcome        TEXT NOT NULL,
	at             TEXT NOT NULL,
	PRIMARY KEY (competition_id, message_key)
);

CREATE TABLE competition_notifications (
	competition_id TEXT NOT NULL REFERENCES competitions (id),
	seq            INTEGER NOT NULL,
	outbox_id      INTEGER NOT NULL UNIQUE,
	status         TEXT NOT NULL CHECK (status IN ('queued', 'sent')),
	queued_at      TEXT NOT NULL,
	sent_at        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (competition_id, seq)
);
