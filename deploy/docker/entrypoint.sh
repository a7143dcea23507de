#!/bin/sh
# Starts the service this image holds ($LMS_ASSEMBLY). ECS hands the database password over on its own
# (DATABASE_PASSWORD, from the service's secret in Secrets Manager) so that it appears in no task definition;
# it is joined to the connection string here. Locally and in compose the connection string is complete already.
set -eu
if [ -n "${DATABASE_PASSWORD:-}" ]; then
  : "${ConnectionStrings__Database:?ConnectionStrings__Database must be set when DATABASE_PASSWORD is}"
  ConnectionStrings__Database="${ConnectionStrings__Database};Password=${DATABASE_PASSWORD}"
  export ConnectionStrings__Database
  unset DATABASE_PASSWORD
fi
exec dotnet "/app/${LMS_ASSEMBLY}.dll" "$@"
