# Benchmark 6 (issue 16): Parley's gateway and Hive Gateway (Mesh) over the SAME fast fake backends
# (bench/fake/backend.mjs: the services' answers recorded once, then replayed from memory), so that the
# gateways' own cost decides the requests per second (sourced by bench/run.sh, after b123.sh).
#
# Ports: fake actors-service PORT_BASE+4, fake events-service PORT_BASE+5, Parley's gateway over the fakes
# PORT_BASE+6, Hive Gateway over the fakes BENCH_MESH_PORT+1.

PORT_FAKE_ACTORS=$((PORT_BASE + 4)) PORT_FAKE_EVENTS=$((PORT_BASE + 5)) PORT_GW_FAKE=$((PORT_BASE + 6))
PORT_MESH_FAKE=$((PORT_MESH + 1))
GW_FAKE_URL() { echo "http://localhost:$PORT_GW_FAKE/graphql"; }
MESH_FAKE_URL() { echo "http://localhost:$PORT_MESH_FAKE/graphql"; }

# Posts every distinct body of the files to URL (4 at a time) until each has had a full answer, at most 5 tries
# (cold services on a busy machine may time out the first calls): this is what the fakes record, so that every
# request of the load phases finds its answer.
send_all() {
  local url="$1"; shift
  node -e '
    const fs = require("node:fs");
    const [url, ...files] = process.argv.slice(1);
    const bodies = [...new Set(files.flatMap((f) => fs.readFileSync(f, "utf8").split("\n").filter(Boolean)))];
    let next = 0, bad = 0;
    async function worker() {
      while (next < bodies.length) {
        const body = bodies[next++];
        let ok = false;
        for (let attempt = 1; attempt <= 5 && !ok; attempt++) {
          const r = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", accept: "application/json" } });
          const j = await r.json().catch(() => null);
          ok = r.status === 200 && j && !j.errors;
          if (!ok && attempt === 5) { bad++; if (bad <= 3) console.error(r.status, JSON.stringify(j).slice(0, 300)); }
        }
      }
    }
    Promise.all([1, 2, 3, 4].map(worker)).then(() => { console.log(bodies.length + " bodies, " + bad + " failed after 5 tries"); process.exit(bad ? 1 : 0); });
  ' "$url" "$@"
}

b6_up() {
  port_free "$PORT_FAKE_ACTORS" && port_free "$PORT_FAKE_EVENTS" && port_free "$PORT_GW_FAKE" && port_free "$PORT_MESH_FAKE" \
    || die "b6 needs the ports $PORT_FAKE_ACTORS, $PORT_FAKE_EVENTS, $PORT_GW_FAKE and $PORT_MESH_FAKE"
  record_cmd "node bench/fake/backend.mjs $PORT_FAKE_ACTORS http://localhost:$PORT_ACTORS fake-actors.jsonl   # records, then (POST /__fake/replay) replays"
  record_cmd "node bench/fake/backend.mjs $PORT_FAKE_EVENTS http://localhost:$PORT_EVENTS fake-events.jsonl"
  start_proc fake-actors "$WORK/logs/fake-actors.log" node "$BENCH/fake/backend.mjs" "$PORT_FAKE_ACTORS" "http://localhost:$PORT_ACTORS" "$WORK/fake-actors.jsonl"
  start_proc fake-events "$WORK/logs/fake-events.log" node "$BENCH/fake/backend.mjs" "$PORT_FAKE_EVENTS" "http://localhost:$PORT_EVENTS" "$WORK/fake-events.jsonl"
  wait_ready fake-actors "http://localhost:$PORT_FAKE_ACTORS/__fake/stats" 30 || die "the fake actors-service did not start"
  wait_ready fake-events "http://localhost:$PORT_FAKE_EVENTS/__fake/stats" 30 || die "the fake events-service did not start"
  # Parley's gateway, the same jar and options as in b2, its REST clients pointed at the fakes
  # Read timeouts of 10 s instead of 1.5 s: they only matter while recording (the real services behind the fakes,
  # cold, on a busy machine); once replaying, the fakes answer in microseconds.
  local slow="-Dorg.parley.gateway.client.ActorsClient/read/Timeout/value=10000 -Dorg.parley.gateway.client.EventsClient/read/Timeout/value=10000"
  local cmd="env QUARKUS_REST_CLIENT_ACTORS_URL=http://localhost:$PORT_FAKE_ACTORS QUARKUS_REST_CLIENT_EVENTS_URL=http://localhost:$PORT_FAKE_EVENTS java $JAVA_OPTS $slow -Dquarkus.http.port=$PORT_GW_FAKE -jar $WORK/apps/gateway/quarkus-run.jar"
  record_cmd "$cmd"
  # shellcheck disable=SC2086
  start_proc gwfake "$WORK/logs/gwfake.log" $cmd
  wait_ready gwfake "http://localhost:$PORT_GW_FAKE/q/health/ready" 180 || die "Parley's gateway over the fakes did not start"
  # Hive Gateway: the same composition as in b2, its sources' endpoints pointed at the fakes
  local dir="$WORK/mesh-fake"; mkdir -p "$dir"
  curl -fsS "http://localhost:$PORT_ACTORS/q/openapi?format=json" -o "$dir/actors.json"
  curl -fsS "http://localhost:$PORT_EVENTS/q/openapi?format=json" -o "$dir/events.json"
  record_cmd "MESH_OPENAPI_DIR=… MESH_ACTORS_URL=http://localhost:$PORT_FAKE_ACTORS MESH_EVENTS_URL=http://localhost:$PORT_FAKE_EVENTS (cd bench/mesh && ../node_modules/.bin/mesh-compose -o supergraph.graphql)"
  (cd "$BENCH/mesh" && MESH_OPENAPI_DIR="$dir" MESH_ACTORS_URL="http://localhost:$PORT_FAKE_ACTORS" \
     MESH_EVENTS_URL="http://localhost:$PORT_FAKE_EVENTS" "$BENCH/node_modules/.bin/mesh-compose" -o "$dir/supergraph.graphql" \
     >"$WORK/logs/mesh-fake-compose.log" 2>&1) || die "mesh-compose failed (log: $WORK/logs/mesh-fake-compose.log)"
  cmd="env NODE_ENV=production $BENCH/node_modules/.bin/hive-gateway supergraph $dir/supergraph.graphql -c $BENCH/mesh/gateway.config.ts --port $PORT_MESH_FAKE --fork 1"
  record_cmd "$cmd"
  # shellcheck disable=SC2086
  start_proc meshfake "$WORK/logs/meshfake.log" $cmd
  wait_ready meshfake "http://localhost:$PORT_MESH_FAKE/readiness" 90 || die "Hive Gateway over the fakes did not start"
}

