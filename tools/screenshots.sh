#!/usr/bin/env bash
# The README's pictures (docs/screenshots/*-fr.png): the example workspace in French,
# rendered on a real X server (Xvfb, with the system's fonts) by `essplanner screenshot`.
# Usage: tools/screenshots.sh [OUT_DIR]      (make screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
out="${1:-docs/screenshots}"
command -v Xvfb >/dev/null || { echo "screenshots: Xvfb is needed (apt-get install xvfb)" >&2; exit 1; }
work=$(mktemp -d)
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# Xvfb picks a free display itself and writes its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || { echo "screenshots: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(tr -d '[:space:]' < "$work/display")" QT_QPA_PLATFORM=xcb
unset ESSPLANNER_DATABASE_URL ESSPLANNER_DATA_DIR

ws=(--data-dir "$work/ws" --lang fr)
"$BIN/essplanner" "${ws[@]}" demo load >/dev/null
day=$(date +%F)
mkdir -p "$out"
for view in month week agenda; do
  "$BIN/essplanner" "${ws[@]}" screenshot --view "$view" --date "$day" --out "$out/$view-fr.png"
done
# the editor on a coming post with a link, an objective and personas
post=$("$BIN/essplanner" "${ws[@]}" post list --json | "$BIN/python" -c '
import json, sys
posts = json.load(sys.stdin)
coming = [p for p in posts if p["link"] and p["status"] == "scheduled"] or posts
print(coming[0]["id"])')
"$BIN/essplanner" "${ws[@]}" screenshot --view editor --post "$post" --out "$out/editor-fr.png"
