# The rig bench/import.sh and bench/stories.sh share: a temporary folder, the jars, their own emptied databases,
# this run's token key pair, actors-service and events-service started on their own ports, and the real GDELT
# sample repeated with shifted ids. Sourced from the repository root, after `set -euo pipefail`.
sample="importer/src/test/resources/gdelt/20191024143000.export.CSV"
export PGPASSWORD=parley
pq() { psql -h 127.0.0.1 -U parley -v ON_ERROR_STOP=1 -Atq "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }   # the machine is shared: its load goes beside each figure

rig_stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }

# rig_setup NAME ACTORS_DB EVENTS_DB: sets $work (/tmp/NAME.XXXXXX, removed at exit with every service started),
# builds the jars when missing, empties both databases (drop every table: the services re-migrate) and makes the
# key pair bin/parley import signs its token with (the bulk endpoints need role importer, issue 14; the services
# refuse the committed dev key outside dev and test).
rig_setup() {
  work="$(mktemp -d "/tmp/$1.XXXXXX")"
  pids=()
  trap rig_stop EXIT
  local m db
  for m in actors-service events-service importer; do
    [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || { ./mvnw -B -q package -DskipTests -Dparley.skipDbEnsure=true; break; }
  done
  bin/db-ensure "$2" "$3" >/dev/null
  for db in "$2" "$3"; do
    pq -d "$db" -c "drop schema public cascade; create schema public;"
  done
  export PARLEY_JWT_DIR="$work/jwt"
  mkdir -p "$PARLEY_JWT_DIR"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$PARLEY_JWT_DIR/privateKey.pem" 2>/dev/null
  openssl pkey -in "$PARLEY_JWT_DIR/privateKey.pem" -pubout -out "$PARLEY_JWT_DIR/publicKey.pem"
}

# rig_start [--nice] MODULE PORT DB: the service's jar on its own port and database, without the seed, trusting
# this run's key; log in $work/MODULE.log.
rig_start() {
  local nice=()
  [ "$1" = --nice ] && { nice=(nice); shift; }
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$3" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$3" \
    "${nice[@]}" java -Xmx512m -Dquarkus.http.port="$2" -Dquarkus.flyway.placeholders.seed=false \
    -Dmp.jwt.verify.publickey.location="$PARLEY_JWT_DIR/publicKey.pem" \
    -jar "$1/target/quarkus-app/quarkus-run.jar" >"$work/$1.log" 2>&1 </dev/null &
  pids+=($!)
}

# rig_wait_ready SECONDS PORT...: until every port's readiness is UP; the services' logs and exit 1 after SECONDS.
rig_wait_ready() {
  local deadline=$((SECONDS + $1)) port; shift
  for port in "$@"; do
    until curl -fsS --max-time 2 "http://localhost:$port/q/health/ready" 2>/dev/null | grep -q '"UP"'; do
      [ $SECONDS -lt $deadline ] || { tail -n 30 "$work"/*.log; echo "services not ready" >&2; exit 1; }
      sleep 1
    done
  done
}

# rig_repeat_sample COPIES FILE: the sample COPIES times, each copy's GLOBALEVENTID (column 1) shifted past the
# previous copy's range (fresh events of the same stories).
rig_repeat_sample() {
  local mn mx k
  read -r mn mx < <(awk -F'\t' 'NR==1{a=$1;b=$1}{if($1<a)a=$1;if($1>b)b=$1}END{print a,b}' "$sample")
  for ((k = 0; k < $1; k++)); do
    awk -F'\t' -v OFS='\t' -v off=$((k * (mx - mn + 1))) '{ $1 = $1 + off; print }' "$sample"
  done >"$2"
}
