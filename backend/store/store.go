// Package store opens Staffdesk's one encrypted SQLite database: SQLite3 Multiple Ciphers, keyed with a
// raw 256-bit data key. New databases use AEGIS-256 per page; databases made before in SQLCipher 4 format
// (AES-256-CBC with HMAC-SHA512) still open. It refuses to run on a SQLite without the cipher, runs each
// area's embedded numbered migrations, and gives areas transactions.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"

	"github.com/mattn/go-sqlite3"

	"staffdesk/backend/apperr"
)

// walSizeLimit is the size the WAL file is cut back to when the writer restarts it from the beginning
// after a complete checkpoint (PRAGMA journal_size_limit), so that one large import does not leave a
// WAL of hundreds of megabytes behind.
const walSizeLimit = 64 << 20

// DB is an open encrypted database: one writer connection, a pool of readers and a background
// checkpointer with its own connection.
type DB struct {
	path   string
	cipher cipher
	writer *sql.DB
	reader *sql.DB
	ckpt   *checkpointer
	closed sync.Once
}

// Versions names the SQLite and cipher library the store runs on.
type Versions struct {
	SQLite      string `json:"sqlite"`
	MultiCipher string `json:"multiCipher"`
}

// Open opens (or creates) the encrypted database at path with the 32-byte data key and migrates it.
func Open(ctx context.Context, path string, key []byte, migrations ...Migrations) (*DB, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("open store: data key must be 32 bytes")
	}
	db, err := open(path, "raw:"+hex.EncodeToString(key), true)
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx, migrations); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// open opens both pools; key "" opens an unencrypted database (benchmarks only) and requireCipher
// refuses a SQLite without SQLite3 Multiple Ciphers. An encrypted database is tried with each cipher in
// turn, newest first: a page the key and cipher do not authenticate reads as "not a database", and
// reading it writes nothing.
func open(path, key string, requireCipher bool) (*DB, error) {
	if requireCipher {
		if _, err := LibraryVersions(context.Background()); err != nil {
			return nil, apperr.Wrap(apperr.Internal, err,
				"this build of Staffdesk links a SQLite without encryption (SQLite3 Multiple Ciphers); refusing to open %s", path)
		}
	}
	tries := ciphers
	if key == "" {
		tries = []cipher{{}}
	}
	var err error
	for _, c := range tries {
		var db *DB
		if db, err = openWith(path, key, c); err == nil {
			return db, nil
		}
		if !isNotADB(err) {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	}
	return nil, apperr.Wrap(apperr.Forbidden, err, "the data key does not open %s", path)
}

// openWith opens both pools with one cipher and checks that it reads the database.
func openWith(path, key string, c cipher) (*DB, error) {
	writer := sql.OpenDB(connector{dsn: dsn(path, key, c, false), pragmas: writerPragmas()})
	writer.SetMaxOpenConns(1)
	reader := sql.OpenDB(connector{dsn: dsn(path, key, c, true)})
	reader.SetMaxOpenConns(4)
	var n int
	if err := writer.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		return nil, errors.Join(err, reader.Close(), writer.Close())
	}
	ckpt := newCheckpointer(sql.OpenDB(connector{dsn: dsn(path, key, c, false), pragmas: writerPragmas()}))
	return &DB{path: path, cipher: c, writer: writer, reader: reader, ckpt: ckpt}, nil
}

// writerPragmas turn the automatic checkpoint off on the connections that may write (the checkpointer
// does it in the background) and bound the WAL file's size once it restarts.
func writerPragmas() []string {
	return []string{`PRAGMA wal_autocheckpoint=0`, fmt.Sprintf(`PRAGMA journal_size_limit=%d`, walSizeLimit)}
}

func isNotADB(err error) bool {
	var se sqlite3.Error
	return errors.Is(err, sqlite3.ErrNotADB) || errors.As(err, &se) && se.Code == sqlite3.ErrNotADB
}

// cipher is one page cipher of SQLite3 Multiple Ciphers, as its URI parameters name it.
type cipher struct {
	name, legacy string
	// label is how the settings screen names it.
	label string
}

// ciphers are the formats the store opens, the one new databases get first. AEGIS-256 (an authenticated
// cipher on the CPU's AES instructions) costs a fraction of SQLCipher 4's software HMAC-SHA512, which
// was a third of a first mail sync's time; databases made in SQLCipher 4 format keep it.
var ciphers = []cipher{
	{name: "aegis", label: "AEGIS-256"},
	{name: "sqlcipher", legacy: "4", label: "SQLCipher 4 (AES-256-CBC, HMAC-SHA512)"},
}

