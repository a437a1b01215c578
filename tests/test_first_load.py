"""A clean first load: right after gunicorn starts, the index and a burst of JavaScript bundle
requests all succeed (plotly/dash issue 3971; app.finish_setup). Served exactly as
scripts/run.sh serves (gunicorn.conf.py: gthread workers)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import ROOT
from fixtures import build_tiny_store

GUNICORN = Path(sys.executable).parent / "gunicorn"
BURST = 40


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bundles(env: dict) -> list[str]:
    """The index's script URLs, read once in a separate process (warming nothing in gunicorn)."""
    code = ("import app, re\nc = app.server.test_client()\nhtml = c.get('/').get_data(as_text=True)\n"
            "print('\\n'.join(re.findall(r'src=\"(/_dash-component-suites/[^\"]+)\"', html)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return [u for u in out.stdout.split() if u]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _wait_for_port(port: int, proc: subprocess.Popen) -> None:
    """Until the port accepts connections (not until a request succeeds: that is the test)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"gunicorn exited: {proc.stderr.read()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.01)
    raise AssertionError("gunicorn did not open its port within 60 s")


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed in this environment")
def test_no_request_fails_while_a_worker_starts(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "GSB_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)
    old = os.environ.get("GSB_DATA_DIR")
    os.environ["GSB_DATA_DIR"] = str(data)
    try:
        build_tiny_store(data)
    finally:
        if old is None:
            os.environ.pop("GSB_DATA_DIR")
        else:
            os.environ["GSB_DATA_DIR"] = old
    bundles = _bundles(env)
    assert len(bundles) >= 5, bundles          # dash's renderer, react, plotly, AG Grid, bootstrap...
    failures = []
    for restart in range(3):
        port = _free_port()
        run_env = {**env, "HOST": "127.0.0.1", "PORT": str(port), "WORKERS": "2"}
        proc = subprocess.Popen([str(GUNICORN), "-c", "gunicorn.conf.py", "app:server"], cwd=ROOT, env=run_env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            _wait_for_port(port, proc)
            base = f"http://127.0.0.1:{port}"
            urls = [base + "/"] + [base + bundles[i % len(bundles)] for i in range(BURST)]
            with ThreadPoolExecutor(max_workers=len(urls)) as pool:
                codes = list(pool.map(_get, urls))
            failures += [(restart, u, c) for u, c in zip(urls, codes) if c != 200]
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
    assert failures == [], f"{len(failures)} of {3 * (BURST + 1)} requests failed: {failures[:5]}"


def test_the_setup_is_done_at_import():
    """Dash's 'done' flag is set and its library registry filled before any request."""
    import app
    assert app.app._got_first_request["setup_server"] is True
    assert {"dash", "dash_ag_grid", "dash_bootstrap_components"} <= set(app.app.registered_paths)
