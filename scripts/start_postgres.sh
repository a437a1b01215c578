#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the tests and print its URL.
# Installs Debian's postgresql when the server binaries are missing.
set -euo pipefail
HERE="$(dirname "$0")"
source "$HERE/_sys.sh"
source "$HERE/_pg.sh"
if [ ! -x "$(pg_bin)/initdb" ]; then apt_install postgresql; fi
PGBIN="$(pg_bin)"
if [ -f "$PGDATA/postmaster.pid" ] && pg_run "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  echo "$PG_URL"
  exit 0
fi
rm -rf "$PGDATA"
mkdir -p "$PGDATA"
if [ "$(id -u)" = 0 ]; then chown postgres "$PGDATA"; fi
pg_run "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 >/dev/null
pg_run "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "$PG_URL"
