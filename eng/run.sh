#!/usr/bin/env bash
# Starts the whole system for development: installs what is missing, then runs the Aspire
# AppHost, which starts RabbitMQ, Redis and PostgreSQL, the four services and the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install-prerequisites.sh
# Aspire's orphan detection: the AppHost stops when the process with this id ends. After exec,
# that is dotnet run itself, which does not stop the AppHost when it is killed.
export ASPIRE_CLI_PID=$$
exec dotnet run --project AppHost "$@"
