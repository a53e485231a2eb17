-- Surveys, their respondents and answers, and the import history. Respondents hold personal data only
-- until the survey's retention period ends; answers to sensitive questions are stored only with the
-- respondent's explicit consent.
CREATE TABLE surveys (
	id         TEXT PRIMARY KEY,
	title      TEXT NOT NULL,
	details    TEXT NOT NULL,
	mapping    TEXT NOT NULL DEFAULT '{}',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- answers: "qid<US>value<US>value<RS>qid<US>value..." (US = 0x1f, RS = 0x1e), see answers.go.
-- Clustered by survey and respondent id: results read one survey's rows as one range.
CREATE TABLE surveys_respondents (
	survey_id         TEXT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
	respondent_id     TEXT NOT NULL,
	collector         TEXT NOT NULL DEFAULT '',
	email             TEXT NOT NULL DEFAULT '',
	first_name        TEXT NOT NULL DEFAULT '',
	last_name         TEXT NOT NULL DEFAULT '',
	ip                TEXT NOT NULL DEFAULT '',
	started_at        TEXT NOT NULL DEFAULT '',
	submitted_at      TEXT NOT NULL,
	sharing_consent   INTEGER NOT NULL DEFAULT 0 CHECK (sharing_consent IN (0, 1)),
	sensitive_consent INTEGER NOT NULL DEFAULT 0 CHECK (sensitive_consent IN (0, 1)),
	answers           TEXT NOT NULL,
	row_hash          TEXT NOT NULL,
	imported_at       TEXT NOT NULL,
	PRIMARY KEY (survey_id, respondent_id)
) WITHOUT ROWID;
CREATE INDEX surveys_respondents_email ON surveys_respondents (email) WHERE email != '';

CREATE TABLE surveys_imports (
	id        INTEGER PRIMARY KEY,
	survey_id TEXT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
	file_name TEXT NOT NULL,
	format    TEXT NOT NULL,
	at        TEXT NOT NULL,
	operator  TEXT NOT NULL,
	report    TEXT NOT NULL
);
