#!/usr/bin/env bash
# Start-up, memory and warm-up of the JVM services under JVM variants (issue 18, parts 3 and 4):
# benchmark 5 (start to the first ready, RSS idle and under load, as ratios against the floor app
# started in the same round) and benchmark 7 (the gateway's CPU per request in its first minute
# against the same gateway warmed up), each for every variant, variants alternating per round.
#
#   bench/startup.sh [--quick] [--variants "17 17-cds 25 25-aot 25-aot+aotjar+lean"] [--only b5,b7]
#
# Variants (JAVA_OPTS from BENCH_JAVA_OPTS, default -Xmx512m, for every one of them):
#   17       java on the PATH (17), as bin/parley runs the jars today
#   17-cds   the same with a dynamic AppCDS archive per app (-XX:SharedArchiveFile) from a training run
#   25       Temurin 25 (BENCH_JAVA25, default /usr/lib/jvm/temurin-25-jdk-amd64)
#   25-aot   Temurin 25 with an AOT cache per app (JEP 483/514/515: classes loaded and linked, method
#            profiles) from a training run (-XX:AOTCacheOutput)
#   …+serial any of them with -XX:+UseSerialGC (e.g. 25-aot+serial; its own archive)
#   …+lean   any of them with the pods' memory settings (k8s/README.md, JVM memory) on a machine the
#            JVM is told has the pods' 512 MiB (-XX:MaxRAM): BENCH_LEAN_OPTS (default below; -Xmx is
#            taken out of BENCH_JAVA_OPTS so that the heap follows MaxRAMPercentage, as in a pod),
#            MALLOC_ARENA_MAX=2, and on Java 25 compact object headers (JEP 519)
#   …+aotjar any of them with Quarkus's aot-jar packaging (every class on the JDK's class path, so
#            that the archive holds and links the application's classes too; fast-jar loads them
#            through Quarkus's own class loader). Needs the apps packaged so beside the fast-jar:
#            ./mvnw -B -q package -DskipTests -Dparley.skipDbEnsure=true -pl actors-service,events-service,gateway -am \
#              -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=aot-app
#            (and the same with -f bench/floor/pom.xml), which writes target/aot-app/
#   …+base   any of them with another build's jars: BENCH_BASE_APPS, a folder laid out as bench/.work/apps
#            (<module>/ from target/quarkus-app, <module>.aotjar/ from target/aot-app; floor likewise), started as
#            that build started (every start migrates), so that a change is measured against its base in ONE
#            run, e.g. --variants "25-aot+aotjar+base 25-aot+aotjar" with BENCH_BASE_APPS holding main's jars
# A training run starts the app, loads it as the benchmark does for BENCH_TRAIN seconds (default 20)
# and stops it; the archive is written as the JVM exits. The floor gets the same variant as the
# services (its own archive), and every ratio is also given against the plain floor (variant 17).
# Needs the jars (bench/run.sh builds them) and the benchmark's data and request lists: run
# `bench/run.sh --only b4` (or any run) once first; BENCH_EVENTS=20000 makes that quick.
# Ports and databases as bench/run.sh (BENCH_PORT_BASE, BENCH_DB_SUFFIX). Writes
# bench/results/<date>-startup.md.
# BENCH_MIGRATE (job): how actors-service and events-service meet their schema. job: as the pods do
# (k8s/README.md, Migrations): each is run once first in the migration Job's mode (-Dquarkus.init-and-exit=true
# -Dquarkus.flyway.migrate-at-start=true: start, migrate, exit; its time is logged), then every start measured
# runs with -Dquarkus.flyway.migrate-at-start=false. start: every start migrates (as bin/parley and dev mode do,
# and as the pods did before 2026-11-30).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
# BENCH_WORK: another work folder (its own logs, pids and app copies; the request lists and archives
# are taken from bench/.work), so that two runs (say --only b5 and --only b7) can go side by side
WORK="${BENCH_WORK:-$BENCH/.work}"
# shellcheck source=lib/common.sh
source "$BENCH/lib/common.sh"

QUICK=false VARIANTS="17 17-cds 25 25-aot" ONLY="b5,b7"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=true ;;
    --variants) VARIANTS="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see bench/startup.sh --help)" ;;
  esac
  shift
done

JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"
# +lean: what the images set
# (quarkus.jib.* in the root pom's images profile, and what run-java.sh adds to them:
# heap free ratios, exit on OOM) plus the pods' memory limit (k8s/base, 512Mi)
LEAN_OPTS="${BENCH_LEAN_OPTS:--XX:MaxRAM=512m -XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:+ExitOnOutOfMemoryError}"
JAVA25="${BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
CONNS="${BENCH_CONNECTIONS:-8}"
TRAIN="${BENCH_TRAIN:-20}"
MIGRATE="${BENCH_MIGRATE:-job}"
case "$MIGRATE" in job|start) ;; *) die "BENCH_MIGRATE must be job or start, not '$MIGRATE'" ;; esac
bench_ports_and_db
if $QUICK; then STARTS=2 LOADS=5 W_FIRST=60 W_WARM=30; else STARTS=4 LOADS=10 W_FIRST=60 W_WARM=60; fi
STARTS="${BENCH_STARTS:-$STARTS}"
# seconds of load before "RSS under load" (benchmark 5); a loaded machine needs more than --quick's 5 for the
# gateway's load to reach the services with more than a few requests
LOADS="${BENCH_LOAD_SECONDS:-$LOADS}"
WINDOW=10   # seconds per CPU-per-request reading in benchmark 7
B7_ROUNDS="${BENCH_B7_ROUNDS:-2}"

