#!/usr/bin/env bash
# Parley's benchmarks (issue 7): one command that prepares its tools, builds, sets up its own data,
# runs every benchmark on this machine and writes bench/results/<date>.md.
#
#   bench/run.sh [--quick] [--only b4,b5,b1,b3,b2,b6] [--no-build] [--reload]
#
#   --quick     shorter warm-up and rounds (development; the default run follows the issue)
#   --only      run only these benchmarks (b1 backend calls, b2 GraphQL Mesh, b3 direct calls,
#               b4 service queries at scale, b5 start-up and memory, b6 both gateways over the same
#               fast fake backends: recorded answers of the services, replayed from memory)
#   --no-build  use the jars already built (module target/ folders, bench/floor/target)
#   --reload    regenerate and reload the 1,000,000 synthetic events even if already loaded
#
# It uses its own databases (actors_bench, events_bench; created through bin/db-ensure as the
# PostgreSQL administrator given by PGHOST/PGPORT/PGUSER/PGPASSWORD, default postgres on
# 127.0.0.1:5432) and its own ports (gateway 28080, actors 28081, events 28082, floor 28083,
# Mesh 14000; b6: fake actors 28084, fake events 28085, gateway 28086, Mesh 14001), and stops
# everything it started when it ends, however it ends.
# Knobs: BENCH_EVENTS (1000000), BENCH_JAVA_OPTS (-Xmx512m, as bin/parley), BENCH_CONNECTIONS (8),
# BENCH_PORT_BASE (28080: gateway, +1 actors, +2 events, +3 floor, +4..+6 b6), BENCH_MESH_PORT (14000; +1 b6),
# BENCH_DB_SUFFIX (_bench: the databases actors_bench and events_bench).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/.work"
# shellcheck source=lib/common.sh
source "$BENCH/lib/common.sh"

QUICK=false BUILD=true RELOAD=false ONLY="b4,b5,b1,b3,b2,b6"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=true ;;
    --no-build) BUILD=false ;;
    --reload) RELOAD=true ;;
    --only) ONLY="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see bench/run.sh --help)" ;;
  esac
  shift
done

EVENTS="${BENCH_EVENTS:-1000000}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"
CONNS="${BENCH_CONNECTIONS:-8}"
bench_ports_and_db
PORT_MESH="${BENCH_MESH_PORT:-14000}"
DB_ACTORS="actors$APP_DB_SUFFIX" DB_EVENTS="events$APP_DB_SUFFIX"
export PGHOST="${PGHOST:-$DB_HOST}" PGPORT="${PGPORT:-$DB_PORT}" PGUSER="${PGUSER:-postgres}"
if $QUICK; then
  WARMUP=15 ROUND=5 ROUNDS=2 B4_SECONDS=4 STARTS=2 B3_SETTLE=${BENCH_B3_SETTLE:-0}
else
  # the issue: >= 60 s JVM warm-up; each comparison alternates A and B several times
  WARMUP=60 ROUND=10 ROUNDS=3 B4_SECONDS=8 STARTS=4 B3_SETTLE=${BENCH_B3_SETTLE:-300}
fi

