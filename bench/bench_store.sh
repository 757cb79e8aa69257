#!/bin/sh
# bench_store.sh DYAD OUTDIR -- the store: ingest speed (events/s written to
# SQLite by `dyad code`), query time on a store of >= 1 million events, and
# report generation time.
#
# Ingest: the VOA corpus is copied 20 times under new ids and coded twice,
# with --no-db and with --db (greedy parser, best of two runs each); the
# difference is the store's time.  The big
# store: the events of that run are copied with the sqlite3 shell (INSERT ...
# SELECT, new ids, dates spread over ten years) until there are >= 1,000,000.
set -eu
dyad=$1
out=$2
corpus=$SHARED/corpora/voa_stories.jsonl
command -v sqlite3 >/dev/null || { echo "bench_store: needs the sqlite3 shell (apt-get install sqlite3)"; exit 1; }
src=$out/voa_x20.jsonl
if [ ! -s "$src" ]; then
    for k in $(seq 1 20); do sed "s/\"id\": \"\([^\"]*\)\"/\"id\": \"\1-$k\"/" "$corpus"; done > "$src"
fi
db=$out/bench.db
rm -f "$db" "$db-wal" "$db-shm"
now() { date +%s.%N; }
# Storing is the difference between coding with and without the store; the
# parser runs greedy (--beam 1) so that coding time, and its noise, stay
# small beside the store's, and each run is the best of two.
best_of_two() {
    a=$(now); "$@" > /dev/null; b=$(now)
    [ -n "${db_fresh:-}" ] && rm -f "$db" "$db-wal" "$db-shm"
    c=$(now); "$@" > /dev/null; d=$(now)
    echo "$a $b $c $d" | awk '{x = $2 - $1; y = $4 - $3; print (x < y ? x : y)}'
}
code_s=$(best_of_two "$dyad" code --beam 1 --no-db "$src")
store_s=$(db_fresh=1 best_of_two "$dyad" code --beam 1 --db "$db" "$src")
events=$(sqlite3 "$db" "select count(*) from events")
echo "$events $code_s $store_s" | awk '{s = $3 - $2; if (s <= 0) s = 0.001;
    printf "ingest: %d events; coding %.2f s; coding+storing %.2f s: storing %.2f s = %.0f events/s into SQLite\n", $1, $2, $3, s, $1 / s}'
while [ "$(sqlite3 "$db" "select count(*) from events")" -lt 1000000 ]; do
    sqlite3 "$db" "insert into events (doc, sent, date, event_date, cameo, root, plover, mode,
      context, quad, goldstein, source_code, source_country, source_sector, source_text,
      source_start, source_end, target_code, target_country, target_sector, target_text,
      target_start, target_end, trigger, trigger_start, trigger_end, sentence_start, issues,
      negated, sentence, rule, duplicate_of, json)
      select doc, sent, date, date(event_date, '-' || (abs(random()) % 3650) || ' days'), cameo,
      root, plover, mode, context, quad, goldstein, source_code, source_country, source_sector,
      source_text, source_start, source_end, target_code, target_country, target_sector,
      target_text, target_start, target_end, trigger, trigger_start, trigger_end,
      sentence_start, issues, negated, sentence, rule, NULL, json from events;"
done
sqlite3 "$db" "analyze"
n=$(sqlite3 "$db" "select count(*) from events")
time_it() {
    label=$1; shift
    a=$(now); "$@" > "$out/q.out"; b=$(now)
    echo "$label" "$a" "$b" "$(wc -l < "$out/q.out")" | awk '{printf "%-44s %.3f s  (%d lines)\n", $1, $3 - $2, $4}' | tr '_' ' '
}
echo "store of $n events ($(du -h "$db" | cut -f1)):"
time_it "events_--source_USA_--from_2024-01-01" "$dyad" events --db "$db" --source USA --from 2024-01-01
time_it "events_--dyad_USA,RUS_--cameo_19" "$dyad" events --db "$db" --dyad USA,RUS --cameo 19
time_it "events_--issue_NUCLEAR_--format_csv" "$dyad" events --db "$db" --issue NUCLEAR --format csv
time_it "trend_USA_RUS_--both-directions_--by_month" "$dyad" trend --db "$db" USA RUS --both-directions
time_it "report_USA_RUS_--both-directions" "$dyad" report --db "$db" USA RUS --both-directions --out "$out/report.html"
