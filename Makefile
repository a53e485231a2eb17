# Staffdesk build and CI entry points (GNU make). Each target installs what it needs first
# (scripts/install-deps.sh, scripts/sqlite3mc.sh, npm ci) and skips whatever is already up to date.
#
#   make build      desktop binary build/bin/staffdesk (encrypted SQLite, production frontend)
#   make run        build, then start the demo
#   make test       go test, vitest, e2e (playwright-core), desktop smoke test under Xvfb, and
#                   make test-windows
#   make bench      store benchmarks, encrypted vs plain SQLite, ratio table
#   make lint       gofmt + go vet
#   make bindings   regenerate frontend/src/wailsjs from the bound Go structs
#   make windows    cross-build build/bin/staffdesk.exe (window) + staffdesk-cli.exe (console), signed
#                   when STAFFDESK_SIGN_CERT + STAFFDESK_SIGN_PASSWORD are set (scripts/sign-windows.sh)
#   make windows-installer   build/bin/staffdesk-amd64-installer.exe (NSIS, per-user)
#   make test-windows        the Windows smoke test under Wine (scripts/windows-smoke.sh)
#   make clean
#
# Variables you may override on the command line:
#   VERSION=...        version stamped into the binary (default: git describe, else 0.1.0-dev)
#   SQLITE3MC_DIR=...  folder with libsqlite3.a + sqlite3.h (default: output of scripts/sqlite3mc.sh)
#   SQLITE3MC_WIN_DIR=...  the same for Windows (default: scripts/sqlite3mc.sh x86_64-w64-mingw32-gcc)
#   BENCHES=...        space-separated list of PACKAGE=REGEXP benchmarks for `make bench`
#   BENCH_ROUNDS=3     alternating encrypted/plain rounds for `make bench`

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SUFFIXES:
.DEFAULT_GOAL := build
MAKEFLAGS += --no-builtin-rules

BIN := build/bin/staffdesk
ifeq ($(origin VERSION),undefined)
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.1.0-dev)
endif
DESKTOP_TAGS := desktop,production,webkit2_41,libsqlite3
LDFLAGS := -w -s -X staffdesk/app.Version=$(VERSION)

# SQLite3 Multiple Ciphers. The folder is resolved at recipe time, in the shell, so that `make -n` and
# `make clean` never fetch or compile anything. $(SQLITE_ENV) starts a recipe line: it sets the shell
# variable `lib`, refuses to go on without the library (a build that silently falls back to an
# unencrypted SQLite must never happen), and $(CGO_SQLITE) then prefixes a go command.
SQLITE3MC_DIR ?=
SQLITE_ENV = lib="$${SQLITE3MC_DIR:-$$(scripts/sqlite3mc.sh)}"; \
	if [ ! -f "$$lib/libsqlite3.a" ] || [ ! -f "$$lib/sqlite3.h" ]; then \
	  echo "make: no libsqlite3.a + sqlite3.h in '$$lib' (scripts/sqlite3mc.sh)" >&2; exit 1; fi;
CGO_SQLITE = env CGO_ENABLED=1 CGO_CFLAGS="-I$$lib" CGO_LDFLAGS="-L$$lib -lm"
# $(call cgo,COMMAND): runs COMMAND (a go command line without single quotes, and without literal commas:
# put those in a variable, as DESKTOP_TAGS) with the SQLite3MC CGO flags, echoing it in short form.
cgo = $(SQLITE_ENV) echo '+ $(subst $$pkgs,./...,$(1))'"   [CGO_CFLAGS=-I$$lib CGO_LDFLAGS=-L$$lib -lm]"; $(CGO_SQLITE) $(1)
export SQLITE3MC_DIR

# $(GO_PKGS_ENV) sets the shell variable `pkgs` to the module's Go packages (`./...`) minus any under
# node_modules: npm packages sometimes ship .go files (flatted does), which `./...` picks up from
# frontend/node_modules unless go.mod says `ignore ./frontend/node_modules`. An empty list is an error,
# never a silent `go test` of the current folder only.
GO_PKGS_ENV = pkgs=$$(go list -e ./... | grep -v /node_modules/ || true); \
	if [ -z "$$pkgs" ]; then echo "make: go list ./... found no packages" >&2; exit 1; fi;

