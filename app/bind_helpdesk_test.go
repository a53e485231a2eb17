package app

import (
	"net/http"
	"testing"
)

func TestHelpdeskAPI(t *testing.T) {
	base, token := startServe(t)
	if code, res := call(t, base, token, "", "app.HelpdeskAPI.Counts"); code != http.StatusLocked {
		t.Fatalf("Counts while locked: %d %+v, want 423", code, res)
	}
	if code, res := call(t, base, token, "", "app.SessionAPI.Unlock", "hana", "hana-passphrase"); code != http.StatusOK {
		t.Fatalf("unlock: %d %+v", code, res)
	}
	for _, tc := range []struct {
		name   string
		method string
		args   []any
		code   int
		want   func(any) bool
	}{
		{"empty list", "List", []any{map[string]any{"limit": 100}}, http.StatusOK, func(r any) bool {
			return r.(map[string]any)["total"] == float64(0)
		}},
		{"counts", "Counts", nil, http.StatusOK, func(r any) bool { return r.(map[string]any)["all"] == float64(0) }},
		{"unknown ticket", "Get", []any{999}, http.StatusNotFound, nil},
		{"bad status", "List", []any{map[string]any{"status": "lost"}}, http.StatusBadRequest, nil},
		{"save canned", "SaveCanned", []any{map[string]any{"title": "Thanks", "body": "Thank you for your message."}}, http.StatusOK,
			func(r any) bool { return r.(map[string]any)["id"].(float64) > 0 }},
		{"canned list", "CannedReplies", nil, http.StatusOK, func(r any) bool {
			list, _ := r.(map[string]any)["replies"].([]any)
			return len(list) == 1
		}},
		{"delete canned", "DeleteCanned", []any{1}, http.StatusOK, func(r any) bool {
			list, _ := r.(map[string]any)["replies"].([]any)
			return len(list) == 0
		}},
		{"unknown message", "MessageHTML", []any{12345, false}, http.StatusNotFound, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, res := call(t, base, token, "", "app.HelpdeskAPI."+tc.method, tc.args...)
			if code != tc.code {
				t.Fatalf("%s: %d %+v, want %d", tc.method, code, res, tc.code)
			}
			if tc.want != nil && !tc.want(res.Result) {
				t.Fatalf("%s: unexpected result %+v", tc.method, res.Result)
			}
		})
	}
}
