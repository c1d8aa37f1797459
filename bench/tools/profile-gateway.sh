#!/usr/bin/env bash
# Profiles one gateway build over replaying fakes (as bench/lib/b6.sh and ab-gateways.sh): JFR execution samples
# only, every 10 ms (JFR's `profile` settings cost the gateway most of its page throughput: deep reactive stacks),
# under one query's load after a warm-up. Needs a b6 run first (jars in bench/.work/apps, request lists, data).
#
#   bench/tools/profile-gateway.sh QUARKUS_APP_DIR OUT_DIR [QUERY…]     (QUERY: page, actor, dyad; default page)
#
# Writes OUT_DIR/QUERY.jfr, OUT_DIR/QUERY.txt (`jfr print --stack-depth 256`, for bench/tools/jfr-summary.mjs or
# your own grep) and OUT_DIR/QUERY.md (jfr-summary.mjs). Ports BENCH_PORT_BASE+14..+18; BENCH_DB_SUFFIX as
# bench/run.sh; WARM (60 s), ROUND (30 s).
set -uo pipefail
cd "$(dirname "$0")/../.."
APP="$(cd "$1" && pwd)"; OUT="$2"; shift 2; QUERIES="${*:-page}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
L=bench/.work/prof; mkdir -p $L; NICE=
ROUND=${ROUND:-30}; WARM=${WARM:-60}
P=${BENCH_PORT_BASE:-28080}; DBS=${BENCH_DB_SUFFIX:-_bench}
PA=$((P + 14)) PE=$((P + 15)) G=$((P + 16)) FA=$((P + 17)) FE=$((P + 18))
. bench/tools/fake-rig.sh
trap 'for n in actors events fa fe gw; do stop $n; done' EXIT
services_and_fakes
gateway_over_fakes gw $G "$APP"
ready localhost:$PA/q/health/ready && ready localhost:$PE/q/health/ready && ready localhost:$G/q/health/ready || exit 1
# every request once through the gateway, recorded by the fakes; then the fakes replay and the services stop
node bench/tools/same-answers.mjs http://localhost:$G/graphql http://localhost:$G/graphql $REQ/gql-page.jsonl $REQ/gql-actor.jsonl $REQ/gql-dyad.jsonl
replay
run() { BENCH_BODIES=$2 wrk -t2 -c8 -d${1}s --timeout 10s -s bench/load/graphql.lua http://localhost:$G/graphql 2>/dev/null | grep WRKJSON | sed 's/WRKJSON //'; }
run "$WARM" $REQ/gql-all6.jsonl >/dev/null
cat > $L/exec.jfc <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
</configuration>
JFC
pid=$(cat $L/gw.pid); jpid=$(pgrep -P "$pid" java || echo "$pid")
for q in $QUERIES; do
  rm -f "$OUT/$q.jfr"
  jcmd "$jpid" JFR.start name=prof settings="$(pwd)/$L/exec.jfc" filename="$OUT/$q.jfr" >/dev/null
  echo "$q: $(run "$ROUND" $REQ/gql-$q.jsonl)"
  jcmd "$jpid" JFR.stop name=prof >/dev/null
  jfr print --stack-depth 256 --events jdk.ExecutionSample "$OUT/$q.jfr" >"$OUT/$q.txt"
  node bench/tools/jfr-summary.mjs gwfake <"$OUT/$q.txt" >"$OUT/$q.md"
done
