#!/bin/sh
# demo.sh DYAD -- what `make demo` runs: code the bundled sample articles
# (data/samples/) with the dyad binary DYAD into the store ./dyad.db, show the
# US-Colombia events and their month-by-month trend, and write the
# US-Colombia report dyad-report.html.
set -eu
dyad=$1
here=$(cd "$(dirname "$0")/.." && pwd)
samples=$here/data/samples

echo "== dyad code --replace --db dyad.db $samples"
"$dyad" code --replace --db dyad.db "$samples" > dyad-events.jsonl
echo "$(wc -l < dyad-events.jsonl) events coded; JSON Lines in $(pwd)/dyad-events.jsonl"

echo
echo "== dyad events --dyad USA,COL --both-directions"
echo "date        source -> target   CAMEO  PLOVER      trigger"
"$dyad" events --db dyad.db --dyad USA,COL --both-directions --format tsv |
    awk -F'\t' 'NR > 1 { printf "%s  %-7s -> %-7s  %-5s  %-10s  %s\n", $5, $13, $17, $6, $8, $21 }'

echo
echo "== dyad trend USA COL --both-directions --by month"
"$dyad" trend --db dyad.db USA COL --both-directions --by month
"$dyad" report --db dyad.db USA COL --both-directions --out dyad-report.html
echo
echo "Report: $(pwd)/dyad-report.html"
echo "Store:  $(pwd)/dyad.db  (try: $dyad events --dyad USA,COL --format csv)"
