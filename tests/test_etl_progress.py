"""On a terminal, `etl load` draws a progress bar with rows/s; piped, it prints none."""
from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import fixtures
from conftest import ROOT


def _run_in_terminal(args: list[str], env: dict) -> str:
    pid, fd = pty.fork()
    if pid == 0:                                   # child: the pty is its terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, *args], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = bytearray()
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out.extend(data)
    os.waitpid(pid, 0)
    return out.decode(errors="replace")


def test_progress_bar_on_a_terminal_only(duck_store, tmp_path):
    f = fixtures.write(tmp_path / "2010-Gasto.csv", fixtures.year_rows(2010, devengado=("1",) * 12) * 2000)
    env = {**os.environ, "GSB_DATA_DIR": str(duck_store.data_dir)}
    shown = _run_in_terminal(["-m", "etl", "load", str(f)], env)
    assert "rows/s" in shown and "100%" in shown, shown[-500:]
    assert "loaded 2010-Gasto.csv" in shown
    f2 = fixtures.write(tmp_path / "2011-Gasto.csv", fixtures.year_rows(2011) * 100)
    piped = subprocess.run([sys.executable, "-m", "etl", "load", str(f2)], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    assert piped.returncode == 0 and "rows/s" not in piped.stderr + piped.stdout
