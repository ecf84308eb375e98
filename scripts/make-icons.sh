#!/usr/bin/env bash
# Redraws public/icon/*.png (needs ImageMagick). 16 px is drawn on the pixel grid, not scaled.
set -euo pipefail
cd "$(dirname "$0")/.."
for s in 32 48 128; do convert -background none -density 300 scripts/icon.svg -resize "${s}x${s}" "public/icon/$s.png"; done
convert -size 16x16 xc:none -fill '#fff7e6' -stroke '#1f3a5f' -strokewidth 1 -draw 'rectangle 1,2 11,10' \
  -stroke none -fill '#1f3a5f' -draw 'rectangle 3,4 7,4' -draw 'rectangle 3,6 5,6' \
  -fill '#f9d9a7' -stroke '#b4690e' -strokewidth 1.6 -draw 'circle 10,9.5 10,6.2' \
  -stroke '#b4690e' -strokewidth 2 -draw 'line 12.5,12 14.5,14' public/icon/16.png
