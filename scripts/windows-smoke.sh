#!/usr/bin/env bash
# Windows smoke test, on Linux: checks the cross-built exes, their Authenticode signing, the CLI and the
# encrypted store under Wine, and the NSIS installer and uninstaller under Wine. No display needed.
#
# Usage: scripts/windows-smoke.sh        (after `make windows-installer`; `make test-windows` does both)
# Env:   STAFFDESK_WIN_BIN   folder with staffdesk.exe, staffdesk-cli.exe, staffdesk-amd64-installer.exe
#                            (default build/bin)
#        STAFFDESK_BIN       the Linux build, used to open the store the Windows exe made (default
#                            build/bin/staffdesk; that check is skipped when it is missing)
#        SMOKE_KEEP=1        keep the temp folder (Wine prefix, stores, logs) and print where it is
#
# Everything it makes lives in one temp folder: a fresh 64-bit Wine prefix (WINEPREFIX), a throwaway
# HOME for Wine (so Wine's Desktop/Documents links and menu entries never touch the real home), the
# stores, a throwaway self-signed code-signing certificate.
#
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll!ProcessPrng, which Go 1.22+ Windows binaries need; the
# test-only shim in scripts/wine-shim/ is compiled here with MinGW and copied into the prefix's system32.
# It is never part of the build or the installer: real Windows has the DLL.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
T0=$SECONDS

WIN_BIN=${STAFFDESK_WIN_BIN:-build/bin}
case $WIN_BIN in /*) ;; *) WIN_BIN=$ROOT/$WIN_BIN ;; esac
GUI_EXE=$WIN_BIN/staffdesk.exe
CLI_EXE=$WIN_BIN/staffdesk-cli.exe
INSTALLER=$WIN_BIN/staffdesk-amd64-installer.exe
LINUX_BIN=${STAFFDESK_BIN:-build/bin/staffdesk}
case $LINUX_BIN in /*) ;; *) LINUX_BIN=$ROOT/$LINUX_BIN ;; esac
WINE=/usr/lib/wine/wine64 # Debian's wine64 package does not put it on PATH
WINESERVER=/usr/lib/wine/wineserver
MINGW_CC=x86_64-w64-mingw32-gcc
OBJDUMP=x86_64-w64-mingw32-objdump
WINE_TIMEOUT=${SMOKE_WINE_TIMEOUT:-180}

passed=0
failed=0
skipped=0
pass() { passed=$((passed + 1)); echo "  ok    $*"; }
fail() { failed=$((failed + 1)); echo "  FAIL  $*"; }
skip() { skipped=$((skipped + 1)); echo "  skip  $*"; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
summary() {
  local s="windows smoke: $passed passed, $failed failed"
  [ "$skipped" -gt 0 ] && s="$s, $skipped skipped"
  echo "windows smoke: took $((SECONDS - T0))s"
  echo "$s"
}
fatal() {
  echo "windows smoke: FATAL: $*" >&2
  failed=$((failed + 1))
  summary
  exit 1
}
phase() { echo; echo "== $* ($((SECONDS - T0))s)"; }

for tool in "$WINE" "$WINESERVER"; do
  [ -x "$tool" ] || fatal "$tool not found (run: scripts/install-deps.sh windows)"
done
for tool in "$MINGW_CC" "$OBJDUMP" osslsigncode openssl go timeout; do
  command -v "$tool" >/dev/null 2>&1 || fatal "'$tool' not found (run: scripts/install-deps.sh windows)"
done
for f in "$GUI_EXE" "$CLI_EXE" "$INSTALLER"; do
  [ -f "$f" ] || fatal "$f not found (run: make windows-installer)"
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/staffdesk-winsmoke.XXXXXX")
export WINEPREFIX=$TMP/prefix
export WINEDEBUG=-all
# No Mono/Gecko install prompts, no menu entries or .desktop files on the host.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export WINEARCH=win64
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$TMP/home" "$TMP/log"

cleanup() {
  # Only processes of this test's own prefix: wineserver -k acts on $WINEPREFIX alone.
  [ -d "$WINEPREFIX" ] && timeout 30 "$WINESERVER" -k >/dev/null 2>&1
  if [ "${SMOKE_KEEP:-}" = 1 ]; then echo "windows smoke: kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wine OUT ERR EXE ARGS...: runs a Windows program with the throwaway HOME; returns its exit code.
wine() {
  local out=$1 err=$2
  shift 2
  env HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share" \
    XDG_CACHE_HOME="$TMP/home/.cache" timeout "$WINE_TIMEOUT" "$WINE" "$@" >"$out" 2>"$err"
}
# winpath UNIXPATH: the Windows path of a file under / (Wine maps / to Z:).
winpath() { printf 'Z:%s' "${1//\//\\}"; }
# unixpath WINPATH: the Unix path of a Windows path in the prefix.
unixpath() {
  wine "$TMP/log/winepath.out" "$TMP/log/winepath.err" winepath -u "$1" || return 1
  tr -d '\r' <"$TMP/log/winepath.out" | head -n 1
}
# winenv NAME: a Windows environment variable as the prefix's programs see it.
winenv() {
  wine "$TMP/log/winenv.out" "$TMP/log/winenv.err" cmd /c echo "%$1%" || return 1
  tr -d '\r' <"$TMP/log/winenv.out" | head -n 1
}
# has FILE TEXT / lacks FILE TEXT: fixed-string search.
has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
show() { # show FILE...: the output of a failed step, indented
  local f
  for f in "$@"; do [ -s "$f" ] && sed 's/^/        | /' "$f" | tail -n 15; done
  return 0
}

# --- 1. the exes, without Wine ---------------------------------------------------------------------------
phase "exes: PE subsystem, resources"
subsystem() { "$OBJDUMP" -p "$1" 2>/dev/null | sed -n 's/^Subsystem[[:space:]]*[0-9a-f]*[[:space:]]*//p'; }
# is_amd64_exe EXE SUBSYSTEM: a PE32+ amd64 exe of that subsystem.
is_amd64_exe() {
  case $("$OBJDUMP" -f "$1" 2>/dev/null) in *pei-x86-64*) [ "$(subsystem "$1")" = "$2" ] ;; *) return 1 ;; esac
}
check "staffdesk.exe is an amd64 exe for the GUI subsystem: $(subsystem "$GUI_EXE")" \
  is_amd64_exe "$GUI_EXE" "(Windows GUI)"
