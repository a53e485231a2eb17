-- Items are found by content hash only when they have no Message-ID (findCopy): index just those, so a
-- sync does not write a random 64-character key into the index for every mail.
DROP INDEX helpdesk_items_hash;
CREATE INDEX helpdesk_items_hash ON helpdesk_items (content_hash) WHERE message_id = '';
