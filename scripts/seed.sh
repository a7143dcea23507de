#!/usr/bin/env bash
# Demo data: the identity service creates one confirmed account per role at start-up (Demo__SeedAccounts,
# set by scripts/services.sh). This checks that each can sign in and prints them.
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
