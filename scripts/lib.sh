# shellcheck shell=bash
# Shared helpers for ./lms and scripts/*.sh: paths, messages, pid files, ports.
# Sourced, never executed. Everything here only reads state or acts on pids that
# this repo's scripts recorded, so it is safe to call repeatedly.

LMS_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
LMS_LOCAL="$LMS_REPO/.local"
LMS_RUN="$LMS_LOCAL/run"
LMS_LOGS="$LMS_LOCAL/logs"
LMS_MAIL="$LMS_LOCAL/mail"
LMS_HOST=127.0.0.1

say()  { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# The state folders every verb may touch; cheap, so every verb calls it.
lms_dirs() {
  mkdir -p "$LMS_RUN" "$LMS_LOGS" "$LMS_MAIL"
}

# pid recorded in .local/run/NAME.pid, or nothing.
pid_of() {
  local file="$LMS_RUN/$1.pid" pid
  [[ -r $file ]] || return 0
  read -r pid <"$file" || true
  [[ $pid =~ ^[0-9]+$ ]] && printf '%s\n' "$pid"
  return 0
}

# True if PID is alive and its command line, working folder or environment
# contains MARK. The mark guards against a stale pid file whose number the
# kernel has since given to an unrelated process, and tells our servers from
# system-wide ones. (The environment is needed for RabbitMQ: Debian's wrapper
# changes folder and our paths reach the node only as variables.)
pid_matches() {
  local pid=$1 mark=$2 cmd cwd
  [[ -n $pid && -d /proc/$pid ]] || return 1
  # A zombie still has /proc/PID; it is not running.
  [[ $(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null) != Z ]] || return 1
  cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || cwd=
  [[ $cmd == *"$mark"* || $cwd == *"$mark"* ]] && return 0
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qF -- "$mark"
}

# True if the part NAME (recorded pid, identified by MARK) is running.
running() {
  pid_matches "$(pid_of "$1")" "$2"
}

# True if something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/$LMS_HOST/$1") 2>/dev/null
}

# pid of the process listening on PORT (empty if unknown).
port_owner() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2
}

# Refuse to start part NAME when PORT is held by a process that is not ours.
# A listener that carries MARK (see pid_matches; a leftover of this repo whose
# pid file got lost) is adopted instead: its pid is recorded again.
claim_port() {
  local name=$1 port=$2 mark=$3 owner cmd
  port_open "$port" || return 0
  owner=$(port_owner "$port")
  if [[ -n $owner ]] && pid_matches "$owner" "$mark"; then
    echo "$owner" >"$LMS_RUN/$name.pid"
    return 0
  fi
  cmd=$( [[ -n $owner ]] && tr '\0' ' ' 2>/dev/null <"/proc/$owner/cmdline" | cut -c1-120 )
  die "port $port (needed by $name) is already taken by ${owner:+pid $owner: }${cmd:-another program} -- not started by ./lms; stop it or free the port"
}

# Start a long-running command in its own session, detached from this shell,
# The command line for a log's header, secrets masked: settings whose name says
# Secret, Password or ApiKey, and passwords inside connection strings.
redacted() {
  local arg out=()
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_]*(Secret|SECRET|Password|PASSWORD|ApiKey|APIKEY)[A-Za-z0-9_]*= ]]; then
      arg="${arg%%=*}=***"
    elif [[ $arg == *Password=* ]]; then
      arg=$(sed -E 's/Password=[^;]*/Password=***/g' <<<"$arg")
    fi
    out+=("$arg")
  done
  printf '%s' "${out[*]}"
}

# stdout+stderr appended to LOG, pid written to PIDFILE by the process itself
# (so the number is right even if setsid had to fork).
#   spawn PIDFILE LOG DIR CMD [ARGS...]
spawn() {
  local pidfile=$1 log=$2 dir=$3 i
  shift 3
  rm -f "$pidfile"
  printf '=== %s: started by ./lms: %s\n' "$(date '+%F %T')" "$(redacted "$@")" >>"$log"
  # shellcheck disable=SC2016  # $$ and $@ are for the inner shell
  setsid nohup bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0"; cd "$1" || exit 1; shift; exec "$@"' \
    "$pidfile" "$dir" "$@" >>"$log" 2>&1 </dev/null &
  # Callers check the pid file right away; make sure it is there.
  for ((i = 0; i < 50; i++)); do
    [[ -s $pidfile ]] && return 0
    sleep 0.1
  done
  die "could not start $1 (no pid file $pidfile)"
}

# Like spawn, but the output goes through scripts/logpipe.py, which caps the log
# (LMS_LOG_MAX_BYTES, 50 MiB) and keeps three rotated files. The pid recorded is
# still the program's own: bash execs it with its output on a process substitution.
spawn_rotated() {
  local pidfile=$1 log=$2 dir=$3 i
  shift 3
  rm -f "$pidfile"
  printf '=== %s: started by ./lms: %s\n' "$(date '+%F %T')" "$(redacted "$@")" >>"$log"
  # shellcheck disable=SC2016  # $$ and $@ are for the inner shell
  setsid nohup bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0"; pipe=$1 log=$2; cd "$3" || exit 1; shift 3
    exec "$@" > >(exec python3 "$pipe" "$log") 2>&1' \
    "$pidfile" "$LMS_REPO/scripts/logpipe.py" "$log" "$dir" "$@" >/dev/null 2>&1 </dev/null &
  for ((i = 0; i < 50; i++)); do
    [[ -s $pidfile ]] && return 0
    sleep 0.1
  done
  die "could not start $1 (no pid file $pidfile)"
}

# Send SIGNAL to the recorded pid of NAME (if it carries MARK), wait up to
# TIMEOUT seconds for it to go, then SIGKILL. Removes the pid file.
stop_pid() {
  local name=$1 mark=$2 signal=${3:-TERM} timeout=${4:-20} pid i
  pid=$(pid_of "$name")
  if pid_matches "$pid" "$mark"; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 5; i++)); do
      pid_matches "$pid" "$mark" || break
      sleep 0.2
    done
    if pid_matches "$pid" "$mark"; then
      warn "$name (pid $pid) did not stop within ${timeout}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
    say "$name: stopped (pid $pid)"
  fi
  rm -f "$LMS_RUN/$name.pid"
}

# Poll CHECK (a command) every second until it succeeds or TIMEOUT seconds pass.
#   wait_for TIMEOUT CHECK [ARGS...]
wait_for() {
  local timeout=$1 start=$SECONDS
  shift
  until "$@"; do
    ((SECONDS - start < timeout)) || return 1
    sleep 1
  done
}

# HTTP status code of a GET on URL ("000" if nothing answers).
http_code() {
  curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null || true
}
