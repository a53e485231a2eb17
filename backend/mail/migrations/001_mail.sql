-- Mailboxes synced over IMAP; the password lives only here, in the encrypted store.
CREATE TABLE mail_mailboxes (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE,
    imap_host          TEXT NOT NULL,
    imap_port          INTEGER NOT NULL,
    imap_security      TEXT NOT NULL,
    username           TEXT NOT NULL,
    password           TEXT NOT NULL,
    folders            TEXT NOT NULL,
    allow_insecure     INTEGER NOT NULL DEFAULT 0,
    smtp_host          TEXT NOT NULL,
    smtp_port          INTEGER NOT NULL,
    smtp_security      TEXT NOT NULL,
    from_address       TEXT NOT NULL,
    sent_folder        TEXT NOT NULL DEFAULT '',
    keywords_supported INTEGER,
    created_at         TEXT NOT NULL
);

-- Per-folder sync state, advanced only after a folder's sync completes.
CREATE TABLE mail_folders (
    mailbox_id      INTEGER NOT NULL REFERENCES mail_mailboxes(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    uidvalidity     INTEGER NOT NULL DEFAULT 0,
    highest_modseq  INTEGER NOT NULL DEFAULT 0,
    uidnext         INTEGER NOT NULL DEFAULT 0,
    synced_at       TEXT,
    PRIMARY KEY (mailbox_id, name)
);

-- One row per message on the server, keyed by (mailbox, folder, UIDVALIDITY, UID). id is the "ref" that
-- the help desk keeps. raw holds the whole message, or its first part when partial = 1 (fetched on demand);
-- an erased message (the privacy notice's erasure) keeps its row, so it is never fetched again, but no raw.
CREATE TABLE mail_messages (
    id          INTEGER PRIMARY KEY,
    mailbox_id  INTEGER NOT NULL REFERENCES mail_mailboxes(id) ON DELETE CASCADE,
    folder      TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    modseq      INTEGER NOT NULL DEFAULT 0,
    keywords    TEXT NOT NULL DEFAULT '',
    size        INTEGER NOT NULL,
    dedupe_key  TEXT NOT NULL,
    partial     INTEGER NOT NULL DEFAULT 0,
    erased      INTEGER NOT NULL DEFAULT 0,
    raw         BLOB NOT NULL,
    UNIQUE (mailbox_id, folder, uidvalidity, uid)
);
-- Covers the sync's read of a folder's known messages, so it never touches the raw pages.
CREATE INDEX mail_messages_sync ON mail_messages (mailbox_id, folder, uid, uidvalidity, modseq, keywords, dedupe_key);

-- The offline outbox: keyword changes and sends, flushed in id order, once.
CREATE TABLE mail_outbox (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('keywords', 'send')),
    mailbox_id  INTEGER NOT NULL REFERENCES mail_mailboxes(id) ON DELETE CASCADE,
    state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'done', 'failed')),
    ref         INTEGER,
    add_kw      TEXT NOT NULL DEFAULT '',
    remove_kw   TEXT NOT NULL DEFAULT '',
    from_addr   TEXT NOT NULL DEFAULT '',
    rcpt        TEXT NOT NULL DEFAULT '',
    raw         BLOB,
    message_id  TEXT NOT NULL DEFAULT '',
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX mail_outbox_pending ON mail_outbox (state, id);
