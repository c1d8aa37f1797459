#!/usr/bin/env bash
# Import throughput vs the PostgreSQL COPY floor (issue 8, "Performance").
#
#   bench/import.sh            # REPEAT=95 copies of the real sample (2,111 rows each → 200,545 rows)
#   PARALLEL=2 bench/import.sh # the importer's --parallel (default here 4; the importer's own default is 2)
#
# Starts its own actors-service and events-service on 38081-38082 against its own databases actors_impbench /
# events_impbench (emptied first), imports (bin/parley import, straight into the two services) the GDELT
# sample repeated REPEAT times with each copy's
# GLOBALEVENTIDs shifted (fresh events), then dumps every table the import wrote, truncates them and
# times `\copy … from` of the same rows into the same, still indexed tables (one transaction per
# database, FK order). Appends the figures to bench/results/<date>-import.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
REPEAT="${REPEAT:-95}"; PARALLEL="${PARALLEL:-4}"
. bench/lib/import-rig.sh
rig_setup impbench actors_impbench events_impbench
rig_start actors-service 38081 actors_impbench
rig_start events-service 38082 events_impbench
rig_wait_ready 180 38081 38082

data="$work/repeated.export.CSV"
rig_repeat_sample "$REPEAT" "$data"
rows=$(wc -l <"$data")

# --no-merge-stories: the copies repeat the same stories with new ids, which the importer's default would merge
# into the sample's 1,920 events; this benchmark measures writing REPEAT × 2,111 distinct events (the merge's own
# cost is bench/stories.sh's).
import_cmd=(bin/parley import "$data" --actors-url http://localhost:38081 --events-url http://localhost:38082
            --parallel "$PARALLEL" --no-merge-stories --report-dir "$work/report" --progress plain)
imp_load0=$(load)
t0=$(date +%s.%N)
"${import_cmd[@]}" >"$work/import.out" 2>&1 || { tail -n 30 "$work/import.out"; exit 1; }
t1=$(date +%s.%N)
imp_load1=$(load)
tail -n 5 "$work/import.out"
imp_s=$(echo "$t1 - $t0" | bc -l)

# Floor: the same rows, dumped and COPY'd back into the same indexed tables.
tables_in_fk_order() { # non-empty tables of $1, parents first
  local db="$1" t
  # event_term is written by event's own triggers (V11) as the event rows are copied: not copied itself
  { for t in $(pq -d "$db" -c "select tablename from pg_tables where schemaname='public' and tablename not in ('flyway_schema_history', 'event_term')"); do
      [ "$(pq -d "$db" -c "select exists(select 1 from public.\"$t\")")" = t ] && echo "$t $t"
    done
    pq -d "$db" -F' ' -c "select confrelid::regclass, conrelid::regclass from pg_constraint
                         where contype='f' and connamespace='public'::regnamespace and confrelid <> conrelid"
  } | tsort | while read -r t; do
        [ "$(pq -d "$db" -c "select exists(select 1 from public.\"$t\")")" = t ] && echo "$t"
      done
}
copy_s=0; summary=""; copy_load0=$(load)
for db in actors_impbench events_impbench; do
  mapfile -t tabs < <(tables_in_fk_order "$db")
  sql_in="begin;"; list=""
  for t in "${tabs[@]}"; do
    n=$(pq -d "$db" -c "select count(*) from public.\"$t\"")
    summary+="$db.$t: $n rows; "
    pq -d "$db" -c "\\copy public.\"$t\" to '$work/$db.$t.csv' csv"
    sql_in+=$'\n'"\\copy public.\"$t\" from '$work/$db.$t.csv' csv"; list+="public.\"$t\","
  done
  pq -d "$db" -c "truncate ${list%,} cascade"
  sql_in+=$'\ncommit;'
  t0=$(date +%s.%N); echo "$sql_in" | pq -d "$db" -f -; t1=$(date +%s.%N)
  copy_s=$(echo "$copy_s + $t1 - $t0" | bc -l)
done

copy_load1=$(load)
imp_rate=$(echo "$rows / $imp_s" | bc -l); copy_rate=$(echo "$rows / $copy_s" | bc -l)
ratio=$(echo "$imp_rate / $copy_rate" | bc -l)
out="bench/results/$(date -u +%F)-import.md"
{
  echo "## Import vs COPY — $(date -u '+%F %H:%M UTC')"
  echo
  printf -- '- rows: %d (the real sample, %d rows, ×%d with shifted GLOBALEVENTIDs)\n' "$rows" "$(wc -l <"$sample")" "$REPEAT"
  printf -- '- import: %.1f s → **%.0f rows/s** (`%s`, the importer straight into the two services, on their own databases; load average %s at the start, %s at the end)\n' "$imp_s" "$imp_rate" "${import_cmd[*]/$work/\$TMP}" "$imp_load0" "$imp_load1"
  printf -- '- COPY floor: %.2f s → **%.0f rows/s** (`\\copy … from` CSV of every table the import wrote, same indexed tables, one transaction per database, FK order; load average %s at the start, %s at the end)\n' "$copy_s" "$copy_rate" "$copy_load0" "$copy_load1"
  printf -- '- ratio import/COPY: **%.3f×** (goal ≥ 0.5×)\n' "$ratio"
  echo "- tables: ${summary%; }"
  echo "- machine: 2 shared cores (other engineers' builds may run), PostgreSQL on 127.0.0.1, JVMs -Xmx512m, JIT cold at start; command: \`bench/import.sh\` (REPEAT=$REPEAT PARALLEL=$PARALLEL)"
  echo
} | tee -a "$out"
