-- The frozen list in a table of its own. The draw's row changes after the commit (the public value, the
-- results), and each change rewrote, and encrypted again, a list that holds a million entries; reading
-- any column after the list walked its overflow pages.
CREATE TABLE competition_draw_lists (
	competition_id TEXT PRIMARY KEY REFERENCES competitions (id),
	list           BLOB NOT NULL
);

INSERT INTO competition_draw_lists (competition_id, list) SELECT competition_id, list FROM competition_draws;

ALTER TABLE competition_draws DROP COLUMN list;
