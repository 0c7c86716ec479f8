# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables here are used by the scripts that source it
# Shared by the deploy/local scripts: paths, artifact fetching, and starting and
# stopping detached processes by pid file. Source it; it does nothing on its own.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Per-clone state (pids, logs, component data); git-ignored.
RUN_DIR="$ROOT/.run"
# Downloads and unpacked dists, shared by every clone on the machine.
CACHE="${SPARKS_CACHE:-$HOME/.cache/sparks}"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
INFRA_POM="$ROOT/deploy/local/infra/pom.xml"

die() {
  echo "$*" >&2
  exit 1
}

# Seconds since the epoch with a fraction, for start-up timings.
now() {
  printf '%s' "${EPOCHREALTIME:-$(date +%s)}"
}

# Elapsed seconds since START, one decimal.
elapsed() {
  awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'
}

# A version from the properties of the infra pom, so the pom is the only place versions live.
infra_version() {
  local v
  v="$(sed -n "s:.*<$1\.version>\(.*\)</$1\.version>.*:\1:p" "$INFRA_POM")"
  [ -n "$v" ] || die "no <$1.version> in $INFRA_POM"
  printf '%s' "$v"
}

# fetch_artifacts PROFILE DIR: copies the artifacts of an infra pom profile into DIR
# once. Goes through a temporary folder so an interrupted download leaves no half cache.
fetch_artifacts() {
  local profile="$1" dir="$2" tmp
  [ -f "$dir/.complete" ] && return 0
  echo "$profile: fetching artifacts into $dir" >&2
  mkdir -p "$(dirname "$dir")"
  tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
  if ! "$ROOT/mvnw" -B -q -f "$INFRA_POM" -P"$profile" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" >&2; then
    rm -rf "$tmp"
    die "$profile: fetching the artifacts with mvnw failed"
  fi
  touch "$tmp/.complete"
  rm -rf "$dir"
  mv "$tmp" "$dir"
}

pid_file() {
  printf '%s' "$PID_DIR/$1.pid"
}

# start_bg NAME LOGFILE CMD...: runs CMD detached in its own session (so a closing
# terminal or the caller's Ctrl-C does not reach it) and records its pid.
start_bg() {
  local name="$1" log="$2"
  shift 2
  mkdir -p "$PID_DIR" "$(dirname "$log")"
  # A background job of a script is no process group leader, so setsid does not
  # fork: $! is the session leader and its pid is also the group id stop_bg kills.
  setsid nohup "$@" >"$log" 2>&1 </dev/null &
  echo "$!" >"$(pid_file "$name")"
  start_ticks "$!" >"$PID_DIR/$name.started"
}

# When process PID started (clock ticks since boot): a pid plus this names one process
# for good, even after the pid is recycled.
start_ticks() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  # Fields after the command name, which may hold spaces; start time is field 22.
  awk '{ print $20 }' <<<"${stat##*) }"
}

# The pid recorded for NAME, or nothing.
recorded_pid() {
  local f
  f="$(pid_file "$1")"
  [ -f "$f" ] && tr -dc '0-9' <"$f"
  return 0
}

# is_running NAME: our pid file names a live process, the one start_bg started.
is_running() {
  local pid started
  pid="$(recorded_pid "$1")"
  [ -n "$pid" ] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  started="$(cat "$PID_DIR/$1.started" 2>/dev/null)" || return 0
  [ -z "$started" ] || [ "$(start_ticks "$pid")" = "$started" ]
}

# True while the process or any of its group lives (its group exists only once
# setsid has run, a moment after the start).
group_alive() {
  kill -0 -- "-$1" 2>/dev/null || kill -0 "$1" 2>/dev/null
}

# stop_bg NAME: TERM to the whole process group (wrapper scripts and their JVM),
# up to ~20 s of grace, then KILL. Prints the pid it stopped; fails if none ran.
stop_bg() {
  local name="$1" pid i
  pid="$(recorded_pid "$name")"
  if [ -z "$pid" ] || ! is_running "$name"; then
    rm -f "$(pid_file "$name")" "$PID_DIR/$name.started"
    return 1
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    group_alive "$pid" || break
    sleep 0.2
  done
  if group_alive "$pid"; then
    echo "$name: did not stop within 20 s, killing it" >&2
    kill -KILL -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 25; i++)); do
      group_alive "$pid" || break
      sleep 0.2
    done
  fi
  rm -f "$(pid_file "$name")" "$PID_DIR/$name.started"
  printf '%s' "$pid"
}

# port_in_use PORT: something listens on 127.0.0.1:PORT (or on all addresses).
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# Who holds PORT, for error messages ("pid 123 java"), when ss can tell.
port_owner() {
  local line
  line="$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n 1)"
  if [[ "$line" =~ \(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
    printf 'pid %s %s' "${BASH_REMATCH[2]}" "${BASH_REMATCH[1]}"
  else
    printf 'another process'
  fi
}

log_file() {
  printf '%s' "$LOG_DIR/$1.log"
}

# Prints the end of a component's log to stderr, for failures.
show_log_tail() {
  local log
  log="$(log_file "$1")"
  if [ -f "$log" ]; then
    echo "---- last 30 lines of $log ----" >&2
    tail -n 30 "$log" >&2
    echo "----" >&2
  fi
}

# curl that never goes through a proxy: every URL here is on this machine.
local_curl() {
  curl --noproxy '*' "$@"
}

# wait_http URL TIMEOUT_S NAME: polls until URL answers 2xx; fails early if NAME's
# process died, and shows its log on failure.
wait_http() {
  local url="$1" timeout="$2" name="$3" deadline
  deadline=$((SECONDS + timeout))
  until local_curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if ! is_running "$name"; then
      echo "$name: exited before $url answered" >&2
      show_log_tail "$name"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "$name: $url did not answer within $timeout s" >&2
      show_log_tail "$name"
      return 1
    fi
    sleep 0.5
  done
}
