# shellcheck shell=bash
# The seven services and the gateway: the single place that says what runs
# where and with which settings. Sourced after scripts/lib.sh and
# scripts/infra.sh (which define the infrastructure ports used below).
# Public functions: services_build, services_start, services_stop,
# services_wait_ready, services_status, svc_names, svc_db_names, svc_port, svc_url.

# Where the services send their telemetry: every script that starts a service knows of the viewer.
# shellcheck source=scripts/viewer.sh
source "$(dirname "${BASH_SOURCE[0]}")/viewer.sh"

# name  assembly  port
LMS_SERVICES=(
  "identity    Lms.Identity    5101"
  "institution Lms.Institution 5102"
  "company     Lms.Company     5103"
  "student     Lms.Student     5104"
  "content     Lms.Content     5105"
  "live        Lms.Live        5106"
  "board       Lms.Board       5107"
  "gateway     Lms.Gateway     8080"
)
LMS_SOLUTION=Microservices.sln
# What ./lms up runs: the services and the gateway (with the libraries they reference). Tests, tools and the CDK app
# are built by ./lms test and ./lms bench, which build the whole solution.
LMS_PLATFORM=Platform.slnf
# The identity service creates one confirmed demo account per role with this password (scripts/seed.sh prints them).
LMS_DEMO_PASSWORD='Demo-pass-2026!'

LMS_READY_TIMEOUT=${LMS_READY_TIMEOUT:-180}

# Print the field (name|asm|port) of one LMS_SERVICES entry.
svc_field() {
  local name asm port
  read -r name asm port <<<"$1"
  case $2 in
    name) printf '%s\n' "$name" ;;
    asm) printf '%s\n' "$asm" ;;
    port) printf '%s\n' "$port" ;;
  esac
}

svc_names() {
  local entry
  for entry in "${LMS_SERVICES[@]}"; do svc_field "$entry" name; done
}

# Services that own a database (all but the gateway).
svc_db_names() { svc_names | grep -vx gateway; }

svc_entry() {
  local entry
  for entry in "${LMS_SERVICES[@]}"; do
    [[ $(svc_field "$entry" name) == "$1" ]] && { printf '%s\n' "$entry"; return 0; }
  done
  return 1
}

svc_port() { svc_field "$(svc_entry "$1")" port; }
svc_asm() { svc_field "$(svc_entry "$1")" asm; }
# Debug unless LMS_CONFIGURATION=Release (./lms bench measures Release builds).
svc_configuration() { if [[ ${LMS_CONFIGURATION:-Debug} == [Rr]elease ]]; then echo Release; else echo Debug; fi; }
svc_dir() { printf '%s\n' "$LMS_REPO/artifacts/bin/$(svc_asm "$1")/$(svc_configuration | tr '[:upper:]' '[:lower:]')"; }
# The process runs inside its output folder (so ASP.NET finds appsettings.json
# there); the service's folder above it identifies it, whichever build runs.
svc_mark() { printf '%s\n' "$LMS_REPO/artifacts/bin/$(svc_asm "$1")/"; }
svc_url() { printf '%s\n' "http://$LMS_HOST:$(svc_port "$1")"; }
# Readiness contract: services answer /health/ready (database, broker...), the
# gateway answers /health.
svc_health_path() {
  if [[ $1 == gateway ]]; then printf '/health\n'; else printf '/health/ready\n'; fi
}
svc_health_url() { printf '%s%s\n' "$(svc_url "$1")" "$(svc_health_path "$1")"; }

