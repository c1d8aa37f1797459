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
sample="importer/src/test/resources/gdelt/20191024143000.export.CSV"
work="$(mktemp -d /tmp/storybench.XXXXXX)"
export PGPASSWORD=parley
pq() { psql -h 127.0.0.1 -U parley -v ON_ERROR_STOP=1 -Atq "$@"; }
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT

for m in actors-service events-service importer; do
  [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || { ./mvnw -B -q package -DskipTests -Dparley.skipDbEnsure=true; break; }
done
bin/db-ensure actors_storybench events_storybench >/dev/null
for db in actors_storybench events_storybench; do   # empty: the services re-migrate
  pq -d "$db" -c "drop schema public cascade; create schema public;"
done
# the bulk endpoints need role importer: bin/parley import signs a token with this run's own key pair, which
# the services trust (they refuse the committed dev key outside dev and test)
export PARLEY_JWT_DIR="$work/jwt"
mkdir -p "$PARLEY_JWT_DIR"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$PARLEY_JWT_DIR/privateKey.pem" 2>/dev/null
openssl pkey -in "$PARLEY_JWT_DIR/privateKey.pem" -pubout -out "$PARLEY_JWT_DIR/publicKey.pem"
start() { # module port db
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$3" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$3" \
    nice java -Xmx512m -Dquarkus.http.port="$2" -Dquarkus.flyway.placeholders.seed=false \
    -Dmp.jwt.verify.publickey.location="$work/jwt/publicKey.pem" \
    -jar "$1/target/quarkus-app/quarkus-run.jar" >"$work/$1.log" 2>&1 </dev/null &
  pids+=($!)
}
start actors-service "$A_PORT" actors_storybench
start events-service "$E_PORT" events_storybench
deadline=$((SECONDS + 240))
for port in "$A_PORT" "$E_PORT"; do
  until curl -fsS --max-time 2 "http://localhost:$port/q/health/ready" 2>/dev/null | grep -q '"UP"'; do
    [ $SECONDS -lt $deadline ] || { tail -n 30 "$work"/*.log; echo "services not ready" >&2; exit 1; }
    sleep 1
  done
done

data="$work/sample.export.CSV"
read -r mn mx < <(awk -F'\t' 'NR==1{a=$1;b=$1}{if($1<a)a=$1;if($1>b)b=$1}END{print a,b}' "$sample")
for ((k = 0; k < REPEAT; k++)); do
  awk -F'\t' -v OFS='\t' -v off=$((k * (mx - mn + 1))) '{ $1 = $1 + off; print }' "$sample"
done >"$data"
rows=$(wc -l <"$data")
empty_events() { pq -d events_storybench -c "truncate event, event_change cascade"; }
events() { pq -d events_storybench -c "select count(*) from event"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
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
