package message

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
	"time"
)

// detectAuto classifies mail written by a program. Bounces first (a delivery-status report, a null
// Return-Path, or a mailer-daemon/postmaster sender), then auto-replies (RFC 3834 Auto-Submitted other
// than "no", X-Autoreply, X-Autorespond, X-Auto-Response-Suppress, read-receipt reports), then bulk
// (Precedence bulk, junk or list).
func detectAuto(h header, m *Message, ct string, params map[string]string) AutoKind {
	report := ct == "multipart/report"
	rt := strings.ToLower(params["report-type"])
	if report && (rt == "delivery-status" || rt == "") {
		return AutoBounce
	}
	if nullReturnPath(h) && !autoSubmitted(h) {
		return AutoBounce
	}
	sender := m.From.Email
	if sender == "" {
		sender = m.From.Name
	}
	local, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(sender)), "@")
	if local == "mailer-daemon" || local == "postmaster" {
		return AutoBounce
	}
	if report || autoSubmitted(h) || h.has("x-autoreply") || h.has("x-autorespond") {
		return AutoReply
	}
	if v := strings.ToLower(strings.TrimSpace(h.get("x-auto-response-suppress"))); v != "" && v != "none" {
		return AutoReply
	}
	switch strings.ToLower(strings.TrimSpace(h.get("precedence"))) {
	case "bulk", "junk", "list":
		return AutoBulk
	}
	return AutoNone
}

// autoSubmitted reports an RFC 3834 Auto-Submitted value other than "no".
func autoSubmitted(h header) bool {
	v := strings.ToLower(strings.TrimSpace(h.get("auto-submitted")))
	v, _, _ = strings.Cut(v, ";")
	v = strings.TrimSpace(v)
	return v != "" && v != "no"
}

// nullReturnPath reports a "Return-Path: <>" (the envelope sender of bounces).
func nullReturnPath(h header) bool {
	for _, f := range h.fields {
		if f.name == "return-path" && strings.ReplaceAll(f.value, " ", "") == "<>" {
			return true
		}
	}
	return false
}

// contentHash is the hex SHA-256 of the normalised sender, date (UTC, seconds), subject and text, so the
// same mail fetched twice, or from two mailboxes, hashes alike even without a Message-ID.
func contentHash(m *Message) string {
	h := sha256.New()
	date := ""
	if !m.Date.IsZero() {
		date = m.Date.UTC().Format(time.RFC3339)
	}
	var buf [512]byte
	for _, part := range []string{
		strings.ToLower(m.From.Email),
		date,
		strings.Join(strings.Fields(m.Subject), " "),
		normalizeForHash(m.Text),
	} {
		writeString(h, part, buf[:])
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(buf[:0]))
}

// writeString feeds s to the hash through buf, without copying s to the heap.
func writeString(h hash.Hash, s string, buf []byte) {
	for len(s) > 0 {
		n := copy(buf, s)
		h.Write(buf[:n])
		s = s[n:]
	}
}

// normalizeForHash trims each line's trailing spaces and the text's outer blank lines.
func normalizeForHash(s string) string {
	if !strings.Contains(s, " \n") && !strings.Contains(s, "\t\n") {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
