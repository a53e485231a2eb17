package app

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"staffdesk/backend/clock"
	"staffdesk/backend/keyslot"
)

func TestCheckLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:0", true}, {"127.8.9.10:8080", true}, {"[::1]:0", true}, {"localhost:0", true},
		{"0.0.0.0:0", false}, {":8080", false}, {"192.168.1.10:0", false}, {"[::]:0", false}, {"example.com:80", false}, {"nonsense", false},
	} {
		t.Run(tc.addr, func(t *testing.T) {
			if err := CheckLoopback(tc.addr); (err == nil) != tc.ok {
				t.Fatalf("CheckLoopback(%q) = %v, want ok=%v", tc.addr, err, tc.ok)
			}
		})
	}
}

type lineWriter struct {
	mu   sync.Mutex
	line chan string
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	sc := bufio.NewScanner(strings.NewReader(string(p)))
	for sc.Scan() {
		w.line <- sc.Text()
	}
	return len(p), nil
}

// startServe runs Serve on a fresh store and returns its base URL and token.
func startServe(t *testing.T) (string, string) {
	tc := newTestCLI(t)
	tc.run("admin-passphrase", "init")
	tc.run("admin-passphrase", "operators", "add", "hana", "--email", "hana@staff.example", "--role", "helpdesk", "--new-passphrase-file", tc.passFile("hana-passphrase"))
	ctx, cancel := context.WithCancel(context.Background())
	out := &lineWriter{line: make(chan string, 4)}
	cfg := Config{DataDir: tc.dir, Clock: clock.System{}, SlotParams: keyslot.DefaultParams}
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, fstest.MapFS{"index.html": {Data: []byte("<html><head></head><body>ui</body></html>")}}, cfg, "127.0.0.1:0", out)
	}()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case line := <-out.line:
		url := strings.TrimPrefix(line, "Staffdesk is serving on ")
		base, token, _ := strings.Cut(url, "/?token=")
		return base, token
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve printed no address")
	}
	return "", ""
}

func call(t *testing.T, base, token, host, name string, args ...any) (int, callResponse) {
	t.Helper()
	if args == nil {
		args = []any{}
	}
	body, _ := json.Marshal(map[string]any{"name": name, "args": args})
	req, _ := http.NewRequest(http.MethodPost, base+"/api/call", strings.NewReader(string(body)))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if host != "" {
		req.Host = host
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out callResponse
	b, _ := io.ReadAll(res.Body)
	json.Unmarshal(b, &out)
	return res.StatusCode, out
}

func TestServe(t *testing.T) {
	base, token := startServe(t)
	t.Run("refuses a non-loopback address", func(t *testing.T) {
		err := Serve(context.Background(), fstest.MapFS{}, Config{}, "0.0.0.0:0", io.Discard)
		if err == nil || !strings.Contains(err.Error(), "loopback") {
			t.Fatalf("want a loopback refusal, got %v", err)
		}
	})
	for _, tc := range []struct {
		name, token, host string
		status            int
	}{
		{"no token", "", "", http.StatusUnauthorized},
		{"wrong token", strings.Repeat("0", 64), "", http.StatusUnauthorized},
		{"foreign host header", token, "evil.example:80", http.StatusMisdirectedRequest},
		{"right token", token, "", http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if status, _ := call(t, base, tc.token, tc.host, "app.SessionAPI.State"); status != tc.status {
				t.Fatalf("status %d, want %d", status, tc.status)
			}
		})
	}
	t.Run("page needs the token too", func(t *testing.T) {
		res, err := http.Get(base + "/")
		if err != nil || res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("GET / without token: %v %v", res.StatusCode, err)
		}
		jar, _ := cookiejar.New(nil)
		res, err = (&http.Client{Jar: jar}).Get(base + "/?token=" + token)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("GET /?token=: %v %v", res.StatusCode, err)
		}
		b, _ := io.ReadAll(res.Body)
		if !strings.Contains(string(b), "/staffdesk-shim.js") {
			t.Fatalf("index without the shim: %s", b)
		}
	})
	t.Run("role checked through the browser door", func(t *testing.T) {
		if status, r := call(t, base, token, "", "app.SessionAPI.Unlock", "hana", "hana-passphrase"); status != 200 {
			t.Fatalf("unlock: %d %+v", status, r)
		}
		status, r := call(t, base, token, "", "app.OperatorsAPI.Add", map[string]string{"name": "eve", "email": "e@x.example", "role": "admin", "passphrase": "eve-passphrase"})
		if status != http.StatusForbidden || !strings.Contains(r.Error, "may not do this") {
			t.Fatalf("help desk adding an operator: %d %+v", status, r)
		}
	})
	t.Run("locked calls say so", func(t *testing.T) {
		call(t, base, token, "", "app.SessionAPI.Lock")
		status, r := call(t, base, token, "", "app.AuditAPI.Verify")
		if status != http.StatusLocked || !strings.Contains(r.Error, "locked") {
			t.Fatalf("call while locked: %d %+v", status, r)
		}
	})
	t.Run("bad arguments", func(t *testing.T) {
		if status, _ := call(t, base, token, "", "app.SessionAPI.Unlock", 1); status != http.StatusBadRequest {
			t.Fatalf("status %d", status)
		}
		if status, _ := call(t, base, token, "", "app.Nope.Nothing"); status != http.StatusNotFound {
			t.Fatalf("status %d", status)
		}
		req, _ := http.NewRequest(http.MethodPost, base+"/api/call", strings.NewReader("{not json"))
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil || res.StatusCode != http.StatusBadRequest {
			t.Fatalf("malformed body: %v %v", res.StatusCode, err)
		}
		res.Body.Close()
	})
}

type recordEmitter struct {
	mu     sync.Mutex
	events []string
}

func (r *recordEmitter) Emit(name string, _ any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, name)
}

func TestAutoLock(t *testing.T) {
	tc := newTestCLI(t)
	tc.run("admin-passphrase", "init")
	em := &recordEmitter{}
	s := NewSession(Config{DataDir: tc.dir, Clock: clock.System{}, SlotParams: keyslot.DefaultParams, AutoLock: 1500 * time.Millisecond}, em)
	if _, err := s.Unlock(context.Background(), "", "admin-passphrase"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		time.Sleep(500 * time.Millisecond)
		s.Touch()
	}
	if _, ok := s.Current(); !ok {
		t.Fatal("locked although active")
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if _, ok := s.Current(); !ok {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, ok := s.Current(); ok {
		t.Fatal("still unlocked after the idle time")
	}
	err := s.Do(context.Background(), func(context.Context, *Services) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("call after auto-lock: %v", err)
	}
	em.mu.Lock()
	defer em.mu.Unlock()
	if len(em.events) != 1 || em.events[0] != "session:locked" {
		t.Fatalf("events %v", em.events)
	}
}
