#!/usr/bin/env bash
# One event per story (issue 17): events and import time of the real GDELT sample with events-service's story
# merge (the importer's default) and without it (--no-merge-stories).
#
#   bench/stories.sh            # RUNS=3 rounds, each: merge and no-merge, from empty event tables
#   REPEAT=5 bench/stories.sh   # the sample 5 times with shifted GLOBALEVENTIDs: copies 2..5 merge into stored stories
#   AGAIN=0 bench/stories.sh    # without the re-import of each round
#
# Starts its own actors-service and events-service on STORIES_PORT_BASE+1/+2 (default 38381/38382) against its own
# databases actors_storybench / events_storybench, warms them with one discarded import, then per round and mode
# empties the event tables (actors stay: resolving them is the same work in both modes), times
# `bin/parley import` of the file and counts the events. Appends to bench/results/<date>-stories.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
RUNS="${RUNS:-3}"; REPEAT="${REPEAT:-1}"; AGAIN="${AGAIN:-1}"; BASE="${STORIES_PORT_BASE:-38380}"
A_PORT=$((BASE + 1)); E_PORT=$((BASE + 2))
. bench/lib/import-rig.sh
rig_setup storybench actors_storybench events_storybench
rig_start --nice actors-service "$A_PORT" actors_storybench
rig_start --nice events-service "$E_PORT" events_storybench
rig_wait_ready 240 "$A_PORT" "$E_PORT"

data="$work/sample.export.CSV"
rig_repeat_sample "$REPEAT" "$data"
rows=$(wc -l <"$data")
empty_events() { pq -d events_storybench -c "truncate event, event_change cascade"; }
events() { pq -d events_storybench -c "select count(*) from event"; }
import() { # extra importer options...; prints seconds
  local t0 t1
  t0=$(date +%s.%N)
  nice bin/parley import "$data" --actors-url "http://localhost:$A_PORT" --events-url "http://localhost:$E_PORT" \
    --report-dir "$work/report" --progress plain "$@" >"$work/import.out" 2>&1 || { tail -n 30 "$work/import.out" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

empty_events; import >/dev/null   # warm-up (JIT, actors resolved once)
load0=$(load)
declare -A times counts
for ((r = 1; r <= RUNS; r++)); do
  for mode in merge no-merge; do
    empty_events
    opt=(); [ "$mode" = no-merge ] && opt=(--no-merge-stories)
    s=$(import "${opt[@]}")
    times[$mode]+="$(printf '%.2f ' "$s")"; counts[$mode]+="$(events) "
    [ "$mode" = merge ] && story_sizes=$(pq -d events_storybench -c "select string_agg(c || ' of ' || n, ', ' order by n)
      from (select n, count(*) as c from (select count(*) as n from event_external_id group by event_id) s group by n) t")
    # a re-import of the same file: every row a duplicate, nothing changes
    if [ "$AGAIN" = 1 ]; then
      s=$(import "${opt[@]}")
      times[$mode-again]+="$(printf '%.2f ' "$s")"; counts[$mode-again]+="$(events) "
    fi
  done
done
load1=$(load)
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
out="bench/results/$(date -u +%F)-stories.md"
{
  echo "## One event per story — $(date -u '+%F %H:%M UTC')"
  echo
  printf -- '- rows: %d (the real sample, %d rows, ×%d with shifted GLOBALEVENTIDs); %d rounds, each from empty event tables\n' \
    "$rows" "$(wc -l <"$sample")" "$REPEAT" "$RUNS"
  for mode in merge no-merge; do
    printf -- '- %s: events %s; import s %s (median **%s s**)' "$mode" \
      "${counts[$mode]% }" "${times[$mode]% }" "$(echo "${times[$mode]}" | median)"
    [ "$AGAIN" = 1 ] && printf -- '; re-import s %s (median %s s), events after %s' "${times[$mode-again]% }" \
      "$(echo "${times[$mode-again]}" | median)" "${counts[$mode-again]% }"
    echo
  done
  echo "- merge, events by rows per event (GDELT ids): $story_sizes"
  printf -- '- import time merge / no-merge (medians): **%.2f×**\n' \
    "$(echo "$(echo "${times[merge]}" | median) / $(echo "${times[no-merge]}" | median)" | bc -l)"
  echo "- load average $load0 at the start, $load1 at the end; 2 shared cores, PostgreSQL on 127.0.0.1, JVMs -Xmx512m, after one discarded warm-up import; command: \`bench/stories.sh\` (RUNS=$RUNS REPEAT=$REPEAT AGAIN=$AGAIN)"
  echo
} | tee -a "$out"
