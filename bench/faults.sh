#!/usr/bin/env bash
# Parley's fault suite (issue 15): what a crash of a backend or of PostgreSQL does to clients of the
# gateway, measured on this machine; writes bench/results/<date>-faults.md. Not part of ./mvnw verify.
# About 6 minutes on 2 cores (R1 ~4 min, R2 ~1 min, start-up ~1 min), plus the build when the jars are missing.
#
#   bench/faults.sh [--only r1,r2] [--no-build]
#
#   R1  a backend killed (kill -9) under read load and restarted, actors-service then events-service:
#       0 HTTP 5xx from the gateway, partial data with typed errors meanwhile, full answers again
#       within 5 s of the backend's readiness.
#   R2  PostgreSQL restarted (fast, then immediate) under write load: recordEvent through the gateway
#       with idempotency keys and client retries; afterwards every acknowledged write is in the
#       database exactly once, the services are ready again unaided, and a subscriber (eventRecorded,
#       graphql-transport-ws) connected before the load saw every acknowledged event exactly once.
#   --no-build  use the jars already built (*/target/quarkus-app); by default they are built when missing
#               or older than their sources (so a run after a merge measures the merged code)
#
# Self-contained: its own PostgreSQL cluster (initdb under bench/.work/faults/pg, run as the OS user
# postgres, port 25432, trust on 127.0.0.1; R2 restarts it, never the machine's server), its own
# ports (gateway 29080, actors 29081, events 29082), its own token key pair; every load is bounded in
# requests and time, loopback only; everything it started is stopped when it ends, however it ends.
# Knobs: FAULTS_PG_PORT (25432), FAULTS_PORT_BASE (29080), FAULTS_OUTAGE (10 s per killed backend),
# FAULTS_ROUNDS (2: each backend is killed twice; the recovery depends on where the breaker's delay is),
# FAULTS_WRITES (300), FAULTS_CLIENTS (4), BENCH_JAVA_OPTS (-Xmx512m), FAULTS_GATEWAY_OPTS (extra JVM
# options of the gateway, e.g. -Dorg.parley.gateway.client.ActorsClient/read/CircuitBreaker/delay=2000).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/.work/faults"
# shellcheck source=lib/common.sh
source "$BENCH/lib/common.sh"

BUILD=auto ONLY="r1,r2"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=false ;;
    --only) ONLY="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see bench/faults.sh --help)" ;;
  esac
  shift
done

JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"
PG_PORT="${FAULTS_PG_PORT:-25432}"
PORT_BASE="${FAULTS_PORT_BASE:-29080}"
PORT_GW=$PORT_BASE PORT_ACTORS=$((PORT_BASE + 1)) PORT_EVENTS=$((PORT_BASE + 2))
OUTAGE="${FAULTS_OUTAGE:-10}" ROUNDS="${FAULTS_ROUNDS:-2}"
WRITES="${FAULTS_WRITES:-300}" CLIENTS="${FAULTS_CLIENTS:-4}"
GATEWAY_OPTS="${FAULTS_GATEWAY_OPTS:-}"
# The services reach the suite's own server as the application role; bin/db-ensure as postgres.
DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_USER=parley DB_PASSWORD=parley APP_DB_SUFFIX=""
PG_BIN=/usr/lib/postgresql/15/bin
PGDATA_DIR="$WORK/pg/data"

