#!/usr/bin/env bash
# Demo data: the identity service creates the demo accounts at start-up (Demo__SeedAccounts, set by
# scripts/services.sh); scripts/seed.py then builds an institution, courses, a company and provisions in
# each state through the API. This prints the accounts with the role each ends up with.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/infra.sh
source "$LMS_REPO/scripts/infra.sh"
# shellcheck source=scripts/services.sh
source "$LMS_REPO/scripts/services.sh"

# username  role
DEMO_ACCOUNTS=(
  "admin      Admin"
  "manager    InstitutionManager"
  "supervisor CompanySupervisor"
  "employee   Employee"
  "visitor    Visitor"
)

info "building demo organisations, courses and provisions (scripts/seed.py)"
LMS_DEMO_PASSWORD=$LMS_DEMO_PASSWORD LMS_GATEWAY="$(svc_url gateway)" python3 "$LMS_REPO/scripts/seed.py" ||
  die "scripts/seed.py failed"

echo "  demo accounts (password: $LMS_DEMO_PASSWORD):"
for entry in "${DEMO_ACCOUNTS[@]}"; do
  read -r username role <<<"$entry"
  # Straight to identity: the gateway's sign-in rate limit is for people, not for this check.
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$(svc_url identity)/identity/v1/signin" \
    -H 'Content-Type: application/json' \
    --data "{\"login\":\"$username\",\"password\":\"$LMS_DEMO_PASSWORD\"}")
  [[ $status == 200 ]] || die "demo account $username cannot sign in (HTTP $status); see ./lms logs identity"
  printf '    %-22s %s\n' "$username@demo.lms" "$role"
done
