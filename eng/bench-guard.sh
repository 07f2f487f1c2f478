#!/usr/bin/env bash
# The benchmark's regression guard (README "Drill and benchmark"): a short run of the realistic mix
# in Release, compared with bench/baseline.json. Fails when cpu_ms_per_event or the ratio to the raw
# bus (both from the same run, so a slower machine cancels out) is more than 30 % worse.
# Raising the baseline is a reviewed change: run this, then copy its figures into bench/baseline.json.
set -uo pipefail
cd "$(dirname "$0")/.."

bash eng/install-prerequisites.sh >/dev/null || exit 1
dotnet build -c Release bench/AutoReply.Drill -v q -nologo || exit 1

arguments=$(python3 -c 'import json; print(json.load(open("bench/baseline.json"))["arguments"])')
log=$(mktemp)
# shellcheck disable=SC2086
dotnet run -c Release --no-build --project bench/AutoReply.Drill -- --Mode bench $arguments | tee "$log"
status=${PIPESTATUS[0]}
line=$(grep '^sustained_eps=' "$log" | tail -1)
rm -f "$log"
if [ "$status" -ne 0 ] || [ -z "$line" ]; then
  echo "bench-guard: the benchmark did not finish"
  exit 1
fi

python3 - "$line" <<'PY'
import json, sys
measured = dict(pair.split("=") for pair in sys.argv[1].split())
baseline = json.load(open("bench/baseline.json"))
tolerance = baseline["tolerance"]
cpu, ratio = float(measured["cpu_ms_per_event"]), float(measured["ratio"])
checks = [
    ("cpu_ms_per_event", cpu, baseline["cpu_ms_per_event"], cpu <= baseline["cpu_ms_per_event"] * (1 + tolerance)),
    ("ratio", ratio, baseline["ratio"], ratio >= baseline["ratio"] / (1 + tolerance)),
]
for name, value, base, ok in checks:
    print(f"bench-guard: {name}={value} baseline={base} {'ok' if ok else f'more than {tolerance:.0%} worse'}")
sys.exit(0 if all(ok for *_, ok in checks) else 1)
PY
