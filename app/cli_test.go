package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"staffdesk/backend/clock"
	"staffdesk/backend/keyslot"
)

// testCLI runs command lines against one data folder, with light Argon2 costs.
type testCLI struct {
	t   *testing.T
	dir string
}

func newTestCLI(t *testing.T) *testCLI {
	t.Setenv("STAFFDESK_PASSPHRASE", "")
	os.Unsetenv("STAFFDESK_PASSPHRASE")
	os.Unsetenv("STAFFDESK_OPERATOR")
	return &testCLI{t: t, dir: filepath.Join(t.TempDir(), "data")}
}

func (tc *testCLI) passFile(pass string) string {
	p := filepath.Join(tc.t.TempDir(), "pass")
	os.WriteFile(p, []byte(pass+"\n"), 0o600)
	return p
}

// run runs staffdesk with args and returns its exit code, stdout and stderr.
func (tc *testCLI) run(pass string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	c := &cli{assets: fstest.MapFS{}, stdin: os.Stdin, stdout: &out, stderr: &errb}
	full := append([]string{"--data", tc.dir}, args...)
	if pass != "" {
		full = append(full, "--passphrase-file", tc.passFile(pass))
	}
	code := c.runWith(context.Background(), full, keyslot.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1})
	return code, out.String(), errb.String()
}

func folderHash(t *testing.T, dir string) string {
	h := sha256.New()
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			fmt.Fprintf(h, "%s %x\n", p, sha256.Sum256(b))
		}
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestCLI(t *testing.T) {
	tc := newTestCLI(t)
	steps := []struct {
		name     string
		pass     string
		args     []string
		code     int
		contains string
	}{
		{"init", "admin-passphrase", []string{"init"}, 0, "with admin admin"},
		{"init twice", "admin-passphrase", []string{"init"}, 1, "already holds files"},
		{"wrong passphrase", "not-the-one", []string{"audit", "verify"}, 1, "passphrase for operator admin is wrong"},
		{"add operator", "admin-passphrase", []string{"operators", "add", "hana", "--email", "hana@staff.example", "--role", "helpdesk", "--new-passphrase-file", tc.passFile("hana-passphrase")}, 0, "Added hana"},
		{"list operators", "admin-passphrase", []string{"operators", "list", "--operator", "admin"}, 0, "hana"},
		{"list as json", "admin-passphrase", []string{"--json", "--operator", "admin", "operators", "list"}, 0, `"role": "helpdesk"`},
		{"help desk may not add", "hana-passphrase", []string{"--operator", "hana", "operators", "add", "eve", "--email", "e@x.example", "--role", "admin", "--new-passphrase-file", tc.passFile("eve-passphrase")}, 1, "may not do this"},
		{"default operator is the first admin", "hana-passphrase", []string{"audit", "verify"}, 1, "passphrase for operator admin is wrong"},
		{"passwd", "hana-passphrase", []string{"--operator", "hana", "passwd", "--new-passphrase-file", tc.passFile("hana-passphrase-2")}, 0, "Changed the passphrase of hana"},
		{"old passphrase refused", "hana-passphrase", []string{"--operator", "hana", "operators", "list"}, 1, "wrong"},
		{"new passphrase works", "hana-passphrase-2", []string{"--operator", "hana", "operators", "list"}, 0, "admin"},
		{"remove last admin", "admin-passphrase", []string{"--operator", "admin", "operators", "remove", "admin"}, 1, "last admin"},
		{"remove", "admin-passphrase", []string{"--operator", "admin", "operators", "remove", "hana"}, 0, "Removed hana"},
		{"removed cannot open", "hana-passphrase-2", []string{"--operator", "hana", "operators", "list"}, 1, "no operator named hana"},
		{"audit verify", "admin-passphrase", []string{"audit", "verify"}, 0, "intact"},
		{"audit list", "admin-passphrase", []string{"audit", "list"}, 0, "operator.remove"},
		{"unknown command", "", []string{"frobnicate"}, 2, "unknown command"},
		{"version", "", []string{"version"}, 0, "SQLite3 Multiple Ciphers"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			before := folderHash(t, tc.dir)
			code, out, errOut := tc.run(s.pass, s.args...)
			if code != s.code || !strings.Contains(out+errOut, s.contains) {
				t.Fatalf("exit %d (want %d), output %q %q, want it to contain %q", code, s.code, out, errOut, s.contains)
			}
			if strings.Contains(s.contains, "wrong") && folderHash(t, tc.dir) != before {
				t.Fatal("a wrong passphrase changed files in the data folder")
			}
		})
	}
}

func TestCLIAuditVerifyFindsEdit(t *testing.T) {
	tc := newTestCLI(t)
	if code, _, e := tc.run("admin-passphrase", "init"); code != 0 {
		t.Fatal(e)
	}
	tc.run("admin-passphrase", "operators", "add", "mo", "--email", "mo@staff.example", "--role", "moderator", "--new-passphrase-file", tc.passFile("mo-passphrase"))
	cfg := Config{DataDir: tc.dir, Clock: clock.System{}, SlotParams: keyslot.DefaultParams}
	s := NewSession(cfg, nil)
	if _, err := s.Unlock(context.Background(), "admin", "admin-passphrase"); err != nil {
		t.Fatal(err)
	}
	err := s.Do(context.Background(), func(ctx context.Context, svc *Services) error {
		return svc.DB.Update(ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET object_id = 'someone-else' WHERE id = 2`)
			return err
		})
	})
	s.Lock()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := tc.run("admin-passphrase", "audit", "verify")
	if code == 0 || !strings.Contains(errOut, "entry 2") {
		t.Fatalf("verify after an edit: exit %d, %q %q", code, out, errOut)
	}
}
