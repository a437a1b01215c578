"""What every benchmark script shares: a measured subprocess, the machine line, RESULTS.md."""
from __future__ import annotations

import os
import platform
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def run_measured(cmd: list[str], env: dict | None = None) -> dict:
    """Wall seconds, CPU seconds (user + system) and peak RSS of one child process (from wait4: that
    child alone; on a shared machine its CPU seconds vary less than its wall seconds)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()          # drain the pipes before waiting: no deadlock on big output
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd[:4]} failed: {err.decode()[-3000:]}")
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024,
            "stdout": out.decode().strip()}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import duckdb
    import pandas
    return (f"{cpu}, {os.cpu_count()} cores, {mem_gb:.0f} GB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, DuckDB {duckdb.__version__}, pandas {pandas.__version__}")


def write_section(marker: str, report: str) -> None:
    """Replace this benchmark's section of RESULTS.md (it starts with `marker`), keep the others."""
    old = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    if marker in old:
        start = old.index(marker)
        nxt = old.find("\n## ", start + 1)
        old = old[:start] + (old[nxt + 1:] if nxt != -1 else "")
    RESULTS.write_text(old.rstrip() + "\n\n" + report)