# Everything the Go binary is built from: all files outside frontend/, build/, scripts/, .ci/ and
# dot-folders (Go sources, embedded migrations and assets, go.mod, go.sum, this Makefile), except tests
# and docs, plus the built frontend that main.go embeds and the app icon.
GO_INPUTS := $(shell find . \( -path ./frontend -o -path ./build -o -path ./scripts -o -path ./.ci \
	-o -name 'node_modules' -o -name 'testdata' -o -name '.?*' \) -prune -o -type f \
	! -name '*_test.go' ! -name '*.md' ! -name '*.test' ! -name '*.prof' ! -name '*.syso' ! -name '*.tmp' \
	-print 2>/dev/null)
GO_INPUTS += $(wildcard build/appicon.png)

# Everything the frontend bundle is built from.
FRONTEND_INPUTS := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
	$(wildcard frontend/index.html frontend/package.json frontend/vite.config.* \
	  frontend/svelte.config.* frontend/tsconfig*.json frontend/jsconfig.json)
NPM_STAMP := frontend/node_modules/.package-lock.json

# Benchmarks compared encrypted vs plain by `make bench`: PACKAGE=REGEXP, space separated.
# Add later ones here, e.g. BENCHES += ./backend/search/=BenchmarkSearch
BENCHES ?= ./backend/store/=BenchmarkStore
BENCHES += ./backend/moderation/=BenchmarkModeration
BENCHES += ./backend/competitions/=BenchmarkCompetitions
# Surveys: import of 100k responses to 20 questions (rows/s, peak MB), results for 100k (goal under 1 s).
BENCHES += ./backend/surveys/=BenchmarkSurveys
# BenchmarkExport: 100k rows by default; STAFFDESK_BENCH_EXPORT_ROWS=1000000 for the issue's 1M (about 3 min a run).
BENCHES += ./backend/exports/=BenchmarkExport
# BenchmarkParse: 10k ~4 KB mails, no database (the ratio is ~1); read cpu_us/mail, goal well under 30.
BENCHES += ./backend/mail/message/=BenchmarkParse
# BenchmarkMailSync: a real Dovecot and mbsync (isync) in the same run; 10k messages by default,
# STAFFDESK_BENCH_MAIL_BIG=1 adds the 100k-message resync and peak-memory figures (several minutes).
BENCHES += ./backend/mail/=BenchmarkMailSync
# BenchmarkHelpdeskSearch: 100k mails delivered through the help desk's Sink in batches (mails/s), then List over
# a query mix (median-ms, p95-ms; goal p95 < 20 ms). STAFFDESK_BENCH_TICKETS=N for a smaller run.
BENCHES += ./backend/helpdesk/=BenchmarkHelpdesk
BENCH_ROUNDS ?= 3
# The plain reference is mattn/go-sqlite3's bundled SQLite, which needs sqlite_fts5 for the FTS5 the
# store uses (SQLite3MC is compiled with SQLITE_ENABLE_FTS5).
BENCH_PLAIN_TAGS ?= sqlite_fts5
BENCH_DIR := build/bench

.PHONY: build run test bench lint bindings clean deps-base deps-desktop deps-test deps-frontend \
	frontend sqlite3mc deps-windows sqlite3mc-windows windows windows-installer test-windows

# --- dependencies -------------------------------------------------------------------------------------
# Chained so that `make -j` never runs two apt-get at once.
deps-base:
	@scripts/install-deps.sh base
deps-desktop: deps-base
	@scripts/install-deps.sh desktop
deps-test: deps-desktop
	@scripts/install-deps.sh test
deps-windows: deps-base
	@scripts/install-deps.sh windows