STAMP="$(date -u +%Y-%m-%d)"
mkdir -p "$WORK/logs" "$WORK/parts" "$BENCH/results"
RESULTS="$BENCH/results/${STAMP}$($QUICK && echo -quick || true).md"
M="$WORK/measurements.jsonl"
: >"$M"
: >"$WORK/commands.md"
rm -f "$WORK"/parts/*

finish() {
  local rc=$?
  trap - EXIT INT TERM HUP
  stop_all
  # reset what the EXPLAIN phase may have left switched on
  [ -n "${AUTO_EXPLAIN_ON:-}" ] && auto_explain off || true
  write_results "$rc" || true
  [ "$rc" -eq 0 ] && log "done: $RESULTS" || log "FAILED (exit $rc); partial results in $RESULTS, logs in $WORK/logs"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM HUP

# ================================================================================= tools and build
setup_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v node >/dev/null || missing+=(nodejs npm)
  command -v ss >/dev/null || missing+=(iproute2)
  command -v jfr >/dev/null || true
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (apt-get)"
    apt-get update -qq >"$WORK/logs/apt.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >>"$WORK/logs/apt.log" 2>&1 \
      || die "apt-get install ${missing[*]} failed (log: $WORK/logs/apt.log)"
  fi
  command -v java >/dev/null || die "java (17) is not on the PATH"
  if [ ! -d "$BENCH/node_modules/@graphql-hive/gateway" ] || [ "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ]; then
    log "installing the benchmark's npm packages (npm ci)"
    (cd "$BENCH" && npm ci --no-audit --no-fund >"$WORK/logs/npm.log" 2>&1) || die "npm ci failed (log: $WORK/logs/npm.log)"
  fi
  # the PostgreSQL server (postmaster + backends), for its CPU time per request
  local pm; pm="$(psql_admin -d postgres -Atc 'show data_directory' 2>/dev/null)/postmaster.pid"
  [ -r "$pm" ] && PG_PID="$(head -n1 "$pm")" || log "PostgreSQL's postmaster.pid is not readable: its CPU is not measured"
  for p in $PORT_GW $PORT_ACTORS $PORT_EVENTS $PORT_FLOOR $PORT_MESH; do
    port_free "$p" || die "port $p is in use; the benchmark needs $PORT_BASE-$PORT_FLOOR and $PORT_MESH (BENCH_PORT_BASE, BENCH_MESH_PORT)"
  done
}

build() {
  if $BUILD; then
    log "building actors-service, events-service, gateway and the floor app (mvnw package -DskipTests)"
    record_cmd "./mvnw -B -q package -DskipTests -Dparley.skipDbEnsure=true -pl actors-service,events-service,gateway -am"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dparley.skipDbEnsure=true -pl actors-service,events-service,gateway -am \
      >"$WORK/logs/build.log" 2>&1) || die "build failed (log: $WORK/logs/build.log)"
    record_cmd "./mvnw -B -q -f bench/floor/pom.xml package -DskipTests"
    (cd "$ROOT" && ./mvnw -B -q -f bench/floor/pom.xml package -DskipTests >>"$WORK/logs/build.log" 2>&1) \
      || die "floor build failed (log: $WORK/logs/build.log)"
  fi
  copy_apps actors-service events-service gateway floor
}

# ================================================================================= data (b4 and the rest)
psql_app() { PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

data_hash() {
  cat "$BENCH/gen/generate.mjs" "$BENCH/gen/load-events.sql" "$BENCH/gen/load-actors.sql" "$BENCH"/data/* \
      "$ROOT"/events-service/src/main/resources/db/migration/* "$ROOT"/actors-service/src/main/resources/db/migration/* \
    | { cat; echo "$EVENTS"; } | sha256sum | cut -c1-16
}

prepare_data() {
  record_cmd "bin/db-ensure $DB_ACTORS $DB_EVENTS"
  "$ROOT/bin/db-ensure" "$DB_ACTORS" "$DB_EVENTS" >"$WORK/logs/db-ensure.log" 2>&1 \
    || die "bin/db-ensure failed: $(head -n1 "$WORK/logs/db-ensure.log")"
  local want have
  want="$(data_hash)"
  have="$(psql_admin -d "$DB_EVENTS" -Atc "select hash from bench.loaded" 2>/dev/null || true)"
  if [ "$want" != "$have" ] || $RELOAD; then
    # New data, generator or migrations (Flyway refuses an edited migration): start from empty
    # databases, migrated by the services themselves.
    log "recreating $DB_ACTORS and $DB_EVENTS"
    psql_admin -d postgres -c "drop database if exists $DB_ACTORS with (force)" -c "drop database if exists $DB_EVENTS with (force)" >/dev/null
    "$ROOT/bin/db-ensure" "$DB_ACTORS" "$DB_EVENTS" >>"$WORK/logs/db-ensure.log" 2>&1 || die "bin/db-ensure failed"
    have=""
  fi
  # The services migrate their schema (and load the CAMEO catalogue) themselves, before any load.
  app_start actors; app_start events
  app_ready actors; app_ready events
  stop_proc actors; stop_proc events
  if [ "$want" = "$have" ] && ! $RELOAD; then
    log "synthetic data already loaded (hash $want)"
  else
    log "generating $EVENTS synthetic events"
    record_cmd "node bench/gen/generate.mjs bench/.work/data $EVENTS"
    node "$BENCH/gen/generate.mjs" "$WORK/data" "$EVENTS" >"$WORK/logs/generate.log"
    log "loading them (COPY) into $DB_ACTORS and $DB_EVENTS"
    local t0; t0="$(now_ms)"
    record_cmd "sed 's|@DIR@|bench/.work/data|g' bench/gen/load-actors.sql | psql -d $DB_ACTORS -f -"
    sed "s|@DIR@|$WORK/data|g" "$BENCH/gen/load-actors.sql" | psql_admin -d "$DB_ACTORS" -f - >"$WORK/logs/load.log" 2>&1 \
      || die "loading actors failed (log: $WORK/logs/load.log)"
    record_cmd "sed 's|@DIR@|bench/.work/data|g' bench/gen/load-events.sql | psql -d $DB_EVENTS -f -"
    sed "s|@DIR@|$WORK/data|g" "$BENCH/gen/load-events.sql" | psql_admin -d "$DB_EVENTS" -f - >>"$WORK/logs/load.log" 2>&1 \
      || die "loading events failed (log: $WORK/logs/load.log)"
    psql_admin -d "$DB_EVENTS" -c "create schema if not exists bench; drop table if exists bench.loaded;
      create table bench.loaded as select '$want'::text as hash, now() as loaded_at, $(( ($(now_ms) - t0) / 1000 )) as seconds"
    rm -f "$WORK"/data/*.tsv
  fi
  cp "$WORK/data/params.json" "$WORK/params.json" 2>/dev/null || true
  [ -f "$WORK/params.json" ] || { node "$BENCH/gen/generate.mjs" "$WORK/data" "$EVENTS" >/dev/null; cp "$WORK/data/params.json" "$WORK/params.json"; rm -f "$WORK"/data/*.tsv; }
  psql_admin -d "$DB_EVENTS" -Atc "select json_build_object(
      'events', (select count(*) from event), 'participants', (select count(*) from event_participant),
      'subjects', (select count(*) from event_subject), 'sources', (select count(*) from event_source),
      'places', (select count(*) from place), 'load_seconds', (select seconds from bench.loaded),
      'db_size', pg_size_pretty(pg_database_size(current_database())))" >"$WORK/dataset.json"
  psql_admin -d "$DB_ACTORS" -Atc "select count(*) from actor" >"$WORK/actors.count"
  record_cmd "node bench/tools/paths.mjs bench/.work/params.json bench/.work/req   # the request lists (*.paths, *.jsonl)"
  node "$BENCH/tools/paths.mjs" "$WORK/params.json" "$WORK/req"
}

# ================================================================================= measuring
# measure BENCH TARGET QUERY ROUND PROCS -- CMD... : runs a load command whose output holds a
# WRKJSON line, reads the CPU ticks of each named process before and after, their RSS after, and
# appends one JSON line to $M.
measure() {
  local bench="$1" target="$2" query="$3" round="$4" procs="$5"; shift 5
  [ "$1" = "--" ] && shift
  local p pid before=() after=() out
  for p in $procs; do pid="$(pid_of "$p")"; before+=("$(cpu_ticks "$pid")"); done
  out="$("$@" 2>>"$WORK/logs/load-tool.log" | grep '^WRKJSON ' | tail -n1 | sed 's/^WRKJSON //')" || true
  [ -n "$out" ] || { log "load tool gave no result: $*"; out='{"requests":0}'; }
  local i=0 cpu='{}' rss='{}'
  for p in $procs; do
    pid="$(pid_of "$p")"
    after=$(cpu_ticks "$pid")
    cpu="$(jq -c --arg p "$p" --argjson v $(( after - before[i] )) '. + {($p): $v}' <<<"$cpu")"
    [ "$p" = postgres ] || rss="$(jq -c --arg p "$p" --argjson v "$(rss_kb "$pid")" '. + {($p): $v}' <<<"$rss")"
    i=$((i + 1))
  done
  jq -c --arg b "$bench" --arg t "$target" --arg q "$query" --argjson r "$round" --argjson cpu "$cpu" \
     --argjson rss "$rss" --argjson tck "$CLK_TCK" \
     '. + {bench: $b, target: $t, query: $q, round: $r, cpu_ticks: $cpu, rss_kb: $rss, clk_tck: $tck}' <<<"$out" >>"$M"
}

wrk_get() { # wrk_get URL_BASE PATHS_FILE SECONDS CONNECTIONS
  BENCH_PATHS="$2" wrk -t1 -c"$4" -d"$3"s --timeout 10s -s "$BENCH/load/paths.lua" "$1"
}
wrk_post() { # wrk_post URL BODIES_FILE SECONDS CONNECTIONS
  BENCH_BODIES="$2" wrk -t2 -c"$4" -d"$3"s --timeout 10s -s "$BENCH/load/graphql.lua" "$1"
}

# ================================================================================= benchmarks
source "$BENCH/lib/b4.sh"
[ -f "$BENCH/lib/b5.sh" ] && source "$BENCH/lib/b5.sh"
[ -f "$BENCH/lib/b123.sh" ] && source "$BENCH/lib/b123.sh"
source "$BENCH/lib/b6.sh"

# ================================================================================= results
write_results() {
  local rc="$1" sec
  # every section from the measurements taken so far (also after a failure part-way)
  for sec in b1 b2 b3 b4 b5 b6; do
    grep -q "\"bench\":\"$sec" "$M" 2>/dev/null && node "$BENCH/tools/report.mjs" "$sec" "$M" "$WORK" >"$WORK/parts/$sec.md"
  done
  {
    echo "# Parley benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')$($QUICK && echo ' (quick mode: shortened warm-up and rounds)')"
    echo
    echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(free -g | awk '/^Mem:/ {print $2}') GB RAM;"
    echo "$(java -version 2>&1 | head -n1); PostgreSQL $(psql_admin -d postgres -Atc 'show server_version' 2>/dev/null); node $(node --version); $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)."
    echo "Commit: \`$(cd "$ROOT" && git rev-parse --short HEAD)\`$(cd "$ROOT" && [ -n "$(git status --porcelain -- actors-service events-service gateway bench 2>/dev/null)" ] && echo ' (with uncommitted changes in the work tree)'). JVM options for every Java process: \`$JAVA_OPTS\`."
    echo "Run: \`$(echo "bench/run.sh $($QUICK && echo --quick) $([ "$ONLY" != "b4,b5,b1,b3,b2,b6" ] && echo "--only $ONLY")" | sed 's/ *$//')\`; exit status $rc."
    echo
    echo "Absolute numbers drift on this shared 2-core machine; the ratios are measured side by side in"
    echo "the same run (A and B alternate, median of the per-round ratios, spread = min–max)."
    echo "CPU per request = (utime + stime of the process, /proc/PID/stat) over a load phase ÷ requests."
    echo "PostgreSQL's CPU is that of the whole server (all backends), which other users of this shared"
    echo "server may add to: read it as an upper bound."
    echo
    local part
    for part in b1 b2 b3 b4 b5 profile b6 profile6; do
      [ -f "$WORK/parts/$part.md" ] && { cat "$WORK/parts/$part.md"; echo; }
    done
    echo "## Commands"
    echo
    echo "Every command line the run used, in order (paths relative to the repository):"
    echo
    sed "s|$ROOT/||g; s|$WORK/req/||g" "$WORK/commands.md" | awk '!seen[$0]++'
  } >"$RESULTS"
}

# ================================================================================= main
log "results go to $RESULTS"
setup_tools
build
prepare_data
wants b4 && bench_b4
wants b5 && declare -F bench_b5 >/dev/null && bench_b5
wants b1 && declare -F bench_b1 >/dev/null && bench_b1
wants b3 && declare -F bench_b3 >/dev/null && bench_b3
wants b2 && declare -F bench_b2 >/dev/null && bench_b2
wants b6 && bench_b6
exit 0
