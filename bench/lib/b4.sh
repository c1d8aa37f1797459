# Benchmark 4: events-service filters over 1,000,000 events (sourced by bench/run.sh).
# Latency at the service over HTTP with one connection (no queueing: what one request costs), over
# a list of parameters drawn from the data; then the plans PostgreSQL used for the very statements
# the service sent (auto_explain, one request per filter).

# issue 17's counts: per grouping, from the rollup (no filter, one actor, 52 weeks) and the exact statement
# on the same requests (-exact); BENCH_B4_QUERIES runs a subset (e.g. only the counts: "counts-*")
B4_COUNTS="$(for g in country root quad actor dyad; do
  echo "counts-$g counts-$g-exact counts-$g-actor counts-$g-actor-exact counts-$g-week"; done | xargs)"
B4_TEXT_FORMS="text-word text-phrase text-not"
B4_QUERIES="dyad-range actor-root place-status text dyad-stats actor-root-count latest $B4_COUNTS"
if [ -n "${BENCH_B4_QUERIES:-}" ]; then
  # shellcheck disable=SC2086 # a space-separated list of names or patterns
  B4_QUERIES="$(set -f; for q in $B4_QUERIES; do for w in $BENCH_B4_QUERIES; do [[ "$q" != $w ]] || echo "$q"; done; done | xargs)"
fi
b4_label() {
  case "$1" in
    dyad-range) echo 'dyad + date range (`/events?dyad=a,b&from&to`)' ;;
    actor-root) echo 'actor + root code (`/events?actor&root`)' ;;
    actor-root-count) echo 'actor + root code with `totalCount` (not a goal: counting every match)' ;;
    place-status) echo 'place (hierarchy) + status (`/events?place&status`)' ;;
    text) echo 'full text (`/events?text`, ranked)' ;;
    text-word|text-phrase|text-not) echo "full text, the ${1#text-} queries of the list alone" ;;
    text-scan) echo 'full text with `parley.events.rank-with-terms=false` (every match ranked: the path before event_term)' ;;
    text-nopairs|text-phrase-nopairs) echo "${1%-nopairs} with \`parley.events.rank-with-pairs=false\` (phrases walk their lead word's event_term range: the path before event_pair)" ;;
    dyad-stats) echo 'dyad statistics (`/stats/dyad?a&b&interval=month`)' ;;
    latest) echo 'no filter, latest page (`/events?limit=20`; not a goal of the issue)' ;;
    counts-*) echo "counts against a baseline: $1 (\`/stats/counts\`, top 20; see bench/tools/report.mjs)" ;;
  esac
}

# The service's statement timeout (3 s) is a guard for production; here it turned a slow query into a 503
# (the counts statements take 2–10+ s at 1,000,000 events on a busy machine), which the check in bench_b4
# took for a broken endpoint and stopped the run on (the failed runs of 2026-11-30). The benchmark measures
# what a query costs, so the service gets wrk's own timeout, and a query slower still is reported, not fatal.
B4_EVENTS_OPTS="-Dparley.db.statement-timeout=10s"

bench_b4() {
  log "b4: service queries at scale"
  app_up events $B4_EVENTS_OPTS
  local base="http://localhost:$PORT_EVENTS" q
  for q in $B4_QUERIES; do
    local first code; first="$(head -n1 "$WORK/req/b4-$q.paths")"
    code="$(curl -sS -o /dev/null -w '%{http_code}' "$base$first" || true)"
    case "$code" in
      2??) ;;
      # 503 is the statement timeout: a query slower than 10 s here is a figure (wrk counts its non-2xx and
      # timeouts), not a broken endpoint; anything else is
      503) log "b4: $first took longer than the statement timeout (503): measured anyway, its failures counted" ;;
      *) die "b4: $first answers $code" ;;
    esac
  done
  # JIT warm-up over all of them, then each alone with one connection
  for q in $B4_QUERIES; do cat "$WORK/req/b4-$q.paths"; done | awk 'NR % 3 == 0' >"$WORK/req/b4-all.paths"
  record_cmd "BENCH_PATHS=b4-all.paths wrk -t1 -c2 -d$((B4_SECONDS * 3))s -s bench/load/paths.lua $base   # warm-up"
  BENCH_PATHS="$WORK/req/b4-all.paths" wrk -t1 -c2 -d$((B4_SECONDS * 3))s --timeout 10s -s "$BENCH/load/paths.lua" "$base" >/dev/null
  for q in $B4_QUERIES; do
    record_cmd "BENCH_PATHS=b4-$q.paths wrk -t1 -c1 -d${B4_SECONDS}s --timeout 10s -s bench/load/paths.lua $base"
    measure b4 events "$q" 1 "events postgres" -- wrk_get "$base" "$WORK/req/b4-$q.paths" "$B4_SECONDS" 1
  done
  # the text list by form, then the same list ranked the old way (every GIN match ranked), as the baseline
  # (when the text list is measured at all: BENCH_B4_QUERIES may leave it out)
  if [[ " $B4_QUERIES " == *" text "* ]]; then
  for q in $B4_TEXT_FORMS; do
    record_cmd "BENCH_PATHS=b4-$q.paths wrk -t1 -c1 -d${B4_SECONDS}s --timeout 10s -s bench/load/paths.lua $base"
    measure b4 events "$q" 1 "events postgres" -- wrk_get "$base" "$WORK/req/b4-$q.paths" "$B4_SECONDS" 1
  done
  # phrases along their lead word's event_term range instead of their pair's event_pair range (V13): the
  # path before event_pair, in the same run (the same results)
  stop_proc events
  app_up events $B4_EVENTS_OPTS -Dparley.events.rank-with-pairs=false
  for q in text-phrase text; do
    record_cmd "BENCH_PATHS=b4-$q.paths wrk -t1 -c1 -d${B4_SECONDS}s --timeout 10s -s bench/load/paths.lua $base   # rank-with-pairs=false"
    measure b4 events "$q-nopairs" 1 "events postgres" -- wrk_get "$base" "$WORK/req/b4-$q.paths" "$B4_SECONDS" 1
  done
  stop_proc events
  app_up events $B4_EVENTS_OPTS -Dparley.events.rank-with-terms=false
  # seconds per request: a longer phase, so that its p95 rests on more than a handful of requests
  record_cmd "BENCH_PATHS=b4-text.paths wrk -t1 -c1 -d$((B4_SECONDS * 4))s --timeout 10s -s bench/load/paths.lua $base   # rank-with-terms=false"
  measure b4 events text-scan 1 "events postgres" -- wrk_get "$base" "$WORK/req/b4-text.paths" "$((B4_SECONDS * 4))" 1
  fi
  stop_proc events
  b4_explain
  node "$BENCH/tools/report.mjs" b4 "$M" "$WORK" >"$WORK/parts/b4.md"
}