STAMP="$(date -u +%Y-%m-%d)"
# a partial run (--only) gets its own file, so it cannot overwrite the figures of a whole run
# (and so does a run with other gateway settings)
RESULTS="$BENCH/results/${STAMP}-faults$([ "$ONLY" = "r1,r2" ] || echo "-${ONLY//,/-}")$([ -z "${FAULTS_GATEWAY_OPTS:-}" ] || echo -tuned).md"
mkdir -p "$WORK/logs" "$WORK/parts" "$BENCH/results"
rm -f "$WORK"/parts/* "$WORK"/*.jsonl "$WORK"/*.json "$WORK"/phases-*.txt "$WORK/stop-load"
: >"$WORK/commands.md"
declare -A VERDICT=()

# ================================================================================= the suite's PostgreSQL
pg_as() { runuser -u postgres -- "$@"; }
PG_STARTED=false
pg_setup() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 server binaries not found in $PG_BIN (apt-get install postgresql-15)"
  port_free "$PG_PORT" || die "port $PG_PORT is in use (FAULTS_PG_PORT)"
  # a fresh cluster every run: nothing from an earlier run can pass for this run's writes
  rm -rf "$WORK/pg"; mkdir -p "$WORK/pg"; chown postgres:postgres "$WORK/pg"
  record_cmd "runuser -u postgres -- $PG_BIN/initdb -D bench/.work/faults/pg/data -U postgres --auth=trust"
  pg_as "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 >"$WORK/logs/initdb.log" 2>&1 \
    || die "initdb failed (log: $WORK/logs/initdb.log)"
  record_cmd "runuser -u postgres -- $PG_BIN/pg_ctl -D bench/.work/faults/pg/data -o '-p $PG_PORT -c listen_addresses=127.0.0.1 -k bench/.work/faults/pg' -w start"
  pg_ctl_ start || die "the suite's PostgreSQL did not start (log: $WORK/pg/postgres.log)"
  PG_STARTED=true
  record_cmd "PGPORT=$PG_PORT bin/db-ensure actors events"
  PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres "$ROOT/bin/db-ensure" actors events >"$WORK/logs/db-ensure.log" 2>&1 \
    || die "bin/db-ensure failed: $(head -n1 "$WORK/logs/db-ensure.log")"
}
# pg_ctl_ ACTION [ARG...]: the suite's cluster only (its data directory, its port).
pg_ctl_() {
  local action="$1"; shift
  pg_as "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pg" "$action" "$@" >>"$WORK/logs/pg_ctl.log" 2>&1
}
psql_suite() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }

# ================================================================================= the services
make_jwt_keys() { # the gateway verifies mutations' tokens with the public key; R2 signs with the private one
  mkdir -p "$WORK/jwt" && chmod 700 "$WORK/jwt"
  [ -f "$WORK/jwt/publicKey.pem" ] && return 0
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt/privateKey.pem" 2>/dev/null &&
    openssl pkey -in "$WORK/jwt/privateKey.pem" -pubout -out "$WORK/jwt/publicKey.pem"
}
# The access log (with each request's time) shows what the gateway's calls met after a restart.
backend_start() {
  app_start "$1" -Dquarkus.flyway.placeholders.seed=true -Dquarkus.http.access-log.enabled=true -Dquarkus.http.record-request-start-time=true \
    '-Dquarkus.http.access-log.pattern=%m|%U|%s|%Dms'
}
services_up() {
  local p
  for p in $PORT_GW $PORT_ACTORS $PORT_EVENTS; do port_free "$p" || die "port $p is in use (FAULTS_PORT_BASE)"; done
  backend_start actors; backend_start events
  app_ready actors; app_ready events
  # shellcheck disable=SC2086
  app_start gateway -Dmp.jwt.verify.publickey.location="$WORK/jwt/publicKey.pem" $GATEWAY_OPTS
  app_ready gateway
}
mark() { echo "$1 $2 $(now_ms)" >>"$3"; } # mark WHAT MARK PHASES_FILE

# ================================================================================= R1
r1() {
  local phases="$WORK/phases-r1.txt" answers="$WORK/r1-answers.jsonl" b round
  : >"$phases"
  log "R1: read load, then kill -9 actors-service and events-service for ${OUTAGE} s each, $ROUNDS times"
  record_cmd "node bench/load/faults-read.mjs http://127.0.0.1:$PORT_GW/graphql bench/.work/faults/r1-answers.jsonl 4 300 400000 bench/.work/faults/stop-load"
  start_proc r1-load "$WORK/logs/r1-load.log" node "$BENCH/load/faults-read.mjs" "http://127.0.0.1:$PORT_GW/graphql" \
    "$answers" 4 300 400000 "$WORK/stop-load"
  sleep 5 # a baseline of full answers
  for round in $(seq 1 "$ROUNDS"); do
    for b in actors events; do
      log "R1: kill -9 $b (round $round of $ROUNDS)"
      mark "$b$round" kill "$phases"; kill_proc "$b"
      record_cmd "kill -KILL -- -<pid of $b>; sleep $OUTAGE"
      sleep "$OUTAGE"
      mark "$b$round" restart "$phases"; backend_start "$b"
      app_ready "$b" || die "R1: $b did not get ready again"
      mark "$b$round" ready "$phases"
      log "R1: $b ready again"
      sleep 15 # room to see the gateway's circuit breaker close again (its delay is 5 s)
      cp "$WORK/logs/$b.log" "$WORK/logs/r1-$b$round.log"
    done
  done
  touch "$WORK/stop-load"
  wait "$(pid_of r1-load)" 2>/dev/null || true
  rm -f "$WORK/pids/r1-load" "$WORK/stop-load"
  record_cmd "node bench/tools/faults-report.mjs r1 bench/.work/faults/r1-answers.jsonl bench/.work/faults/phases-r1.txt $OUTAGE bench/.work/faults/logs"
  section R1 "R1 — a backend killed under read load" node "$BENCH/tools/faults-report.mjs" r1 "$answers" "$phases" "$OUTAGE" "$WORK/logs"
}

# ================================================================================= R2
# wait_ready_all PHASES NAME: polls the three services' readiness after a restart (deadline 120 s),
# marking when each is ready; nothing is restarted or helped along.
wait_ready_all() {
  local phases="$1" name="$2" s pending=(actors events gateway) deadline=$((SECONDS + 120))
  while [ ${#pending[@]} -gt 0 ] && [ $SECONDS -lt $deadline ]; do
    local left=()
    for s in "${pending[@]}"; do
      if curl -fsS --max-time 2 "http://127.0.0.1:$(app_port "$s")/q/health/ready" 2>/dev/null | grep -q '"status" *: *"UP"'; then
        mark "$name" "ready_$s" "$phases"
      else
        left+=("$s")
      fi
    done
    pending=("${left[@]+"${left[@]}"}")
    [ ${#pending[@]} -eq 0 ] || sleep 0.1
  done
  [ ${#pending[@]} -eq 0 ] || log "R2: not ready 120 s after $name: ${pending[*]}"
}
acked_so_far() { local n; n="$(head -n1 "$WORK/r2-progress" 2>/dev/null)"; [[ "$n" =~ ^[0-9]+$ ]] && echo "$n" || echo 0; }
# wait_acked N: until the writers have N acknowledged writes (or are done), bounded.
wait_acked() {
  local deadline=$((SECONDS + 240))
  while [ "$(acked_so_far)" -lt "$1" ] && ! grep -q done "$WORK/r2-progress" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
    kill -0 "$(pid_of r2-load)" 2>/dev/null || return 0
    sleep 0.1
  done
}
r2() {
  local phases="$WORK/phases-r2.txt" run i mode
  : >"$phases"
  run="$(date -u +%H%M%S)"
  log "R2: $WRITES recordEvent mutations (idempotency keys, retries) while PostgreSQL restarts twice"
  rm -f "$WORK/r2-progress"
  record_cmd "node bench/load/faults-write.mjs http://127.0.0.1:$PORT_GW bench/.work/faults/jwt/privateKey.pem <run> bench/.work/faults/r2-writer.json bench/.work/faults/r2-progress $WRITES $CLIENTS 30 300"
  start_proc r2-load "$WORK/logs/r2-load.log" node "$BENCH/load/faults-write.mjs" "http://127.0.0.1:$PORT_GW" \
    "$WORK/jwt/privateKey.pem" "$run" "$WORK/r2-writer.json" "$WORK/r2-progress" "$WRITES" "$CLIENTS" 30 300
  for i in 1 2; do
    # fast: clients are disconnected and the server shuts down cleanly; immediate: a crash, WAL replay
    mode=$([ $i -eq 1 ] && echo fast || echo immediate)
    wait_acked $((WRITES * i / 3))
    grep -q done "$WORK/r2-progress" 2>/dev/null && { log "R2: the writers finished before restart $i"; break; }
    kill -0 "$(pid_of r2-load)" 2>/dev/null || { log "R2: the writers stopped before restart $i (log: $WORK/logs/r2-load.log)"; break; }
    log "R2: pg_ctl restart -m $mode (after $(acked_so_far) acknowledged writes)"
    echo "restart$i acked $(acked_so_far)" >>"$phases"
    echo "restart$i mode $i" >>"$phases"
    record_cmd "runuser -u postgres -- pg_ctl -D bench/.work/faults/pg/data restart -m $mode"
    mark "restart$i" begin "$phases"
    pg_ctl_ restart -m "$mode" || die "R2: pg_ctl restart -m $mode failed (log: $WORK/logs/pg_ctl.log)"
    mark "restart$i" done "$phases"
    wait_ready_all "$phases" "restart$i"
  done
  local deadline=$((SECONDS + 420))
  while kill -0 "$(pid_of r2-load)" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  stop_proc r2-load
  [ -s "$WORK/r2-writer.json" ] || die "R2: the writers left no summary (log: $WORK/logs/r2-load.log)"
  # what is in the database afterwards, per title of this run: rows and ids
  record_cmd "psql -p $PG_PORT -d events -c \"select title, count(*), string_agg(id::text, ',') from event where title like 'faults <run> #%' group by title\""
  psql_suite -d events -AtF $'\t' -c "select title, count(*), string_agg(id::text, ',') from event
      where title like 'faults $run #%' group by title" >"$WORK/r2-rows.tsv"
  record_cmd "node bench/tools/faults-report.mjs r2 bench/.work/faults/r2-writer.json bench/.work/faults/r2-rows.tsv bench/.work/faults/phases-r2.txt"
  section R2 "R2 — PostgreSQL restarted under write load" node "$BENCH/tools/faults-report.mjs" r2 "$WORK/r2-writer.json" "$WORK/r2-rows.tsv" "$phases"
}

# section ID TITLE CMD...: runs a report command into the results' part ID; its exit status is the verdict.
section() {
  local id="$1" title="$2" rc=0; shift 2
  { echo "## $title"; echo; } >"$WORK/parts/$id.md"
  "$@" >>"$WORK/parts/$id.md" 2>>"$WORK/logs/report.log" || rc=$?
  case $rc in
    0) VERDICT[$id]="all goals met" ;;
    3) VERDICT[$id]="goals missed" ;;
    *) VERDICT[$id]="report failed (exit $rc, log: $WORK/logs/report.log)" ;;
  esac
  log "$id: ${VERDICT[$id]}"
}

# ================================================================================= results and cleanup
# "uncommitted changes" looks at what the jars and the suite are built from; not at bench/results, which
# this very function is writing (the redirection below has already truncated the file when it looks).
write_results() {
  local rc="$1" id
  {
    echo "# Parley fault suite — $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(free -g | awk '/^Mem:/ {print $2}') GB RAM;"
    echo "$(java -version 2>&1 | head -n1); PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (the suite's own cluster, port $PG_PORT); node $(node --version)."
    echo "Commit: \`$(cd "$ROOT" && git rev-parse --short HEAD)\`$(cd "$ROOT" && [ -n "$(git status --porcelain -- actors-service events-service gateway common pom.xml bench ':!bench/results' 2>/dev/null)" ] && echo ' (with uncommitted changes in the work tree)'). JVM options: \`$JAVA_OPTS\`${GATEWAY_OPTS:+; gateway also \`$GATEWAY_OPTS\`}."
    echo "Run: \`bench/faults.sh$([ "$ONLY" != "r1,r2" ] && echo " --only $ONLY")\`; exit status $rc."
    for id in R1 R2; do [ -n "${VERDICT[$id]:-}" ] && echo "$id: ${VERDICT[$id]}."; done
    echo
    for id in R1 R2; do [ -f "$WORK/parts/$id.md" ] && { cat "$WORK/parts/$id.md"; echo; }; done
    echo "## Commands"
    echo
    sed "s|$ROOT/||g" "$WORK/commands.md" | awk '!seen[$0]++'
  } >"$RESULTS"
}
finish() {
  local rc=$?
  trap - EXIT INT TERM HUP
  stop_all
  if $PG_STARTED; then pg_ctl_ stop -m fast || log "could not stop the suite's PostgreSQL (log: $WORK/logs/pg_ctl.log)"; fi
  # a scenario that missed a goal fails the run, after its figures are written
  if [ "$rc" -eq 0 ]; then for v in "${VERDICT[@]}"; do [ "$v" = "all goals met" ] || rc=3; done; fi
  write_results "$rc" || true
  [ "$rc" -eq 0 ] && log "done: $RESULTS" || log "exit $rc; results in $RESULTS, logs in $WORK/logs"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM HUP

# ================================================================================= main
for tool in node psql curl openssl runuser ss; do command -v "$tool" >/dev/null || die "$tool is missing"; done
if [ ! -d "$BENCH/node_modules/graphql-ws" ] || [ "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ]; then
  log "installing the benchmark's npm packages (npm ci)"
  (cd "$BENCH" && npm ci --no-audit --no-fund >"$WORK/logs/npm.log" 2>&1) || die "npm ci failed (log: $WORK/logs/npm.log)"
fi
# A jar is stale when it is missing or anything it is built from (its module, common/, the poms) is newer.
stale_jars() {
  local m jar
  for m in actors-service events-service gateway; do
    jar="$ROOT/$m/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -z "$(find "$ROOT/$m/src/main" "$ROOT/$m/pom.xml" "$ROOT/common/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ] || return 0
  done
  return 1
}
if [ "$BUILD" = auto ] && stale_jars; then
  log "building the three services (mvnw package -DskipTests)"
  record_cmd "./mvnw -B -q package -DskipTests -Dparley.skipDbEnsure=true -pl actors-service,events-service,gateway -am"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dparley.skipDbEnsure=true -pl actors-service,events-service,gateway -am \
    >"$WORK/logs/build.log" 2>&1) || die "build failed (log: $WORK/logs/build.log)"
fi
copy_apps actors-service events-service gateway
make_jwt_keys || die "openssl could not make the token key pair"
pg_setup
services_up
wants r1 && r1
wants r2 && r2
exit 0
