-- Settings shared by every area: small key/value pairs such as the auto-lock minutes.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
