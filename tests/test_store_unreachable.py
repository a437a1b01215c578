"""When the PostgreSQL server goes away under a running app, /healthz answers 503 and pages say
so (and reload themselves); when it returns, both recover without a restart of the app.

Uses its OWN throwaway PostgreSQL server (another port and data folder, scripts/_pg.sh), never
the shared test server."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import uuid

import pytest

from conftest import ROOT
from dash_tree import text
from fixtures import build_tiny_store


def _pg(env: dict, action: str) -> str:
    """start (fresh, via scripts/start_postgres.sh), stop or restart (keeping the data)."""
    if action == "start":
        cmd = ["bash", "scripts/start_postgres.sh"]
    else:
        ctl = ('source scripts/_pg.sh; PGBIN="$(pg_bin)"; ' + (
            'pg_run "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop' if action == "stop" else
            'pg_run "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w '
            '-o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off" start'))
        cmd = ["bash", "-c", ctl]
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def private_pg(tmp_path):
    has_pg = bool(subprocess.run(["bash", "-c", "source scripts/_pg.sh; pg_bin"], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip())
    if not has_pg:
        if os.environ.get("CI") == "true":
            pytest.fail("no PostgreSQL server binaries: the test command must install them")
        pytest.skip("no PostgreSQL server binaries")
    port = _free_port()
    data = f"/tmp/gsb-private-pg-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "GSB_TEST_PG_PORT": str(port), "GSB_TEST_PGDATA": data}
    url = _pg(env, "start")
    try:
        yield env, url
    finally:
        subprocess.run(["bash", "scripts/stop_postgres.sh"], cwd=ROOT, env=env, capture_output=True, timeout=120)
        shutil.rmtree(data, ignore_errors=True)


def test_pages_and_healthz_follow_the_database_down_and_back(private_pg, tmp_path, monkeypatch):
    env, url = private_pg
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("GSB_DATA_DIR", str(tmp_path / "data"))
    build_tiny_store(tmp_path / "data")
    import app
    import pages.overview as overview
    from store.engine import dispose_read_engines
    client = app.server.test_client()

    def page_text() -> str:
        with app.server.test_request_context("/"):
            return text(overview.layout())

    def routed() -> str:
        """The page as the browser gets it: the router callback, through the answer cache."""
        body = {"output": ".._pages_content.children..._pages_store.data..",
                "outputs": [{"id": "_pages_content", "property": "children"},
                            {"id": "_pages_store", "property": "data"}],
                "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/"},
                           {"id": "_pages_location", "property": "search", "value": "?year=2010"}],
                "changedPropIds": ["_pages_location.pathname"], "state": []}
        r = client.post("/_dash-update-component", json=body)
        assert r.status_code == 200, r.get_data(as_text=True)[:300]
        return r.get_data(as_text=True)

    def health() -> tuple[int, dict]:
        r = client.get("/healthz")
        return r.status_code, json.loads(r.get_data(as_text=True))

    try:
        code, body = health()
        assert code == 200 and body["status"] == "ok" and body["backend"] == "postgresql", body
        assert body["fiscal_years"] == [2010, 2011] and body["identity"]
        assert "password" not in json.dumps(body)
        up_text = page_text()
        assert "La base de datos no responde" not in up_text
        up_routed = routed()
        assert "overview-state" in up_routed and routed() == up_routed      # the second from the cache

        _pg(env, "stop")
        code, body = health()
        assert code == 503 and body["status"] == "unreachable", body
        down_text = page_text()
        assert "La base de datos no responde" in down_text and "cada 10 segundos" in down_text
        assert "store-retry" in down_text               # the page reloads itself until the database answers
        assert "La base de datos no responde" in routed() and "overview-state" not in routed()

        _pg(env, "restart")
        code, body = health()
        assert code == 200 and body["status"] == "ok", body
        assert page_text() == up_text
        assert routed() == up_routed
    finally:
        dispose_read_engines(url.rsplit("/", 1)[0])


def test_healthz_without_a_store_is_503(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("GSB_DATA_DIR", str(tmp_path / "empty"))
    import app
    r = app.server.test_client().get("/healthz")
    assert r.status_code == 503 and json.loads(r.get_data(as_text=True))["status"] == "no store"