# Environment of one service, one NAME=VALUE per line.
svc_env() {
  local name=$1 port other
  port=$(svc_port "$name")
  printf '%s\n' \
    ASPNETCORE_ENVIRONMENT=Development \
    "ASPNETCORE_URLS=http://$LMS_HOST:$port" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
  if [[ ${LMS_CONSOLE_SPANS:-} == 1 ]]; then
    printf '%s\n' Telemetry__ConsoleExporter=true
  fi
  # Traces, metrics and structured logs to the local viewer (scripts/viewer.sh) when it runs; spans leave in batches
  # every second and metrics every 10 s, so a click shows up while one still looks at it.
  if [[ ${LMS_NO_VIEWER:-} != 1 ]] && viewer_running; then
    printf '%s\n' "OTEL_EXPORTER_OTLP_ENDPOINT=$(viewer_otlp_endpoint)" OTEL_EXPORTER_OTLP_PROTOCOL=grpc \
      OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_BLRP_SCHEDULE_DELAY=1000 OTEL_METRIC_EXPORT_INTERVAL=10000
  fi
  if [[ $name == gateway ]]; then
    for other in $(svc_names); do
      [[ $other == gateway ]] || printf '%s\n' "Services__$other=$(svc_url "$other")"
    done
    printf '%s\n' "Web__Root=$LMS_REPO/web/dist"
    # Locally several people (and the test suite) sign in from one address; production keeps 10.
    printf '%s\n' RateLimits__StrictPermitsPerMinute=50
    # A load test raises the per-person limit (see README, "Performance"); everyone else keeps the default.
    if [[ -n ${LMS_GATEWAY_PERMITS_PER_SECOND:-} ]]; then
      printf '%s\n' "RateLimits__PermitsPerSecond=$LMS_GATEWAY_PERMITS_PER_SECOND" "RateLimits__Burst=$LMS_GATEWAY_PERMITS_PER_SECOND"
    fi
    return 0
  fi
  printf '%s\n' \
    "ConnectionStrings__Database=Server=$LMS_HOST;Port=$MARIADB_PORT;Database=lms_$name;User=lms_$name;Password=lms_${name}_pw;CharSet=utf8mb4" \
    Messaging__Transport=RabbitMq \
    "Messaging__RabbitMq__Host=$LMS_HOST" \
    "Messaging__RabbitMq__Port=$RABBITMQ_PORT" \
    Messaging__RabbitMq__VirtualHost=lms \
    "Messaging__RabbitMq__Username=$RABBITMQ_USER" \
    "Messaging__RabbitMq__Password=$RABBITMQ_PASSWORD" \
    "Storage__ServiceUrl=http://$LMS_HOST:$S3_PORT" \
    "Storage__Bucket=$S3_BUCKET" \
    "Redis__Configuration=$LMS_HOST:$REDIS_PORT" \
    "Mail__PickupDirectory=$LMS_MAIL"
  if [[ $name == company ]]; then
    # Locally the date catch-up runs every minute, so a demo provision starting today shows IN_PROGRESS soon.
    printf '%s\n' Provisions__CatchUpInterval=00:01:00
  fi
  if [[ $name == live ]]; then
    # The secrets nginx.conf also carries (scripts/infra.sh), where encoders and players reach nginx, where
    # nginx calls back (the internal listener) and where the service drops a publisher and closes playlists.
    printf '%s\n' \
      "Live__Streaming__Local__CallbackSecret=$(live_callback_secret)" \
      "Live__Streaming__Local__PlaybackSecret=$(live_playback_secret)" \
      "Live__Streaming__Local__IngestUrl=rtmp://$LMS_HOST:$RTMP_PORT/live" \
      "Live__Streaming__Local__PlaybackBaseUrl=http://$LMS_HOST:$HLS_PORT/hls" \
      "Live__Streaming__Local__ControlUrl=http://$LMS_HOST:$NGINX_CONTROL_PORT/control" \
      "Live__Streaming__Local__HlsDirectory=$HLS_DIR" \
      "Live__InternalUrl=http://$LMS_HOST:$LIVE_INTERNAL_PORT" \
      "Live__Recording__Directory=$RECORDINGS_DIR" \
      "Live__Redis=$LMS_HOST:$REDIS_PORT"
  fi
  if [[ $name == identity ]]; then
    # Plain HTTP locally, so the auth cookies cannot be Secure; demo accounts for trying it out.
    printf '%s\n' Auth__Cookies__Secure=false Demo__SeedAccounts=true "Demo__Password=$LMS_DEMO_PASSWORD"
  fi
}

# ---------------------------------------------------------------- build

# Build the solution once. Output goes to a file (not a pipe: MSBuild and the
# compiler server may outlive the build and would hold a pipe open); progress
# is shown by following that file.
# services_build [solution or filter]: the whole solution unless told (./lms up names $LMS_PLATFORM). Always run, never
# skipped: MSBuild's incremental build compares every input with its output, so a checkout that changed a file rebuilds
# what depends on it, and an unchanged tree costs a quick up-to-date check rather than starting a stale build.
services_build() {
  local target=${1:-$LMS_SOLUTION} log="$LMS_LOGS/build.log" pid rc=0 start=$SECONDS
  [[ -f $LMS_REPO/$target ]] ||
    die "build: $target not found in $LMS_REPO (no C# solution to build yet)"
  command -v dotnet >/dev/null || die "build: dotnet SDK not found on PATH"
  say "building $target ($(svc_configuration)); full log: .local/logs/build.log"
  (cd "$LMS_REPO" && exec dotnet build "$target" -c "$(svc_configuration)" -nologo -v:minimal) \
    >"$log" 2>&1 </dev/null &
  pid=$!
  tail -n +1 -f --pid="$pid" "$log" 2>/dev/null | sed -u 's/^/    /' || true
  wait "$pid" || rc=$?
  if ((rc != 0)); then
    printf -- '--- build errors ---\n' >&2
    grep -E ': error ' "$log" | sort -u | head -n 40 >&2 || true
    die "build failed (exit $rc) after $((SECONDS - start))s; see $log"
  fi
  say "build succeeded in $((SECONDS - start))s"
}

# ---------------------------------------------------------------- start / stop

svc_stop_one() {
  stop_pid "$1" "$(svc_mark "$1")" TERM 20
}

