-- Tickets made from help-desk mail. Times are Unix milliseconds (UTC).
CREATE TABLE helpdesk_tickets (
    id              INTEGER PRIMARY KEY,
    subject         TEXT NOT NULL,
    requester_name  TEXT NOT NULL DEFAULT '',
    requester_email TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'new',
    priority        TEXT NOT NULL DEFAULT 'normal',
    assignee_id     TEXT NOT NULL DEFAULT '',
    mailbox_id      INTEGER NOT NULL DEFAULT 0,
    mailbox         TEXT NOT NULL DEFAULT '',
    tags            TEXT NOT NULL DEFAULT '[]',
    sensitive       INTEGER NOT NULL DEFAULT 0,
    messages        INTEGER NOT NULL DEFAULT 0,
    snippet         TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    redacted_at     INTEGER NOT NULL DEFAULT 0
);
-- Lists show tickets not erased (redacted_at = 0), latest activity first: partial indexes in that order
-- also count them without reading the rows.
CREATE INDEX helpdesk_tickets_updated ON helpdesk_tickets (updated_at DESC, id DESC) WHERE redacted_at = 0;
CREATE INDEX helpdesk_tickets_status ON helpdesk_tickets (status, updated_at DESC, id DESC) WHERE redacted_at = 0;
CREATE INDEX helpdesk_tickets_assignee ON helpdesk_tickets (assignee_id, updated_at DESC, id DESC) WHERE redacted_at = 0;
CREATE INDEX helpdesk_tickets_mailbox ON helpdesk_tickets (mailbox, updated_at DESC, id DESC) WHERE redacted_at = 0;
CREATE INDEX helpdesk_tickets_sensitive ON helpdesk_tickets (sensitive, updated_at DESC, id DESC) WHERE redacted_at = 0;
CREATE INDEX helpdesk_tickets_requester ON helpdesk_tickets (requester_email);

-- One line of a ticket's thread: mail in, our replies, internal notes, auto-replies.
CREATE TABLE helpdesk_items (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES helpdesk_tickets (id),
    kind         TEXT NOT NULL,
    message_id   TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    from_name    TEXT NOT NULL DEFAULT '',
    from_email   TEXT NOT NULL DEFAULT '',
    to_json      TEXT NOT NULL DEFAULT '[]',
    cc_json      TEXT NOT NULL DEFAULT '[]',
    date         INTEGER NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    html         TEXT NOT NULL DEFAULT '',
    attachments  TEXT NOT NULL DEFAULT '[]',
    warnings     TEXT NOT NULL DEFAULT '[]',
    delivery     TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    outbox_id    INTEGER
);
CREATE INDEX helpdesk_items_ticket ON helpdesk_items (ticket_id, date, id);
CREATE INDEX helpdesk_items_msgid ON helpdesk_items (message_id);
CREATE INDEX helpdesk_items_hash ON helpdesk_items (content_hash);
CREATE INDEX helpdesk_items_outbox ON helpdesk_items (outbox_id) WHERE outbox_id IS NOT NULL;

-- The mail area's stored messages (refs) behind each item: one item may sit in several mailboxes.
CREATE TABLE helpdesk_refs (
    ref        INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES helpdesk_items (id),
    mailbox_id INTEGER NOT NULL
);
CREATE INDEX helpdesk_refs_item ON helpdesk_refs (item_id);

-- Everyone who wrote or was written to on a ticket, lower-case: checks [#N] tokens, finds a member's data.
CREATE TABLE helpdesk_participants (
    ticket_id INTEGER NOT NULL REFERENCES helpdesk_tickets (id),
    email     TEXT NOT NULL,
    PRIMARY KEY (ticket_id, email)
) WITHOUT ROWID;
CREATE INDEX helpdesk_participants_email ON helpdesk_participants (email);

CREATE TABLE helpdesk_tags (
    ticket_id INTEGER NOT NULL REFERENCES helpdesk_tickets (id),
    tag       TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
) WITHOUT ROWID;
CREATE INDEX helpdesk_tags_tag ON helpdesk_tags (tag, ticket_id);

-- Auto-replies and bounces that matched no ticket, kept with the reason.
CREATE TABLE helpdesk_unticketed (
    id         INTEGER PRIMARY KEY,
    ref        INTEGER NOT NULL UNIQUE,
    mailbox    TEXT NOT NULL,
    reason     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    from_email TEXT NOT NULL,
    date       INTEGER NOT NULL
);

-- Shared-state conflicts: the server refused our keywords because another laptop changed them first.
CREATE TABLE helpdesk_conflicts (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES helpdesk_tickets (id),
    ref         INTEGER NOT NULL,
    wanted      TEXT NOT NULL,
    server      TEXT NOT NULL,
    at          INTEGER NOT NULL,
    resolved_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX helpdesk_conflicts_open ON helpdesk_conflicts (ticket_id) WHERE resolved_at = 0;

CREATE TABLE helpdesk_canned (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Full-text index, one row per ticket (rowid = ticket id); contentless: the text lives in the tables above.
-- facets holds the ticket's status, assignee, mailbox, tags and sensitive mark as single tokens, so a search
-- with filters is answered, and counted, by the index alone.
CREATE VIRTUAL TABLE helpdesk_fts USING fts5 (subject, body, participants, facets, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
