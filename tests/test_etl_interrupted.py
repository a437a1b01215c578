"""A load killed at any moment leaves the store as it was, and the next load works."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import fixtures
from conftest import ROOT, snapshot

from etl.load import load_file


def _big_file(path, rows: int):
    """Many MEF rows quickly: one template line with a varying META."""
    lines = fixtures.csv_text([fixtures.row(ANO_EJE=2011, MES_EJE=3, MONTO_DEVENGADO="1.25", META="{meta}")])
    header, template = lines.splitlines()
    with open(path, "w") as fh:
        fh.write(header + "\n")
        block = "\n".join(template.replace("{meta}", f"{i % 9999:04d}") for i in range(10_000)) + "\n"
        for _ in range(rows // 10_000):
            fh.write(block)
    return path


def test_kill_during_load_keeps_previous_data(store, tmp_path):
    small = fixtures.write(tmp_path / "2010-Gasto.csv", fixtures.year_rows(2010, pim="55"))
    assert load_file(small, settings=store).status == "loaded"
    before = snapshot(store)
    big = _big_file(tmp_path / "2011-Gasto.csv", 1_500_000)
    env = {**os.environ}
    killed = 0
    for delay in (0.2, 0.8, 1.6, 2.5):
        proc = subprocess.Popen([sys.executable, "-m", "etl", "load", "--quiet", str(big)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed += 1
            assert snapshot(store) == before, f"store changed after a kill at {delay}s"
        else:   # finished before the kill: then the whole file is in
            after = snapshot(store)
            assert after != before
            break
    assert killed >= 1, "the load was too fast to interrupt; make the file bigger"
    # no stale lock or temp file blocks the next load, and the full file loads
    r = load_file(big, settings=store)
    assert r.status in ("loaded", "unchanged")
    from store.read import totals
    got = totals("programa", 2011, settings=store).set_index("key")
    assert float(got.loc["0080", "devengado"]) == 1.25 * 1_500_000
    assert float(totals("programa", 2010, settings=store).set_index("key").loc["0080", "pim"]) == 55
    if store.is_duckdb:
        path = store.duckdb_path
        versions = [p for p in path.parent.iterdir() if p.name.startswith(f".{path.name}.")
                    and not p.name.endswith(".lock")]
        assert versions == [path.resolve()]     # the published version only: nothing half-written left
