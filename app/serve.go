package app

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"time"

	"staffdesk/backend/apperr"
)

const tokenCookie = "staffdesk_token"

// Server serves the built UI and the bound methods to a browser on a loopback address. Every request
// needs the random token printed at start, and the Host header must name the loopback address, so
// neither another local user's page nor a DNS-rebinding site can call it.
type Server struct {
	calls  *callTable
	hub    *eventHub
	assets fs.FS
	token  string
	port   string
}

// CheckLoopback refuses any listen address that is not on the loopback interface.
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return apperr.New(apperr.Invalid, "address %q: use host:port, such as 127.0.0.1:0", addr)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return apperr.New(apperr.Invalid, "staffdesk serve listens on loopback addresses only (127.0.0.1, ::1): %q is not one", host)
	}
	return nil
}

// Serve listens on addr (loopback only), prints the address with its token once to out, and serves until ctx ends.
func Serve(ctx context.Context, assets fs.FS, cfg Config, addr string, out io.Writer) error {
	if err := CheckLoopback(addr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	hub := newEventHub()
	cfg.DailyRetention = cfg.DemoPassphrase == ""
	cfg.MailBackground = true
	session := NewSession(cfg, hub)
	defer session.Lock()
	srv, err := newServer(assets, NewBindings(ctx, session, cfg), hub, ln.Addr().String())
	if err != nil {
		ln.Close()
		return err
	}
	fmt.Fprintf(out, "Staffdesk is serving on http://%s/?token=%s\n", ln.Addr(), srv.token)
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		hub.close()
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func newServer(assets fs.FS, b *Bindings, hub *eventHub, addr string) (*Server, error) {
	calls, err := newCallTable(b.All())
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 32)
	if _, err := rand.Read(tok); err != nil {
		return nil, fmt.Errorf("make token: %w", err)
	}
	_, port, _ := net.SplitHostPort(addr)
	return &Server{calls: calls, hub: hub, assets: assets, token: hex.EncodeToString(tok), port: port}, nil
}

// ServeHTTP checks the Host header and the token, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		http.Error(w, "unexpected Host header", http.StatusMisdirectedRequest)
		return
	}
	if q := r.URL.Query().Get("token"); q != "" && r.Method == http.MethodGet && s.tokenOK(q) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
		return
	}
	if !s.authorised(r) {
		http.Error(w, "missing or wrong token: open the address staffdesk serve printed", http.StatusUnauthorized)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// https: images are for the help desk's mail frame, whose srcdoc inherits this policy: the sanitiser keeps
	// remote images out of a mail until the operator asks for them, and the frame's own policy runs no script.
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
	switch {
	case r.URL.Path == "/api/call":
		s.calls.serve(w, r)
	case r.URL.Path == "/api/events":
		s.hub.serve(w, r)
	case r.URL.Path == "/staffdesk-shim.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, s.calls.shim())
	default:
		s.serveAsset(w, r)
	}
}

func (s *Server) hostAllowed(host string) bool {
	h, p, err := net.SplitHostPort(host)
	if err != nil || p != s.port {
		return false
	}
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(h, "[]"))
	return ip != nil && ip.IsLoopback()
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

func (s *Server) authorised(r *http.Request) bool {
	if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return s.tokenOK(bearer)
	}
	c, err := r.Cookie(tokenCookie)
	return err == nil && s.tokenOK(c.Value)
}

// serveAsset serves the built UI; index.html gets the shim that stands in for the Wails runtime.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	b, err := fs.ReadFile(s.assets, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if name == "index.html" {
		page := strings.Replace(string(b), "<head>", `<head><script src="/staffdesk-shim.js"></script>`, 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
		return
	}
	http.ServeContent(w, r, name, time.Time{}, strings.NewReader(string(b)))
}

func statusOf(code apperr.Code) int {
	switch code {
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.Invalid:
		return http.StatusBadRequest
	case apperr.Conflict:
		return http.StatusConflict
	case apperr.Forbidden:
		return http.StatusForbidden
	case apperr.Locked:
		return http.StatusLocked
	}
	return http.StatusInternalServerError
}
