#!/usr/bin/env bash
# Install everything the tests need (Python packages, Chromium, LibreOffice Calc, PostgreSQL), start a
# throwaway PostgreSQL on loopback, and run the whole suite. Fails loudly if anything is missing.
source "$(dirname "$0")/_venv.sh"
install_requirements requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
if ! command -v soffice >/dev/null; then apt_install libreoffice-calc-nogui; fi
if ! command -v pdftotext >/dev/null; then apt_install poppler-utils; fi   # the printed report's tests read PDFs
source scripts/_pg.sh
STARTED_PG=""
if ! (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then STARTED_PG=1; fi   # stop only what we start
GSB_DATA_DIR="$(mktemp -d)"   # never touch the user's store
export GSB_DATA_DIR
trap 'rm -rf "$GSB_DATA_DIR"; if [ -n "$STARTED_PG" ]; then bash scripts/stop_postgres.sh >/dev/null 2>&1 || true; fi' EXIT
export TEST_POSTGRES_URL="$(bash scripts/start_postgres.sh)"
.venv/bin/python -m pytest -p no:cacheprovider "$@"
