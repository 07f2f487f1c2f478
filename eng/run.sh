#!/usr/bin/env bash
# Starts the whole system for development: installs what is missing, then runs the Aspire
# AppHost, which starts RabbitMQ, Redis and PostgreSQL, the services and the dashboard.
# Ctrl+C stops it all: the script returns once every process it started has exited.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install-prerequisites.sh

# Every process of this run inherits the marker; the script's own environment (read from /proc) does not have it.
marker="$$-$(date +%s%N)"
export AUTOREPLY_RUN="$marker"
# Aspire's orphan detection: the AppHost stops when this script ends, however it ends.
export ASPIRE_CLI_PID=$$

# Ctrl+C reaches dotnet run and the AppHost too (a foreground child: a background one would ignore it);
# the script stays to see them all out.
trap ':' INT TERM
status=0
dotnet run --project AppHost "$@" || status=$?

# The AppHost stops the services before it exits (AppHost/ServicesStopFirst.cs); Aspire's
# orchestrator (dcp) then stops the servers. This waits for every service and server of the run;
# dcp itself and the build servers of dotnet run are neither, and end on their own.
still_running() {
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    grep -qsza "^AUTOREPLY_RUN=$marker\$" "$environ" || continue
    pid=${environ#/proc/}; pid=${pid%/environ}
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qE '/dcp |MSBuild\.dll|VBCSCompiler|rzc\.dll' || return 0
  done
  return 1
}
for _ in $(seq 1 100); do
  still_running || break
  sleep 0.1
done
if still_running; then
  echo "run.sh: some services or servers of this run are still stopping" >&2
fi
exit "$status"