check "staffdesk-cli.exe is an amd64 exe for the console subsystem: $(subsystem "$CLI_EXE")" \
  is_amd64_exe "$CLI_EXE" "(Windows CUI)"
for exe in "$GUI_EXE" "$CLI_EXE"; do
  if go run ./scripts/winres check "$exe" >"$TMP/log/res.out" 2>&1 &&
    has "$TMP/log/res.out" "ProductName = Staffdesk"; then
    pass "$(basename "$exe") carries the icon, manifest and version information"
  else
    fail "$(basename "$exe") resources"
    show "$TMP/log/res.out"
  fi
done
# No DLLs beyond what every Windows has: MinGW's runtime is linked in statically.
imports() { "$OBJDUMP" -p "$1" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr '[:upper:]' '[:lower:]' | sort -u; }
# (not `! ... | grep -q`: with pipefail, an early grep exit could turn into a pass)
# shellcheck disable=SC2143
system_dlls_only() { [ -z "$(imports "$1" | grep -vxE 'kernel32\.dll|msvcrt\.dll')" ]; }
check "staffdesk-cli.exe imports only system DLLs: $(imports "$CLI_EXE" | tr '\n' ' ')" system_dlls_only "$CLI_EXE"

# --- 2. signing ------------------------------------------------------------------------------------------
phase "signing: throwaway self-signed certificate, osslsigncode"
if ! openssl req -x509 -newkey rsa:2048 -nodes -days 2 -keyout "$TMP/sign.key" -out "$TMP/sign.pem" \
    -subj "/CN=Staffdesk smoke test (throwaway)/O=Staffdesk test" \
    -addext "extendedKeyUsage=codeSigning" -addext "keyUsage=digitalSignature" >"$TMP/log/openssl.log" 2>&1 ||
  ! openssl pkcs12 -export -inkey "$TMP/sign.key" -in "$TMP/sign.pem" -out "$TMP/sign.p12" \
    -passout pass:smoke-test-pass >>"$TMP/log/openssl.log" 2>&1; then
  show "$TMP/log/openssl.log"
  fatal "could not make a test certificate with openssl"
