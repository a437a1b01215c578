"""Excel brief benchmark: `exports.brief.build_brief` for one view of each page, against a baseline
in the same invocation: the store reads the page's own callbacks make for that view (what the
dashboard must do anyway to draw it, without rendering). The difference is the brief's own work:
composing the tables in Decimals, the gender and sources sheets, and writing the xlsx.

    python benchmarks/bench_brief.py                      # the demonstration store (built in a temp dir)
    python benchmarks/bench_brief.py --lines 10000000     # bench_classify's generated store, classified
    python benchmarks/bench_brief.py --data-dir DIR       # an existing DuckDB store

Calls run in this process, warm (one call of each first: engines open, pages imported), median of
--runs. Results go to benchmarks/RESULTS.md (one section per store kind).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import sqlalchemy as sa
from common import machine, write_section
from openpyxl import load_workbook

GOALS = {"demo": 3.0, "big": 10.0}       # seconds per brief


def _etl(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def build_demo(workdir: Path) -> Path:
    d = Path(tempfile.mkdtemp(dir=workdir, prefix="brief-demo-"))
    env = {**os.environ, "GSB_DATA_DIR": str(d)}
    env.pop("DATABASE_URL", None)
    _etl(env, "demo", "--quiet")
    return d


def build_big(workdir: Path, lines: int) -> Path:
    """bench_classify's generated store, plus what a real store has and it lacks: a load_history
    row for its lines, the gender classification and the curated network."""
    from bench_classify import build_store

    from settings import get_settings
    d = Path(tempfile.mkdtemp(dir=workdir, prefix="brief-big-"))
    os.environ["GSB_DATA_DIR"] = str(d)
    os.environ.pop("DATABASE_URL", None)
    settings = get_settings()
    t0 = time.perf_counter()
    built = build_store(settings, lines, 1_000_000, 3)
    from store.engine import write_transaction
    from store.schema import load_history
    with write_transaction(settings) as conn:
        years = [int(y) for y, in conn.execute(sa.text("SELECT DISTINCT fiscal_year FROM budget_line ORDER BY 1"))]
        now = dt.datetime.now()
        conn.execute(load_history.insert().values(
            id=1, file_name=f"bench-{lines}-lines (generated)", sha256="0" * 64, format="mef_gasto", scope="bench",
            fiscal_years=",".join(map(str, years)), rows_read=built["lines"], rows_loaded=built["lines"],
            started_at=now, finished_at=now, status="loaded", message="benchmarks/bench_brief.py", is_demo=True))
    env = {**os.environ, "GSB_DATA_DIR": str(d), "GSB_USER": "bench_brief"}
    _etl(env, "classify")
    _etl(env, "reference")
    print(f"built {built['lines']:,} lines in {time.perf_counter() - t0:.0f} s: {d}", flush=True)
    return d


def page_reads(page: str, q: dict, year: int) -> list:
    """The read calls the page's callbacks make for the view (pages/*.py), as (fn, args, kwargs)."""
    from components.state import REAL_BASE_YEAR
    from store import dashboard, gender, network
    path = tuple(q.get("path", "").split(".")) if q.get("path") else ()
    if page == "resumen":
        return [(dashboard.overview_kpis, (year, "all"), {}), (dashboard.by_level, (year, "all"), {}),
                (dashboard.monthly_execution, (year, "all", None), {}), (dashboard.drill, (year, "all", ()), {})]
    if page == "programas":
        calls = [(dashboard.drill, (year, "all", path), {}), (dashboard.drill_names, (year, path), {})]
        return calls + ([(dashboard.gender_by_programme, (year, "all"), {})] if not path else [])
    if page == "regiones":
        return [(dashboard.programme_names, (year,), {}), (dashboard.by_department, (year, "all", None), {})]
    if page == "genero":
        return [(gender.gender_summary, (year, None), {}), (gender.gender_totals, ("categoria_genero", year, None), {}),
                (gender.gender_totals, ("marcador_genero", year, None), {}), (gender.classification_version, (), {}),
                (dashboard.gender_programmes, (year, "all"), {}), (gender.rule_sets, (), {})]
    pid = q["programa_red"]
    return [(network.network_table, ("es",), {}), (dashboard.network_categories, ("es",), {}),
            (network.reference_sources, (), {}), (network.programme_detail, (pid, "es"), {}),
            (network.budget_for_programme, (pid, year), {}),
            (network.budget_by_year, (), {"base_year": REAL_BASE_YEAR, "programme_id": pid}),
            (network.cost_per_beneficiary, (pid, year), {}),
            (network.spending_per_inhabitant, (year, None), {"programme_id": pid}),
            (network.to_real_soles, (1.0, year, REAL_BASE_YEAR), {}), (network.soles_to_usd, (1.0, year), {}),
            (dashboard.store_summary, (), {})]


