#!/usr/bin/env bash
# Stop or start the RabbitMQ application of the local node (the Erlang node
# stays up), for fault tests that need the broker to go away and come back.
#   scripts/broker.sh stop|start|status
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

case ${1:-} in
  stop) broker_stop ;;
  start) broker_start ;;
  status) if port_open "$RABBITMQ_PORT"; then echo up; else echo down; fi ;;
  *) die "usage: $0 stop|start|status" ;;
esac
