"""A progress bar with rows/s for long DuckDB scans, on a terminal only.

DuckDB reports a query's progress as a percentage; we know the file's line count from the
pre-pass, so percentage x lines gives rows and rows per second.
"""
from __future__ import annotations

import sys
import threading

import duckdb
from tqdm import tqdm


def run_with_progress(con: duckdb.DuckDBPyConnection, sql: str, *, total_rows: int, label: str,
                      enabled: bool = False) -> None:
    """Execute `sql`; with `enabled` and a terminal, draw a bar while it runs."""
    if not (enabled and sys.stderr.isatty()):
        con.execute("SET enable_progress_bar=false")     # DuckDB's own bar would ignore --quiet
        con.execute(sql)
        return
    con.execute("SET enable_progress_bar=true; SET enable_progress_bar_print=false; SET progress_bar_time=0")
    error: list[BaseException] = []

    def work():
        try:
            con.execute(sql)
        except BaseException as exc:  # re-raised in the caller's thread
            error.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    with tqdm(total=total_rows, desc=label[:30], unit=" rows", unit_scale=True, file=sys.stderr,
              dynamic_ncols=True) as bar:
        worker.start()
        while worker.is_alive():
            worker.join(0.25)
            pct = con.query_progress()
            if pct and pct > 0:
                bar.update(max(0, int(total_rows * min(pct, 100) / 100) - bar.n))
        if not error:
            bar.update(total_rows - bar.n)
    if error:
        raise error[0]
