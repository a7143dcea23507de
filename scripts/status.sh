#!/usr/bin/env bash
# What ./lms status prints for the services: per service, running or not, ready or not, the outbox's pending rows
# and the oldest one's age, dead letters, and the deliveries its consumers gave up on in the last 5 minutes, from
# each service's GET /health/status (answered on loopback only). STATUS_TARGETS="name=url …" reads those services at
# those addresses instead of the local platform's (the tests use it).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/infra.sh
source "$LMS_REPO/scripts/infra.sh"
# shellcheck source=scripts/services.sh
source "$LMS_REPO/scripts/services.sh"

if [[ -n ${STATUS_TARGETS:-} ]]; then
  for target in $STATUS_TARGETS; do
    svc_status_line "${target%%=*}" "${target#*=}" running ''
  done
else
  services_status
fi
