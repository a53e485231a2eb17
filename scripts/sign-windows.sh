#!/usr/bin/env bash
# Authenticode-signs Windows executables in place with osslsigncode, when a certificate is configured.
# Usage: scripts/sign-windows.sh FILE.exe...
# Env:
#   STAFFDESK_SIGN_CERT       PKCS#12 file (.p12/.pfx) holding the code-signing certificate, its chain and key
#   STAFFDESK_SIGN_PASSWORD   its password (passed to osslsigncode through a private temp file, never argv)
#   STAFFDESK_SIGN_TIMESTAMP  optional RFC 3161 timestamp server URL(s), space separated; a release should
#                             set one, so the signature outlives the certificate (needs network access)
# With neither of the first two set it signs nothing, says so and exits 0: unsigned development builds
# are normal. With only one of them set it fails: that is a misconfiguration, not a choice.
# A file that is already signed has its signature replaced, so signing twice is harmless.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 FILE.exe..." >&2; exit 2; }

cert=${STAFFDESK_SIGN_CERT:-}
pass_set=${STAFFDESK_SIGN_PASSWORD+set}
if [ -z "$cert" ] && [ -z "$pass_set" ]; then
  for f in "$@"; do echo "sign-windows: $f not signed (set STAFFDESK_SIGN_CERT and STAFFDESK_SIGN_PASSWORD to sign)"; done
  exit 0
fi
if [ -z "$cert" ] || [ -z "$pass_set" ]; then
  echo "sign-windows: set both STAFFDESK_SIGN_CERT and STAFFDESK_SIGN_PASSWORD (only one is set)" >&2
  exit 1
fi
[ -f "$cert" ] || { echo "sign-windows: STAFFDESK_SIGN_CERT: no such file: $cert" >&2; exit 1; }
command -v osslsigncode >/dev/null 2>&1 || {
  echo "sign-windows: osslsigncode not found (run: scripts/install-deps.sh windows)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/staffdesk-sign.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
umask 077
printf '%s' "$STAFFDESK_SIGN_PASSWORD" >"$tmp/pass"

ts_args=()
for url in ${STAFFDESK_SIGN_TIMESTAMP:-}; do ts_args+=(-ts "$url"); done

for f in "$@"; do
  [ -f "$f" ] || { echo "sign-windows: no such file: $f" >&2; exit 1; }
  in=$f
  # osslsigncode refuses to sign over an existing signature: strip it first.
  if osslsigncode extract-signature -in "$f" -out "$tmp/old.sig" >/dev/null 2>&1; then
    osslsigncode remove-signature -in "$f" -out "$tmp/unsigned" >/dev/null
    in=$tmp/unsigned
  fi
  rm -f "$tmp/old.sig" "$tmp/signed"
  if ! osslsigncode sign -pkcs12 "$cert" -readpass "$tmp/pass" -h sha256 \
      -n "Staffdesk" "${ts_args[@]}" -in "$in" -out "$tmp/signed" >"$tmp/log" 2>&1; then
    cat "$tmp/log" >&2
    echo "sign-windows: signing $f failed" >&2
    exit 1
  fi
  # Keep the file's mode; replace it in one rename on the same file system.
  cp "$tmp/signed" "$f.signing" && chmod --reference="$f" "$f.signing" && mv -f "$f.signing" "$f"
  rm -f "$tmp/unsigned" "$tmp/signed"
  echo "sign-windows: signed $f ($(basename "$cert"))"
done
