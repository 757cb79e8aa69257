#!/bin/sh
# bench_code.sh DYAD OUTDIR -- end-to-end speed of `dyad code`: the VOA stories of
# ../shared/corpora replicated to >= 50 MB, coded with --no-db to /dev/null, with one
# thread and with all cores.  Prints stories/s, MB/s and peak RSS for each.
set -u
dyad=$1
out=$2
SHARED=${SHARED:-$(dirname "$0")/../../shared}
src=$SHARED/corpora/voa_stories.jsonl
if [ ! -f "$src" ]; then
    echo "bench_code: $src is absent; set SHARED" >&2
    exit 1
fi
mkdir -p "$out"
big=$out/voa_50mb.jsonl
if [ ! -f "$big" ] || [ "$(wc -c <"$big")" -lt 52428800 ]; then
    : >"$big"
    while [ "$(wc -c <"$big")" -lt 52428800 ]; do cat "$src" >>"$big"; done
fi
bytes=$(wc -c <"$big")
stories=$(wc -l <"$big")
cores=$(nproc 2>/dev/null || echo 1)
run() {
    threads=$1
    log=$out/bench_code_j$threads.time
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$log" "$dyad" code --no-db -j "$threads" "$big" >/dev/null
    rc=$?
    end=$(date +%s.%N)
    rss=$(tail -n 1 "$log")
    awk -v s="$start" -v e="$end" -v b="$bytes" -v n="$stories" -v r="$rss" -v j="$threads" -v rc="$rc" \
        'BEGIN { t = e - s; printf "code -j %d: %d stories, %.1f MB in %.1f s: %.1f stories/s, %.2f MB/s, peak RSS %.0f MB (exit %d)\n", j, n, b / 1048576, t, n / t, b / 1048576 / t, r / 1024, rc }'
}
run 1
[ "$cores" -gt 1 ] && run "$cores"
exit 0