# Gateway first, so nothing routes to a service that is going away.
services_stop() {
  local names=() i
  mapfile -t names < <(svc_names)
  for ((i = ${#names[@]} - 1; i >= 0; i--)); do
    svc_stop_one "${names[i]}"
  done
}

svc_start_one() {
  local name=$1 dir asm log env=()
  asm=$(svc_asm "$name")
  dir=$(svc_dir "$name")
  log="$LMS_LOGS/$name.log"
  [[ -f $dir/$asm.dll ]] ||
    die "$name: $dir/$asm.dll not found (did the build produce project $asm?)"
  # Keep the previous run's log as NAME.log.1; the new run starts a fresh one.
  [[ -f $log ]] && mv -f "$log" "$log.1"
  mapfile -t env < <(svc_env "$name")
  spawn_rotated "$LMS_RUN/$name.pid" "$log" "$dir" env "${env[@]}" dotnet "$asm.dll"
}

# Always a restart: services run the build that was just made.
services_start() {
  local name
  services_stop
  for name in $(svc_names); do
    # A leftover of ours (pid file lost) is adopted by claim_port, then stopped.
    claim_port "$name" "$(svc_port "$name")" "$(svc_mark "$name")"
    svc_stop_one "$name"
    port_open "$(svc_port "$name")" && die "port $(svc_port "$name") ($name) is still in use after stopping"
  done
  say "starting services: $(svc_names | tr '\n' ' ')"
  for name in $(svc_names); do
    svc_start_one "$name"
  done
}

svc_log_tail() {
  printf -- '--- last 30 lines of %s ---\n' "$LMS_LOGS/$1.log" >&2
  tail -n 30 "$LMS_LOGS/$1.log" >&2 2>/dev/null || true
}

# Wait until every service answers its health URL with 200. A service whose
# process has exited fails the wait at once (it will never become ready).
services_wait_ready() {
  local pending=() still=() dead=() name code start=$SECONDS last=$SECONDS
  local -A last_code=()
  mapfile -t pending < <(svc_names)
  say "waiting for services to be ready (timeout ${LMS_READY_TIMEOUT}s)"
  while ((${#pending[@]})); do
    still=()
    for name in "${pending[@]}"; do
      code=$(http_code "$(svc_health_url "$name")")
      last_code[$name]=$code
      if [[ $code == 200 ]]; then
        info "$name: ready on $(svc_url "$name") after $((SECONDS - start))s"
      elif ! running "$name" "$(svc_mark "$name")"; then
        dead+=("$name")
      else
        still+=("$name")
      fi
    done
    pending=("${still[@]}")
    if ((${#dead[@]})); then
      for name in "${dead[@]}"; do svc_log_tail "$name"; done
      printf 'error: exited during start-up: %s\n' "${dead[*]}" >&2
      return 1
    fi
    ((${#pending[@]})) || break
    if ((SECONDS - start >= LMS_READY_TIMEOUT)); then
      for name in "${pending[@]}"; do svc_log_tail "$name"; done
      for name in "${pending[@]}"; do
        printf 'error: %s not ready after %ss (%s answered %s)\n' "$name" "$LMS_READY_TIMEOUT" \
          "$(svc_health_url "$name")" "${last_code[$name]/#000/nothing}" >&2
      done
      return 1
    fi
    if ((SECONDS - last >= 10)); then
      info "still waiting ($((SECONDS - start))s): ${pending[*]}"
      last=$SECONDS
    fi
    sleep 2
  done
  say "all services ready in $((SECONDS - start))s"
}

# What a service's GET /health/status says (see docs/OPERATIONS.md): "ready pending oldest-seconds dead-letters
# faults", "-" where it does not say (the gateway has no outbox) or does not answer.
svc_figures() {
  curl -s -m 5 "$1/health/status" 2>/dev/null | python3 -c '
import json, sys
try:
    status = json.load(sys.stdin)
except ValueError:
    print("- - - - -")
    sys.exit(0)
outbox = status.get("outbox") or {}
faults = (status.get("consumerFaults") or {}).get("total")
shown = lambda value: "-" if value is None else str(value)
print(status.get("ready", "-"), shown(outbox.get("pending")), shown(outbox.get("oldestPendingSeconds")),
      shown(outbox.get("deadLetters")), shown(faults))'
}

# One service's line: its process, whether it is ready, and what an operator checks first.
#   svc_status_line NAME URL STATE PID
svc_status_line() {
  local name=$1 url=$2 state=$3 pid=$4 ready=- pending=- oldest=- dead=- faults=- figures=
  if [[ $state == running ]]; then
    read -r ready pending oldest dead faults <<<"$(svc_figures "$url")"
  fi
  if [[ $pending != - ]]; then
    figures="outbox $pending pending (oldest ${oldest} s), dead letters $dead, faults $faults in 5 min"
  fi
  local line
  line=$(printf '  %-12s %-9s %-10s %-24s %-9s %s' "$name" "$state" "${pid:+pid $pid}" "$url" "$ready" "$figures")
  printf '%s\n' "${line%"${line##*[! ]}"}"
}

# Per service: running or not, ready or not, the outbox's pending rows and the oldest one's age, dead letters, and
# the deliveries its consumers gave up on in the last 5 minutes (each service's /health/status, loopback only).
services_status() {
  local name pid state
  for name in $(svc_names); do
    pid=$(pid_of "$name")
    if running "$name" "$(svc_mark "$name")"; then state=running; else state=stopped pid=''; fi
    svc_status_line "$name" "$(svc_url "$name")" "$state" "$pid"
  done
}
