#!/usr/bin/env bash
# The export benchmark (issue 17, part 4): the packaged gateway (-Xmx512m, as benchmark 5) streams EVENTS
# synthetic events as CSV and as GeoJSON from bench/export_fake_backends.py (events-service and actors-service
# answering every page and batch look-up, generated per request); measured: time to first byte, total time,
# size, rows, and the gateway's peak RSS (ps, every 0.5 s). Writes bench/results/<date>-export-<EVENTS>.md.
# FORMATS="csv geojson" (default) chooses the downloads.
# Needs: ./mvnw -pl gateway -am package -DskipTests. Ports: BENCH_PORT_BASE (gateway) and +2 (the fake).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-1000000}
FORMATS=${FORMATS:-csv geojson}
BASE=${BENCH_PORT_BASE:-28480}
GW_PORT=$BASE
FAKE_PORT=$((BASE + 2))
OUT=bench/results/$(date -u +%F)-export-${EVENTS}.md
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

python3 bench/export_fake_backends.py "$FAKE_PORT" "$EVENTS" & pids+=($!)
QUARKUS_HTTP_PORT=$GW_PORT QUARKUS_REST_CLIENT_EVENTS_URL=http://127.0.0.1:$FAKE_PORT \
  QUARKUS_REST_CLIENT_ACTORS_URL=http://127.0.0.1:$FAKE_PORT PARLEY_GATEWAY_STREAM_URL=http://127.0.0.1:1/none \
  java -Xmx512m -jar gateway/target/quarkus-app/quarkus-run.jar > "$work/gateway.log" 2>&1 & gw=$!; pids+=($gw)
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$GW_PORT/q/health/live" >/dev/null 2>&1 && break; sleep 0.5; done

measure() { # format → one table row
  local format=$1 peak=0 rss
  curl -sS -o "$work/out.$format" -w '%{http_code} %{size_download} %{time_starttransfer} %{time_total}' \
    "http://127.0.0.1:$GW_PORT/export/events.$format" > "$work/curl" & local c=$!
  while kill -0 "$c" 2>/dev/null; do
    rss=$(ps -o rss= -p "$gw" | tr -d ' '); [ "${rss:-0}" -gt "$peak" ] && peak=$rss; sleep 0.5
  done
  wait "$c"
  read -r code size ttfb total < <(cat "$work/curl"; echo) # curl's -w text has no final newline
  local rows
  if [ "$format" = csv ]; then rows=$(( $(wc -l < "$work/out.csv") - 1 )); else rows=$(grep -c '"type":"Feature"' "$work/out.geojson"); fi
  awk -v f="$format" -v c="$code" -v r="$rows" -v s="$size" -v fb="$ttfb" -v t="$total" -v p="$peak" 'BEGIN {
    printf "| %s | %s | %d | %.1f MB | %.2f s | %.1f s | %.0f | %d MB |\n", f, c, r, s / 1e6, fb, t, r / t, p / 1024 }' 
  rm -f "$work/out.$format"
}
idle=$(( $(ps -o rss= -p "$gw" | tr -d ' ') / 1024 ))
{
  echo "# Export benchmark, $(date -u '+%F %H:%M') UTC"
  echo
  echo "bench/export.sh: the packaged gateway (java -Xmx512m) exports $EVENTS synthetic events from"
  echo "bench/export_fake_backends.py (500 events a page, 200 actors, 50 places; generated per request)."
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores. Gateway RSS after start: $idle MB."
  echo
  echo "| format | status | rows | size | first byte | total | rows/s | gateway peak RSS |"
  echo "|---|---|---|---|---|---|---|---|"
  for format in $FORMATS; do measure "$format"; done
} | tee "$OUT"
