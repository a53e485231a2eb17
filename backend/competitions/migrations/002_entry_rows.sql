-- Slimmer entry rows, so that a 1M-entry import writes (and encrypts) far fewer bytes and binds far fewer
-- values. competition_entry_rows is one B-tree keyed by competition and entry id (WITHOUT ROWID: no
-- separate primary-key index). The columns the rules and the draw query stay columns; the rest of what an
-- entrant sent is one JSON array, `details`, in this order:
--   0 import_id, 1 line, 2 submitted_at (Unix ms), 3 first_name, 4 surname, 5 email ('' when it is the
--   same as email_key, as most are), 6 date_of_birth,
--   7 postcode, 8 address_line1, 9 county, 10 country (null for United Kingdom, the default and by far the
--   most common), 11 answer, 12 partner_opt_in (0 or 1), 13 source,
--   14 own_reason
-- The view competition_entries keeps the earlier table's columns for reading (household_key, which only
-- the duplicate rules used, is computed when needed); its INSTEAD OF triggers pass writes through.
-- status is 0 eligible, 1 ineligible, 2 duplicate; the view names it.
CREATE TABLE competition_entry_rows (
	competition_id TEXT NOT NULL REFERENCES competitions (id),
	entry_id       TEXT NOT NULL,
	status         INTEGER NOT NULL CHECK (status IN (0, 1, 2)),
	reason         TEXT NOT NULL,
	weight         INTEGER NOT NULL,
	email_key      TEXT NOT NULL,
	kept_entry_id  TEXT NOT NULL DEFAULT '',
	details        TEXT NOT NULL,
	PRIMARY KEY (competition_id, entry_id)
) WITHOUT ROWID;

INSERT INTO competition_entry_rows (competition_id, entry_id, status, reason, weight, email_key, kept_entry_id, details)
SELECT competition_id, entry_id, CASE status WHEN 'eligible' THEN 0 WHEN 'ineligible' THEN 1 ELSE 2 END, reason, weight,
	email_key, kept_entry_id, json_array(import_id, line, submitted_at, first_name, surname,
		CASE WHEN email = email_key THEN '' ELSE email END, date_of_birth, postcode, address_line1, county,
		nullif(country, 'United Kingdom'), answer, partner_opt_in, source, own_reason)
FROM competition_entries;

DROP TABLE competition_entries;

CREATE VIEW competition_entries AS
SELECT competition_id, entry_id, details ->> 0 AS import_id, details ->> 1 AS line, details ->> 2 AS submitted_at,
	details ->> 3 AS first_name, details ->> 4 AS surname,
	CASE details ->> 5 WHEN '' THEN email_key ELSE details ->> 5 END AS email, email_key,
	details ->> 6 AS date_of_birth, details ->> 7 AS postcode, details ->> 8 AS address_line1, details ->> 9 AS county,
	coalesce(details ->> 10, 'United Kingdom') AS country, details ->> 11 AS answer, details ->> 12 AS partner_opt_in,
	details ->> 13 AS source, weight, details ->> 14 AS own_reason,
	CASE status WHEN 0 THEN 'eligible' WHEN 1 THEN 'ineligible' ELSE 'duplicate' END AS status, reason, kept_entry_id
FROM competition_entry_rows;

CREATE TRIGGER competition_entries_insert INSTEAD OF INSERT ON competition_entries
BEGIN
	INSERT INTO competition_entry_rows (competition_id, entry_id, status, reason, weight, email_key, kept_entry_id, details)
	VALUES (NEW.competition_id, NEW.entry_id,
		CASE NEW.status WHEN 'eligible' THEN 0 WHEN 'ineligible' THEN 1 WHEN 'duplicate' THEN 2 END,
		NEW.reason, NEW.weight, NEW.email_key, coalesce(NEW.kept_entry_id, ''),
		json_array(NEW.import_id, NEW.line, NEW.submitted_at, NEW.first_name, NEW.surname,
			CASE WHEN NEW.email = NEW.email_key THEN '' ELSE NEW.email END, NEW.date_of_birth, NEW.postcode,
			coalesce(NEW.address_line1, ''), NEW.county, nullif(NEW.country, 'United Kingdom'), NEW.answer,
			NEW.partner_opt_in, NEW.source, coalesce(NEW.own_reason, '')));
END;

CREATE TRIGGER competition_entries_update INSTEAD OF UPDATE ON competition_entries
BEGIN
	UPDATE competition_entry_rows SET entry_id = NEW.entry_id,
		status = CASE NEW.status WHEN 'eligible' THEN 0 WHEN 'ineligible' THEN 1 WHEN 'duplicate' THEN 2 END,
		reason = NEW.reason, weight = NEW.weight, email_key = NEW.email_key, kept_entry_id = NEW.kept_entry_id,
		details = json_array(NEW.import_id, NEW.line, NEW.submitted_at, NEW.first_name, NEW.surname,
			CASE WHEN NEW.email = NEW.email_key THEN '' ELSE NEW.email END, NEW.date_of_birth, NEW.postcode,
			NEW.address_line1, NEW.county, nullif(NEW.country, 'United Kingdom'), NEW.answer, NEW.partner_opt_in,
			NEW.source, NEW.own_reason)
	WHERE competition_id = OLD.competition_id AND entry_id = OLD.entry_id;
END;

CREATE TRIGGER competition_entries_delete INSTEAD OF DELETE ON competition_entries
BEGIN
	DELETE FROM competition_entry_rows WHERE competition_id = OLD.competition_id AND entry_id = OLD.entry_id;
END;
