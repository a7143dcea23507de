#!/usr/bin/env bash
# Benchmark (not a test): the same file uploaded through the presigned flow (bytes go straight to object storage)
# and proxied through the content service (the baseline), reporting wall time, throughput, and the content
# service's CPU time and peak memory during each. Needs the platform up (./lms up).
#   scripts/benchmark-upload.sh [MiB]   (default 1024)
#   LMS_BENCH_CONFIG=release scripts/benchmark-upload.sh   measures Release builds of the service and uploader
#   (built on the fly) instead of the Debug build that ./lms runs.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/infra.sh
source "$LMS_REPO/scripts/infra.sh"
# shellcheck source=scripts/services.sh
source "$LMS_REPO/scripts/services.sh"

size_mib=${1:-1024}
bench_dir="$LMS_LOCAL/bench"
file="$bench_dir/lecture.mp4"
content_url=$(svc_url content)
ticks=$(getconf CLK_TCK)

json_field() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }

content_pid() { cat "$LMS_RUN/content.pid"; }
# User+system CPU seconds of the content service so far.
cpu_seconds() { awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$(content_pid)/stat"; }
# Peak resident memory since the last reset, in MiB; writing 5 to clear_refs resets the peak.
reset_peak() { echo 5 >"/proc/$(content_pid)/clear_refs"; }
peak_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$(content_pid)/status"; }

config=${LMS_BENCH_CONFIG:-debug}
[[ $config == debug || $config == release ]] || die "LMS_BENCH_CONFIG is debug or release, not $config"
bench_content_dir="$LMS_REPO/artifacts/bin/Lms.Content/$config"
uploader="$LMS_REPO/artifacts/bin/Lms.Upload/$config/Lms.Upload.dll"
# The build the running content service was started from (Debug by ./lms up, Release by ./lms bench): put back as
# it was afterwards.
previous_content_dir=$(readlink "/proc/$(content_pid 2>/dev/null || echo 0)/cwd" 2>/dev/null || svc_dir content)

# Restarts the content service from DIR with extra environment settings.
#   restart_content DIR [NAME=VALUE...]
# Tiered compilation keeps re-compiling hot code in the background for a while after a warm-up, and a finished
# upload leaves its event to relay; measuring then would bill that work to the next path. Waits until the
# service uses less than 0.05 CPU s per 2 s (at most 90 s).
wait_idle() {
  local i before after
  say "waiting for the content service to go idle"
  for ((i = 0; i < 45; i++)); do
    before=$(cpu_seconds); sleep 2; after=$(cpu_seconds)
    python3 -c "import sys; sys.exit(0 if $after - $before < 0.05 else 1)" && return 0
  done
  warn "the content service did not go idle; measuring anyway"
}

# Stops whichever build of the content service runs (its pid mark names the service, not a configuration), and
# refuses to measure if anything still answers on its port: a process this script cannot replace would be measured
# in place of the one it asked for.
restart_content() {
  local dir=$1 env=() pid
  shift
  stop_pid content "$(svc_mark content)" TERM 20
  if [[ $(http_code "$content_url/health") != 000 ]]; then
    die "something not started by ./lms still answers on $content_url; stop it (./lms down) and run the benchmark again"
  fi
  mapfile -t env < <(svc_env content)
  spawn "$LMS_RUN/content.pid" "$LMS_LOGS/content.log" "$dir" env "${env[@]}" "$@" dotnet Lms.Content.dll
  pid=$(content_pid)
  wait_for 60 bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code}' $content_url/health/ready) == 200 ]]" ||
    die "the content service did not come back"
  [[ $(readlink "/proc/$pid/cwd") == "${dir%/}" ]] || die "the content service answering is not the one started from $dir"
}

[[ $(http_code "$(svc_url gateway)/health") == 200 ]] || die "the platform is not up; run ./lms up first"
mkdir -p "$bench_dir"
if [[ ! -f $file || $(stat -c %s "$file") -ne $((size_mib * 1024 * 1024)) ]]; then
  say "writing a $size_mib MiB test file"
  head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$file"
fi

token=$(curl -s -X POST "$(svc_url identity)/identity/v1/signin" -H 'Content-Type: application/json' \
  --data "{\"login\":\"manager\",\"password\":\"$LMS_DEMO_PASSWORD\"}" | json_field "['accessToken']")
