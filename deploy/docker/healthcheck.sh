#!/bin/bash
# Health probe without curl or wget (the ASP.NET runtime image has neither): GET a path on the local port and
# succeed on 200. Docker's HEALTHCHECK and ECS use /health/live; compose waits on /health/ready.
#   lms-healthcheck /health/ready
set -eu
path=${1:-/health/live}
exec 3<>"/dev/tcp/127.0.0.1/${ASPNETCORE_HTTP_PORTS:-8080}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
read -r -t 5 _ status _ <&3
[ "$status" = 200 ]
