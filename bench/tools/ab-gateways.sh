#!/usr/bin/env bash
# A/B of two (or three) gateway builds over the same replaying fakes (as bench/lib/b6.sh), in ONE time window, for
# a shared machine where two separate runs do not compare: rounds alternate the builds per query (the order rotates
# each round); gateway CPU per request from /proc/PID/stat. Needs a b6 run first (jars in bench/.work/apps, request
# lists, *_bench data).
#
#   bench/tools/ab-gateways.sh A_QUARKUS_APP_DIR B_QUARKUS_APP_DIR [C_QUARKUS_APP_DIR]
#                                               (e.g. a copy of main's gateway/target/quarkus-app, then a branch's)
#
# Ports BENCH_PORT_BASE+7..+13 (services, gateways A and B, fakes, gateway C); BENCH_DB_SUFFIX as bench/run.sh;
# ROUNDS (4), ROUND (10 s), WARM (60 s, per build). Prints one JSON line per measurement (also in
# bench/.work/ab/ab.jsonl); the answers of B (and C) are compared with A's byte for byte first.
set -uo pipefail
cd "$(dirname "$0")/../.."
A="$(cd "$1" && pwd)"; B="$(cd "$2" && pwd)"; C="${3:+$(cd "$3" && pwd)}"
BUILDS="a b"; [ -n "$C" ] && BUILDS="a b c"
L=bench/.work/ab; mkdir -p $L; NICE=nice
ROUNDS=${ROUNDS:-4}; ROUND=${ROUND:-10}; WARM=${WARM:-60}
P=${BENCH_PORT_BASE:-28080}; DBS=${BENCH_DB_SUFFIX:-_bench}
PA=$((P + 7)) PE=$((P + 8)) GA=$((P + 9)) GB=$((P + 10)) FA=$((P + 11)) FE=$((P + 12)) GC=$((P + 13))
. bench/tools/fake-rig.sh
trap 'for n in actors events fa fe gwa gwb gwc; do stop $n; done' EXIT
services_and_fakes
gateway_over_fakes gwa $GA "$A"
gateway_over_fakes gwb $GB "$B"
[ -n "$C" ] && gateway_over_fakes gwc $GC "$C"
ready localhost:$PA/q/health/ready; ready localhost:$PE/q/health/ready; ready localhost:$GA/q/health/ready; ready localhost:$GB/q/health/ready
[ -n "$C" ] && ready localhost:$GC/q/health/ready
echo "$(date -u +%T) recording"; uptime
node bench/tools/same-answers.mjs http://localhost:$GA/graphql http://localhost:$GB/graphql $REQ/gql-page.jsonl $REQ/gql-actor.jsonl $REQ/gql-dyad.jsonl
[ -n "$C" ] && node bench/tools/same-answers.mjs http://localhost:$GA/graphql http://localhost:$GC/graphql $REQ/gql-page.jsonl $REQ/gql-actor.jsonl $REQ/gql-dyad.jsonl
replay
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' /proc/$(cat $L/$1.pid)/stat; }
run() { BENCH_BODIES=$3 nice wrk -t2 -c8 -d${2}s --timeout 10s -s bench/load/graphql.lua http://localhost:$1/graphql 2>/dev/null | grep WRKJSON | sed 's/WRKJSON //'; }
echo "$(date -u +%T) warm-up ${WARM}s each, in two passes"
port_of() { case $1 in a) echo $GA ;; b) echo $GB ;; c) echo $GC ;; esac; }
# In two passes, so that no build's JIT gets the others' warm-up as idle time to finish compiling in.
for pass in 1 2; do for t in $BUILDS; do run $(port_of $t) $((WARM / 2)) $REQ/gql-all6.jsonl >/dev/null; done; done
: > $L/ab.jsonl
for r in $(seq 1 $ROUNDS); do for q in page actor dyad; do
  # the order rotates each round: a b (c), b (c) a, …
  order=$(echo $BUILDS $BUILDS | tr ' ' '\n' | tail -n +$(( (r - 1) % $(echo $BUILDS | wc -w) + 1 )) | head -n $(echo $BUILDS | wc -w))
  for t in $order; do
    t0=$(ticks gw$t); out=$(run $(port_of $t) $ROUND $REQ/gql-$q.jsonl); t1=$(ticks gw$t)
    echo "{\"round\":$r,\"query\":\"$q\",\"build\":\"$t\",\"ticks\":$((t1 - t0)),\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\",\"wrk\":$out}" | tee -a $L/ab.jsonl
  done
done; done
curl -fsS localhost:$FA/__fake/stats; echo; curl -fsS localhost:$FE/__fake/stats | head -c 300; echo
echo "$(date -u +%T) done"; uptime
