# shellcheck shell=bash
# The local trace, metrics and structured-log viewer: the standalone Aspire dashboard, restored from NuGet
# (Aspire.Dashboard.Sdk.linux-x64, a self-contained program in its tools/ folder) into .local/viewer and run as a
# plain process on loopback. Every service exports OTLP to it (scripts/services.sh). Anonymous access is on because
# it listens on 127.0.0.1 only. Sourced after scripts/lib.sh.
# Public functions: viewer_up, viewer_stop, viewer_status, viewer_running, viewer_url, viewer_otlp_endpoint.

VIEWER_PACKAGE=Aspire.Dashboard.Sdk.linux-x64
VIEWER_VERSION=13.6.5
# The dashboard's own defaults; LMS_VIEWER_PORT moves all three (UI, OTLP/gRPC, OTLP/HTTP) together.
VIEWER_PORT=${LMS_VIEWER_PORT:-18888}
VIEWER_OTLP_PORT=$((VIEWER_PORT + 1))
VIEWER_OTLP_HTTP_PORT=$((VIEWER_PORT + 2))
VIEWER_DIR="$LMS_LOCAL/viewer"
VIEWER_BIN="$VIEWER_DIR/packages/$(tr '[:upper:]' '[:lower:]' <<<"$VIEWER_PACKAGE")/$VIEWER_VERSION/tools/Aspire.Dashboard"

viewer_url() { printf 'http://%s:%s\n' "$LMS_HOST" "$VIEWER_PORT"; }
viewer_otlp_endpoint() { printf 'http://%s:%s\n' "$LMS_HOST" "$VIEWER_OTLP_PORT"; }
viewer_mark() { printf '%s\n' "$VIEWER_DIR"; }
viewer_running() { running viewer "$(viewer_mark)"; }
# The dashboard answers /health once it serves (its / redirects to the structured logs).
viewer_alive() { [[ $(http_code "$(viewer_url)/health") == 200 ]]; }

# The package is a download, not a dependency: a throwaway project with one PackageDownload, restored with the
# repository's build settings left out (central package management and analyzers have nothing to say about it).
viewer_install() {
  [[ -x $VIEWER_BIN ]] && return 0
  command -v dotnet >/dev/null || { warn "viewer: dotnet not found"; return 1; }
  local project="$VIEWER_DIR/restore/viewer.proj" log="$LMS_LOGS/viewer-restore.log"
  mkdir -p "$VIEWER_DIR/restore"
  cat >"$project" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Written by scripts/viewer.sh: downloads the standalone Aspire dashboard into ../packages. -->
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$VIEWER_PACKAGE" Version="[$VIEWER_VERSION]" />
  </ItemGroup>
</Project>
PROJ
  say "viewer: restoring $VIEWER_PACKAGE $VIEWER_VERSION into .local/viewer (log: .local/logs/viewer-restore.log)"
  if ! dotnet restore "$project" --packages "$VIEWER_DIR/packages" -nologo \
      -p:ImportDirectoryBuildProps=false -p:ImportDirectoryPackagesProps=false -p:ManagePackageVersionsCentrally=false \
      >"$log" 2>&1 </dev/null; then
    grep -E 'error|NU[0-9]{4}' "$log" | sort -u | head -n 10 >&2 || tail -n 10 "$log" >&2
    warn "viewer: $VIEWER_PACKAGE $VIEWER_VERSION could not be restored; the services run without it (spans to their logs with LMS_CONSOLE_SPANS=1)"
    return 1
  fi
  [[ -f $VIEWER_BIN ]] || { warn "viewer: $VIEWER_BIN missing after restore"; return 1; }
  chmod u+x "$VIEWER_BIN"
}

viewer_launch() {
  local port
  for port in "$VIEWER_PORT" "$VIEWER_OTLP_PORT" "$VIEWER_OTLP_HTTP_PORT"; do
    claim_port viewer "$port" "$(viewer_mark)"
  done
  viewer_running && return 0
  spawn "$LMS_RUN/viewer.pid" "$LMS_LOGS/viewer.log" "$VIEWER_DIR" env \
    ASPNETCORE_URLS="$(viewer_url)" \
    DOTNET_DASHBOARD_OTLP_ENDPOINT_URL="$(viewer_otlp_endpoint)" \
    DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://$LMS_HOST:$VIEWER_OTLP_HTTP_PORT" \
    DOTNET_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    "$VIEWER_BIN"
}

# Install and start the viewer unless it runs; a viewer that cannot be had is a warning, never a failed ./lms up.
# LMS_NO_VIEWER=1 leaves it off (./lms bench: exporting telemetry is not what a benchmark measures).
viewer_up() {
  [[ ${LMS_NO_VIEWER:-} == 1 ]] && return 0
  viewer_install || return 0
  viewer_launch
  if ! wait_for 30 viewer_alive; then
    tail -n 20 "$LMS_LOGS/viewer.log" >&2 2>/dev/null || true
    warn "viewer: not answering on $(viewer_url) after 30s; the services run without it"
    stop_pid viewer "$(viewer_mark)" TERM 5
    return 0
  fi
  say "viewer: $(viewer_url) (OTLP $(viewer_otlp_endpoint))"
}

viewer_stop() { stop_pid viewer "$(viewer_mark)" TERM 10; }

viewer_status() {
  local pid state=stopped
  pid=$(pid_of viewer)
  if viewer_running; then
    if viewer_alive; then state=running; else state="running (not answering)"; fi
  else
    pid=''
  fi
  printf '  %-12s %-28s %-12s %s\n' viewer "$state" "${pid:+pid $pid}" "$(viewer_url) (OTLP $(viewer_otlp_endpoint))"
}
