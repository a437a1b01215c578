#!/usr/bin/env bash
# Install, build the demonstration store on first run, and serve the dashboard.
source "$(dirname "$0")/_venv.sh"
install_requirements requirements.txt
# The ETL steps write: with production roles (README, Despliegue) they use ETL_DATABASE_URL, the
# dashboard DATABASE_URL (a read-only role).
etl() { DATABASE_URL="${ETL_DATABASE_URL:-${DATABASE_URL:-}}" .venv/bin/python -m etl "$@"; }
if ! .venv/bin/python -c "from store.engine import store_exists; raise SystemExit(0 if store_exists() else 1)"; then
  echo "No store yet: building the DEMONSTRATION store (generated data, not official MEF figures)..."
  etl demo
else
  etl upgrade || exit 1    # a store from an older version of the code
fi
export HOST="${HOST:-127.0.0.1}" PORT="${PORT:-8050}"
echo "Dashboard: http://$HOST:$PORT/  (Ctrl+C to stop)"
exec .venv/bin/gunicorn -c gunicorn.conf.py app:server
