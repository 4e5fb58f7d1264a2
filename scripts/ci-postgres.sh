#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 cluster and makes the OneTrip role and database
# (idempotent). Prints the URL to use as TEST_DATABASE_URL / DATABASE_URL.
set -euo pipefail
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
psql_as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -tAc \"$1\""; }
if [ -z "$(psql_as_postgres "select 1 from pg_roles where rolname='onetrip'")" ]; then
  psql_as_postgres "create role onetrip login createdb password 'onetrip'" >&2
fi
if [ -z "$(psql_as_postgres "select 1 from pg_database where datname='onetrip'")" ]; then
  psql_as_postgres "create database onetrip owner onetrip" >&2
fi
echo "postgres://onetrip:onetrip@127.0.0.1:5432/onetrip"
