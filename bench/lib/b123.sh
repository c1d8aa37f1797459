# Benchmarks 1 (backend calls per query), 3 (gateway vs direct REST calls) and 2 (GraphQL Mesh as
# the peer gateway), all on the same running actors-service, events-service and gateway over the
# benchmark databases (sourced by bench/run.sh).

GW_URL() { echo "http://localhost:$PORT_GW/graphql"; }

suite_up() {
  [ -n "$(pid_of gateway)" ] && return 0
  app_start actors; app_start events
  app_ready actors; app_ready events
  app_up gateway
}

# One GraphQL request; fails on a non-200 answer or on GraphQL errors; prints the answer.
gql() {
  local url="$1" body="$2" out
  out="$(curl -sS --max-time 30 -H 'content-type: application/json' -H 'accept: application/json' -d "$body" "$url")" || return 1
  if jq -e '.errors' <<<"$out" >/dev/null 2>&1; then log "GraphQL errors from $url: $(head -c 600 <<<"$out")"; return 1; fi
  echo "$out"
}

# Requests each service received so far, per URI (Micrometer's http_server_requests_seconds_count;
# the /q/ endpoints themselves are left out).
service_calls() {
  curl -fsS "http://localhost:$1/q/metrics" | awk '
    /^http_server_requests_seconds_count/ && !/uri="\/q/ {
      match($0, /uri="[^"]*"/); u = substr($0, RSTART + 5, RLENGTH - 6); c[u] += $NF }
    END { for (k in c) printf "%s %d\n", k, c[k] }' | sort
}
wait_quiet() {
  local deadline=$((SECONDS + 45)) n
  while :; do
    n="$(curl -fsS "http://localhost:$1/q/metrics" | awk '/^http_server_active_requests/ { s += $NF } END { print int(s) }')"
    [ "${n:-0}" -le 1 ] && return 0
    [ $SECONDS -lt $deadline ] || { log "b1: requests still in flight on :$1 after 45 s"; return 0; }
    sleep 0.5
  done
}
calls_delta() { # before-file after-file -> JSON {uri: n}
  join -a2 -e0 -o 2.1,1.2,2.2 "$1" "$2" | awk '$3 - $2 > 0 { printf "%s\t%d\n", $1, $3 - $2 }' \
    | jq -Rn '[inputs | split("\t") | {(.[0]): (.[1] | tonumber)}] | add // {}'
}

