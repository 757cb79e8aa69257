#!/bin/sh
# demo.sh DYAD -- what `make demo` runs: code the bundled sample articles
# (data/samples/) with the dyad binary DYAD, store them in ./dyad.db when this
# build has the store, and show the events of the US-Colombia dyad; write the
# US-Colombia report when this build has the `report` verb.
set -eu
dyad=$1
here=$(cd "$(dirname "$0")/.." && pwd)
samples=$here/data/samples
out=dyad-events.jsonl

has_verb() { "$dyad" "$1" --help >/dev/null 2>&1; }

echo "== dyad code $samples"
if has_verb events; then
    "$dyad" code --replace --db dyad.db "$samples" > "$out"
else
    "$dyad" code --no-db "$samples" > "$out"
fi
n=$(wc -l < "$out")
echo "$n events coded; JSON Lines in $(pwd)/$out"

echo
echo "== US-Colombia events (date  source -> target  CAMEO PLOVER  trigger)"
# Printed with the JSON library-free tools every Debian has: one line per event.
grep -E '"code":"(USA|COL)[A-Z]*".*"code":"(USA|COL)[A-Z]*"' "$out" |
    sed -E 's/.*"event_date":"([^"]*)".*"cameo":"([^"]*)".*"plover":("[^"]*"|null).*"source":\{"code":"([^"]*)".*"target":\{"code":"([^"]*)".*"trigger":\{"text":"([^"]*)".*/\1  \4 -> \5  \2 \3  \6/' |
    tr -d '"' | awk 'substr($2, 1, 3) != substr($4, 1, 3)' | sort | uniq

if has_verb report; then
    echo
    "$dyad" trend USA COL --both-directions --by month || true
    "$dyad" report USA COL --both-directions --out dyad-report.html
    echo
    echo "Report: $(pwd)/dyad-report.html"
fi
if has_verb events; then
    echo "Store: $(pwd)/dyad.db  (query it with: $dyad events --dyad USA,COL)"
fi