bench_b6() {
  log "b6: Parley's gateway vs Hive Gateway over the same fake backends ($ROUNDS rounds per query)"
  suite_up
  b6_up
  local q
  log "b6: recording the services' answers to every request of the load phases, through both gateways"
  record_cmd "each distinct body of gql-{page,actor,dyad}.jsonl and mesh-{page,actor,dyad}.jsonl POSTed once through each gateway (recording)"
  # A request that never got a full answer leaves a gap: its calls are answered 502 later, counted in the report.
  send_all "$(GW_FAKE_URL)" "$WORK"/req/gql-{page,actor,dyad}.jsonl >>"$WORK/logs/b6-record.log" 2>&1 || log "b6: some requests through Parley never had a full answer while recording ($WORK/logs/b6-record.log)"
  send_all "$(MESH_FAKE_URL)" "$WORK"/req/mesh-{page,actor,dyad}.jsonl >>"$WORK/logs/b6-record.log" 2>&1 || log "b6: some requests through Mesh never had a full answer while recording ($WORK/logs/b6-record.log)"
  curl -fsS -X POST "http://localhost:$PORT_FAKE_ACTORS/__fake/replay" >/dev/null
  curl -fsS -X POST "http://localhost:$PORT_FAKE_EVENTS/__fake/replay" >/dev/null
  # from here on the real services are not asked: the same requests again, now answered by the fakes alone
  for q in page actor dyad; do
    gql "$(GW_FAKE_URL)" "$(head -n1 "$WORK/req/gql-$q.jsonl")" >"$WORK/b6-$q.parley.json" || die "b6: Parley's $q query fails over the fakes"
    gql "$(MESH_FAKE_URL)" "$(head -n1 "$WORK/req/mesh-$q.jsonl")" >"$WORK/b6-$q.mesh.json" || die "b6: Mesh's $q query fails over the fakes"
  done
  cat "$WORK/req/gql-page.jsonl" "$WORK/req/gql-actor.jsonl" "$WORK/req/gql-dyad.jsonl" >"$WORK/req/gql-all6.jsonl"
  cat "$WORK/req/mesh-page.jsonl" "$WORK/req/mesh-actor.jsonl" "$WORK/req/mesh-dyad.jsonl" >"$WORK/req/mesh-all6.jsonl"
  log "b6: warm-up, ${WARMUP}s each"
  record_cmd "BENCH_BODIES=gql-all6.jsonl wrk -t2 -c$CONNS -d${WARMUP}s -s bench/load/graphql.lua $(GW_FAKE_URL)   # warm-up"
  record_cmd "BENCH_BODIES=mesh-all6.jsonl wrk -t2 -c$CONNS -d${WARMUP}s -s bench/load/graphql.lua $(MESH_FAKE_URL)   # warm-up"
  wrk_post "$(GW_FAKE_URL)" "$WORK/req/gql-all6.jsonl" "$WARMUP" "$CONNS" >/dev/null
  wrk_post "$(MESH_FAKE_URL)" "$WORK/req/mesh-all6.jsonl" "$WARMUP" "$CONNS" >/dev/null
  compare_gateways b6 "$(GW_FAKE_URL)" "gwfake fake-actors fake-events" "$(MESH_FAKE_URL)" "meshfake fake-actors fake-events"
  { curl -fsS "http://localhost:$PORT_FAKE_ACTORS/__fake/stats"; echo; curl -fsS "http://localhost:$PORT_FAKE_EVENTS/__fake/stats"; echo; } >"$WORK/b6-fakes.jsonl"
  profile_gateway gwfake "$(GW_FAKE_URL)" profile6 b6profile
  stop_proc gwfake; stop_proc meshfake; stop_proc fake-actors; stop_proc fake-events
  node "$BENCH/tools/report.mjs" b6 "$M" "$WORK" >"$WORK/parts/b6.md"
}