# Prints the library folder; compiles SQLite3MC once (about a minute) into ~/.cache/staffdesk.
sqlite3mc: deps-base
	@$(SQLITE_ENV) echo "sqlite3mc: $$lib"

deps-frontend: $(NPM_STAMP)
# npm ci rewrites node_modules/.package-lock.json; touch it anyway so make sees it as new.
$(NPM_STAMP): frontend/package-lock.json | deps-base
	cd frontend && npm ci --no-audit --no-fund
	touch $@

# --- frontend -----------------------------------------------------------------------------------------
frontend: frontend/dist/index.html
frontend/dist/index.html: $(FRONTEND_INPUTS) $(NPM_STAMP)
	cd frontend && npm run build
	touch $@

# --- desktop binary -----------------------------------------------------------------------------------
build: $(BIN)
$(BIN): $(GO_INPUTS) frontend/dist/index.html | deps-desktop sqlite3mc
	@mkdir -p $(@D)
	@$(call cgo,go build -tags $(DESKTOP_TAGS) -ldflags "$(LDFLAGS)" -o $@ .)
	@echo "built $@ ($(VERSION))"

run: build
	$(BIN) demo

# --- tests --------------------------------------------------------------------------------------------
# Steps run in order and the first failure stops make with a non-zero status. Step 5 cross-builds the
# Windows exes and installer and runs them under Wine (cold, with SQLite3MC compiled for MinGW and a cold
# Go cache, about 4 minutes on 2 cores; once built, about 45 s). It runs as a sub-make so that its
# apt-get (deps-windows) never overlaps deps-test's, even under make -j.
test: deps-test build
	@echo; echo "==> [1/5] go test (encrypted SQLite, -tags libsqlite3)"
	@$(GO_PKGS_ENV) $(call cgo,go test -tags libsqlite3 -count=1 -timeout 15m $$pkgs)
	@echo; echo "==> [1/5] go test: the store refuses a SQLite without the cipher (mattn's bundled SQLite)"
	go test -tags sqlite_fts5 -count=1 -run 'TestRefusesWithoutCipher' ./backend/store/
	@echo; echo "==> [2/5] frontend unit tests (npm test: vitest run)"
	cd frontend && npm test
	@echo; echo "==> [3/5] end-to-end tests (npm run e2e: playwright-core, headless Chromium)"
	cd frontend && STAFFDESK_BIN="$(CURDIR)/$(BIN)" npm run e2e
	@echo; echo "==> [4/5] desktop smoke test (Xvfb + xdotool)"
	STAFFDESK_BIN="$(CURDIR)/$(BIN)" scripts/desktop-smoke.sh
	@echo; echo "==> [5/5] Windows: cross-build, installer, smoke test under Wine (make test-windows)"
	@$(MAKE) --no-print-directory test-windows
	@echo; echo "==> all test steps passed"

