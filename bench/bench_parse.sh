#!/bin/sh
# bench_parse.sh DYAD OUTDIR -- speed of the syntax stage on one core:
# tagging (+ lemmas) alone, then tagging + parsing, of the VOA stories in
# $SHARED/corpora (replicated 5 times into OUTDIR/voa_x5.jsonl), with
# `dyad parse --count` (which times only dyad_tag/dyad_parse, not reading or
# segmenting); then peak RSS, model load time and model size, and the
# accuracy on EWT test (gold tokens) when the treebank is there.
set -eu
dyad=$1
out=$2
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
src=$SHARED/corpora/voa_stories.jsonl
if [ ! -f "$src" ]; then
    echo "bench_parse: $src is absent; set SHARED" >&2
    exit 1
fi
mkdir -p "$out"
big=$out/voa_x5.jsonl
if [ ! -f "$big" ]; then
    : > "$big.tmp"
    for i in 1 2 3 4 5; do
        sed "s/^{\"id\": *\"\\([^\"]*\\)\"/{\"id\": \"\\1-$i\"/" "$src" >> "$big.tmp"
    done
    mv "$big.tmp" "$big"
fi
log=$(mktemp)
tag=$("$dyad" parse --count --tag-only "$big")
echo "parse: tag+lemma:       $tag"
/usr/bin/time -v "$dyad" parse --count "$big" > "$log.out" 2> "$log"
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
echo "parse: tag+lemma+parse: $(cat "$log.out")"
echo "parse: peak RSS $(awk -v r="$rss" 'BEGIN { printf "%.1f MB", r / 1024 }')"
empty=$out/empty.txt
: > "$empty"
best=""
for i in 1 2 3 4 5; do
    ms=$("$dyad" parse --count "$empty" | sed -n 's/.*load_ms \([0-9.]*\).*/\1/p')
    best=$(awk -v a="$best" -v b="$ms" 'BEGIN { if (a == "" || b < a) print b; else print a }')
done
echo "parse: model load ${best} ms (best of 5, includes dyad_open)"
model=$(cd "$(dirname "$0")/.." && pwd)/data/model/dyad.model
[ -f "$model" ] && echo "parse: model size $(wc -c < "$model" | awk '{ printf "%.1f MB", $1 / 1e6 }')"
for tb in en_ewt en_gum; do
    gold=$SHARED/treebanks/$tb-ud-test.conllu
    [ -f "$gold" ] && echo "parse: $tb test $("$dyad" parse --eval "$gold" --json)"
done
rm -f "$log" "$log.out"
