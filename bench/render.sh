#!/usr/bin/env bash
# The native pictures' cost: likeloss-render for one picture and for three in one process, and a
# collector run (a count recorded by hand) that publishes its feed with and without three
# pictures. CPU (user + system) and wall time, the median of BENCH_RUNS (5). Prints; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/native
runs=${BENCH_RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
TIMEFORMAT='%U %S %R'

# median_of COMMAND...: runs it $runs times, prints "cpu wall" (seconds), the medians.
median_of() {
  local i times
  times=$(for ((i = 0; i < runs; i++)); do { time "$@" >/dev/null 2>&1; } 2>&1; done)
  local cpu wall
  cpu=$(awk '{ printf "%.3f\n", $1 + $2 }' <<<"$times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  wall=$(awk '{ print $3 }' <<<"$times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  printf '%.2f %.2f\n' "$cpu" "$wall"
}
row() { read -r cpu wall <<<"$(median_of "${@:2}")"; printf '| %s | %s | %s |\n' "$1" "$cpu" "$wall"; }

at=2026-12-01T00:00:00Z
three=(--width 600 --height 315 --scale 2 --params layout=compact --out "$work/card.png"
       --width 180 --height 0 --scale 2 --params layout=badge --out "$work/badge.png"
       --width 360 --scale 1 --params layout=full --out "$work/full.png")

# A campaign recorded by hand, published at each record; with three pictures, or none.
cat > "$work/plain.json" <<JSON
{ "output": "plain/feed.json", "update_interval_s": 43200,
  "campaign": { "title": "#BringBackOurVoip", "since": "2026-11-01T00:00:00Z" },
  "money": { "currency": "MAD", "per_unit": { "value": 3, "status": "assumption", "note": "what a like costs" } },
  "pages": [ { "id": "maroctelecom", "name": "Maroc Telecom", "by_hand": true,
               "baseline": { "at": "2026-11-01T00:00:00Z", "count": 2447581, "status": "reported", "source": "https://example.org/report" } } ] }
JSON
sed -e 's|"plain/feed.json"|"pictures/feed.json", "images": [{ "file": "card.png", "params": "layout=compact", "width": 600, "height": 315, "scale": 2 }, { "file": "badge.png", "params": "layout=badge", "width": 180, "scale": 2 }, { "file": "full.png", "width": 360 }]|' \
  "$work/plain.json" > "$work/pictures.json"
mkdir -p "$work/plain" "$work/pictures"
chmod 600 "$work"/*.json
record() {  # a count and its undo: each publishes the feed (and its pictures)
  "$bin/likeloss-collect" record "$1" maroctelecom=2440000 --source https://www.facebook.com/maroctelecom --force &&
  "$bin/likeloss-collect" record "$1" --undo maroctelecom
}

echo
echo "native pictures (likeloss-render, EGL on Mesa's llvmpipe, $(nproc) cores; median of $runs)"
echo
echo "| | CPU s | wall s |"
echo "|---|---|---|"
row "one full card, 360 px" "$bin/likeloss-render" --at $at --width 360 --out "$work/one.png"
row "one link preview, 1200 x 630" "$bin/likeloss-render" --at $at --width 600 --height 315 --scale 2 --params layout=compact --out "$work/one.png"
row "three pictures, one process" "$bin/likeloss-render" --at $at "${three[@]}"
row "collector: two records, no pictures" record "$work/plain.json"
row "collector: two records, three pictures each" record "$work/pictures.json"
ls -l "$work/pictures" | awk '/\.png$/ { printf "%s %s B; ", $NF, $5 } END { print "" }'
