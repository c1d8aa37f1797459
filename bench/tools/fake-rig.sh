# Sourced by ab-gateways.sh and profile-gateway.sh (from the repository's root): actors-service and events-service on
# the benchmark's data, a fake in front of each recording its answers (bench/fake/backend.mjs, as bench/lib/b6.sh),
# gateway builds over the fakes, then the fakes replaying alone. The caller sets L (its log and pid directory), DBS
# (the databases' suffix), the ports PA PE (services) and FA FE (fakes), and NICE ("nice", or empty).
W=bench/.work/apps; REQ=bench/.work/req
start() { local name=$1; shift; setsid "$@" > $L/$name.log 2>&1 & echo $! > $L/$name.pid; }
stop() { kill -- -$(cat $L/$1.pid) 2>/dev/null; }
ready() { for i in $(seq 1 100); do curl -fs "$1" >/dev/null && return 0; sleep 2; done; echo "not ready $1"; return 1; }

# The two services and their recording fakes (answers kept in $L/fa.jsonl, $L/fe.jsonl).
services_and_fakes() {
  start actors env QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/actors$DBS QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/actors$DBS QUARKUS_DATASOURCE_USERNAME=parley QUARKUS_DATASOURCE_PASSWORD=parley $NICE java -Xmx512m -Dquarkus.http.port=$PA -jar $W/actors-service/quarkus-run.jar
  start events env QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/events$DBS QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/events$DBS QUARKUS_DATASOURCE_USERNAME=parley QUARKUS_DATASOURCE_PASSWORD=parley $NICE java -Xmx512m -Dquarkus.http.port=$PE -jar $W/events-service/quarkus-run.jar
  start fa $NICE node bench/fake/backend.mjs $FA http://localhost:$PA $L/fa.jsonl
  start fe $NICE node bench/fake/backend.mjs $FE http://localhost:$PE $L/fe.jsonl
}

# gateway_over_fakes NAME PORT QUARKUS_APP_DIR: one gateway build calling the fakes (read timeouts of 10 s, as in
# benchmark 6: they matter only while recording, the services behind the fakes).
gateway_over_fakes() {
  local slow="-Dorg.parley.gateway.client.ActorsClient/read/Timeout/value=10000 -Dorg.parley.gateway.client.EventsClient/read/Timeout/value=10000"
  start "$1" env QUARKUS_REST_CLIENT_ACTORS_URL=http://localhost:$FA QUARKUS_REST_CLIENT_EVENTS_URL=http://localhost:$FE $NICE java -Xmx512m $slow -Dquarkus.http.port=$2 -jar "$3/quarkus-run.jar"
}

# Once every request has been sent through (recorded): the fakes answer from memory and the services stop.
replay() {
  curl -fsS -X POST localhost:$FA/__fake/replay >/dev/null; curl -fsS -X POST localhost:$FE/__fake/replay >/dev/null
  stop actors; stop events
}