# ------------------------------------------------------------------------------------------- b1
bench_b1() {
  log "b1: backend calls per query"
  suite_up
  local n q kind body
  for kind in events actors; do
    for n in 1 20 100; do
      if [ "$kind" = events ]; then
        q="{ events(first: $n) { edges { node { id participants { actor { name } } sources { speaker { name } } } } } }"
      else
        q="{ actors(first: $n) { edges { node { name events(first: 5) { edges { node { title participants { actor { name } } } } } } } } }"
      fi
      body="$(jq -nc --arg q "$q" '{query: $q}')"
      wait_quiet "$PORT_ACTORS"; wait_quiet "$PORT_EVENTS"
      service_calls "$PORT_ACTORS" >"$WORK/b1.a0"; service_calls "$PORT_EVENTS" >"$WORK/b1.e0"
      # errors are recorded, not fatal: the calls a failing query makes are part of the answer
      local answer; answer="$(curl -sS --max-time 30 -H 'content-type: application/json' -H 'accept: application/json' -d "$body" "$(GW_URL)")" \
        || die "b1: the gateway did not answer: $q"
      # a backend request the gateway gave up on is counted only when it ends: wait until both
      # services have nothing in flight (the gauge includes the scrape itself), at most 45 s
      wait_quiet "$PORT_ACTORS"; wait_quiet "$PORT_EVENTS"
      service_calls "$PORT_ACTORS" >"$WORK/b1.a1"; service_calls "$PORT_EVENTS" >"$WORK/b1.e1"
      local items
      items="$(jq '[.. | objects | select(has("node")) ] | length' <<<"$answer")"
      local errors; errors="$(jq -c '[.errors[]? | "\(.extensions.code // "?"): \(.message) at \(.path // [] | map(tostring) | join("."))"] | unique' <<<"$answer")"
      local speakers; speakers="$(jq '[.. | objects | select(has("speaker")) | select(.speaker != null)] | length' <<<"$answer")"
      jq -nc --arg k "$kind" --argjson n "$n" --arg q "$q" --argjson a "$(calls_delta "$WORK/b1.a0" "$WORK/b1.a1")" \
         --argjson e "$(calls_delta "$WORK/b1.e0" "$WORK/b1.e1")" --argjson items "$items" \
         --argjson sp "$speakers" --argjson err "$errors" \
         '{bench: "b1", kind: $k, n: $n, query: $q, actors: $a, events: $e, nodes: $items, speakers: $sp, errors: $err}' >>"$M"
    done
  done
  record_cmd "curl -H 'content-type: application/json' -d '{\"query\": …}' $(GW_URL)   # each b1 query once, /q/metrics of both services before and after"
  node "$BENCH/tools/report.mjs" b1 "$M" "$WORK" >"$WORK/parts/b1.md"
}

# ------------------------------------------------------------------------------------------- warm-up
WARMED=false
warm_up() {
  $WARMED && return 0
  log "JVM warm-up: ${WARMUP}s of mixed front-end queries through the gateway"
  cat "$WORK/req/gql-page.jsonl" "$WORK/req/gql-actor.jsonl" "$WORK/req/gql-dyad.jsonl" | shuf --random-source=<(yes) >"$WORK/req/gql-all.jsonl"
  record_cmd "BENCH_BODIES=gql-all.jsonl wrk -t2 -c$CONNS -d${WARMUP}s -s bench/load/graphql.lua $(GW_URL)   # JVM warm-up"
  wrk_post "$(GW_URL)" "$WORK/req/gql-all.jsonl" "$WARMUP" "$CONNS" >/dev/null
  node "$BENCH/load/direct.mjs" direct "http://localhost:$PORT_EVENTS" "http://localhost:$PORT_ACTORS" \
    "$WORK/req/weeks.json" "$CONNS" 5 >/dev/null
  WARMED=true
}

# ------------------------------------------------------------------------------------------- b3
bench_b3() {
  log "b3: gateway vs direct REST calls ($ROUNDS rounds)"
  suite_up
  warm_up
  gql "$(GW_URL)" "$(head -n1 "$WORK/req/gql-page.jsonl")" >/dev/null || die "b3: the page query fails"
  record_cmd "node bench/load/direct.mjs direct http://localhost:$PORT_EVENTS http://localhost:$PORT_ACTORS weeks.json $CONNS $ROUND"
  record_cmd "node bench/load/direct.mjs gateway $(GW_URL) gql-page.jsonl $CONNS $ROUND"
  b3_rounds b3
  # After the issue's 60-s warm-up the gateway is not at its steady state at this rate (~130 pages/s): its JIT
  # compilers still take over a third of its CPU and its CPU per page keeps falling for minutes (6.5 -> 3.3 ms,
  # bench/results/2026-11-30-b3-settle.md). So b3 also measures after the gateway has settled: page load until
  # two consecutive phases' gateway CPU per page differ by < 5 % (at most BENCH_B3_SETTLE seconds), then the
  # same alternating rounds again ("b3s").
  if [ "${B3_SETTLE:-0}" -gt 0 ]; then
    settle_gateway
    b3_rounds b3s
  fi
  node "$BENCH/tools/report.mjs" b3 "$M" "$WORK" >"$WORK/parts/b3.md"
}

# b3_rounds BENCH: ROUNDS rounds of the page, direct and through the gateway, alternating which goes first.
b3_rounds() {
  local bench="$1" r t order
  for r in $(seq 1 "$ROUNDS"); do
    order="direct gateway"; [ $((r % 2)) -eq 0 ] && order="gateway direct"
    for t in $order; do
      if [ "$t" = direct ]; then
        measure "$bench" direct page "$r" "actors events postgres" -- node "$BENCH/load/direct.mjs" direct \
          "http://localhost:$PORT_EVENTS" "http://localhost:$PORT_ACTORS" "$WORK/req/weeks.json" "$CONNS" "$ROUND"
      else
        measure "$bench" gateway page "$r" "gateway actors events postgres" -- node "$BENCH/load/direct.mjs" gateway \
          "$(GW_URL)" "$WORK/req/gql-page.jsonl" "$CONNS" "$ROUND"
      fi
    done
  done
}

# Page load through the gateway in ROUND-second phases (recorded as bench "b3settle", one round number per phase)
# until two consecutive phases' gateway CPU per page differ by less than 5 %, or B3_SETTLE seconds have passed.
settle_gateway() {
  local phase=0 prev="" now deadline=$((SECONDS + B3_SETTLE))
  log "b3: page load through the gateway until its CPU per page settles (at most ${B3_SETTLE}s)"
  record_cmd "node bench/load/direct.mjs gateway $(GW_URL) gql-page.jsonl $CONNS $ROUND   # repeated until the gateway's CPU per page settles"
  while [ $SECONDS -lt $deadline ]; do
    phase=$((phase + 1))
    measure b3settle gateway page "$phase" "gateway actors events" -- node "$BENCH/load/direct.mjs" gateway \
      "$(GW_URL)" "$WORK/req/gql-page.jsonl" "$CONNS" "$ROUND"
    now="$(tail -n1 "$M" | jq -r 'if .requests > 0 then .cpu_ticks.gateway * 1000 / .clk_tck / .requests else 0 end')"
    if [ -n "$prev" ] && awk -v a="$prev" -v b="$now" 'BEGIN { d = (a - b) / a; exit !(d < 0.05 && d > -0.05) }'; then
      return 0
    fi
    prev="$now"
  done
}

# ------------------------------------------------------------------------------------------- b2
MESH_URL() { echo "http://localhost:$PORT_MESH/graphql"; }

mesh_up() {
  [ -n "$(pid_of mesh)" ] && return 0
  local dir="$WORK/mesh"; mkdir -p "$dir"
  # Mesh is composed from the services' own OpenAPI documents, as they serve them
  curl -fsS "http://localhost:$PORT_ACTORS/q/openapi?format=json" -o "$dir/actors.json"
  curl -fsS "http://localhost:$PORT_EVENTS/q/openapi?format=json" -o "$dir/events.json"
  record_cmd "curl http://localhost:$PORT_ACTORS/q/openapi?format=json -o actors.json; curl http://localhost:$PORT_EVENTS/q/openapi?format=json -o events.json"
  record_cmd "MESH_OPENAPI_DIR=… (cd bench/mesh && ../node_modules/.bin/mesh-compose -o supergraph.graphql)"
  (cd "$BENCH/mesh" && MESH_OPENAPI_DIR="$dir" MESH_ACTORS_URL="http://localhost:$PORT_ACTORS" \
     MESH_EVENTS_URL="http://localhost:$PORT_EVENTS" "$BENCH/node_modules/.bin/mesh-compose" -o "$dir/supergraph.graphql" \
     >"$WORK/logs/mesh-compose.log" 2>&1) || die "mesh-compose failed (log: $WORK/logs/mesh-compose.log)"
  local cmd="env NODE_ENV=production $BENCH/node_modules/.bin/hive-gateway supergraph $dir/supergraph.graphql -c $BENCH/mesh/gateway.config.ts --port $PORT_MESH --fork 1"
  record_cmd "$cmd"
  # shellcheck disable=SC2086
  start_proc mesh "$WORK/logs/mesh.log" $cmd
  wait_ready mesh "http://localhost:$PORT_MESH/healthcheck" 60 || die "Hive Gateway did not start"
  # readiness of Hive Gateway = supergraph loaded
  wait_ready mesh "http://localhost:$PORT_MESH/readiness" 60 || die "Hive Gateway not ready"
}

# compare_gateways BENCH PARLEY_URL PARLEY_PROCS MESH_URL MESH_PROCS: for each query (page, actor, dyad),
# ROUNDS rounds of a ROUND-second wrk load on each gateway, alternating which goes first (b2 and b6).
compare_gateways() {
  local bench="$1" purl="$2" pprocs="$3" murl="$4" mprocs="$5" q r t order
  for q in page actor dyad; do
    record_cmd "BENCH_BODIES=gql-$q.jsonl wrk -t2 -c$CONNS -d${ROUND}s --timeout 10s -s bench/load/graphql.lua $purl"
    record_cmd "BENCH_BODIES=mesh-$q.jsonl wrk -t2 -c$CONNS -d${ROUND}s --timeout 10s -s bench/load/graphql.lua $murl"
    for r in $(seq 1 "$ROUNDS"); do
      order="parley mesh"; [ $((r % 2)) -eq 0 ] && order="mesh parley"
      for t in $order; do
        if [ "$t" = parley ]; then
          measure "$bench" parley "$q" "$r" "$pprocs" -- wrk_post "$purl" "$WORK/req/gql-$q.jsonl" "$ROUND" "$CONNS"
        else
          measure "$bench" mesh "$q" "$r" "$mprocs" -- wrk_post "$murl" "$WORK/req/mesh-$q.jsonl" "$ROUND" "$CONNS"
        fi
      done
    done
  done
}

bench_b2() {
  log "b2: Parley's gateway vs GraphQL Mesh ($ROUNDS rounds per query)"
  suite_up
  mesh_up
  warm_up
  local q
  for q in page actor dyad; do
    gql "$(GW_URL)" "$(head -n1 "$WORK/req/gql-$q.jsonl")" >"$WORK/b2-$q.parley.json" || die "b2: Parley's $q query fails"
    gql "$(MESH_URL)" "$(head -n1 "$WORK/req/mesh-$q.jsonl")" >"$WORK/b2-$q.mesh.json" || die "b2: Mesh's $q query fails"
  done
  log "Mesh warm-up: $((WARMUP / 2))s"
  cat "$WORK/req/mesh-page.jsonl" "$WORK/req/mesh-actor.jsonl" "$WORK/req/mesh-dyad.jsonl" >"$WORK/req/mesh-all.jsonl"
  record_cmd "BENCH_BODIES=mesh-all.jsonl wrk -t2 -c$CONNS -d$((WARMUP / 2))s -s bench/load/graphql.lua $(MESH_URL)   # Mesh warm-up"
  wrk_post "$(MESH_URL)" "$WORK/req/mesh-all.jsonl" $((WARMUP / 2)) "$CONNS" >/dev/null
  compare_gateways b2 "$(GW_URL)" "gateway actors events postgres" "$(MESH_URL)" "mesh actors events postgres"
  profile_gateway
  node "$BENCH/tools/report.mjs" b2 "$M" "$WORK" >"$WORK/parts/b2.md"
  node "$BENCH/tools/report.mjs" b5 "$M" "$WORK" >"$WORK/parts/b5.md"
}

# ------------------------------------------------------------------------------------------- profile
# JFR on the running gateway during one more load phase of the page query: where its CPU goes.
# profile_gateway [PROCESS URL PART BENCH]: by default the gateway of b2 (part "profile"); b6 profiles the
# gateway over the fake backends (gwfake, part "profile6").
profile_gateway() {
  local proc="${1:-gateway}" url="${2:-$(GW_URL)}" part="${3:-profile}" label="${4:-profile}"
  command -v jcmd >/dev/null && command -v jfr >/dev/null || { log "no jcmd/jfr: profile skipped"; return 0; }
  local pid f="$WORK/$proc.jfr"; pid="$(pid_of "$proc")"; rm -f "$f"
  log "profiling $proc (JFR) under the page query"
  record_cmd "jcmd <$proc pid> JFR.start name=bench settings=profile filename=$proc.jfr; wrk … gql-page.jsonl (${ROUND}s) on $url; jcmd <$proc pid> JFR.stop name=bench"
  jcmd "$pid" JFR.start name=bench settings=profile filename="$f" >/dev/null
  measure "$label" parley page 1 "$proc actors events postgres" -- wrk_post "$url" "$WORK/req/gql-page.jsonl" "$ROUND" "$CONNS"
  jcmd "$pid" JFR.stop name=bench >/dev/null
  record_cmd "jfr print --stack-depth 256 --events jdk.ExecutionSample $proc.jfr | (top frames and packages, bench/tools/jfr-summary.mjs)"
  jfr print --stack-depth 256 --events jdk.ExecutionSample "$f" | node "$BENCH/tools/jfr-summary.mjs" "$proc" >"$WORK/parts/$part.md" || true
}
