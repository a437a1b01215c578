# Sourced by start_postgres.sh, stop_postgres.sh and test.sh: where the throwaway test
# PostgreSQL lives and how to run its tools (as the postgres user when we are root).
PG_PORT="${GSB_TEST_PG_PORT:-54329}"
PGDATA="${GSB_TEST_PGDATA:-/tmp/gsb-test-pg-$PG_PORT}"
PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
