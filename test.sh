#!/usr/bin/env bash
# The README's test command: builds the solution, starts the servers the integration tests need
# (PostgreSQL 15 on 127.0.0.1, installed from Debian packages if missing), runs every test project
# and ends with the plain line "N passed, N failed, N skipped" computed from the test results.
#
# SINGLEVIEW_REQUIRE_SERVERS=1 (set by .ci/run) turns a server that cannot be started into a test
# failure instead of a skip. Extra arguments go to every `dotnet test` (e.g. --filter).
set -uo pipefail
cd "$(dirname "$0")"

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

# shellcheck source=scripts/start-postgres.sh
source scripts/start-postgres.sh
source scripts/start-sshd.sh
source scripts/start-chromium.sh
source scripts/start-postfix.sh

status=0
if ! dotnet build SingleView.sln --nologo -v quiet; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# One run per test project, each writing its own results file, so counts cannot collide.
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host crashed or a project wrote no results: count it so the run cannot look green.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
