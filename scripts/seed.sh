#!/usr/bin/env bash
# Demo data for the local platform: one account per role of DOMAIN.md, signed up through the identity
# service. Idempotent: an account that exists already (409) is left as it is.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/infra.sh
source "$LMS_REPO/scripts/infra.sh"
# shellcheck source=scripts/services.sh
source "$LMS_REPO/scripts/services.sh"

DEMO_PASSWORD='Demo-pass-2026!'
# username  name  (the email is <username>@demo.lms)
DEMO_ACCOUNTS=(
  "admin      관리자"
  "manager    김기관"
  "supervisor 이인사"
  "employee   박사원"
  "visitor    최방문"
)

seed_account() {
  local username=$1 name=$2 status
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$(svc_url identity)/identity/v1/signup" \
    -H 'Content-Type: application/json' \
    --data "{\"email\":\"$username@demo.lms\",\"username\":\"$username\",\"password\":\"$DEMO_PASSWORD\",\"name\":\"$name\"}")
  case $status in
    201) info "created $username@demo.lms" ;;
    409) info "exists  $username@demo.lms" ;;
    *) die "seeding $username@demo.lms: identity answered HTTP $status" ;;
  esac
}

for entry in "${DEMO_ACCOUNTS[@]}"; do
  # shellcheck disable=SC2086  # split the entry into its two fields
  seed_account $entry
done

echo "  demo accounts, password $DEMO_PASSWORD (sign-in and role grants come with the identity work):"
for entry in "${DEMO_ACCOUNTS[@]}"; do
  read -r username _ <<<"$entry"
  printf '    %s@demo.lms\n' "$username"
done
