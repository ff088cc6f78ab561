#!/usr/bin/env bash
# Sourced by test.sh: makes a PostgreSQL 15 server answer on 127.0.0.1:5432 and exports
# SINGLEVIEW_TEST_POSTGRES for the integration tests. Installs Debian's package when missing.
# Failure here is not fatal: the tests that need the server fail or skip, as SINGLEVIEW_REQUIRE_SERVERS says.

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "start-postgres: PostgreSQL is not installed and this is not root; PostgreSQL tests cannot run" >&2
      return 1
    fi
    echo "start-postgres: installing PostgreSQL 15 from Debian packages" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || return 1
  fi
  local cluster
  cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    pg_createcluster 15 main >/dev/null || return 1
    cluster="15 main"
  fi
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster start 2>/dev/null || true
  for _ in $(seq 1 30); do
    if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
    sleep 1
  done
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null || return 1
  export SINGLEVIEW_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres"
  echo "start-postgres: PostgreSQL answering on 127.0.0.1:5432" >&2
}

start_postgres || echo "start-postgres: PostgreSQL is not available" >&2
