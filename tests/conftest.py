"""Shared fixtures: a fresh store on each backend (DuckDB file, real PostgreSQL server)."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent

REAL_DATA = ROOT.parent / "shared" / "data" / "real"


def _postgres_url() -> str | None:
    return os.environ.get("TEST_POSTGRES_URL")


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request, tmp_path, monkeypatch):
    """Settings for an empty store; the environment points the CLI at it too."""
    from settings import get_settings
    monkeypatch.setenv("GSB_DATA_DIR", str(tmp_path / "data"))
    if request.param == "duckdb":
        monkeypatch.delenv("DATABASE_URL", raising=False)
        yield get_settings()
        return
    base = _postgres_url()
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_POSTGRES_URL is not set: the test command must start PostgreSQL")
        pytest.skip("no PostgreSQL server (set TEST_POSTGRES_URL; scripts/test.sh starts one)")
    name = f"gsb_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = base.rsplit("/", 1)[0] + "/" + name
    monkeypatch.setenv("DATABASE_URL", url)
    yield get_settings()
    from store.engine import dispose_read_engines
    with monkeypatch.context() as mp:            # the URL as read_engine keys it, whatever the test set
        mp.setenv("DATABASE_URL", url)
        dispose_read_engines(get_settings().database_url)
    with admin.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def duck_store(tmp_path, monkeypatch):
    """A DuckDB-only store, for tests about the file itself."""
    from settings import get_settings
    monkeypatch.setenv("GSB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return get_settings()


def snapshot(settings) -> dict:
    """Every column and row of every table, sorted: to prove a failed load or upgrade changed
    nothing (read without the schema-version check, so an old store can be compared too)."""
    from store.engine import StoreMissing, unchecked_engine
    try:
        engine = unchecked_engine(settings)
    except StoreMissing:
        return {"<no store>": None}
    out = {}
    try:
        with engine.connect() as conn:
            for name in sorted(sa.inspect(conn).get_table_names()):
                result = conn.exec_driver_sql(f'SELECT * FROM "{name}"')
                cols, rows = list(result.keys()), result.fetchall()
                out[name] = (sorted(cols), sorted(tuple(f"{c}={v}" for c, v in sorted(zip(cols, r)))
                                                  for r in rows))
    finally:
        engine.dispose()
    return out


@pytest.fixture
def used(monkeypatch):
    """The summary tables the store's statements were rewritten to, in order (store/summaries.py):
    tests that compare answers with and without summaries also prove the summaries were read."""
    from store import summaries
    seen: list[str] = []
    rewrite = summaries._rewrite

    def spy(stmt, table, counts):
        seen.append(table.name)
        return rewrite(stmt, table, counts)
    monkeypatch.setattr(summaries, "_rewrite", spy)
    return seen