STAMP="$(date -u +%Y-%m-%d)"
RESULTS="$BENCH/results/${STAMP}-startup$([ "$ONLY" = b5,b7 ] || echo "-${ONLY//,/-}")$($QUICK && echo -quick || true).md"
M="$WORK/startup.jsonl"
AOT="$BENCH/.work/aot"
mkdir -p "$WORK/logs" "$AOT" "$BENCH/results"
[ "$WORK" = "$BENCH/.work" ] || { ln -sfn "$BENCH/.work/req" "$WORK/req"; }
# the archives outlive a run, and so do the facts of their training runs
touch "$AOT/train.jsonl"; cp "$AOT/train.jsonl" "$M"; : >"$WORK/commands.md"
[ -f "$WORK/req/gql-page.jsonl" ] || die "no request lists in $WORK/req: run bench/run.sh once first (BENCH_EVENTS=20000 bench/run.sh --only b4)"
cat "$WORK/req/gql-page.jsonl" "$WORK/req/gql-actor.jsonl" "$WORK/req/gql-dyad.jsonl" | shuf --random-source=<(yes) >"$WORK/req/gql-all.jsonl"
echo /hello >"$WORK/req/floor.paths"

finish() {
  local rc=$?
  trap - EXIT INT TERM HUP
  stop_all
  [ -s "$M" ] && write_results "$rc" || true
  [ "$rc" -eq 0 ] && log "done: $RESULTS" || log "FAILED (exit $rc); logs in $WORK/logs"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM HUP

for p in $PORT_GW $PORT_ACTORS $PORT_EVENTS $PORT_FLOOR; do port_free "$p" || die "port $p is in use (BENCH_PORT_BASE)"; done
copy_apps actors-service events-service gateway floor
# +aotjar variants run the aot-jar packaging, copied beside the fast-jar copies (<app>.aotjar)
if [[ "$VARIANTS" == *+aotjar* ]]; then
  for m in actors-service events-service gateway floor; do
    src="$ROOT/$m/target/aot-app"; [ "$m" = floor ] && src="$BENCH/floor/target/aot-app"
    [ -f "$src/quarkus-run.jar" ] || die "$src/quarkus-run.jar is missing: package the aot-jar first (see the header of bench/startup.sh)"
    [ "$src/quarkus-run.jar" -nt "${src%/aot-app}/quarkus-app/quarkus-run.jar" ] || log "warning: $src is older than the fast-jar beside it"
    rm -rf "$WORK/apps/$m.aotjar"; cp -a "$src" "$WORK/apps/$m.aotjar"
  done
fi

if [[ "$VARIANTS" == *+base* ]]; then
  [ -n "${BENCH_BASE_APPS:-}" ] || die "a +base variant needs BENCH_BASE_APPS (another build's apps)"
  for m in actors-service events-service gateway floor; do
    for kind in "" $([[ "$VARIANTS" == *+aotjar* ]] && echo .aotjar); do
      [ -f "$BENCH_BASE_APPS/$m$kind/quarkus-run.jar" ] || die "$BENCH_BASE_APPS/$m$kind/quarkus-run.jar is missing"
      rm -rf "$WORK/apps/$m.base$kind"; cp -a "$BENCH_BASE_APPS/$m$kind" "$WORK/apps/$m.base$kind"
    done
  done
fi
# the folder (under $WORK/apps) of app A's jar under variant V
variant_dir() { echo "$(app_dir "$2")$([[ "$1" == *+base* ]] && echo .base)$([[ "$1" == *+aotjar* ]] && echo .aotjar)"; }

# --- variants: the java binary and options of app A under variant V ----------------------------
# A variant may add "+serial" (-XX:+UseSerialGC); an archive is per full variant name.
archive() { case "$1" in 17-cds*) echo "$AOT/$2.${1//+/_}.jsa" ;; 25-aot*) echo "$AOT/$2.${1//+/_}.aot" ;; esac; }
variant_java() { case "$1" in 25*) echo "$JAVA25" ;; *) echo java ;; esac; }
variant_opts() { # VARIANT APP [training]
  local a; a="$(archive "$1" "$2")"
  case "$1" in *+serial*) echo -n "-XX:+UseSerialGC " ;; esac
  case "$1" in *+lean*) echo -n "$LEAN_OPTS " ;; esac
  case "$1" in 25*+lean*) echo -n "-XX:+UseCompactObjectHeaders " ;; esac
  case "${1%%+*}:${3:-}" in
    17-cds:training) echo "-XX:ArchiveClassesAtExit=$a" ;;
    17-cds:) echo "-XX:SharedArchiveFile=$a" ;;
    25-aot:training) echo "-XX:AOTCacheOutput=$a" ;;
    25-aot:) echo "-XX:AOTCache=$a" ;;
    *) echo ;;
  esac
}
# vstart VARIANT APP [training]: app_start with the variant's java and options
vstart() {
  local v="$1" app="$2" saved="$JAVA_OPTS" base="$JAVA_OPTS" malloc=""
  # +lean: the heap follows MaxRAM as in a pod, so no -Xmx; glibc keeps 2 malloc arenas, not 8 per core
  case "$v" in *+lean*) base="$(sed -E 's/(^| )-Xmx[^ ]*//g' <<<"$base")"; malloc="MALLOC_ARENA_MAX=2 " ;; esac
  JAVA_OPTS="$base $(variant_opts "$v" "$app" "${3:-}")"
  local java; java="$(variant_java "$v")"
  local port; port="$(app_port "$app")"
  port_free "$port" || die "port $port ($app) is in use"
  # app_cmd says "java"; the variant may use another binary
  local cmd; cmd="$(app_cmd "$app")"; cmd="${cmd/ java / $malloc$java }"
  cmd="${cmd/\/$(app_dir "$app")\/quarkus-run.jar//$(variant_dir "$v" "$app")/quarkus-run.jar}"
  # the pods' mode: the schema was migrated once before (migrate_once), the services do not migrate at start
  # (+base: as its build started, migrating)
  case "$MIGRATE:$app:$v" in *+base*) ;; job:actors:*|job:events:*) cmd="${cmd/ -jar / -Dquarkus.flyway.migrate-at-start=false -jar }" ;; esac
  JAVA_OPTS="$saved"
  record_cmd "$cmd"
  APP_START_MS="$(now_ms)"
  # shellcheck disable=SC2086
  start_proc "$app" "$WORK/logs/$app.log" $cmd
}
load_app() { # APP SECONDS: the load an app gets in training and under load
  case "$1" in
    floor) wrk_get "http://localhost:$PORT_FLOOR" "$WORK/req/floor.paths" "$2" "$CONNS" ;;
    gateway) wrk_post "http://localhost:$PORT_GW/graphql" "$WORK/req/gql-all.jsonl" "$2" "$CONNS" ;;
  esac
}
wrk_get() { BENCH_PATHS="$2" wrk -t1 -c"$4" -d"$3"s --timeout 10s -s "$BENCH/load/paths.lua" "$1"; }
wrk_post() { BENCH_BODIES="$2" wrk -t2 -c"$4" -d"$3"s --timeout 10s -s "$BENCH/load/graphql.lua" "$1"; }
# stop for a training run: the archive is written as the JVM exits (JDK 25 forks a JVM that
# assembles the cache), so wait longer than stop_proc's 20 s.
stop_training() {
  local pid; pid="$(pid_of "$1")"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 300))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  stop_proc "$1"
}

# migrate_once: each service once in the migration Job's mode (start, migrate, exit), on Java 17 and the fast-jar
migrate_once() {
  local app t0 cmd
  for app in actors events; do
    cmd="$(app_cmd "$app" -Dquarkus.init-and-exit=true -Dquarkus.flyway.migrate-at-start=true)"
    record_cmd "$cmd"
    t0=$(now_ms)
    # shellcheck disable=SC2086
    $cmd >"$WORK/logs/$app-migrate.log" 2>&1 </dev/null || die "the migration run of $app failed (log: $WORK/logs/$app-migrate.log)"
    log "migration run of $app (the Job's mode): $(( $(now_ms) - t0 )) ms, exit 0"
    jq -nc --arg a "$app" --argjson ms $(( $(now_ms) - t0 )) '{bench: "migrate", target: $a, ms: $ms}' >>"$M"
  done
}