fi
SIGNED=$TMP/staffdesk-cli-signed.exe
cp "$CLI_EXE" "$SIGNED"
sign() { STAFFDESK_SIGN_CERT=$TMP/sign.p12 STAFFDESK_SIGN_PASSWORD=smoke-test-pass STAFFDESK_SIGN_TIMESTAMP='' \
  scripts/sign-windows.sh "$@"; }
if sign "$SIGNED" >"$TMP/log/sign.out" 2>&1 && has "$TMP/log/sign.out" "sign-windows: signed"; then
  pass "scripts/sign-windows.sh signed a copy of staffdesk-cli.exe"
else
  fail "scripts/sign-windows.sh with a test certificate"
  show "$TMP/log/sign.out"
fi
# Without the certificate as a trusted root: the structure is valid, the trust is not (self-signed).
osslsigncode verify -in "$SIGNED" >"$TMP/log/verify.out" 2>&1
rc=$?
digest() { sed -n "s/^$1 message digest[[:space:]]*:[[:space:]]*\([0-9A-Fa-f]*\).*/\1/p" "$2" | head -n 1; }
cur=$(digest Current "$TMP/log/verify.out")
calc=$(digest Calculated "$TMP/log/verify.out")
if [ -n "$cur" ] && [ "$cur" = "$calc" ]; then
  pass "signature structure: current message digest = calculated (${cur:0:16}...)"
else
  fail "signature structure: current '$cur' vs calculated '$calc' message digest"
  show "$TMP/log/verify.out"
fi
if [ "$rc" -ne 0 ] && has "$TMP/log/verify.out" "self-signed certificate" &&
  has "$TMP/log/verify.out" "Signature verification: failed"; then
  pass "trust fails as expected: 'self-signed certificate', 'Signature verification: failed' (exit $rc)"
else
  fail "expected a trust failure on the self-signed certificate (exit $rc)"
  show "$TMP/log/verify.out"
fi
# With the throwaway certificate as the trusted root the whole signature verifies.
osslsigncode verify -CAfile "$TMP/sign.pem" -in "$SIGNED" >"$TMP/log/verify-ca.out" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && has "$TMP/log/verify-ca.out" "Signature verification: ok" &&
  has "$TMP/log/verify-ca.out" "Number of verified signatures: 1"; then
  pass "with the test certificate trusted: 'Signature verification: ok', one signature"
else
  fail "verify with -CAfile (exit $rc)"
  show "$TMP/log/verify-ca.out"
fi
# Signing again replaces the signature instead of failing or nesting.
sign "$SIGNED" >"$TMP/log/sign2.out" 2>&1
osslsigncode verify -CAfile "$TMP/sign.pem" -in "$SIGNED" >"$TMP/log/verify-2.out" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && has "$TMP/log/verify-2.out" "Number of verified signatures: 1"; then
  pass "signing a signed exe again leaves exactly one valid signature"
else
  fail "re-signing (exit $rc)"
  show "$TMP/log/sign2.out" "$TMP/log/verify-2.out"