// Cipher names the page cipher of this database ("" for an unencrypted benchmark database).
func (db *DB) Cipher() string { return db.cipher.label }

func dsn(path, key string, c cipher, readOnly bool) string {
	q := url.Values{}
	if key != "" {
		q.Set("cipher", c.name)
		if c.legacy != "" {
			q.Set("legacy", c.legacy)
		}
		q.Set("key", key)
	}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "1")
	q.Set("_busy_timeout", "10000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_cache_size", "-65536")
	if readOnly {
		q.Set("_query_only", "1")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// connector opens mattn connections without registering a global driver name, and runs pragmas on each.
type connector struct {
	dsn     string
	pragmas []string
}

func (c connector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.Driver().Open(c.dsn)
	if err != nil {
		return nil, err
	}
	for _, p := range append([]string{`PRAGMA temp_store=MEMORY`}, c.pragmas...) {
		if _, err := conn.(*sqlite3.SQLiteConn).Exec(p, nil); err != nil {
			conn.Close()
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return conn, nil
}

func (connector) Driver() driver.Driver { return &sqlite3.SQLiteDriver{} }

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// Close stops the background checkpoints, closes both pools and copies the whole WAL into the database
// with a TRUNCATE checkpoint. It returns any error a background checkpoint met. Closing again does nothing.
func (db *DB) Close() error {
	var err error
	db.closed.Do(func() { err = db.close() })
	return err
}

func (db *DB) close() error {
	stopErr := db.ckpt.halt()
	poolErr := errors.Join(db.reader.Close(), db.writer.Close())
	return errors.Join(stopErr, poolErr, db.ckpt.finish())
}

// Update runs fn in a write transaction, committed when fn returns nil and rolled back otherwise. A
// commit nudges the background checkpointer.
func (db *DB) Update(ctx context.Context, fn func(tx *sql.Tx) error) error {
	var walSize int64
	if st, err := os.Stat(db.path + "-wal"); err == nil {
		walSize = st.Size()
	}
	if err := db.ckpt.throttle(ctx, walSize); err != nil {
		return err
	}
	if err := runTx(ctx, db.writer, fn); err != nil {
		return err
	}
	db.ckpt.committed()
	return nil
}

// Bulk starts a write made of many transactions (a first sync, an import): until the returned function
// is called, commits leave the WAL for one background checkpoint at the end instead of nudging one each,
// so that hot pages are copied into the database once and the writer shares no CPU with the copy. Every
// commit stays durable in the WAL as before. Past bulkWALLimit the writer waits for a checkpoint as usual.
// Calling the returned function again does nothing.
func (db *DB) Bulk() (done func()) {
	return db.ckpt.hold()
}

// View runs fn in a read-only transaction.
func (db *DB) View(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return runTx(ctx, db.reader, fn)
}

func runTx(ctx context.Context, pool *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Versions reports the SQLite and SQLite3 Multiple Ciphers versions in use.
func (db *DB) Versions(ctx context.Context) (Versions, error) {
	var v Versions
	err := db.reader.QueryRowContext(ctx, `SELECT sqlite_version(), sqlite3mc_version()`).Scan(&v.SQLite, &v.MultiCipher)
	if err != nil {
		return v, fmt.Errorf("read versions: %w", err)
	}
	return v, nil
}

// IntegrityCheck runs PRAGMA integrity_check and returns its first line ("ok" when sound).
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var res string
	if err := db.writer.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return "", fmt.Errorf("integrity check: %w", err)
	}
	return res, nil
}

// LibraryVersions reports the linked SQLite and SQLite3 Multiple Ciphers versions without opening a store.
// It fails when the cipher is missing, as Open does.
func LibraryVersions(ctx context.Context) (Versions, error) {
	db := sql.OpenDB(connector{dsn: "file::memory:"})
	defer db.Close()
	var v Versions
	err := db.QueryRowContext(ctx, `SELECT sqlite_version(), sqlite3mc_version()`).Scan(&v.SQLite, &v.MultiCipher)
	if err != nil {
		return v, fmt.Errorf("check for SQLite3 Multiple Ciphers: %w", err)
	}
	return v, nil
}
