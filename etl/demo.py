"""Build the demonstration store: generated MEF-format files loaded by the real loader.

The files go through exactly the path real files take (etl.load.load_file), so the demo
exercises the loader; every load is flagged is_demo and the app says so on every page.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from demo.generate import DEMO_YEARS, write_benchmark_file, write_demo_files
from etl.load import load_file
from settings import Settings, get_settings


def build_demo(rows: int | None = None, out: Path | None = None, progress: bool = True,
               settings: Settings | None = None) -> int:
    s = settings or get_settings()
    if rows:
        target = out or s.data_dir / f"benchmark-{rows}.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        n = write_benchmark_file(target, rows)
        print(f"wrote {n:,} rows to {target} ({target.stat().st_size / 1e6:,.0f} MB) "
              f"in {time.perf_counter() - t0:.1f} s")
        return 0
    folder = out or s.data_dir / "demo-files"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"generating demonstration files for {DEMO_YEARS[0]}-{DEMO_YEARS[-1]} in {folder} ...", flush=True)
    files = write_demo_files(folder)
    status = 0
    for i, f in enumerate(files, start=1):
        print(f"[{i}/{len(files)}] loading {f.name}", flush=True)
        r = load_file(f, settings=s, demo=True, progress=progress)
        if r.status == "refused":
            print(f"REFUSED {r.message}", file=sys.stderr)
            status = 1
        else:
            print(f"    {r.status}: {r.rows_loaded:,} rows", flush=True)
    # Then the real curated data: population, CPI, network, coverage.
    from etl.reference import seed_and_report
    return max(status, seed_and_report(s))
