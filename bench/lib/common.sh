# Helpers of bench/run.sh (sourced): processes it starts and stops, health waits, /proc readings,
# the results file. Everything it starts is recorded under $WORK/pids and stopped by stop_all (trap).

log() { printf '%s bench: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

now_ms() { date +%s%3N; }

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

pid_of() { cat "$WORK/pids/$1" 2>/dev/null; }

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

# --- /proc readings ------------------------------------------------------------------------------
CLK_TCK="$(getconf CLK_TCK)"
# CPU time (user + system) of a process so far, in clock ticks (fields 14 and 15 of /proc/PID/stat,
# counted after the command name, which may contain spaces). Includes all its threads (GC, JIT).
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# Resident set size in kB.
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

# The java process under a setsid wrapper is the recorded pid itself (exec), so these read it directly.

# --- results -------------------------------------------------------------------------------------
md() { printf '%s\n' "$*" >>"$RESULTS"; }
md_block() { cat >>"$RESULTS"; }
# Records a command line in the results file's list of commands, as it was run.
record_cmd() { printf -- '- `%s`\n' "$*" >>"$WORK/commands.md"; }