course=$(curl -s "$(svc_url institution)/institution/v1/courses?size=1" -H "Authorization: Bearer $token" | json_field "['items'][0]['id']")

if [[ $config == release ]]; then
  say "building the content service and the uploader in Release"
  for project in services/Content/Lms.Content.csproj tools/Lms.Upload/Lms.Upload.csproj; do
    dotnet build "$LMS_REPO/$project" -c Release -nologo -v q >"$LMS_LOGS/bench-build.log" 2>&1 ||
      die "the Release build failed; see $LMS_LOGS/bench-build.log"
  done
fi

say "restarting the content service ($config) with the proxy baseline enabled"
# Console telemetry (the local default) prints every span and would dominate the per-request cost; production
# exports in batches over OTLP, so it is off for the measurement. Tiered compilation is off too (see below).
restart_content "$bench_content_dir" Benchmark__ProxyUpload=true Telemetry__ConsoleExporter=false DOTNET_TieredCompilation=0

# What is measured is the steady state of a running service. A fresh one compiles its code on first use and, with
# tiered compilation, compiles hot code again in stages over its next several uploads: about a second of JIT work
# that would land in whichever measurement came next. The measured service therefore runs with tiered compilation
# off (each method compiled once, fully optimised, on first use), and both paths are warmed up first: the proxied one
# with 8 MiB (its loop is hot within the first megabytes), the presigned one with a whole upload of the same file.
say "warming up: one proxied upload of 8 MiB, one presigned upload of the same file"
warm="$bench_dir/warm-up.mp4"
head -c $((8 * 1024 * 1024)) /dev/urandom >"$warm"
curl -sS -f -T "$warm" -H "Authorization: Bearer $token" "$content_url/content/v1/benchmark/proxy-upload"
rm -f "$file.lms-upload.json"
dotnet "$uploader" --gateway "$(svc_url gateway)" --token "$token" \
  --course "$course" --type video/mp4 "$file" >/dev/null 2>&1
wait_idle

say "presigned: uploader -> object storage"
cpu0=$(cpu_seconds); reset_peak; t0=$(date +%s.%N)
rm -f "$file.lms-upload.json"
dotnet "$uploader" --gateway "$(svc_url gateway)" --token "$token" \
  --course "$course" --type video/mp4 "$file" 2>/dev/null
t1=$(date +%s.%N); cpu1=$(cpu_seconds); peak1=$(peak_mib)

wait_idle
cpu2=$(cpu_seconds)

say "baseline: client -> content service -> object storage"
reset_peak; t2=$(date +%s.%N)
curl -sS -f -T "$file" -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' \
  "$content_url/content/v1/benchmark/proxy-upload"
t3=$(date +%s.%N); cpu3=$(cpu_seconds); peak3=$(peak_mib)

say "restarting the content service as it ran before, without the baseline"
restart_content "$previous_content_dir"

python3 - "$size_mib" "$t0" "$t1" "$cpu0" "$cpu1" "$peak1" "$t2" "$t3" "$cpu2" "$cpu3" "$peak3" "$config" <<'PY'
import sys
mib, t0, t1, c0, c1, p1, t2, t3, c2, c3, p3, config = sys.argv[1:13]
mib = float(mib)
rows = [("presigned", float(t1) - float(t0), float(c1) - float(c0), p1),
        ("proxied (baseline)", float(t3) - float(t2), float(c3) - float(c2), p3)]
print(f"\n{mib:.0f} MiB upload ({config} build)   wall s   MiB/s   service CPU s   CPU s per GiB   service peak RSS MiB")
for name, wall, cpu, peak in rows:
    print(f"{name:<26}{wall:8.1f}{mib / wall:8.0f}{cpu:16.2f}{cpu / (mib / 1024):16.2f}{peak:>23}")
print(f"\nservice CPU, proxied / presigned: {rows[1][2] / max(rows[0][2], 0.01):.1f}")
# For the load harness's table (tools/Lms.Load).
p, b = rows
print(f"FIGURE|{mib:.0f} MiB upload, presigned: MiB/s, service CPU s per GiB, service peak RSS|{mib / p[1]:.0f} MiB/s, {p[2] / (mib / 1024):.2f} CPU s/GiB, {p[3]} MiB"
      f"|proxied: {mib / b[1]:.0f} MiB/s, {b[2] / (mib / 1024):.2f} CPU s/GiB, {b[3]} MiB||")
PY
