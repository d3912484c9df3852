#!/usr/bin/env bash
# Renders the .iqroster document icon (application-x-iqracity-roster.svg) into the PNG sizes the packages install
# into the hicolor theme. Needs ImageMagick; run from anywhere after changing the SVG, and commit the PNGs.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  # drawn at 4x the largest size then scaled down, so that small sizes are anti-aliased
  convert -background none -density 384 application-x-iqracity-roster.svg -resize "${size}x${size}" \
      "PNG32:application-x-iqracity-roster-$size.png"
done
