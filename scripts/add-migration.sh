#!/usr/bin/env bash
# Adds an EF Core migration to one service:  scripts/add-migration.sh Identity AddProfile
# dotnet-ef 9 (matching EF Core 9) is installed as a local tool on first use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
service=${1:?usage: scripts/add-migration.sh <Service> <MigrationName>}
name=${2:?usage: scripts/add-migration.sh <Service> <MigrationName>}
project="services/$service/Lms.$service.csproj"
[[ -f $project ]] || { echo "error: no project $project" >&2; exit 1; }

dotnet tool restore >/dev/null
# The tool targets .NET 8; this machine has only the .NET 10 runtime.
DOTNET_ROLL_FORWARD=Major dotnet ef migrations add "$name" \
  --project "$project" --output-dir Data/Migrations \
  --msbuildprojectextensionspath "artifacts/obj/Lms.$service/"
