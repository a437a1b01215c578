"""Cold reads: the store read functions behind the slowest cold callbacks of `bench_app.py`
(benchmarks/RESULTS.md, "app serving"), timed in-process with no file cache, on DuckDB and on
the same store copied to PostgreSQL.

Each read is called REPEAT times in a fresh process state (no components.data cache: the store
functions are called directly); the table gives the first call and the median of the others, in
ms. The first call of all opens the engines and is not counted (a trivial read before).

    nice -n 19 python benchmarks/bench_reads.py --store DIR [--postgres DATABASE_URL] [--year 2025]

DIR holds store.duckdb (e.g. a copy of bench_app's app-store-10000000); --postgres is a database
that already holds the same store (bench_app.copy_to_postgres). Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEAT = 3


def reads(year: int) -> list[tuple[str, str, object]]:
    """(callback, read, call) for the slow callbacks: Red money, Género, Programas path=9002."""
    from domain.codes import REAL_BASE_YEAR
    from store import budget, gender, gender_depth, gender_programmes, programme_money, programmes
    pid = "juntos"
    return [
        ("red-money", "budget_for_programme", lambda s: programme_money.budget_for_programme(pid, year, settings=s)),
        ("red-money", "budget_by_year", lambda s: programme_money.budget_by_year(
            base_year=REAL_BASE_YEAR, programme_id=pid, settings=s)),
        ("red-money", "cost_per_beneficiary", lambda s: programme_money.cost_per_beneficiary(pid, year, settings=s)),
        ("red-money", "spending_per_inhabitant", lambda s: programme_money.spending_per_inhabitant(
            year, None, programme_id=pid, settings=s)),
        ("red-money", "spending_per_woman", lambda s: programme_money.spending_per_woman(
            year, None, programme_id=pid, settings=s)),
        ("red-money", "budget_split", lambda s: programme_money.budget_split(pid, year, settings=s)),
        ("red-money", "budget_names", lambda s: programmes.budget_names(year, settings=s)),
        ("gender-programmes", "gender_programmes", lambda s: gender_programmes.gender_programmes(year, "all", s)),
        ("gender-programmes", "gender_programmes E", lambda s: gender_programmes.gender_programmes(year, "E", s)),
        ("gender-kpis", "gender_summary", lambda s: gender.gender_summary(year, None, s)),
        ("gender-kpis", "gender_totals categoria", lambda s: gender.gender_totals("categoria_genero", year, None, s)),
        ("gender-kpis", "gender_totals marcador", lambda s: gender.gender_totals("marcador_genero", year, None, s)),
        ("gender-table", "programme_table", lambda s: gender_programmes.programme_table(year, "all", s)),
        ("gender-table", "execution_alerts", lambda s: gender_depth.execution_alerts(year, "all", settings=s)),
        ("gender-table", "lio_totals", lambda s: gender_depth.lio_totals(year, "all", s)),
        ("gender-table", "gender_tree", lambda s: gender_depth.gender_tree(year, "all", s)),
        ("gender-table", "gender_series", lambda s: gender_depth.gender_series("all", s)),
        ("programmes 9002", "drill", lambda s: budget.drill(year, "all", ("9002",), s)),
        ("programmes 9002", "drill_names", lambda s: budget.drill_names(year, ("9002",), s)),
        ("programmes 9002", "drill_series", lambda s: budget.drill_series("all", ("9002",), s)),
        ("programmes 9002", "drill_monthly", lambda s: budget.drill_monthly(year, "all", ("9002",), s)),
        ("programmes", "gender_by_programme", lambda s: gender_programmes.gender_by_programme(year, "all", s)),
    ]


def time_reads(settings, year: int, only: str | None) -> dict[str, tuple[float, float]]:
    from store.status import store_summary
    store_summary(settings)                      # opens the engine: not counted
    out = {}
    for callback, name, call in reads(year):
        if only and only not in name:
            continue
        ms = []
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            call(settings)
            ms.append((time.perf_counter() - t0) * 1000)
        out[f"{callback} | {name}"] = (ms[0], statistics.median(ms[1:]) if len(ms) > 1 else ms[0])
        print(f"  {callback} | {name}: {ms[0]:.0f} / {out[f'{callback} | {name}'][1]:.0f} ms", file=sys.stderr,
              flush=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, required=True, help="directory holding store.duckdb")
    ap.add_argument("--postgres", help="DATABASE_URL of a PostgreSQL copy of the same store")
    ap.add_argument("--year", type=int, default=None, help="fiscal year (default: the last loaded)")
    ap.add_argument("--only", help="only reads whose name contains this")
    args = ap.parse_args()
    os.environ["GSB_DATA_DIR"] = str(args.store.resolve())
    os.environ.pop("DATABASE_URL", None)
    from settings import get_settings
    from store.status import store_summary
    duck = get_settings()
    year = args.year or max(store_summary(duck)["years"])
    backends = [("DuckDB", duck)]
    if args.postgres:
        backends.append(("PostgreSQL", dataclasses.replace(duck, database_url=args.postgres)))
    results = {}
    for label, settings in backends:
        print(f"{label} ...", file=sys.stderr, flush=True)
        results[label] = time_reads(settings, year, args.only)
    keys = list(results["DuckDB"])
    head = " | ".join(f"{b} first | {b} median" for b, _ in backends)
    print(f"year {year}; ms, first call / median of the next {REPEAT - 1}\n")
    print(f"| callback | read | {head} |")
    print("|---|---|" + "---:|" * (2 * len(backends)))
    for k in keys:
        cells = " | ".join(f"{results[b][k][0]:,.0f} | {results[b][k][1]:,.0f}" for b, _ in backends)
        print(f"| {k} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
