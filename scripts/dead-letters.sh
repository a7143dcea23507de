#!/usr/bin/env bash
# Outbox dead letters of one service: rows its outbox relay gave up on because they failed for a reason of their own
# (type not resolvable, not serializable, refused by the broker) Outbox:MaxAttempts times. They wait in the service's
# outbox_dead_letters table, and /health/ready says Degraded, until someone looks.
#   scripts/dead-letters.sh list SERVICE          what is there, oldest first, with the error
#   scripts/dead-letters.sh requeue ID SERVICE    move one back into the outbox
#   scripts/dead-letters.sh requeue-all SERVICE   move all back, in their original order
# A re-queued row keeps its message id (consumers' inboxes still drop a copy they already handled), gets a new place
# at the END of the outbox order and zero attempts; the running relay publishes it within its poll interval. Fix the
# cause first (deploy the code that knows the type, or correct message_type/payload in outbox_dead_letters), or it
# comes back after MaxAttempts.
# Connects over TCP as the service's own database user. DEAD_LETTERS_DATABASE, DEAD_LETTERS_USER,
# DEAD_LETTERS_PASSWORD, DEAD_LETTERS_HOST and DEAD_LETTERS_PORT point it elsewhere (the tests use them).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/infra.sh
source "$LMS_REPO/scripts/infra.sh"
# shellcheck source=scripts/services.sh
source "$LMS_REPO/scripts/services.sh"

usage() {
  cat >&2 <<USAGE
usage: ./lms dead-letters list SERVICE
       ./lms dead-letters requeue ID SERVICE
       ./lms dead-letters requeue-all SERVICE
SERVICE is one of: $(svc_db_names | tr '\n' ' ')
USAGE
  exit 2
}

dl_sql() {
  local svc=$1
  shift
  MYSQL_PWD=${DEAD_LETTERS_PASSWORD:-lms_${svc}_pw} mariadb --protocol=TCP \
    -h "${DEAD_LETTERS_HOST:-$LMS_HOST}" -P "${DEAD_LETTERS_PORT:-$MARIADB_PORT}" \
    -u "${DEAD_LETTERS_USER:-lms_$svc}" "${DEAD_LETTERS_DATABASE:-lms_$svc}" "$@"
}

dl_list() {
  local svc=$1 count
  count=$(dl_sql "$svc" --batch --skip-column-names -e 'SELECT COUNT(*) FROM outbox_dead_letters')
  if [[ $count == 0 ]]; then
    echo "$svc: no dead letters"
    return 0
  fi
  echo "$svc: $count dead letter(s) (./lms dead-letters requeue ID $svc to publish one again):"
  dl_sql "$svc" --table -e "
    SELECT id, original_sequence AS was_sequence, message_id, message_type, attempts,
           DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_utc,
           DATE_FORMAT(dead_lettered_at, '%Y-%m-%d %H:%i:%s') AS dead_lettered_utc,
           LEFT(error, 160) AS error
    FROM outbox_dead_letters ORDER BY original_sequence"
}

# Moves the rows WHERE $2 back to the outbox in one transaction and prints how many moved. INSERT … SELECT … ORDER BY
# hands out the new sequence numbers in that order, after every row already in the outbox.
dl_requeue() {
  local svc=$1 where=$2 moved
  moved=$(dl_sql "$svc" --batch --skip-column-names -e "
    START TRANSACTION;
    SELECT COUNT(*) INTO @moving FROM outbox_dead_letters WHERE $where FOR UPDATE;
    INSERT INTO outbox_messages (message_id, message_type, payload, trace_parent, trace_state, created_at, sent_at, attempts, last_error)
      SELECT message_id, message_type, payload, trace_parent, trace_state, created_at, NULL, 0, NULL
      FROM outbox_dead_letters WHERE $where ORDER BY original_sequence;
    DELETE FROM outbox_dead_letters WHERE $where;
    COMMIT;
    SELECT @moving;")
  printf '%s\n' "$moved"
}

cmd=${1:-}
case $cmd in
  list)
    [[ $# -eq 2 ]] || usage
    svc=$2
    ;;
  requeue)
    [[ $# -eq 3 ]] || usage
    id=$2 svc=$3
    [[ $id =~ ^[0-9]+$ ]] || die "ID must be the number in the id column of ./lms dead-letters list $svc, not '$id'"
    ;;
  requeue-all)
    [[ $# -eq 2 ]] || usage
    svc=$2
    ;;
  *) usage ;;
esac
svc_db_names | grep -qx -- "$svc" || die "unknown service '$svc' (one of: $(svc_db_names | tr '\n' ' '))"
command -v mariadb >/dev/null || die "the mariadb client is not installed (./lms infra installs it)"

case $cmd in
  list) dl_list "$svc" ;;
  requeue)
    moved=$(dl_requeue "$svc" "id = $id")
    [[ $moved == 1 ]] || die "$svc has no dead letter with id $id (./lms dead-letters list $svc)"
    echo "$svc: dead letter $id re-queued at the end of the outbox; the relay publishes it next"
    ;;
  requeue-all)
    moved=$(dl_requeue "$svc" "TRUE")
    echo "$svc: $moved dead letter(s) re-queued at the end of the outbox, in their original order"
    ;;
esac