# --- EXPLAIN ANALYZE of the statements the service really runs --------------------------------------
pg_log_file() {
  local f
  f="$(psql_admin -d postgres -Atc "select pg_current_logfile()" 2>/dev/null || true)"
  if [ -n "$f" ]; then
    [[ "$f" == /* ]] || f="$(psql_admin -d postgres -Atc 'show data_directory')/$f"
    [ -r "$f" ] && { echo "$f"; return 0; }
  fi
  # Debian's pg_ctlcluster sends the server's stderr to /var/log/postgresql/postgresql-<ver>-<cluster>.log
  local ver; ver="$(psql_admin -d postgres -Atc 'show server_version_num' | cut -c1-2)"
  for f in /var/log/postgresql/postgresql-"$ver"-main.log /var/log/postgresql/postgresql-*.log; do
    [ -r "$f" ] && { echo "$f"; return 0; }
  done
  return 1
}

auto_explain() {
  if [ "$1" = on ]; then
    AUTO_EXPLAIN_ON=1
    psql_admin -d postgres -c "alter database $DB_EVENTS set session_preload_libraries = 'auto_explain'" \
      -c "alter database $DB_EVENTS set auto_explain.log_min_duration = 0" \
      -c "alter database $DB_EVENTS set auto_explain.log_analyze = on" \
      -c "alter database $DB_EVENTS set auto_explain.log_buffers = on" >/dev/null
  else
    psql_admin -d postgres -c "alter database $DB_EVENTS reset session_preload_libraries" \
      -c "alter database $DB_EVENTS reset auto_explain.log_min_duration" \
      -c "alter database $DB_EVENTS reset auto_explain.log_analyze" \
      -c "alter database $DB_EVENTS reset auto_explain.log_buffers" >/dev/null
    AUTO_EXPLAIN_ON=
  fi
}

b4_explain() {
  local logf out="$WORK/explain"
  rm -rf "$out"; mkdir -p "$out"
  if ! logf="$(pg_log_file)"; then
    log "b4: the PostgreSQL server log is not readable here; no plans captured"
    echo "(the PostgreSQL server log was not readable on this machine: plans not captured)" >"$out/none"
    return 0
  fi
  log "b4: capturing the plans of the service's statements (auto_explain into $logf)"
  record_cmd "psql -d postgres -c \"alter database $DB_EVENTS set session_preload_libraries = 'auto_explain'\" (+ auto_explain.log_min_duration = 0, log_analyze, log_buffers; reset afterwards)"
  auto_explain on
  app_up events $B4_EVENTS_OPTS
  local base="http://localhost:$PORT_EVENTS" q
  for q in $B4_QUERIES; do
    # the second path of each list: an ordinary case, not necessarily the first warm one
    local path; path="$(sed -n 2p "$WORK/req/b4-$q.paths")"; [ -n "$path" ] || path="$(head -n1 "$WORK/req/b4-$q.paths")"
    sleep 0.3
    local off; off="$(stat -c %s "$logf")"
    curl -fsS -o /dev/null -w '%{time_total}' "$base$path" >"$out/$q.curl"
    sleep 0.7
    echo "$path" >"$out/$q.path"
    tail -c +"$((off + 1))" "$logf" | awk '
      /LOG:  duration: .* plan:/ { keep = 1; print; next }
      /^[0-9]{4}-[0-9]{2}-[0-9]{2} / { keep = 0 }
      keep { print }' | node "$BENCH/tools/plans.mjs" >"$out/$q.plan"
  done
  stop_proc events
  auto_explain off
}
