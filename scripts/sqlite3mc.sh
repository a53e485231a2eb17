#!/usr/bin/env bash
# Fetches the pinned SQLite3 Multiple Ciphers amalgamation from the npm registry, checks its sha256 and
# compiles it once into a static library. Prints the folder holding libsqlite3.a and sqlite3.h.
# Usage: scripts/sqlite3mc.sh [CC]   (CC defaults to gcc; x86_64-w64-mingw32-gcc for Windows)
set -euo pipefail
PKG=better-sqlite3-multiple-ciphers
VER=13.0.3
SHA=24a11e221247fc003f755ad0f82126bc6b0295d0be1c06f3cb3e48d9db8eb898
CC_BIN=${1:-gcc}
CACHE=${STAFFDESK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/staffdesk}
SRC=$CACHE/sqlite3mc-src-$VER
# FTS5 and the options sqlite.org recommends for speed (no memory statistics, no shared cache, no
# deprecated calls, no expression depth limit); the folder is named after them so that a change rebuilds.
FLAGS="-DSQLITE_ENABLE_FTS5 -DSQLITE_TEMP_STORE=2 -DSQLITE_THREADSAFE=1 -DSQLITE_DQS=0 \
  -DSQLITE_DEFAULT_FOREIGN_KEYS=1 -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_DEFAULT_MEMSTATUS=0 \
  -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_MAX_EXPR_DEPTH=0 -DSQLITE_OMIT_DEPRECATED \
  -DSQLITE_OMIT_SHARED_CACHE -DSQLITE_USE_ALLOCA"
KEY=$(printf '%s' "$FLAGS" | sha256sum | cut -c1-8)
OUT=$CACHE/sqlite3mc-$VER-$CC_BIN-$KEY
if [ -f "$OUT/libsqlite3.a" ] && [ -f "$OUT/sqlite3.h" ]; then echo "$OUT"; exit 0; fi
mkdir -p "$CACHE"
if [ ! -f "$SRC/sqlite3.c" ]; then
  tmp=$(mktemp -d "$CACHE/fetch.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$PKG@$VER" >/dev/null)
  tgz=$(ls "$tmp"/*.tgz)
  got=$(sha256sum "$tgz" | cut -d' ' -f1)
  if [ "$got" != "$SHA" ]; then
    echo "sqlite3mc: $PKG@$VER sha256 mismatch: got $got, want $SHA" >&2; exit 1
  fi
  tar -xzf "$tgz" -C "$tmp" package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h
  rm -rf "$SRC.tmp" && mkdir -p "$SRC.tmp"
  mv "$tmp"/package/deps/sqlite3/sqlite3.[ch] "$SRC.tmp"/ && mv "$SRC.tmp" "$SRC"
fi
echo "sqlite3mc: compiling $VER with $CC_BIN (about a minute, once)" >&2
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"
# shellcheck disable=SC2086
"$CC_BIN" -O2 -c $FLAGS "$SRC/sqlite3.c" -o "$OUT.tmp/sqlite3.o"
ar rcs "$OUT.tmp/libsqlite3.a" "$OUT.tmp/sqlite3.o" && rm "$OUT.tmp/sqlite3.o"
cp "$SRC/sqlite3.h" "$OUT.tmp/"
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
echo "$OUT"