fi
# One changed byte in the code: the digest no longer matches, even with the certificate trusted.
TAMPERED=$TMP/staffdesk-cli-tampered.exe
cp "$SIGNED" "$TAMPERED"
off=$(($(stat -c %s "$TAMPERED") / 3))
orig=$(od -An -tu1 -j "$off" -N1 "$TAMPERED" | tr -d ' ')
printf "$(printf '\\%03o' $(((orig + 1) % 256)))" | dd of="$TAMPERED" bs=1 seek="$off" conv=notrunc status=none
osslsigncode verify -CAfile "$TMP/sign.pem" -in "$TAMPERED" >"$TMP/log/verify-t.out" 2>&1
rc=$?
cur=$(digest Current "$TMP/log/verify-t.out")
calc=$(digest Calculated "$TMP/log/verify-t.out")
if [ "$rc" -ne 0 ] && [ -n "$cur" ] && [ "$cur" != "$calc" ]; then
  pass "a one-byte change is detected: message digests differ, verification fails (exit $rc)"
else
  fail "tampered copy: exit $rc, digests '$cur' / '$calc'"
  show "$TMP/log/verify-t.out"
fi

# --- 3. Wine prefix --------------------------------------------------------------------------------------
phase "Wine: fresh 64-bit prefix, ProcessPrng shim"
if ! wine "$TMP/log/wineboot.out" "$TMP/log/wineboot.err" wineboot --init; then
  show "$TMP/log/wineboot.out" "$TMP/log/wineboot.err"
  fatal "wineboot --init failed"
fi
timeout 120 "$WINESERVER" -w
SYS32=$WINEPREFIX/drive_c/windows/system32
[ -d "$SYS32" ] || fatal "no $SYS32 after wineboot"
if ! "$MINGW_CC" -shared -O2 -o "$TMP/bcryptprimitives.dll" scripts/wine-shim/bcryptprimitives.c -ladvapi32 \
  >"$TMP/log/shim.log" 2>&1; then
  show "$TMP/log/shim.log"
  fatal "could not build the test-only ProcessPrng shim"
fi
cp "$TMP/bcryptprimitives.dll" "$SYS32/"
echo "  (Wine $("$WINE" --version 2>/dev/null); prefix ready after $((SECONDS - T0))s)"

# --- 4. CLI and encrypted store --------------------------------------------------------------------------
phase "CLI and encrypted store under Wine (staffdesk-cli.exe)"
DATA=$TMP/store
WDATA=$(winpath "$DATA")
ADMIN_PASS="smoke admin passphrase $RANDOM$RANDOM"
MARKER="winsmoke-$(od -An -tx1 -N6 /dev/urandom | tr -d ' \n')@marker.example.invalid"
printf '%s' "helpdesk smoke passphrase $RANDOM" >"$TMP/newpass"
export STAFFDESK_PASSPHRASE=$ADMIN_PASS
unset STAFFDESK_OPERATOR STAFFDESK_NEW_PASSPHRASE

wine "$TMP/log/version.out" "$TMP/log/version.err" "$CLI_EXE" version
rc=$?
if [ "$rc" -eq 0 ] && has "$TMP/log/version.out" "SQLite3 Multiple Ciphers 2.4.0"; then
  pass "staffdesk-cli.exe version: $(grep -F 'Multiple Ciphers' "$TMP/log/version.out" | tr -d '\r')"
else
  fail "staffdesk-cli.exe version (exit $rc)"
  show "$TMP/log/version.out" "$TMP/log/version.err"
fi
# Wine hands its Unix stdout to every process, so the GUI build prints here; on Windows it would not.
wine "$TMP/log/gui-version.out" "$TMP/log/gui-version.err" "$GUI_EXE" version
rc=$?
if [ "$rc" -eq 0 ] && has "$TMP/log/gui-version.out" "SQLite3 Multiple Ciphers 2.4.0"; then
  pass "staffdesk.exe (GUI build) starts and links the cipher: version exits 0"
else
  fail "staffdesk.exe version (exit $rc)"
  show "$TMP/log/gui-version.out" "$TMP/log/gui-version.err"
fi
wine "$TMP/log/signed-version.out" "$TMP/log/signed-version.err" "$SIGNED" version
rc=$?
if [ "$rc" -eq 0 ] && has "$TMP/log/signed-version.out" "SQLite3 Multiple Ciphers"; then
  pass "the test-signed copy runs"
