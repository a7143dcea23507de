#!/usr/bin/env bash
# Stop or start one service of the running local platform, for end-to-end fault tests that need a
# service to go away and come back (the build is not redone).
#   scripts/service.sh stop|start NAME
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/infra.sh
source "$LMS_REPO/scripts/infra.sh"
# shellcheck source=scripts/services.sh
source "$LMS_REPO/scripts/services.sh"

SERVICE_TIMEOUT=90

service_ready() { curl -fs -o /dev/null "$(svc_health_url "$1")"; }

verb=${1:-} name=${2:-}
[[ -n $name ]] && svc_entry "$name" >/dev/null 2>&1 || die "usage: $0 stop|start NAME (a service of ./lms status)"
case $verb in
  stop)
    svc_stop_one "$name"
    echo "$name stopped"
    ;;
  start)
    svc_start_one "$name"
    wait_for "$SERVICE_TIMEOUT" service_ready "$name" || { svc_log_tail "$name"; die "$name not ready after ${SERVICE_TIMEOUT}s"; }
    echo "$name started and ready"
    ;;
  *) die "usage: $0 stop|start NAME" ;;
esac
