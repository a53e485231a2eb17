package app

import (
	"context"
	"runtime"

	"staffdesk/backend/store"
)

// WailsVersion is the Wails version the app is built with.
const WailsVersion = "v2.9.2"

// About lists the versions shown in the About panel.
type About struct {
	App         string `json:"app"`
	Go          string `json:"go"`
	Wails       string `json:"wails"`
	SQLite      string `json:"sqlite"`
	MultiCipher string `json:"multiCipher"`
	Cipher      string `json:"cipher"`
	DataDir     string `json:"dataDir"`
}

// SystemAPI tells about the app itself.
type SystemAPI struct {
	ctx context.Context
	cfg Config
}

// About returns the app's and its libraries' versions.
func (a *SystemAPI) About() (About, error) {
	v, err := store.LibraryVersions(a.ctx)
	if err != nil {
		return About{}, uiError(err)
	}
	return About{App: Version, Go: runtime.Version(), Wails: WailsVersion, SQLite: v.SQLite, MultiCipher: v.MultiCipher,
		Cipher: "AEGIS-256 per page (databases made before 2026-11-29 keep SQLCipher 4: AES-256-CBC, HMAC-SHA512)", DataDir: a.cfg.DataDir}, nil
}
