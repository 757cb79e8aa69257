#!/bin/sh
# bench_text.sh DYAD OUTDIR -- speed of the text stage: reading JSON Lines,
# sentence splitting and tokenizing.  Builds OUTDIR/voa_100mb.jsonl once by
# replicating $SHARED/corpora/voa_stories.jsonl to >= 100 MB (ids made
# unique per copy), then times `dyad tokens --count` on it (no JSON output:
# the figure is reader + segmenter) and prints MB/s and peak RSS.
set -eu
dyad=$1
out=$2
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
src=$SHARED/corpora/voa_stories.jsonl
big=$out/voa_100mb.jsonl
if [ ! -f "$src" ]; then
    echo "bench_text: $src is absent; set SHARED" >&2
    exit 1
fi
mkdir -p "$out"
if [ ! -f "$big" ] || [ "$(wc -c < "$big")" -lt 100000000 ]; then
    : > "$big.tmp"
    i=0
    while [ "$(wc -c < "$big.tmp")" -lt 100000000 ]; do
        sed "s/^{\"id\": *\"\\([^\"]*\\)\"/{\"id\": \"\\1-$i\"/" "$src" >> "$big.tmp"
        i=$((i + 1))
    done
    mv "$big.tmp" "$big"
fi
bytes=$(wc -c < "$big")
cat "$big" > /dev/null                 # warm the page cache
log=$(mktemp)
/usr/bin/time -v "$dyad" tokens --count "$big" > "$log.out" 2> "$log"
secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" |
       awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
user=$(sed -n 's/.*User time (seconds): //p' "$log")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
echo "text: input $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') $(cat "$log.out")"
awk -v b="$bytes" -v s="$secs" -v u="$user" -v r="$rss" 'BEGIN {
    printf "text: read+split+tokenize %.1f MB/s wall (%.2f s), %.1f MB/s per core (user %.2f s), peak RSS %.1f MB\n",
           b / 1e6 / s, s, b / 1e6 / u, u, r / 1024 }'
rm -f "$log" "$log.out"