train() { # VARIANT: training runs: the floor alone, the three services together under the gateway's load
  local v="$1" app t0
  [ -n "$(archive "$v" floor)" ] || return 0
  # an archive older than its app's jar is stale (the JVM would refuse it): train again
  for app in floor actors events gateway; do
    [ "$(archive "$v" "$app")" -nt "$WORK/apps/$(variant_dir "$v" "$app")/quarkus-run.jar" ] || rm -f "$(archive "$v" "$app")"
  done
  if [ ! -s "$(archive "$v" floor)" ]; then
    t0=$(now_ms); log "training floor for $v"
    vstart "$v" floor training; app_ready floor || die "training: floor did not get ready"
    load_app floor "$TRAIN" >/dev/null; stop_training floor
    train_done "$v" "$t0" floor
  fi
  if [ ! -s "$(archive "$v" gateway)" ] || [ ! -s "$(archive "$v" actors)" ] || [ ! -s "$(archive "$v" events)" ]; then
    t0=$(now_ms); log "training actors, events and gateway for $v"
    for app in actors events gateway; do vstart "$v" "$app" training; done
    for app in actors events gateway; do app_ready "$app" || die "training: $app did not get ready"; done
    load_app gateway "$TRAIN" >/dev/null
    for app in gateway actors events; do stop_training "$app"; done
    train_done "$v" "$t0" actors events gateway
  fi
}
train_done() { # VARIANT T0_MS APP...
  local v="$1" t0="$2" app; shift 2
  for app in "$@"; do
    [ -s "$(archive "$v" "$app")" ] || die "training $app for $v wrote no $(archive "$v" "$app") (log: $WORK/logs/$app.log)"
    jq -nc --arg v "$v" --arg a "$app" --argjson ms $(( $(now_ms) - t0 )) --argjson kb "$(du -k "$(archive "$v" "$app")" | cut -f1)" \
      '{bench: "train", variant: $v, target: $a, ms: $ms, size_kb: $kb}' | tee -a "$AOT/train.jsonl" >>"$M"
  done
}

# --- benchmark 5 with variants ----------------------------------------------------------------
b5_one() { # VARIANT APP ROUND [plain]: start, ready, idle RSS (the app stays up)
  local v="$1" app="$2" r="$3" plain="${4:-}" ms started
  vstart "$v" "$app"
  app_ready "$app" || die "b5: $app ($v) did not get ready"
  ms=$(( $(now_ms) - APP_START_MS ))
  started="$(grep -o 'started in [0-9.]*s' "$WORK/logs/$app.log" | head -n1 | grep -o '[0-9.]*' || echo null)"
  sleep 3
  jq -nc --arg v "$v" --arg t "$app" --argjson r "$r" --argjson ms "$ms" --argjson rss "$(rss_kb "$(pid_of "$app")")" \
     --argjson q "${started:-null}" --arg p "$plain" \
     '{bench: "b5", variant: $v, target: $t, round: $r, start_ms: $ms, rss_idle_kb: $rss, quarkus_started_s: $q, plainfloor: ($p != "")}' >>"$M"
}
b5_load() { # VARIANT ROUND [--plain] APP...: RSS of each app after LOADS seconds of load on the first
  local v="$1" r="$2" plain=""; shift 2
  [ "$1" = --plain ] && { plain=yes; shift; }
  local n; n="$(load_app "$1" "$LOADS" | grep '^WRKJSON ' | sed 's/^WRKJSON //' | jq '.requests')"
  local a
  for a in "$@"; do
    jq -nc --arg v "$v" --arg t "$a" --argjson r "$r" --argjson n "${n:-0}" --argjson rss "$(rss_kb "$(pid_of "$a")")" \
      --arg p "$plain" '{bench: "b5load", variant: $v, target: $t, round: $r, requests: $n, rss_load_kb: $rss, plainfloor: ($p != "")}' >>"$M"
  done
}
bench_b5() {
  local r v vs
  read -ra vs <<<"$VARIANTS"
  for r in $(seq 1 "$STARTS"); do
    # rotate the order of the variants from round to round
    local order=("${vs[@]:$(( (r - 1) % ${#vs[@]} ))}" "${vs[@]:0:$(( (r - 1) % ${#vs[@]} ))}")
    for v in "${order[@]}"; do
      log "b5 round $r: $v"
      # the plain floor in every round and variant: the reference the issue's goals name
      b5_one 17 floor "$r" plain; b5_load "$v" "$r" --plain floor; stop_proc floor
      b5_one "$v" floor "$r"; b5_load "$v" "$r" floor; stop_proc floor
      # each service started alone; the gateway's load (which reaches both services) after all three are up
      b5_one "$v" actors "$r"; b5_one "$v" events "$r"; b5_one "$v" gateway "$r"
      b5_load "$v" "$r" gateway actors events
      stop_proc gateway; stop_proc actors; stop_proc events
    done
  done
}