else
  fail "the test-signed copy (exit $rc)"
  show "$TMP/log/signed-version.out" "$TMP/log/signed-version.err"
fi

wine "$TMP/log/init.out" "$TMP/log/init.err" "$CLI_EXE" --data "$WDATA" init
rc=$?
if [ "$rc" -eq 0 ] && [ -f "$DATA/staffdesk.db" ]; then
  pass "init: $(tr -d '\r' <"$TMP/log/init.out" | head -n 1)"
else
  fail "init (exit $rc)"
  show "$TMP/log/init.out" "$TMP/log/init.err"
fi

STAFFDESK_PASSPHRASE="not the passphrase" \
  wine "$TMP/log/wrong.out" "$TMP/log/wrong.err" "$CLI_EXE" --data "$WDATA" audit verify
rc=$?
if [ "$rc" -ne 0 ] && has "$TMP/log/wrong.err" "the passphrase for operator admin is wrong"; then
  pass "a wrong passphrase is refused (exit $rc): $(tr -d '\r' <"$TMP/log/wrong.err" | head -n 1)"
else
  fail "wrong passphrase: exit $rc"
  show "$TMP/log/wrong.out" "$TMP/log/wrong.err"
fi

wine "$TMP/log/verify1.out" "$TMP/log/verify1.err" "$CLI_EXE" --data "$WDATA" audit verify
rc=$?
if [ "$rc" -eq 0 ] && has "$TMP/log/verify1.out" "Audit log intact:"; then
  pass "audit verify: $(tr -d '\r' <"$TMP/log/verify1.out" | head -n 1)"
else
  fail "audit verify (exit $rc)"
  show "$TMP/log/verify1.out" "$TMP/log/verify1.err"
fi

wine "$TMP/log/add.out" "$TMP/log/add.err" "$CLI_EXE" --data "$WDATA" operators add smoketest \
  --email "$MARKER" --role helpdesk --new-passphrase-file "$(winpath "$TMP/newpass")"
rc=$?
if [ "$rc" -eq 0 ]; then pass "operators add smoketest --email <marker>"; else
  fail "operators add (exit $rc)"
  show "$TMP/log/add.out" "$TMP/log/add.err"
fi
# The marker really is in the store: the positive control for the plaintext check below.
wine "$TMP/log/list.out" "$TMP/log/list.err" "$CLI_EXE" --data "$WDATA" operators list
rc=$?
if [ "$rc" -eq 0 ] && has "$TMP/log/list.out" "$MARKER"; then
  pass "operators list shows the marker email (read back through the cipher)"
else
  fail "operators list (exit $rc) does not show $MARKER"
  show "$TMP/log/list.out" "$TMP/log/list.err"
fi
wine "$TMP/log/verify2.out" "$TMP/log/verify2.err" "$CLI_EXE" --data "$WDATA" audit verify
rc=$?
if [ "$rc" -eq 0 ] && has "$TMP/log/verify2.out" "Audit log intact:"; then
  pass "audit verify after the change: $(tr -d '\r' <"$TMP/log/verify2.out" | head -n 1)"
else
  fail "audit verify after operators add (exit $rc)"
  show "$TMP/log/verify2.out" "$TMP/log/verify2.err"
fi

