#!/usr/bin/env bash
# Installs the Debian packages a make target needs, and nothing when they are already there.
# Usage: scripts/install-deps.sh GROUP...   GROUP is base, desktop or test (each includes the ones before it),
# or windows (base plus the Windows cross-build, signing, installer and Wine smoke test tools).
# One fast dpkg-query decides what is missing; only then does it run `apt-get update` (once) and
# `apt-get install`. A second run prints nothing and takes a few milliseconds.
# Go (see go.mod) and Node.js 20+/npm are prerequisites it checks for but does not install: Debian's own
# packages of both are too old for this project.
set -euo pipefail

# --- package groups -----------------------------------------------------------------------------------
# base: a C toolchain for cgo (mattn/go-sqlite3 + SQLite3 Multiple Ciphers) and pkg-config.
BASE_PKGS=(gcc libc6-dev pkg-config)
# desktop: what the Wails v2 Linux build links against (build tag webkit2_41).
DESKTOP_PKGS=(libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config)
# test: headless Chromium for the e2e tests, an X server and tools for the desktop smoke test, a
# private Dovecot for the IMAP tests, and a font for predictable rendering.
TEST_PKGS=(chromium xvfb imagemagick xdotool x11-utils dovecot-imapd fonts-dejavu-core)
# windows: MinGW for the cgo cross-build (SQLite3 Multiple Ciphers + mattn/go-sqlite3), NSIS's makensis for
# the installer, osslsigncode + openssl for Authenticode signing and the throwaway test certificate, and
# 64-bit Wine to run the exe and the installer in scripts/windows-smoke.sh (curl drives its `serve` check).
WINDOWS_PKGS=(gcc-mingw-w64-x86-64 nsis osslsigncode openssl wine64 curl)
# An independent spreadsheet reader for the Excel export tests, and Debian's isync (mbsync), the
# reference the mail sync benchmark is measured against.
TEST_PKGS+=(libreoffice-calc-nogui isync)
# >>> add later test packages here
# <<<

usage() { echo "usage: $0 base|desktop|test|windows ..." >&2; exit 2; }
[ $# -ge 1 ] || usage

want=()
for group in "$@"; do
  case $group in
    base) want+=("${BASE_PKGS[@]}") ;;
    desktop) want+=("${BASE_PKGS[@]}" "${DESKTOP_PKGS[@]}") ;;
    test) want+=("${BASE_PKGS[@]}" "${DESKTOP_PKGS[@]}" "${TEST_PKGS[@]}") ;;
    windows) want+=("${BASE_PKGS[@]}" "${WINDOWS_PKGS[@]}") ;;
    *) echo "install-deps: unknown group '$group'" >&2; usage ;;
  esac
done

# Tools this script cannot sensibly install: fail early with a clear message.
for tool in go node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-deps: '$tool' is not on PATH; install Go $(sed -n 's/^go //p' "$(dirname "$0")/../go.mod" 2>/dev/null || echo '1.26+') and Node.js 20+ first" >&2
    exit 1
  fi
done

# Deduplicate, keeping order.
declare -A seen=()
pkgs=()
for p in "${want[@]}"; do
  [ -n "${seen[$p]:-}" ] && continue
  seen[$p]=1
  pkgs+=("$p")
done

# Prints the given packages that are not fully installed, one dpkg-query for all of them. Unknown
# packages print nothing on dpkg-query's stdout (a message on stderr, discarded) and so count as missing.
find_missing() {
  local -A ok=()
  local name status p
  while read -r name status; do
    if [ "$status" = "install ok installed" ]; then ok[$name]=1; fi
  done < <(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null || true)
  for p in "$@"; do
    if [ -z "${ok[$p]:-}" ]; then echo "$p"; fi
  done
}

mapfile -t missing < <(find_missing "${pkgs[@]}")
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
    echo "install-deps: missing packages (${missing[*]}) and not root, no sudo: install them by hand" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}" >&2
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"

# The tests start their own private Dovecot from a temp config; a system one started by the package's
# maintainer scripts would only hold ports 143/993 and run as a daemon nobody asked for.
stop_system_dovecot() {
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    "${SUDO[@]}" systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
  else
    if [ -x /etc/init.d/dovecot ]; then
      "${SUDO[@]}" /etc/init.d/dovecot stop >/dev/null 2>&1 || true
    fi
    if command -v update-rc.d >/dev/null 2>&1; then
      "${SUDO[@]}" update-rc.d dovecot disable >/dev/null 2>&1 || true
    fi
  fi
  # The system instance keeps its pid in the default base_dir /run/dovecot; private test instances use
  # their own base_dir and are left alone.
  local pidfile=/run/dovecot/master.pid pid
  if [ -f "$pidfile" ] && pid=$(cat "$pidfile" 2>/dev/null) && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    "${SUDO[@]}" doveadm stop >/dev/null 2>&1 || "${SUDO[@]}" kill "$pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "install-deps: a system dovecot (pid $pid) is still running; stop it by hand" >&2
      exit 1
    fi
  fi
}
for p in "${missing[@]}"; do
  case $p in dovecot-*) stop_system_dovecot; break ;; esac
done

# Make sure the install really provided everything (apt can succeed when a name is a virtual package).
mapfile -t still < <(find_missing "${missing[@]}")
if [ ${#still[@]} -gt 0 ]; then
  echo "install-deps: still not installed: ${still[*]}" >&2
  exit 1
fi
echo "install-deps: done" >&2
