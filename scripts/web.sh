# shellcheck shell=bash
# The web app in web/: install its packages, build it for the gateway (web/dist), run its unit tests and check the
# committed API types against what the services publish. Sourced after lib.sh and infra.sh.
# Public: web_build, web_install_browser, web_unit_tests, web_check_api.

WEB_DIR="$LMS_REPO/web"
WEB_STAMP="$LMS_RUN/web-build.sha"
# The browser tests drive Debian's chromium with the Hangul font; no browser is downloaded.
WEB_BROWSER_PACKAGES=(chromium fonts-noto-cjk)

# A digest of everything the build reads (not node_modules or the build itself), to skip an unchanged build.
web_digest() {
  (cd "$WEB_DIR" && find . \( -path ./node_modules -o -path ./dist -o -path ./test-results \) -prune -o -type f -print0 |
    sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

web_install_packages() {
  command -v npm >/dev/null || die "npm not found (needed to build web/)"
  local lock_digest stamp="$LMS_RUN/web-npm.sha"
  lock_digest=$(sha256sum "$WEB_DIR/package-lock.json" | cut -d' ' -f1)
  if [[ -d $WEB_DIR/node_modules && -f $stamp && $(cat "$stamp") == "$lock_digest" ]]; then
    return 0
  fi
  say "installing the web app's packages (npm ci; log: .local/logs/npm-web.log)"
  (cd "$WEB_DIR" && npm ci --no-audit --no-fund --loglevel=error) >"$LMS_LOGS/npm-web.log" 2>&1 ||
    { tail -n 30 "$LMS_LOGS/npm-web.log" >&2; die "npm ci in web/ failed; log in $LMS_LOGS/npm-web.log"; }
  printf '%s\n' "$lock_digest" >"$stamp"
}

web_build() {
  local digest start=$SECONDS
  [[ -f $WEB_DIR/package.json ]] || return 0
  web_install_packages
  digest=$(web_digest)
  if [[ -f $WEB_DIR/dist/index.html && -f $WEB_STAMP && $(cat "$WEB_STAMP") == "$digest" ]]; then
    say "web app unchanged; keeping web/dist"
    return 0
  fi
  say "building the web app (log: .local/logs/web-build.log)"
  (cd "$WEB_DIR" && npm run build) >"$LMS_LOGS/web-build.log" 2>&1 ||
    { tail -n 40 "$LMS_LOGS/web-build.log" >&2; die "web app build failed; see $LMS_LOGS/web-build.log"; }
  printf '%s\n' "$digest" >"$WEB_STAMP"
  say "web app built in $((SECONDS - start))s"
}

web_install_browser() {
  local missing=()
  mapfile -t missing < <(infra_missing_packages "${WEB_BROWSER_PACKAGES[@]}")
  if ((${#missing[@]})); then
    say "installing packages for the browser tests: ${missing[*]} (log: .local/logs/apt.log)"
    infra_apt_install "${missing[@]}"
  fi
}

# Vitest with its JUnit report; prints "passed failed skipped" of that report.
web_unit_tests() {
  local report="$WEB_DIR/test-results/vitest.xml" rc=0
  rm -f "$report"
  (cd "$WEB_DIR" && npx vitest run) >"$LMS_LOGS/web-unit.log" 2>&1 || rc=$?
  if ((rc != 0)); then tail -n 40 "$LMS_LOGS/web-unit.log" >&2; fi
  [[ -f $report ]] || { printf '0 1 0\n'; return 0; }
  tr '\n' ' ' <"$report" | grep -o '<testsuites [^>]*>' | head -n1 | awk '
    { for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2) { gsub(/["\/>]/, "", kv[2]); c[kv[1]] = kv[2] + 0 }
      failed = c["failures"] + c["errors"]; printf "%d %d %d\n", c["tests"] - failed - c["skipped"], failed, c["skipped"] }'
}

# The committed generated types must be what the running services publish: a drift is a red run, not a runtime bug.
web_check_api() {
  (cd "$WEB_DIR" && LMS_GATEWAY="http://$LMS_HOST:$(svc_port gateway)" node scripts/gen-api.mjs --check)
}
