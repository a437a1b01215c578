#!/usr/bin/env bash
# Install everything the tests need (Python packages, Chromium, PostgreSQL), start a
# throwaway PostgreSQL on loopback, and run the whole suite. Fails loudly if anything is missing.
source "$(dirname "$0")/_venv.sh"
install_requirements requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
PG_PORT="${GSB_TEST_PG_PORT:-54329}"
if ! (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
  trap 'bash scripts/stop_postgres.sh >/dev/null 2>&1 || true' EXIT   # stop only what we started
fi
export TEST_POSTGRES_URL="$(bash scripts/start_postgres.sh)"
export GSB_DATA_DIR="$(mktemp -d)"   # never touch the user's store
.venv/bin/python -m pytest -p no:cacheprovider "$@"
