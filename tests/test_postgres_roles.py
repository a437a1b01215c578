"""Production roles on PostgreSQL (scripts/postgres_roles.sql): the ETL loads with its role, the
dashboard reads with a role that cannot write."""
from __future__ import annotations

import os
import re
import uuid

import pytest
import sqlalchemy as sa

from conftest import ROOT, snapshot
from fixtures import build_tiny_store

SQL = ROOT / "scripts" / "postgres_roles.sql"


def _statements(names: dict[str, str]) -> list[str]:
    text = "\n".join(line for line in SQL.read_text().splitlines() if not line.lstrip().startswith("--"))
    for old, new in names.items():
        text = re.sub(rf"\b{old}\b", new, text)
    return [s.strip() for s in text.split(";") if s.strip()]


@pytest.fixture
def roles(tmp_path):
    base = os.environ.get("TEST_POSTGRES_URL")
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_POSTGRES_URL is not set: the test command must start PostgreSQL")
        pytest.skip("no PostgreSQL server (set TEST_POSTGRES_URL)")
    tag = uuid.uuid4().hex[:8]
    names = {"gsb_etl": f"gsb_etl_{tag}", "gsb_app": f"gsb_app_{tag}", "gsb": f"gsb_roles_{tag}"}
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{names["gsb"]}"')
    server = base.rsplit("/", 1)[0]
    db_admin = sa.create_engine(f"{server}/{names['gsb']}", isolation_level="AUTOCOMMIT")
    stmts = _statements(names)
    with admin.connect() as c:           # roles and the database grant: cluster level
        for s in stmts[:3]:
            c.exec_driver_sql(s)
    with db_admin.connect() as c:        # schema grants: inside the database
        for s in stmts[3:]:
            c.exec_driver_sql(s)
    db_admin.dispose()
    host = server.split("@", 1)[1]
    etl = f"postgresql+psycopg://{names['gsb_etl']}:change-me-etl@{host}/{names['gsb']}"
    app = f"postgresql+psycopg://{names['gsb_app']}:change-me-app@{host}/{names['gsb']}"
    yield etl, app
    from store.engine import dispose_read_engines
    dispose_read_engines(f"postgresql+psycopg://{names['gsb_app']}")
    dispose_read_engines(f"postgresql+psycopg://{names['gsb_etl']}")
    with admin.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{names["gsb"]}" WITH (FORCE)')
        c.exec_driver_sql(f'DROP ROLE IF EXISTS "{names["gsb_app"]}"')
        c.exec_driver_sql(f'DROP ROLE IF EXISTS "{names["gsb_etl"]}"')
    admin.dispose()


def test_the_etl_writes_and_the_dashboard_only_reads(roles, tmp_path, monkeypatch):
    etl, app = roles
    monkeypatch.setenv("GSB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DATABASE_URL", etl)
    build_tiny_store(tmp_path / "data")                       # etl load, as the ETL's role
    from settings import get_settings
    from store.budget import overview_kpis
    from store.engine import write_transaction
    from store.schema import store_info

    monkeypatch.setenv("DATABASE_URL", app)
    s = get_settings()
    kpis = overview_kpis(2010, settings=s)                    # reads work: PIM of 2010 in the tiny store
    assert float(kpis["pim"].sum()) == 1200 + 400 + 400 + 0
    before = snapshot(s)
    with pytest.raises(sa.exc.SQLAlchemyError) as err:         # and nothing can be written
        with write_transaction(s) as conn:
            conn.execute(store_info.insert().values(key="intruder", value="x"))
    assert "read-only" in str(err.value) or "permission denied" in str(err.value)
    engine = sa.create_engine(app)
    with engine.connect() as c, pytest.raises(sa.exc.SQLAlchemyError):
        c.exec_driver_sql("SET default_transaction_read_only = off")
        c.exec_driver_sql("DELETE FROM budget_line")
    engine.dispose()
    assert snapshot(s) == before
