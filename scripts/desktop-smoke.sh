#!/usr/bin/env bash
# Desktop smoke test: starts the real Wails window (WebKitGTK) on a private Xvfb display, waits for a
# visible "Staffdesk" window, lets the page render and saves a screenshot to
# build/screenshots/desktop.png. The app runs `demo` with a throwaway HOME, XDG folders and TMPDIR.
# Usage: scripts/desktop-smoke.sh [BINARY]   (default: $STAFFDESK_BIN, else build/bin/staffdesk)
# Env: SMOKE_TIMEOUT (seconds to wait for the window, default 90), SMOKE_SETTLE (seconds to let the
# page render after the window appears, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BIN=${1:-${STAFFDESK_BIN:-build/bin/staffdesk}}
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
TIMEOUT=${SMOKE_TIMEOUT:-90}
SETTLE=${SMOKE_SETTLE:-3}
SHOT_DIR=$ROOT/build/screenshots
SHOT=$SHOT_DIR/desktop.png
APP_LOG=$SHOT_DIR/desktop-app.log
# The real ImageMagick tools, not any stand-in that may sit earlier on PATH.
IMPORT=/usr/bin/import
IDENTIFY=/usr/bin/identify

fail() {
  echo "desktop smoke: FAIL: $*" >&2
  echo "desktop smoke: 0 passed, 1 failed"
  exit 1
}

for tool in Xvfb xdotool "$IMPORT"; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' not found (run: scripts/install-deps.sh test)"
done
[ -x "$BIN" ] || fail "binary $BIN not found or not executable (run: make build)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/staffdesk-smoke.XXXXXX")
XVFB_PID=
APP_PID=

# Stops a process we started: TERM, up to 5 s grace, then KILL.
stop_pid() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Stops the app and the WebKit helper processes it spawned: the app leads its own process group.
stop_app() {
  [ -n "$APP_PID" ] || return 0
  kill -TERM -- "-$APP_PID" 2>/dev/null || true
  stop_pid "$APP_PID"
  kill -KILL -- "-$APP_PID" 2>/dev/null || true
}

cleanup() {
  stop_app
  stop_pid "$XVFB_PID"
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- a free display --------------------------------------------------------------------------------------
DISPLAY_NUM=
for n in $(seq 99 120); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 1 100); do
    [ -e "/tmp/.X11-unix/X$n" ] && break
    kill -0 "$XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$XVFB_PID" 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then
    DISPLAY_NUM=$n
    break
  fi
  stop_pid "$XVFB_PID" # lost a race for this number, or it failed: try the next one
  XVFB_PID=
done
[ -n "$DISPLAY_NUM" ] || fail "could not start Xvfb on any display :99..:120 ($(tail -n 3 "$TMP/xvfb.log" 2>/dev/null | tr '\n' ' '))"
export DISPLAY=:$DISPLAY_NUM
echo "desktop smoke: Xvfb on $DISPLAY (pid $XVFB_PID)"

# --- the app, with a throwaway home -------------------------------------------------------------------------
mkdir -p "$TMP/home" "$TMP/config" "$TMP/data" "$TMP/cache" "$TMP/state" "$TMP/runtime" "$TMP/tmp" "$SHOT_DIR"
chmod 700 "$TMP/runtime"
rm -f "$SHOT" "$APP_LOG"
(
  cd "$TMP/home"
  exec env HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
    XDG_CACHE_HOME="$TMP/cache" XDG_STATE_HOME="$TMP/state" XDG_RUNTIME_DIR="$TMP/runtime" TMPDIR="$TMP/tmp" \
    GDK_BACKEND=x11 NO_AT_BRIDGE=1 setsid "$BIN" demo
) >"$APP_LOG" 2>&1 &
APP_PID=$!
echo "desktop smoke: started $BIN demo (pid $APP_PID), waiting up to ${TIMEOUT}s for its window"

app_tail() {
  echo "--- last lines of the app's output ($APP_LOG) ---" >&2
  tail -n 30 "$APP_LOG" >&2 || true
  echo "---" >&2
}

start=$SECONDS
WIN=
while [ $((SECONDS - start)) -lt "$TIMEOUT" ]; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    rc=0
    wait "$APP_PID" || rc=$?
    APP_PID=
    app_tail
    fail "the app exited (status $rc) before showing a window"
  fi
  WIN=$(xdotool search --onlyvisible --name 'Staffdesk' 2>/dev/null | head -n 1 || true)
  [ -n "$WIN" ] && break
  sleep 0.5
done
if [ -z "$WIN" ]; then
  app_tail
  fail "no visible window named Staffdesk after ${TIMEOUT}s"
fi
echo "desktop smoke: window $WIN \"$(xdotool getwindowname "$WIN" 2>/dev/null || true)\" after $((SECONDS - start))s"

# --- screenshot ---------------------------------------------------------------------------------------------
sleep "$SETTLE"
kill -0 "$APP_PID" 2>/dev/null || { app_tail; fail "the app exited right after showing its window"; }
"$IMPORT" -display "$DISPLAY" -window root "$SHOT" || fail "screenshot with $IMPORT failed"
colours=$("$IDENTIFY" -format '%k' "$SHOT" 2>/dev/null || echo '?')
echo "desktop smoke: screenshot $SHOT ($colours colours)"
if [ "$colours" != '?' ] && [ "$colours" -lt 16 ]; then
  echo "desktop smoke: warning: the screenshot has only $colours colours; the page may not have rendered" >&2
fi
echo "desktop smoke: 1 passed, 0 failed"
