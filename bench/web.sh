#!/usr/bin/env bash
# The web app in headless Chromium (issue 12): time to the first events shown (/events) and to the dyad chart
# drawn (/dyad), measured in the page, on the seed article and on the 1,000,000 synthetic events of
# bench/run.sh. Not a test: figures only, written to bench/results/<date>-web.md.
#
#   bench/web.sh [--data seed|1m|both] [--rounds N] [--no-build]
#
#   --data     seed: its own databases actors_webbench/events_webbench with the seed article (default both);
#              1m: the databases bench/run.sh loads (actors_bench/events_bench; load them first with
#              `bench/run.sh --only b4`: generating and loading takes minutes); the dyad asked is the busiest
#              pair of the generated data (bench/.work/params.json)
#   --rounds   page loads per view (default 5): round 1 with a cold browser cache, the rest warm
#   --no-build use the jars already built
# Ports: gateway 27180, actors 27181, events 27182 (BENCH_WEB_PORT_BASE); it stops all it started.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/.work/web"
# shellcheck source=lib/common.sh
source "$BENCH/lib/common.sh"

DATA=both ROUNDS=5 BUILD=true
while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --no-build) BUILD=false ;;
    -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see bench/web.sh --help)" ;;
  esac
  shift
done
case "$DATA" in seed|1m|both) ;; *) die "--data is seed, 1m or both" ;; esac

JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"
PORT_BASE="${BENCH_WEB_PORT_BASE:-27180}"
PORT_GW=$PORT_BASE PORT_ACTORS=$((PORT_BASE + 1)) PORT_EVENTS=$((PORT_BASE + 2))
DB_HOST="${PARLEY_DB_HOST:-127.0.0.1}" DB_PORT="${PARLEY_DB_PORT:-5432}"
DB_USER="${PARLEY_DB_USER:-parley}" DB_PASSWORD="${PARLEY_DB_PASSWORD:-parley}"
export PGHOST="${PGHOST:-$DB_HOST}" PGPORT="${PGPORT:-$DB_PORT}" PGUSER="${PGUSER:-postgres}"
STAMP="$(date -u +%Y-%m-%d)"
RESULTS="$BENCH/results/$STAMP-web.md"

mkdir -p "$WORK/logs" "$WORK/pids"
: >"$WORK/commands.md"
trap stop_all EXIT

[ -x /usr/bin/chromium ] || die "Debian's chromium is missing (apt-get install chromium; .ci/run does it)"
record_cmd "(cd web/e2e && npm ci)"
(cd "$ROOT/web/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >"$WORK/logs/npm.log" 2>&1) \
  || die "npm ci in web/e2e failed ($WORK/logs/npm.log)"
if $BUILD; then
  log "building the jars (gateway with the web app)"
  record_cmd "./mvnw -B -q package -DskipTests -pl actors-service,events-service,web,gateway -am"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dparley.skipDbEnsure=true -pl actors-service,events-service,web,gateway -am \
    >"$WORK/logs/build.log" 2>&1) || die "build failed ($WORK/logs/build.log)"
fi
copy_apps actors-service events-service gateway

# run_on SUFFIX SEED A B LABEL: the three services on actors$SUFFIX/events$SUFFIX, then the browser.
run_on() {
  local suffix="$1" seed="$2" a="$3" b="$4" label="$5"
  APP_DB_SUFFIX="$suffix"
  log "$label: starting the services"
  export QUARKUS_FLYWAY_PLACEHOLDERS_SEED="$seed"
  record_cmd "export QUARKUS_FLYWAY_PLACEHOLDERS_SEED=$seed   # read by both services below"
  app_start actors; app_start events
  app_ready actors; app_ready events
  app_up gateway
  log "$label: $ROUNDS rounds in Chromium"
  record_cmd "node web/e2e/web.bench.mjs http://localhost:$PORT_GW $a $b $ROUNDS"
  (cd "$ROOT/web/e2e" && node web.bench.mjs "http://localhost:$PORT_GW" "$a" "$b" "$ROUNDS") >"$WORK/$label.json" \
    2>"$WORK/logs/$label-browser.log" || die "$label: the browser run failed ($WORK/logs/$label-browser.log)"
  stop_proc gateway; stop_proc events; stop_proc actors
}

if [ "$DATA" != 1m ]; then
  record_cmd "bin/db-ensure actors_webbench events_webbench"
  "$ROOT/bin/db-ensure" actors_webbench events_webbench >"$WORK/logs/db-ensure.log" 2>&1 \
    || die "bin/db-ensure failed: $(head -n1 "$WORK/logs/db-ensure.log")"
  # Russia and the United States (the seed's fixed ids)
  run_on _webbench true 00000000-0000-4000-8000-00000000a008 00000000-0000-4000-8000-00000000a010 seed
fi
if [ "$DATA" != seed ]; then
  loaded="$(psql -X -Atc "select count(*) from event" -d "events${BENCH_DB_SUFFIX:-_bench}" 2>/dev/null || true)"
  if [ -z "$loaded" ] || [ "$loaded" -lt 900000 ] || [ ! -f "$BENCH/.work/params.json" ]; then
    die "the 1,000,000 events are not loaded (events_bench has '${loaded:-no database}'): run bench/run.sh --only b4 first"
  fi
  # The pair of actors that occurs most often among the generator's dyad parameters.
  read -r A B < <(node -e 'const p=require(process.argv[1]);const n=new Map();for(const d of p.dyads){const k=d.a+" "+d.b;n.set(k,(n.get(k)||0)+1)}console.log([...n].sort((x,y)=>y[1]-x[1])[0][0])' "$BENCH/.work/params.json")
  run_on "${BENCH_DB_SUFFIX:-_bench}" false "$A" "$B" 1m
fi

node - "$WORK" "$RESULTS" "$ROUNDS" <<'EOF'
const fs = require('fs');
const [work, out, rounds] = process.argv.slice(2);
const rows = [];
for (const label of ['seed', '1m']) {
  const f = `${work}/${label}.json`;
  if (!fs.existsSync(f)) continue;
  const r = JSON.parse(fs.readFileSync(f, 'utf8'));
  for (const [what, s] of [['first events shown (/events)', r.firstEvents], ['dyad chart drawn (/dyad)', r.dyadChart]]) {
    rows.push(`| ${label} | ${what} | ${s.cold} | ${s.warmMedian ?? '–'} (${s.warmMin ?? '–'}–${s.warmMax ?? '–'}) | ${s.all.join(', ')} | ${Math.round(s.coldScriptBytes / 1024)} KB |`);
  }
  rows.chromium = r.chromium;
}
const text = `# Web app in the browser — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Headless Chromium ${rows.chromium ?? ''} (Debian's), services warmed up first (both views loaded until each showed its data three times, in another browser profile), one new page per load, ${rounds} loads per view: the first
with an empty browser cache, the rest with the app's hashed files cached. Times are milliseconds from
navigation start to the first event card in the DOM, and to the uPlot canvas of the dyad chart in the DOM
(data fetched and drawn), measured in the page. The gateway and both services run from their jars (-Xmx512m)
on this shared 2-core machine: read the figures as orders of magnitude.

| data | time to | cold (ms) | warm median (min–max) | every load | scripts transferred (cold) |
|---|---|---|---|---|---|
${rows.join('\n')}

Commands:
${fs.readFileSync(`${work}/commands.md`, 'utf8')}`;
fs.mkdirSync(require('path').dirname(out), { recursive: true });
fs.writeFileSync(out, text);
console.log(text);
EOF
log "results: $RESULTS"
