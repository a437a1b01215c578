#!/usr/bin/env bash
# Stop the test PostgreSQL started by start_postgres.sh and remove its data.
source "$(dirname "$0")/_pg.sh"
PGBIN="$(pg_bin)"
[ -n "$PGBIN" ] && [ -d "$PGDATA" ] || exit 0
pg_run "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop
rm -rf "$PGDATA"
