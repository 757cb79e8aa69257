#!/bin/sh
# run.sh DYAD -- `make bench`: runs every bench/bench_*.sh in turn with the
# dyad binary and the ../shared folder; each prints its own figures.
# Benchmarks need ../shared/corpora (and treebanks); without it they say so.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED:-$here/../../shared}
if [ ! -d "$SHARED/corpora" ]; then
    echo "bench: $SHARED/corpora is absent; set SHARED=/path/to/shared" >&2
    exit 1
fi
export SHARED
mkdir -p "$here/out"
status=0
for b in "$here"/bench_*.sh; do
    [ -f "$b" ] || continue
    echo "== $(basename "$b" .sh)"
    sh "$b" "$bin" "$here/out" || status=1
done
exit $status
