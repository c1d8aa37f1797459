# Benchmark 5: JVM start time to the first successful /q/health/ready, and RSS idle, for each
# service against a minimal Quarkus REST app (bench/floor) built in the same run (sourced by
# bench/run.sh). Each round starts the floor and then each service, alone on the machine, so every
# service's ratio is taken against a floor start of the same round. RSS under load comes from the
# Parley load phases of benchmarks 2 and 3 (and the floor's own load phase here).

bench_b5() {
  log "b5: start-up and memory ($STARTS rounds)"
  local r app t ms started
  for r in $(seq 1 "$STARTS"); do
    for app in floor actors events gateway; do
      app_start "$app"
      app_ready "$app" || die "b5: $app did not get ready"
      ms=$(( $(now_ms) - APP_START_MS ))
      # Quarkus's own "started in X s" (from the JVM's start, after class loading of main)
      started="$(grep -o 'started in [0-9.]*s' "$WORK/logs/$app.log" | head -n1 | grep -o '[0-9.]*' || echo null)"
      sleep 3
      jq -nc --arg t "$app" --argjson r "$r" --argjson ms "$ms" --argjson rss "$(rss_kb "$(pid_of "$app")")" \
         --argjson q "${started:-null}" '{bench: "b5", target: $t, round: $r, start_ms: $ms, rss_idle_kb: $rss, quarkus_started_s: $q}' >>"$M"
      stop_proc "$app"
    done
  done
  # the floor under the same load tool and connections as the services in benchmark 2
  app_up floor
  echo /hello >"$WORK/req/floor.paths"
  wrk_get "http://localhost:$PORT_FLOOR" "$WORK/req/floor.paths" 5 "$CONNS" >/dev/null
  record_cmd "BENCH_PATHS=floor.paths wrk -t1 -c$CONNS -d${ROUND}s -s bench/load/paths.lua http://localhost:$PORT_FLOOR   # floor under load"
  measure b5load floor hello 1 "floor" -- wrk_get "http://localhost:$PORT_FLOOR" "$WORK/req/floor.paths" "$ROUND" "$CONNS"
  stop_proc floor
}
