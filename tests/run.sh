#!/bin/sh
# run.sh DIR -- runs every test binary in DIR (cmocka), sums their results and
# prints one closing line "check: N passed, N failed, N skipped".  Exits 1 if
# any test failed or any binary crashed.
dir=$1
passed=0 failed=0 skipped=0 crashed=0
log=$(mktemp)
for t in "$dir"/test_*; do
    [ -x "$t" ] || continue
    "$t" >"$log" 2>&1
    rc=$?
    cat "$log"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    skipped=$((skipped + ${s:-0}))
    if [ $rc -ne 0 ] && [ -z "$f" ]; then
        echo "$t: exited with status $rc" >&2
        crashed=$((crashed + 1))
    fi
done
rm -f "$log"
failed=$((failed + crashed))
echo "check: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
