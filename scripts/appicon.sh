#!/usr/bin/env bash
# Regenerates the app icons from scratch with ImageMagick and DejaVu Sans Bold (fonts-dejavu-core):
# build/appicon.png (1024x1024, teal rounded square, white "S") and build/windows/icon.ico.
# Only needed when the design changes: both files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
CONVERT=/usr/bin/convert # the real ImageMagick, not a stand-in earlier on PATH
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
[ -f "$FONT" ] || { echo "appicon: $FONT missing (apt-get install fonts-dejavu-core)" >&2; exit 1; }
mkdir -p build/windows
"$CONVERT" -size 1024x1024 xc:none \
  -fill '#0f766e' -draw 'roundrectangle 64,64 959,959 190,190' \
  -fill white -font "$FONT" -pointsize 700 -gravity center -annotate +0+8 'S' \
  -strip -define png:exclude-chunks=date,time \
  PNG32:build/appicon.png
"$CONVERT" build/appicon.png -define icon:auto-resize=256,128,64,48,32,16 build/windows/icon.ico
echo "appicon: wrote build/appicon.png and build/windows/icon.ico"
