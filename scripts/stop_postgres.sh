#!/usr/bin/env bash
# Stop the test PostgreSQL started by start_postgres.sh and remove its data.
PORT="${GSB_TEST_PG_PORT:-54329}"
PGDATA="${GSB_TEST_PGDATA:-/tmp/gsb-test-pg-$PORT}"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] && [ -d "$PGDATA" ] || exit 0
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop; else "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop; fi
rm -rf "$PGDATA"
