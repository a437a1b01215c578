"""Browser-test fixtures: Debian's Chromium for pytest-playwright, and the app in a subprocess
on a free port against a small demo store built in a temporary folder."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM = Path("/usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    """No Chromium: skip here, fail in CI (a green CI must not hide untested pages)."""
    if CHROMIUM.exists():
        return
    here = Path(__file__).resolve().parent
    ours = [i for i in items if here in Path(str(i.fspath)).resolve().parents]
    if not ours:
        return
    if os.environ.get("CI") == "true":
        for item in ours:
            item.add_marker(pytest.mark.usefixtures("_chromium_required"))
    else:
        for item in ours:
            item.add_marker(pytest.mark.skip(reason="/usr/bin/chromium missing (apt-get install -y chromium)"))


@pytest.fixture
def _chromium_required():
    pytest.fail("CI=true but /usr/bin/chromium is missing: install Debian's chromium package")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM),
            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_data_dir(tmp_path_factory) -> Path:
    """The folder of the browser tests' store, for tests that check the page against its reads."""
    return tmp_path_factory.mktemp("browser-store")


@pytest.fixture(scope="session")
def app_url(app_data_dir):
    """The dashboard on 127.0.0.1:PORT, serving a demo store of two years (2010, 2011)."""
    data_dir = app_data_dir
    env = {**os.environ, "GSB_DATA_DIR": str(data_dir), "HOST": "127.0.0.1", "PORT": str(_free_port()),
           "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    build = f"import pathlib, fixtures; fixtures.build_sample_store(pathlib.Path({str(data_dir)!r}))"
    subprocess.run([sys.executable, "-c", build], cwd=ROOT, check=True,
                   env={**env, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])})
    log = open(data_dir / "app.log", "w")
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{env['PORT']}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/_dash-layout", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(f"app exited: {(data_dir / 'app.log').read_text()}")
                time.sleep(0.1)
        else:
            raise RuntimeError("app did not start in 10 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
