#!/usr/bin/env bash
# The README's test command: builds the solution, starts the servers the integration tests need
# (PostgreSQL 15 on 127.0.0.1, installed from Debian packages if missing), runs every test and ends
# with the plain line "N passed, N failed, N skipped" computed from the test results.
#
# SINGLEVIEW_REQUIRE_SERVERS=1 (set by .ci/run) turns a server that cannot be started into a test
# failure instead of a skip.
set -uo pipefail
cd "$(dirname "$0")"

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

# shellcheck source=scripts/start-postgres.sh
source scripts/start-postgres.sh

dotnet test SingleView.sln --nologo --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then
  # The build failed before any test ran: count it as a failure so it cannot look green.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
