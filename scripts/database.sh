#!/usr/bin/env bash
# Fault control of the local MariaDB, for tests that need the database to go away and come back.
#   scripts/database.sh restart   stop the server (clean shutdown) and start it again, waiting until it answers
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/infra.sh
source "$LMS_REPO/scripts/infra.sh"

case ${1:-} in
  restart)
    stop_pid mariadb "$(mariadb_mark)" TERM 60
    infra_start_part mariadb 60
    echo "database restarted"
    ;;
  *) die "usage: $0 restart" ;;
esac
