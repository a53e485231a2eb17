package privacy

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

// MemberArea is an area that keeps members' personal data: it lists what it holds about a person (access
// and portability) and erases it the way the privacy notice says for that area.
type MemberArea interface {
	AreaName() string
	MemberRecords(ctx context.Context, email string) (AreaRecords, error)
	EraseMember(ctx context.Context, email string) (ErasureCount, error)
}

// ErasurePreviewer is a MemberArea that can say, without changing anything, what EraseMember would do.
// Areas without it show the number of records found in a dry run.
type ErasurePreviewer interface {
	PreviewErasure(ctx context.Context, email string) (ErasureCount, error)
}

// AliasFinder is a MemberArea that matches people on a normalised address (for example Gmail without dots
// and +tags) and can list the addresses as they were written in its records. The other areas are then
// asked about each of those too, so an erasure or an access file also covers "Jo.Member+win@gmail.com".
// An AliasFinder itself is asked about the person's address only.
type AliasFinder interface {
	MemberAliases(ctx context.Context, email string) ([]string, error)
}

// RetentionArea is an area with records on the retention schedule: it reports what is due at now and,
// unless dryRun, removes or anonymises it.
type RetentionArea interface {
	Retention(ctx context.Context, now time.Time, dryRun bool) ([]RetentionLine, error)
}

// AuditLog records privacy actions and finds the audit entries about a person for an access request.
type AuditLog interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
	Search(ctx context.Context, f audit.Filter) (audit.Page, error)
}

// Service carries out members' rights (access, portability, erasure), tracks their requests against the
// one-month deadline and runs the retention schedule, through the areas it was given.
type Service struct {
	db        *store.DB
	audit     AuditLog
	clock     clock.Clock
	areas     []MemberArea
	retention []RetentionArea
}

// NewService returns the privacy service reaching the given areas. Nil entries are skipped.
func NewService(db *store.DB, au AuditLog, clk clock.Clock, areas []MemberArea, retention []RetentionArea) *Service {
	s := &Service{db: db, audit: au, clock: clk}
	for _, a := range areas {
		if a != nil {
			s.areas = append(s.areas, a)
		}
	}
	for _, r := range retention {
		if r != nil {
			s.retention = append(s.retention, r)
		}
	}
	return s
}

// AreaNames lists the connected member areas, in order.
func (s *Service) AreaNames() []string {
	out := make([]string, len(s.areas))
	for i, a := range s.areas {
		out[i] = a.AreaName()
	}
	return out
}

// PersonObjectType is the audit object type of entries about a person; their object id is the keyed hash.
const PersonObjectType = "person"

// NormaliseEmail returns the address as the privacy tools compare it: trimmed and lower-cased. It refuses
// something that is not an email address.
func NormaliseEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	at := strings.LastIndexByte(e, '@')
	if at <= 0 || at == len(e)-1 || strings.ContainsAny(e, " \t\r\n,;<>") {
		return "", apperr.New(apperr.Invalid, "give the member's email address")
	}
	return e, nil
}

// PersonRef returns the keyed hash (HMAC-SHA256 under the store's privacy key) that names a person in the
// audit log instead of their address. Admins only.
func (s *Service) PersonRef(ctx context.Context, email string) (string, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return "", err
	}
	e, err := NormaliseEmail(email)
	if err != nil {
		return "", err
	}
	var ref string
	err = s.db.Update(ctx, func(tx *sql.Tx) (err error) {
		ref, err = personRef(ctx, tx, e)
		return err
	})
	return ref, err
}

// personRef computes the keyed hash inside tx, creating the key on first use.
func personRef(ctx context.Context, tx *sql.Tx, email string) (string, error) {
	var key []byte
	err := tx.QueryRowContext(ctx, `SELECT key FROM privacy_keys WHERE one = 1`).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return "", fmt.Errorf("create privacy key: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO privacy_keys (one, key) VALUES (1, ?)`, key)
	}
	if err != nil {
		return "", fmt.Errorf("read privacy key: %w", err)
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte("staffdesk-person/1\x00" + email))
	return hex.EncodeToString(m.Sum(nil)), nil
}

// addresses returns the person's address and the aliases the AliasFinder areas found, each once.
func (s *Service) addresses(ctx context.Context, person string) ([]string, error) {
	out, seen := []string{person}, map[string]bool{person: true}
	for _, a := range s.areas {
		f, ok := a.(AliasFinder)
		if !ok {
			continue
		}
		aliases, err := f.MemberAliases(ctx, person)
		if err != nil {
			return nil, fmt.Errorf("find %s's addresses: %w", a.AreaName(), err)
		}
		for _, al := range aliases {
			if e, err := NormaliseEmail(al); err == nil && !seen[e] {
				out, seen[e] = append(out, e), true
			}
		}
	}
	return out, nil
}

// addressesFor returns the addresses to ask area about: the person's only for an AliasFinder.
func addressesFor(area MemberArea, all []string) []string {
	if _, ok := area.(AliasFinder); ok {
		return all[:1]
	}
	return all
}

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
