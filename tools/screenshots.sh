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

# the editor's preview on X, LinkedIn and Pinterest: test accounts that imitate each network
# (they publish nothing), one post each, with the example's workshop picture
nets=(--data-dir "$work/nets" --lang fr)
picture=essplanner/demo/data/fr/images/atelier-isolation.png
alt="Texte crème sur fond brun : « Atelier isolation »."
when=$(date -d "+10 days" +%Y-%m-%dT10:00%:z)
declare -A names=([x]="X (démo)" [linkedin]="LinkedIn (démo)" [pinterest]="Pinterest (démo)")
declare -A texts=(
  [x]="Samedi 14 h, atelier gratuit : isoler portes et fenêtres avec des matériaux simples. Places limitées, inscription en ligne."
  [linkedin]="Précarité énergétique : samedi, nos bénévoles animent un atelier gratuit pour isoler portes et fenêtres avec des matériaux simples. Merci à nos partenaires qui rendent ces ateliers possibles."
  [pinterest]="Boudins de porte, joints adhésifs, film isolant : nos 5 gestes pour un hiver plus chaud et une facture plus légère."
)
for net in x linkedin pinterest; do
  "$BIN/essplanner" "${nets[@]}" account add dryrun --name "${names[$net]}" --setting "mimic=$net" >/dev/null
  id=$("$BIN/essplanner" "${nets[@]}" post add --title "Atelier isolation : 5 gestes simples" \
      --text "${texts[$net]}" --at "$when" --account "${names[$net]}" --media "$picture" \
      --alt "$alt" --link https://example.org/atelier --cta "S’inscrire" --hashtag ESS --json \
      | "$BIN/python" -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  "$BIN/essplanner" "${nets[@]}" screenshot --view editor --post "$id" --out "$out/editor-$net-fr.png"
done

# the editor with a TikTok target (its audit controls) and a YouTube target, against the
# loopback fakes the tests use
"$BIN/python" tools/video_screenshots.py "$out"

# image rights: the editor asking who appears in a photo, the consent register
"$BIN/python" tools/consent_screenshots.py "$out"
