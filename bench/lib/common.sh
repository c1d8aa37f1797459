# Helpers of bench/run.sh and bench/faults.sh (sourced): processes they start and stop, health
# waits, /proc readings, the results file. Everything it starts is recorded under $WORK/pids and stopped by stop_all (trap).

log() { printf '%s bench: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

now_ms() { date +%s%3N; }

# The script's own header comment (after the shebang) as its --help.
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
# wants NAME: whether --only (ONLY, comma-separated) names it.
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

# The ports and databases of bench/run.sh and bench/startup.sh (BENCH_PORT_BASE, BENCH_DB_SUFFIX,
# PARLEY_DB_*). Not 18080-18082: other work on these shared machines runs a Parley stack there (an
# importer wrote into this benchmark's databases through them once).
bench_ports_and_db() {
  PORT_BASE="${BENCH_PORT_BASE:-28080}"
  PORT_GW=$PORT_BASE PORT_ACTORS=$((PORT_BASE + 1)) PORT_EVENTS=$((PORT_BASE + 2)) PORT_FLOOR=$((PORT_BASE + 3))
  APP_DB_SUFFIX="${BENCH_DB_SUFFIX:-_bench}"
  DB_HOST="${PARLEY_DB_HOST:-127.0.0.1}" DB_PORT="${PARLEY_DB_PORT:-5432}"
  DB_USER="${PARLEY_DB_USER:-parley}" DB_PASSWORD="${PARLEY_DB_PASSWORD:-parley}"
}

# --- processes ---------------------------------------------------------------------------------
# start_proc NAME LOGFILE CMD... : runs CMD in its own session (so that it and its children can be
# stopped as a group) and records its pid; the pid is in $LAST_PID and $WORK/pids/NAME.
start_proc() {
  local name="$1" logfile="$2"; shift 2
  mkdir -p "$WORK/pids"
  setsid "$@" >"$logfile" 2>&1 </dev/null &
  LAST_PID=$!
  echo "$LAST_PID" >"$WORK/pids/$name"
}

# "postgres" is the PostgreSQL server (postmaster and all its backends, which serve
# other users of the server too): measured, never started or stopped here.
pid_of() { if [ "$1" = postgres ]; then echo "server:${PG_PID:-none}"; else cat "$WORK/pids/$1" 2>/dev/null; fi; }

# stop_proc NAME: TERM to its process group, KILL after 20 s.
stop_proc() {
  local name="$1" pid
  pid="$(pid_of "$name")" || return 0
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
    # wait reaps it when it is our child, so the next start on the same port finds it free
    wait "$pid" 2>/dev/null || true
  fi
  rm -f "$WORK/pids/$name"
}

# kill_proc NAME: SIGKILL to its process group at once, as a crash would end it (bench/faults.sh).
kill_proc() {
  local pid; pid="$(pid_of "$1")" || return 0
  [ -n "$pid" ] || return 0
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$WORK/pids/$1"
}

stop_all() {
  local f
  [ -d "$WORK/pids" ] || return 0
  for f in "$WORK"/pids/*; do
    [ -e "$f" ] || continue
    stop_proc "$(basename "$f")"
  done
}

port_free() { [ -z "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

# wait_ready NAME URL TIMEOUT_S: polls URL until it answers 2xx with "UP" (or any 2xx when the
# answer is not a health document); fails early when the process died. Prints nothing.
wait_ready() {
  local name="$1" url="$2" timeout="${3:-120}" pid
  pid="$(pid_of "$name")"
  local deadline=$((SECONDS + timeout))
  while :; do
    if curl -fsS --max-time 2 "$url" -o "$WORK/ready.out" 2>/dev/null; then
      if ! grep -q '"status"' "$WORK/ready.out" || grep -q '"status" *: *"UP"' "$WORK/ready.out"; then
        return 0
      fi
    fi
    kill -0 "$pid" 2>/dev/null || { log "$name died during start-up (log: $WORK/logs/$name.log)"; tail -n 20 "$WORK/logs/$name.log" >&2; return 1; }
    [ $SECONDS -lt $deadline ] || { log "$name not ready after ${timeout}s (log: $WORK/logs/$name.log)"; return 1; }
    sleep 0.05
  done
}

# --- the services, from copies of their jars ------------------------------------------------------
# The caller sets ROOT, BENCH, WORK, JAVA_OPTS, PORT_GW/PORT_ACTORS/PORT_EVENTS (PORT_FLOOR), DB_HOST,
# DB_PORT, DB_USER, DB_PASSWORD and APP_DB_SUFFIX (the services use the databases actors$APP_DB_SUFFIX
# and events$APP_DB_SUFFIX).

# copy_apps MODULE... : runs from copies, so a rebuild of the modules during the run cannot swap jars
# under a service.
copy_apps() {
  local m src
  rm -rf "$WORK/apps"; mkdir -p "$WORK/apps"
  for m in "$@"; do
    src="$ROOT/$m/target/quarkus-app"
    [ "$m" = floor ] && src="$BENCH/floor/target/quarkus-app"
    [ -f "$src/quarkus-run.jar" ] || die "$src/quarkus-run.jar is missing (run without --no-build)"
    # -a: the jars keep their times, which a class archive made from an earlier copy checks
    cp -a "$src" "$WORK/apps/$m"
  done
}

# app_start NAME [JAVA_ARG...] : starts one of actors|events|gateway|floor on its port from its jar copy.
app_port() { case "$1" in gateway) echo $PORT_GW ;; actors) echo $PORT_ACTORS ;; events) echo $PORT_EVENTS ;; floor) echo $PORT_FLOOR ;; esac; }
app_dir() { case "$1" in actors) echo actors-service ;; events) echo events-service ;; *) echo "$1" ;; esac; }
app_cmd() {
  local name="$1"; shift
  local env=() port; port="$(app_port "$name")"
  case "$name" in
    actors|events)
      local db="${name}${APP_DB_SUFFIX}"
      env=(QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$db"
           QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$db"
           QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD") ;;
    gateway)
      env=(QUARKUS_REST_CLIENT_ACTORS_URL="http://localhost:$PORT_ACTORS"
           QUARKUS_REST_CLIENT_EVENTS_URL="http://localhost:$PORT_EVENTS") ;;
  esac
  # shellcheck disable=SC2086
  echo env "${env[@]}" java $JAVA_OPTS "$@" -Dquarkus.http.port="$port" -jar "$WORK/apps/$(app_dir "$name")/quarkus-run.jar"
}
APP_START_MS=0
app_start() {
  local name="$1"; shift
  local port; port="$(app_port "$name")"
  port_free "$port" || die "port $port ($name) is in use"
  local cmd; cmd="$(app_cmd "$name" "$@")"
  record_cmd "$cmd"
  APP_START_MS="$(now_ms)"
  # shellcheck disable=SC2086
  start_proc "$name" "$WORK/logs/$name.log" $cmd
}
app_ready() { wait_ready "$1" "http://localhost:$(app_port "$1")/q/health/ready" "${2:-180}"; }
app_up() { app_start "$@"; app_ready "$1"; }

# --- /proc readings ------------------------------------------------------------------------------
CLK_TCK="$(getconf CLK_TCK)"
# CPU time (user + system) so far, in clock ticks, of every process in the session of PID (the
# processes start_proc started are session leaders: a JVM is one process with all its threads, GC
# and JIT included; a node gateway may fork workers). Fields 14 and 15 of /proc/N/stat, counted
# after the command name, which may contain spaces; field 6 is the session id.
# A process may end between the glob and the read (other users' short-lived processes on a busy machine): its
# file is skipped (`|| true`), else pipefail and set -e would end the whole run part-way.
cpu_ticks() {
  local f
  if [[ "$1" == server:* ]]; then
    # PostgreSQL: the postmaster (with the CPU of its children that already exited: cutime,
    # cstime) plus its live children; every backend is in a session of its own.
    local pm="${1#server:}"
    for f in /proc/[0-9]*/stat; do cat "$f" 2>/dev/null || true; done \
      | awk -v pm="$pm" '{ pid = $1; sub(/^.*\) /, "");
          if (pid == pm) t += $12 + $13 + $14 + $15; else if ($2 == pm) t += $12 + $13 } END { print t + 0 }'
    return
  fi
  for f in /proc/[0-9]*/stat; do cat "$f" 2>/dev/null || true; done \
    | awk -v sid="$1" '{ sub(/^.*\) /, ""); if ($4 == sid) t += $12 + $13 } END { print t + 0 }'
}
# Resident set size in kB, summed over the session's processes.
rss_kb() {
  local f pid sum=0 v
  for f in /proc/[0-9]*/stat; do
    pid="${f#/proc/}"; pid="${pid%/stat}"
    [ "$(awk '{ sub(/^.*\) /, ""); print $4 }' "$f" 2>/dev/null)" = "$1" ] || continue
    v="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"; sum=$((sum + ${v:-0}))
  done
  echo "$sum"
}

# --- results -------------------------------------------------------------------------------------
md() { printf '%s\n' "$*" >>"$RESULTS"; }
md_block() { cat >>"$RESULTS"; }
# Records a command line in the results file's list of commands, as it was run.
record_cmd() { printf -- '- `%s`\n' "$*" >>"$WORK/commands.md"; }
