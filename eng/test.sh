#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against the AppHost's RabbitMQ, Redis and PostgreSQL,
# end-to-end and browser tests through the AppHost. Installs what is missing first.
# Ends with one line "N passed, N failed[, N skipped]" and a non-zero exit when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

bash eng/install-prerequisites.sh || exit 1

results=TestResults
rm -rf "$results"
dotnet test --solution AutoReply.sln --max-parallel-test-modules 1 \
  --results-directory "$results" --report-xunit-ctrf "$@"
status=$?

python3 - "$results" "$status" <<'PY'
import glob, json, sys
results, status = sys.argv[1], int(sys.argv[2])
passed = failed = skipped = 0
for path in glob.glob(f"{results}/**/*.ctrf*", recursive=True):
    report = json.load(open(path))["results"]
    summary = report["summary"]
    passed += summary.get("passed", 0)
    failed += summary.get("failed", 0)
    skipped += summary.get("skipped", 0)
    # CI keeps only part of a long log: name each failure again here, next to the last line.
    for test in report.get("tests", []):
        if test.get("status") == "failed":
            message = " | ".join(line.strip() for line in (test.get("message") or "").strip().splitlines()[:40])
            print(f"FAILED {test.get('name')}: {message}"[:4000])
if status != 0 and failed == 0:
    failed = 1  # the run failed before reporting (a build error, a crashed test host)
line = f"{passed} passed, {failed} failed"
print(line + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or status else 0)
PY
