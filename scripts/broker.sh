#!/usr/bin/env bash
# Fault control of the local RabbitMQ, for tests that need the broker to go away
# and come back.
#   scripts/broker.sh stop|start   stop or start the AMQP application (the Erlang node stays up)
#   scripts/broker.sh kill         kill -9 the node, as a crash would (unacknowledged deliveries are redelivered)
#   scripts/broker.sh revive       boot the node again after a kill and wait until it accepts connections
#   scripts/broker.sh dead            messages waiting in the platform's _error queues (consumers gave up on them)
#   scripts/broker.sh status
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/infra.sh
source "$LMS_REPO/scripts/infra.sh"

BROKER_TIMEOUT=60

broker_stop() {
  rabbitmqctl_lms -q stop_app >/dev/null || die "rabbitmqctl stop_app failed"
  wait_for "$BROKER_TIMEOUT" broker_port_closed ||
    die "AMQP port $RABBITMQ_PORT still open ${BROKER_TIMEOUT}s after stop_app"
  echo "broker stopped (port $RABBITMQ_PORT closed)"
}

broker_start() {
  rabbitmqctl_lms -q start_app >/dev/null || die "rabbitmqctl start_app failed"
  wait_for "$BROKER_TIMEOUT" port_open "$RABBITMQ_PORT" ||
    die "AMQP port $RABBITMQ_PORT not open ${BROKER_TIMEOUT}s after start_app"
  echo "broker started (port $RABBITMQ_PORT open)"
}

broker_port_closed() { ! port_open "$RABBITMQ_PORT"; }

broker_kill() {
  local pid
  pid=$(pid_of rabbitmq)
  pid_matches "$pid" "$(rabbitmq_mark)" || die "no running RabbitMQ node of this repository to kill"
  kill -KILL "$pid"
  wait_for "$BROKER_TIMEOUT" broker_port_closed ||
    die "AMQP port $RABBITMQ_PORT still open ${BROKER_TIMEOUT}s after kill -9 of pid $pid"
  echo "broker killed (pid $pid, port $RABBITMQ_PORT closed)"
}

broker_revive() {
  rabbitmq_start
  echo "broker revived (port $RABBITMQ_PORT open)"
}

broker_dead() {
  rabbitmqctl_lms -q list_queues -p lms name messages |
    awk '$1 ~ /_error$/ { total += $2; if ($2 > 0) print $1 ": " $2 >"/dev/stderr" } END { print total + 0 }'
}

case ${1:-} in
  stop) broker_stop ;;
  start) broker_start ;;
  kill) broker_kill ;;
  revive) broker_revive ;;
  dead) broker_dead ;;
  status) if port_open "$RABBITMQ_PORT"; then echo up; else echo down; fi ;;
  *) die "usage: $0 stop|start|kill|revive|dead|status" ;;
esac