# --- benchmark 7: the gateway's CPU per request from its start --------------------------------
bench_b7() {
  local r v vs t0 end w n before after
  read -ra vs <<<"$VARIANTS"
  vstart 17 actors; vstart 17 events; app_ready actors; app_ready events
  # warm the two services first (through a gateway thrown away), so that only the gateway is cold
  vstart 17 gateway; app_ready gateway; load_app gateway 30 >/dev/null; stop_proc gateway
  for r in $(seq 1 "$B7_ROUNDS"); do
    local order=("${vs[@]:$(( (r - 1) % ${#vs[@]} ))}" "${vs[@]:0:$(( (r - 1) % ${#vs[@]} ))}")
    for v in "${order[@]}"; do
      log "b7 round $r: $v"
      vstart "$v" gateway
      t0="$(now_ms)"
      app_ready gateway || die "b7: the gateway ($v) did not get ready"
      # windows of WINDOW seconds under load from the first ready on: the first W_FIRST seconds
      # are "the first minute", the W_WARM seconds after them the warmed-up reference
      w=0
      while [ $(( w * WINDOW )) -lt $(( W_FIRST + W_WARM )) ]; do
        before="$(cpu_ticks "$(pid_of gateway)")"
        n="$(load_app gateway "$WINDOW" | grep '^WRKJSON ' | sed 's/^WRKJSON //')"
        after="$(cpu_ticks "$(pid_of gateway)")"
        jq -c --arg v "$v" --argjson r "$r" --argjson w "$w" --argjson ticks $((after - before)) --argjson tck "$CLK_TCK" \
           --argjson since $(( $(now_ms) - t0 )) --argjson first $(( w * WINDOW < W_FIRST ? 1 : 0 )) \
           '{bench: "b7", variant: $v, round: $r, window: $w, requests: .requests, rps: (if .duration_us then .requests / (.duration_us / 1e6) else 0 end), errors: ((.errors // 0) + (.non2xx // 0)), cpu_ticks: $ticks, clk_tck: $tck, ms_since_start: $since, first_minute: ($first == 1)}' <<<"${n:-{\}}" >>"$M"
        w=$((w + 1))
      done
      stop_proc gateway
    done
  done
  stop_proc actors; stop_proc events
}

write_results() {
  {
    echo "# Parley start-up, memory and warm-up with JVM variants — $(date -u '+%Y-%m-%d %H:%M UTC')$($QUICK && echo ' (quick mode)')"
    echo
    echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(free -g | awk '/^Mem:/ {print $2}') GB RAM;"
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). $(java -version 2>&1 | head -n1); $("$JAVA25" -version 2>&1 | head -n1)."
    echo "Commit: \`$(cd "$ROOT" && git rev-parse --short HEAD)\`. JVM options for every Java process: \`$JAVA_OPTS\` plus the variant's (+lean: without -Xmx)."
    echo "Services: BENCH_MIGRATE=$MIGRATE ($([ "$MIGRATE" = job ] && echo 'migrated once in the Job'"'"'s mode, started with -Dquarkus.flyway.migrate-at-start=false, as the pods' || echo 'every start migrates'))."
    echo "Run: \`bench/startup.sh$($QUICK && echo ' --quick') --variants \"$VARIANTS\" --only $ONLY\`; exit status $1."
    echo
    node "$BENCH/tools/startup-report.mjs" "$M"
    if grep -q '"bench":"migrate"' "$M"; then
      echo "### The migration runs (BENCH_MIGRATE=job)"
      echo
      echo "Each service once in the migration Job's mode (Java 17, fast-jar): launch to exit, ms."
      echo
      echo "| app | ms |"
      echo "|---|---|"
      jq -r 'select(.bench == "migrate") | "| \(.target) | \(.ms) |"' "$M"
      echo
    fi
    echo "## Commands"
    echo
    sed "s|$ROOT/||g; s|$WORK/req/||g" "$WORK/commands.md" | awk '!seen[$0]++'
  } >"$RESULTS"
}

log "results go to $RESULTS"
[ "$MIGRATE" = job ] && migrate_once
for v in $VARIANTS; do train "$v"; done
wants b5 && bench_b5
wants b7 && bench_b7
exit 0