# --- benchmarks ---------------------------------------------------------------------------------------
# Encrypted (SQLite3MC via -tags libsqlite3) and plain (mattn's bundled SQLite, -tags sqlite_fts5,
# STAFFDESK_BENCH_PLAIN=1) runs alternate, one count each, so both see the same machine noise; the raw
# outputs go to build/bench/ and benchratio prints the medians and ratios. It reports, it never fails
# on a missed target.
bench: sqlite3mc
	@mkdir -p $(BENCH_DIR)
	@$(SQLITE_ENV) enc=$(BENCH_DIR)/encrypted.txt; plain=$(BENCH_DIR)/plain.txt; : >"$$enc"; : >"$$plain"; \
	run() { out=$$1; shift; if ! "$$@" >>"$$out" 2>&1; then \
	  echo "bench: failed: $$*" >&2; tail -n 40 "$$out" >&2; exit 1; fi; }; \
	for round in $$(seq 1 $(BENCH_ROUNDS)); do \
	  for b in $(BENCHES); do pkg=$${b%%=*}; re=$${b#*=}; \
	    echo "==> bench round $$round/$(BENCH_ROUNDS): $$pkg $$re (encrypted, then plain)"; \
	    run "$$enc" env -u STAFFDESK_BENCH_PLAIN $(CGO_SQLITE) \
	      go test -tags libsqlite3 -run '^$$' -bench "$$re" -benchmem -count 1 "$$pkg"; \
	    run "$$plain" env -u CGO_CFLAGS -u CGO_LDFLAGS STAFFDESK_BENCH_PLAIN=1 \
	      go test -tags "$(BENCH_PLAIN_TAGS)" -run '^$$' -bench "$$re" -benchmem -count 1 "$$pkg"; \
	  done; \
	done
	go run ./scripts/benchratio $(BENCH_DIR)/encrypted.txt $(BENCH_DIR)/plain.txt

# --- lint ---------------------------------------------------------------------------------------------
lint: sqlite3mc
	@files=$$(find . \( -path ./frontend -o -name node_modules -o -path ./build -o -name '.?*' \) -prune \
	  -o -type f -name '*.go' -print); \
	bad=$$(if [ -n "$$files" ]; then gofmt -l $$files; fi); \
	if [ -n "$$bad" ]; then echo "gofmt: these files need formatting (gofmt -w):"; echo "$$bad"; exit 1; fi; \
	echo "gofmt: ok"
	@$(GO_PKGS_ENV) $(call cgo,go vet -tags libsqlite3 $$pkgs)

# --- bindings -----------------------------------------------------------------------------------------
# Regenerates frontend/src/wailsjs (wails.json: wailsjsdir ./frontend/src). Builds the app with the
# `bindings` tag plus libsqlite3, so it links the same SQLite as every other build.
bindings: sqlite3mc
	@$(call cgo,go tool wails generate module -tags libsqlite3)

# --- Windows (cross-built on Debian with MinGW) -----------------------------------------------------------
# Two exes from the same code and tags (the Linux tags minus webkit2_41):
#   build/bin/staffdesk.exe      GUI subsystem (-H windowsgui): the window, no console behind it. Windows
#                                gives a GUI-subsystem process no console, so its CLI commands print nothing
#                                when run from a terminal;
#   build/bin/staffdesk-cli.exe  console subsystem: init, operators, audit, serve, version, scripts.
# Both link SQLite3 Multiple Ciphers compiled with MinGW (scripts/sqlite3mc.sh $(WIN_CC)), carry the icon,
# manifest and version information of build/windows/ (rsrc_windows_amd64.syso, generated, ignored by git,
# linked by go build for windows/amd64 only), and are signed by scripts/sign-windows.sh when
# STAFFDESK_SIGN_CERT + STAFFDESK_SIGN_PASSWORD are set (unsigned otherwise, with a message). Signing is part
# of each exe's recipe, so a second `make windows` does nothing; after setting a certificate, re-sign with
# `scripts/sign-windows.sh build/bin/*.exe` or rebuild with `make -B windows`.
WIN_CC := x86_64-w64-mingw32-gcc
WIN_TAGS := desktop,production,libsqlite3
WIN_EXE := build/bin/staffdesk.exe
WIN_CLI := build/bin/staffdesk-cli.exe
WIN_INSTALLER := build/bin/staffdesk-amd64-installer.exe
WIN_SYSO := rsrc_windows_amd64.syso
WIN_NSI := build/windows/installer/project.nsi
WIN_RES_INPUTS := wails.json build/windows/icon.ico build/windows/info.json build/windows/wails.exe.manifest \
	scripts/winres/main.go go.mod go.sum
SQLITE3MC_WIN_DIR ?=
export SQLITE3MC_WIN_DIR
SQLITE_WIN_ENV = lib="$${SQLITE3MC_WIN_DIR:-$$(scripts/sqlite3mc.sh $(WIN_CC))}"; \
	if [ ! -f "$$lib/libsqlite3.a" ] || [ ! -f "$$lib/sqlite3.h" ]; then \
	  echo "make: no libsqlite3.a + sqlite3.h in '$$lib' (scripts/sqlite3mc.sh $(WIN_CC))" >&2; exit 1; fi;
CGO_WIN = env CC=$(WIN_CC) CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CGO_CFLAGS="-I$$lib" CGO_LDFLAGS="-L$$lib"
# $(call win_exe,EXTRA_LDFLAGS): the recipe of one Windows exe ($@): build, then sign in place.
win_exe = @mkdir -p $(@D); \
	$(SQLITE_WIN_ENV) echo "+ GOOS=windows GOARCH=amd64 CC=$(WIN_CC) go build -tags $(WIN_TAGS) -ldflags '$(LDFLAGS) $(1)' -o $@   [CGO_CFLAGS=-I$$lib CGO_LDFLAGS=-L$$lib]"; \
	$(CGO_WIN) go build -tags $(WIN_TAGS) -ldflags "$(LDFLAGS) $(1)" -o $@ .; \
	scripts/sign-windows.sh $@; \
	echo "built $@ ($(VERSION), $$(du -h $@ | cut -f1))"

sqlite3mc-windows: | deps-windows
	@$(SQLITE_WIN_ENV) :

windows: $(WIN_EXE) $(WIN_CLI)

$(WIN_SYSO): $(WIN_RES_INPUTS) | deps-base
	go run ./scripts/winres syso $@

$(WIN_EXE): $(GO_INPUTS) $(WIN_SYSO) frontend/dist/index.html scripts/sign-windows.sh | deps-windows sqlite3mc-windows
	$(call win_exe,-H windowsgui)

$(WIN_CLI): $(GO_INPUTS) $(WIN_SYSO) frontend/dist/index.html scripts/sign-windows.sh | deps-windows sqlite3mc-windows
	$(call win_exe,)

# The installer: build/windows/installer/project.nsi with the INFO_* defines generated from wails.json.
# When a certificate is set, makensis signs the uninstaller and the installer as it writes them.
windows-installer: $(WIN_INSTALLER)
$(WIN_INSTALLER): $(WIN_EXE) $(WIN_CLI) $(WIN_NSI) build/windows/icon.ico wails.json scripts/winres/main.go \
		scripts/sign-windows.sh | deps-windows
	@tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/staffdesk-nsis.XXXXXX"); trap 'rm -rf "$$tmp"' EXIT; \
	go run ./scripts/winres nsh "$$tmp/info.nsh" >/dev/null; \
	sign=(); if [ -n "$${STAFFDESK_SIGN_CERT:-}$${STAFFDESK_SIGN_PASSWORD:-}" ]; then \
	  sign=(-DARG_SIGN="$(CURDIR)/scripts/sign-windows.sh"); fi; \
	echo "+ makensis $(WIN_NSI) -> $@"; \
	makensis -V2 -INPUTCHARSET UTF8 -DINFO_NSH="$$tmp/info.nsh" -DARG_GUI_EXE="$(CURDIR)/$(WIN_EXE)" \
	  -DARG_CLI_EXE="$(CURDIR)/$(WIN_CLI)" -DARG_OUTFILE="$(CURDIR)/$@" "$${sign[@]}" $(WIN_NSI); \
	[ -n "$${sign[*]}" ] || echo "sign-windows: $@ not signed (set STAFFDESK_SIGN_CERT and STAFFDESK_SIGN_PASSWORD to sign)"; \
	echo "built $@ ($$(du -h $@ | cut -f1))"

# The Windows smoke test under Wine: CLI + encrypted store, signature of a test-signed copy, installer.
test-windows: windows-installer
	scripts/windows-smoke.sh

# --- clean --------------------------------------------------------------------------------------------
# Keeps frontend/node_modules and the SQLite3MC cache (~/.cache/staffdesk): both are slow to rebuild.
clean:
	rm -rf build/bin build/screenshots $(BENCH_DIR) frontend/test-results
	rm -f $(WIN_SYSO) $(WIN_SYSO).tmp
	find frontend/dist -mindepth 1 ! -name .gitkeep -exec rm -rf {} + 2>/dev/null || true
