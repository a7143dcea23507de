# shellcheck shell=bash
# Runs every test project against the running platform and sums the results.
# Sourced after lib.sh, infra.sh and services.sh. Public: tests_run.

LMS_RESULTS="$LMS_LOCAL/test-results"
# The OpenAPI linter the service tests run (Redocly CLI, recommended rules), next
# to s3rver in .local/node. 2.77.0 is tested on this machine's Node 20.
REDOCLY_VERSION=2.77.0
REDOCLY_JS="$NODE_DIR/node_modules/@redocly/cli/bin/cli.js"

tests_install_linter() {
  if grep -q "\"version\": \"$REDOCLY_VERSION\"" "$NODE_DIR/node_modules/@redocly/cli/package.json" 2>/dev/null; then
    return 0
  fi
  command -v npm >/dev/null || die "npm not found (needed to install @redocly/cli)"
  say "installing @redocly/cli@$REDOCLY_VERSION into .local/node"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error \
    "@redocly/cli@$REDOCLY_VERSION" >"$LMS_LOGS/npm-redocly.log" 2>&1 ||
    { tail -n 30 "$LMS_LOGS/npm-redocly.log" >&2; die "npm install @redocly/cli failed; log in $LMS_LOGS/npm-redocly.log"; }
}

# What the test suites read to find the platform (see README).
tests_export_env() {
  export LMS_MARIADB="Server=$LMS_HOST;Port=$MARIADB_PORT"
  export LMS_RABBITMQ="amqp://$RABBITMQ_USER:$RABBITMQ_PASSWORD@$LMS_HOST:$RABBITMQ_PORT/lms_test"
  export LMS_REDIS="$LMS_HOST:$REDIS_PORT"
  export LMS_S3="http://$LMS_HOST:$S3_PORT"
  LMS_GATEWAY="http://$LMS_HOST:$(svc_port gateway)"
  export LMS_GATEWAY
  export LMS_LOG_DIR="$LMS_LOGS"
  export LMS_SECRETS_DIR="$SECRETS_DIR"
  export LMS_LIVE="http://$LMS_HOST:$(svc_port live)"
  export LMS_LIVE_INTERNAL="http://$LMS_HOST:$LIVE_INTERNAL_PORT"
  export LMS_MAIL_DIR="$LMS_MAIL"
  export LMS_BROKER_CTL="$LMS_REPO/scripts/broker.sh"
  export LMS_DATABASE_CTL="$LMS_REPO/scripts/database.sh"
  export LMS_SERVICE_CTL="$LMS_REPO/scripts/service.sh"
  # The trace viewer's API (its trace test) and ./lms itself (the status test).
  LMS_VIEWER=$(viewer_url)
  export LMS_VIEWER
  export LMS_CTL="$LMS_REPO/lms"
  export LMS_REDOCLY="$REDOCLY_JS"
  export LMS_WEB_URL="${LMS_WEB_URL:-$LMS_GATEWAY/app/}"
  export LMS_CHROMIUM="${LMS_CHROMIUM:-/usr/bin/chromium}"
}

# tests/*/*.csproj whose name ends in "Tests", sorted.
tests_projects() {
  local proj
  for proj in "$LMS_REPO"/tests/*/*.csproj; do
    [[ -f $proj ]] || continue
    [[ $(basename "$proj" .csproj) == *Tests ]] && printf '%s\n' "$proj"
  done
  return 0
}

# "passed failed skipped" of one .trx file (its <Counters/> element).
# Failed includes error/timeout/aborted outcomes; skipped is notExecuted, or
# total - executed when the logger did not fill that in.
trx_counts() {
  tr '\n' ' ' <"$1" | grep -o '<Counters [^>]*>' | head -n1 | awk '
    {
      for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2) { gsub(/["\/>]/, "", kv[2]); c[kv[1]] = kv[2] + 0 }
      failed = c["failed"] + c["error"] + c["timeout"] + c["aborted"]
      skipped = c["notExecuted"]
      if (skipped == 0 && c["total"] > c["executed"]) skipped = c["total"] - c["executed"]
      printf "%d %d %d\n", c["passed"], failed, skipped
    }'
}

# Run each project in turn (the suites share databases and the broker, so not
# in parallel). Prints the summary as the last line; returns 1 on any failure
# or when no test ran at all.
tests_run() {
  local projects=() proj name trx rc counts passed failed skipped
  local sum_passed=0 sum_failed=0 sum_skipped=0 broken=()
  mapfile -t projects < <(tests_projects)
  rm -rf "$LMS_RESULTS"
  mkdir -p "$LMS_RESULTS"
  tests_install_linter
  tests_export_env
  if ((${#projects[@]} == 0)); then
    printf 'error: no test projects (tests/*/*Tests.csproj) found\n' >&2
  fi
  if [[ -f $WEB_DIR/package.json ]]; then
    say "testing the web app (Vitest; log: .local/logs/web-unit.log)"
    read -r passed failed skipped <<<"$(web_unit_tests)"
    info "web unit tests: $passed passed, $failed failed, $skipped skipped"
    ((failed == 0 && passed > 0)) || broken+=("web unit tests")
    sum_passed=$((sum_passed + passed)) sum_failed=$((sum_failed + failed)) sum_skipped=$((sum_skipped + skipped))
    say "checking the committed API types against the published documents"
    if web_check_api; then
      sum_passed=$((sum_passed + 1))
    else
      sum_failed=$((sum_failed + 1))
      broken+=("web API types")
    fi
  fi
  for proj in "${projects[@]}"; do
    name=$(basename "$proj" .csproj)
    trx="$LMS_RESULTS/$name.trx"
    say "testing $name"
    rc=0
    # MSBuild node reuse off: a lingering node would keep our stdout open.
    MSBUILDDISABLENODEREUSE=1 dotnet test "$proj" -c Debug --no-build \
      --logger "trx;LogFileName=$name.trx" --results-directory "$LMS_RESULTS" </dev/null || rc=$?
    if [[ -f $trx ]]; then
      counts=$(trx_counts "$trx")
      read -r passed failed skipped <<<"${counts:-0 0 0}"
    else
      passed=0 failed=0 skipped=0
    fi
    info "$name: $passed passed, $failed failed, $skipped skipped (exit $rc)"
    if ((rc != 0)) || [[ ! -f $trx ]]; then broken+=("$name"); fi
    sum_passed=$((sum_passed + passed))
    sum_failed=$((sum_failed + failed))
    sum_skipped=$((sum_skipped + skipped))
  done
  ((${#broken[@]} == 0)) || printf 'error: test projects that failed or did not run: %s\n' "${broken[*]}" >&2
  say "results in .local/test-results; the platform is left running (./lms down stops it)"
  if ((sum_skipped > 0)); then
    printf '%d passed, %d failed, %d skipped\n' "$sum_passed" "$sum_failed" "$sum_skipped"
  else
    printf '%d passed, %d failed\n' "$sum_passed" "$sum_failed"
  fi
  ((${#broken[@]} == 0 && sum_failed == 0 && sum_passed + sum_failed > 0))
}
