#!/usr/bin/env bash
# Starts the whole system for development: installs RabbitMQ, Redis and PostgreSQL if missing,
# then runs the AppHost, which starts private instances of them and the four services.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install-servers.sh
exec dotnet run --project AppHost "$@"