def timed(fn, runs: int) -> float:
    fn()                                   # warm: engines open, first-query plans
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, help="an existing DuckDB store's data directory")
    ap.add_argument("--lines", type=int, help="build bench_classify's generated store of this many lines")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "work")
    ap.add_argument("--keep", action="store_true", help="keep a store this run built")
    ap.add_argument("--no-write", action="store_true", help="print, do not update RESULTS.md")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    kind = "big" if args.lines else "demo"
    built = None
    if args.data_dir:
        data_dir = args.data_dir.resolve()
    else:
        print("building the store ...", flush=True)
        data_dir = built = build_big(args.workdir, args.lines) if args.lines else build_demo(args.workdir)
    os.environ["GSB_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)

    from exports.brief import build_brief
    from exports.views import view_for
    from store import dashboard
    from store.engine import read_engine
    summary = dashboard.store_summary()
    year = summary["years"][-1]
    with read_engine().connect() as conn:
        lines = conn.execute(sa.text("SELECT count(*) FROM budget_line")).scalar()
        year_lines = conn.execute(sa.text(f"SELECT count(*) FROM budget_line WHERE fiscal_year = {int(year)}")).scalar()
    top = dashboard.drill(year, "all", ())["key"].iloc[0]
    views = {"resumen": {}, "programas": {"path": str(top)}, "regiones": {}, "genero": {},
             "red": {"programa_red": "juntos"}}
    rows = []
    for page, q in views.items():
        query = {"page": page, "year": str(year), **q}
        calls = page_reads(page, q, year)
        base = timed(lambda calls=calls: [fn(*a, **k) for fn, a, k in calls], args.runs)
        view = timed(lambda query=query: view_for(query), args.runs)
        brief = timed(lambda query=query: build_brief(query), args.runs)
        _, data = build_brief(query)
        wb = load_workbook(io.BytesIO(data))
        charts = sum(len(ws._charts) for ws in wb.worksheets)
        rows.append((page, q, base, view, brief, len(data), len(wb.sheetnames), charts))
        print(f"{page:<10} reads {base * 1000:7.0f} ms   view_for {view * 1000:7.0f} ms   "
              f"build_brief {brief * 1000:7.0f} ms   {len(data) / 1024:.0f} KB, {len(wb.sheetnames)} sheets, "
              f"{charts} charts", flush=True)
    goal = GOALS[kind]
    worst = max(r[4] for r in rows)
    label = ("the demonstration store (`python -m etl demo`)" if kind == "demo" and not args.data_dir
             else f"bench_classify's generated store ({lines:,} lines, classified, `etl reference` loaded)"
             if kind == "big" else f"the store in {data_dir}")
    report = "\n".join([
        f"## Excel brief ({'demo store' if kind == 'demo' else 'large store'}), {dt.date.today().isoformat()}",
        "",
        f"Store: {label}: {lines:,} budget lines, fiscal year {year} = {year_lines:,} lines. Machine: {machine()}.",
        f"In-process, warm, median of {args.runs}. Baseline: the store reads the page's own callbacks make for "
        "the same view (no cache, no rendering).",
        "",
        "| page (view) | page's reads (ms) | `view_for` (ms) | `build_brief` (ms) | brief / reads | xlsx KB | sheets | charts |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *[f"| {p} {' '.join(f'{k}={v}' for k, v in q.items())} | {b * 1000:,.0f} | {v * 1000:,.0f} | "
          f"{br * 1000:,.0f} | {br / b:.1f}x | {size / 1024:,.0f} | {s} | {c} |"
          for p, q, b, v, br, size, s, c in rows],
        "",
        f"- slowest brief: **{worst:.2f} s** (goal < {goal:.0f} s): {'met' if worst < goal else 'NOT met'}",
        "- the brief's reads are the page's plus the Género sheet (three totals, by category and marker, the "
        "rules in view), the sources and, on Resumen, every programme instead of the top 10",
        "",
    ])
    print(report)
    if not args.no_write:
        write_section(f"## Excel brief ({'demo store' if kind == 'demo' else 'large store'}),", report)
    if built is not None and not args.keep:
        shutil.rmtree(built, ignore_errors=True)
    return 0 if worst < goal else 1


if __name__ == "__main__":
    sys.exit(main())