# Every file of the store (db, and -wal/-shm when present, keyslots/*.json): no plaintext marker.
if [ -f "$DATA/staffdesk.db" ]; then
  files=$(cd "$DATA" && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ')
  leaks=$(grep -rlF -- "$MARKER" "$DATA" 2>/dev/null | tr '\n' ' ')
  slots=$(find "$DATA/keyslots" -name '*.json' 2>/dev/null | wc -l)
  if [ -z "$leaks" ] && [ "$slots" -ge 2 ]; then
    pass "no plaintext marker in any store file (${files% })"
  else
    fail "store files: marker found in '${leaks% }', $slots key slots (files: ${files% })"
  fi
  if [ "$(head -c 15 "$DATA/staffdesk.db")" != "SQLite format 3" ]; then
    pass "staffdesk.db does not start with 'SQLite format 3' (first bytes $(od -An -tx1 -N8 "$DATA/staffdesk.db" | tr -d ' \n'))"
  else
    fail "staffdesk.db starts with the plain SQLite header"
  fi
else
  fail "no store to inspect"
fi

# The store while a process holds it open, with a WAL: `staffdesk-cli.exe serve` on loopback, unlocked and
# given a second marker through its HTTP API, then inspected before it stops, then stopped hard.
phase "the store while open: serve on 127.0.0.1, WAL, hard stop"
MARKER2="walsmoke-$(od -An -tx1 -N6 /dev/urandom | tr -d ' \n')@marker.example.invalid"
env HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share" \
  XDG_CACHE_HOME="$TMP/home/.cache" "$WINE" "$CLI_EXE" --data "$WDATA" serve --addr 127.0.0.1:0 \
  >"$TMP/log/serve.out" 2>"$TMP/log/serve.err" &
SERVE_PID=$!
url=
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?token=[0-9a-f]*' "$TMP/log/serve.out" 2>/dev/null | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$SERVE_PID" 2>/dev/null || break
  sleep 0.2
done
api() { # api JSON: one call to the served API; prints the response, fails unless HTTP 200
  curl -sS --max-time 60 -o "$TMP/log/api.out" -w '%{http_code}' -H "Authorization: Bearer ${url##*token=}" \
    -H 'Content-Type: application/json' -X POST "${url%%/?token=*}/api/call" --data-binary "$1" >"$TMP/log/api.code" 2>&1
  cat "$TMP/log/api.out"
  [ "$(cat "$TMP/log/api.code")" = 200 ]
}
if [ -z "$url" ]; then
  fail "serve did not print its address"
  show "$TMP/log/serve.out" "$TMP/log/serve.err"
elif ! command -v curl >/dev/null 2>&1; then
  skip "curl not found: open-store check skipped"
else
  pass "serve listens on ${url%%/?token=*}"
  pass_json=$(printf '%s' "$ADMIN_PASS" | sed 's/["\\]/\\&/g')
  if api "{\"name\":\"app.SessionAPI.Unlock\",\"args\":[\"admin\",\"$pass_json\"]}" >"$TMP/log/unlock.json" &&
    api "{\"name\":\"app.OperatorsAPI.Add\",\"args\":[{\"name\":\"walcheck\",\"email\":\"$MARKER2\",\"role\":\"helpdesk\",\"passphrase\":\"wal check passphrase 1234\"}]}" \
      >"$TMP/log/add2.json" && has "$TMP/log/add2.json" "$MARKER2"; then
    pass "unlocked over the API and added an operator with a second marker email"
  else
    fail "API unlock/add: $(cat "$TMP/log/unlock.json" "$TMP/log/add2.json" 2>/dev/null | head -c 300)"
  fi
  wal=$DATA/staffdesk.db-wal
  if [ -s "$wal" ]; then
    files=$(cd "$DATA" && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ')
    leaks=$(grep -rlF -e "$MARKER2" -e "$MARKER" "$DATA" 2>/dev/null | tr '\n' ' ')
    if [ -z "$leaks" ]; then
      pass "while open: no plaintext marker in db, WAL ($(stat -c %s "$wal") bytes) or shm (${files% })"
    else
      fail "while open: marker in ${leaks% }"
    fi
  else
    fail "no WAL while the store is open (files: $(ls "$DATA" 2>/dev/null | tr '\n' ' '))"
  fi
fi
kill -TERM "$SERVE_PID" 2>/dev/null
wait "$SERVE_PID" 2>/dev/null
timeout 60 "$WINESERVER" -w
# A hard stop left the WAL behind: the next open recovers it, and the marker reads back.
wine "$TMP/log/verify3.out" "$TMP/log/verify3.err" "$CLI_EXE" --data "$WDATA" audit verify
rc=$?
wine "$TMP/log/list2.out" "$TMP/log/list2.err" "$CLI_EXE" --data "$WDATA" operators list
if [ "$rc" -eq 0 ] && has "$TMP/log/verify3.out" "Audit log intact:" && has "$TMP/log/list2.out" "$MARKER2"; then
  pass "after the hard stop: $(tr -d '\r' <"$TMP/log/verify3.out" | head -n 1)"
else
  fail "after the hard stop (exit $rc)"
  show "$TMP/log/verify3.out" "$TMP/log/verify3.err" "$TMP/log/list2.out"
fi

# The same store opened by the Linux build: the format is the same on both systems (a backup made on a
# Windows laptop restores on Linux and back).
if [ -x "$LINUX_BIN" ]; then
  if "$LINUX_BIN" --data "$DATA" audit verify >"$TMP/log/linux.out" 2>&1 && has "$TMP/log/linux.out" "Audit log intact:"; then
    pass "the Linux build opens the Windows-made store: $(head -n 1 "$TMP/log/linux.out")"
  else
    fail "the Linux build could not open the Windows-made store"
    show "$TMP/log/linux.out"
  fi
else
  skip "Linux build $LINUX_BIN not found: cross-platform store check skipped (make build)"
fi

# --- 5. installer and uninstaller ------------------------------------------------------------------------
phase "installer under Wine (silent /S)"
INSTALL_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\StaffdeskStaffdesk'
# Debian's Wine prefixes report Windows 7 by default: the installer must refuse it (exit 64, silent).
wine "$TMP/log/inst7.out" "$TMP/log/inst7.err" "$INSTALLER" /S
rc=$?
timeout 120 "$WINESERVER" -w
if [ "$rc" -eq 64 ]; then pass "the installer refuses Windows 7 (silent exit 64)"; else
  fail "installer on Windows 7: exit $rc, want 64"
  show "$TMP/log/inst7.out" "$TMP/log/inst7.err"
fi
wine "$TMP/log/winecfg.out" "$TMP/log/winecfg.err" winecfg /v win10
timeout 120 "$WINESERVER" -w
wine "$TMP/log/inst.out" "$TMP/log/inst.err" "$INSTALLER" /S
rc=$?
timeout 120 "$WINESERVER" -w
LOCALAPPDATA_W=$(winenv LOCALAPPDATA)
APPDATA_W=$(winenv APPDATA)
INSTDIR=$(unixpath "$LOCALAPPDATA_W\\Programs\\Staffdesk")
APPDATA_U=$(unixpath "$APPDATA_W")
if [ "$rc" -ne 0 ] && [ ! -d "$INSTDIR" ] &&
  grep -qiE 'nodrv_CreateWindow|no driver could be loaded|X server|DISPLAY' "$TMP/log/inst.err"; then
  skip "this Wine cannot run the NSIS installer without a display: $(head -n 1 "$TMP/log/inst.err")"
elif [ -z "$INSTDIR" ] || [ -z "$APPDATA_U" ]; then
  fail "could not resolve %LOCALAPPDATA% ('$LOCALAPPDATA_W') or %APPDATA% ('$APPDATA_W') in the prefix"
else
  if [ "$rc" -eq 0 ] && [ -f "$INSTDIR/staffdesk.exe" ] && [ -f "$INSTDIR/staffdesk-cli.exe" ] &&
    [ -f "$INSTDIR/uninstall.exe" ]; then
    pass "installed per user into $LOCALAPPDATA_W\\Programs\\Staffdesk: $(cd "$INSTDIR" && ls | tr '\n' ' ')"
  else
    fail "install: exit $rc, $INSTDIR holds: $(ls "$INSTDIR" 2>/dev/null | tr '\n' ' ')"
    show "$TMP/log/inst.out" "$TMP/log/inst.err"
  fi
  wine "$TMP/log/reg.out" "$TMP/log/reg.err" reg query "$INSTALL_KEY"
  if has "$TMP/log/reg.out" "DisplayName" && has "$TMP/log/reg.out" "uninstall.exe"; then
    pass "uninstall entry under HKCU (no administrator rights needed)"
  else
    fail "no uninstall entry under $INSTALL_KEY"
    show "$TMP/log/reg.out" "$TMP/log/reg.err"
  fi
  wine "$TMP/log/iver.out" "$TMP/log/iver.err" "$INSTDIR/staffdesk-cli.exe" version
  rc=$?
  if [ "$rc" -eq 0 ] && has "$TMP/log/iver.out" "SQLite3 Multiple Ciphers 2.4.0"; then
    pass "the installed staffdesk-cli.exe runs version"
  else
    fail "installed staffdesk-cli.exe version (exit $rc)"
    show "$TMP/log/iver.out" "$TMP/log/iver.err"
  fi
  # A store in the default data folder (%AppData%\staffdesk, no --data), WebView2's cache folder beside
  # it, and a file of the user's own in the install folder.
  wine "$TMP/log/iinit.out" "$TMP/log/iinit.err" "$INSTDIR/staffdesk-cli.exe" init
  rc=$?
  if [ "$rc" -eq 0 ] && [ -f "$APPDATA_U/staffdesk/staffdesk.db" ]; then
    pass "init without --data makes the store in %AppData%\\staffdesk"
  else
    fail "installed init into the default folder (exit $rc)"
    show "$TMP/log/iinit.out" "$TMP/log/iinit.err"
  fi
  mkdir -p "$APPDATA_U/staffdesk.exe/EBWebView"
  echo cache >"$APPDATA_U/staffdesk.exe/EBWebView/cache.txt"
  echo "the user's own notes" >"$INSTDIR/notes.txt"

  phase "uninstaller under Wine (silent /S)"
  wine "$TMP/log/uninst.out" "$TMP/log/uninst.err" "$INSTDIR/uninstall.exe" /S
  rc=$?
  timeout 120 "$WINESERVER" -w # the uninstaller runs a copy of itself from %TEMP% and returns at once
  if [ "$rc" -eq 0 ] && [ ! -e "$INSTDIR/staffdesk.exe" ] && [ ! -e "$INSTDIR/staffdesk-cli.exe" ] &&
    [ ! -e "$INSTDIR/uninstall.exe" ]; then
    pass "uninstall removed staffdesk.exe, staffdesk-cli.exe, uninstall.exe"
  else
    fail "uninstall: exit $rc, left: $(ls "$INSTDIR" 2>/dev/null | tr '\n' ' ')"
    show "$TMP/log/uninst.out" "$TMP/log/uninst.err"
  fi
  if [ -f "$APPDATA_U/staffdesk/staffdesk.db" ] && [ -n "$(ls "$APPDATA_U/staffdesk/keyslots" 2>/dev/null)" ] &&
    wine "$TMP/log/after.out" "$TMP/log/after.err" "$CLI_EXE" --data "$APPDATA_W\\staffdesk" audit verify &&
    has "$TMP/log/after.out" "Audit log intact:"; then
    pass "the data folder %AppData%\\staffdesk survives the uninstall and still opens"
  else
    fail "the data folder after uninstall: $(ls -R "$APPDATA_U/staffdesk" 2>/dev/null | tr '\n' ' ')"
    show "$TMP/log/after.out" "$TMP/log/after.err"
  fi
  check "the user's own file in the install folder is kept (no recursive delete)" test -f "$INSTDIR/notes.txt"
  check "WebView2's cache %AppData%\\staffdesk.exe is removed" test ! -e "$APPDATA_U/staffdesk.exe"
  wine "$TMP/log/reg2.out" "$TMP/log/reg2.err" reg query "$INSTALL_KEY"
  check "the uninstall entry is gone" test $? -ne 0
fi

echo
summary
[ "$failed" -eq 0 ]
