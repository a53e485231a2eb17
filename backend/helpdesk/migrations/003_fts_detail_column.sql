-- The search index records which words a ticket holds, not where (detail = column): searches never asked
-- for positions but a phrase inside one typed word (ftsQuery now splits those), and recording every
-- position of every word was most of the index's work in a first sync. Each row's body now holds each word
-- once (message.Words).
--
-- Marks (M*) and unassigned code points (Cn) are now word characters too, as they are for ftsQuery, which
-- must never hand the index a typed word that it splits in two (a phrase): a vowel sign inside a Hindi or
-- Syriac word no longer splits it, and a letter newer than the tokenizer's Unicode tables is still one.
--
-- The rows are rebuilt here with the words reindex finds, from the tickets and their items' text (every
-- thread whole, where reindex reads its first 256 KB); the facets are the same tokens in upper-case hex,
-- which the tokenizer folds.
DROP TABLE helpdesk_fts;
CREATE VIRTUAL TABLE helpdesk_fts USING fts5 (subject, body, participants, facets, content = '', contentless_delete = 1,
    detail = column, tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M* Cn'");
INSERT INTO helpdesk_fts (rowid, subject, body, participants, facets)
SELECT t.id, t.subject,
    coalesce((SELECT group_concat(i.text, char(10)) FROM (SELECT text FROM helpdesk_items WHERE ticket_id = t.id
        ORDER BY date, id) i), ''),
    t.requester_name || ' ' || t.requester_email || coalesce((SELECT group_concat(' ' || from_name || ' ' || from_email
        || ' ' || to_json || ' ' || cc_json, '') FROM helpdesk_items WHERE ticket_id = t.id), ''),
    'xst' || t.status || ' xas' || hex(t.assignee_id) || ' xmb' || hex(t.mailbox) || ' xsens' || t.sensitive
        || coalesce((SELECT group_concat(' xtg' || hex(value), '') FROM json_each(CASE WHEN json_valid(t.tags) THEN t.tags
        ELSE '[]' END)), '')
FROM helpdesk_tickets t WHERE t.redacted_at = 0;
