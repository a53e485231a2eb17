//go:build !libsqlite3

package store

import "context"

// OpenPlain opens an unencrypted database at path and migrates it. It exists only in builds without the
// libsqlite3 tag, which link no cipher and which Staffdesk refuses to ship, so that an area's benchmarks can
// measure the plain-SQLite reference with the same code (`make bench`, STAFFDESK_BENCH_PLAIN=1).
func OpenPlain(ctx context.Context, path string, migrations ...Migrations) (*DB, error) {
	db, err := open(path, "", false)
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx, migrations); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
