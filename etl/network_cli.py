"""CLI commands for the social protection network: reference, coverage, network.

Kept out of etl/__main__.py so that file only wires them in (add_network_commands).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

NETWORK_CSV_COLUMNS = ("id", "acronym", "name_es", "name_en", "category", "subtype", "institution_es",
                       "institution_en", "start_year", "target_population_es", "target_population_en", "coverage_printed", "coverage_section",
                       "share_social_budget_2009_pct", "in_table_1")


def cmd_reference(args) -> int:
    from etl.reference import seed_and_report
    return seed_and_report()


def cmd_coverage(args) -> int:
    from etl.coverage import load_coverage
    from etl.result import print_result
    status = 0
    for f in args.files:
        r = load_coverage(Path(f), reject_dir=args.rejects)
        status |= print_result(r, f", years {','.join(map(str, r.years))}, {r.rows_loaded:,} coverage rows")
    return status


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def cmd_network(args) -> int:
    import sqlalchemy as sa

    from store.engine import StoreMissing
    from store.programmes import network_table, programme_list
    try:
        if args.format == "csv":
            df = programme_list()
            w = csv.writer(sys.stdout, lineterminator="\n")
            w.writerow(NETWORK_CSV_COLUMNS)
            for row in df.to_dict("records"):
                w.writerow([_cell(row[c]) for c in NETWORK_CSV_COLUMNS])
            return 0
        df = network_table(args.lang)
    except (StoreMissing, sa.exc.DBAPIError) as exc:      # no store, or a store without the tables
        print(f"no network in the store ({str(exc).splitlines()[0]}): run `python -m etl reference`",
              file=sys.stderr)
        return 1
    if df.empty:
        print("no programmes loaded: run `python -m etl reference`", file=sys.stderr)
        return 1
    for r in df.itertuples():
        print(f"{r.id:<24} {r.category:<14} {str(r.acronym or ''):<12} {r.name}\n"
              f"{'':<24} {r.coverage_printed or '-'}  [{r.coverage_section or '-'}]")
    return 0


def add_network_commands(sub: argparse._SubParsersAction) -> None:
    rp = sub.add_parser("reference", help="load the curated reference data (population, CPI, exchange rate), "
                                          "the social protection network and its initial coverage table")
    rp.set_defaults(func=cmd_reference)

    cp = sub.add_parser("coverage", help="load coverage tables (CSV or XLSX, long form; data/network/LOADING.md)")
    cp.add_argument("files", nargs="+")
    cp.add_argument("--rejects", type=Path, help="folder for reject reports (default DATA_DIR/rejects)")
    cp.set_defaults(func=cmd_coverage)

    np_ = sub.add_parser("network", help="the social protection network, one row per programme")
    np_.add_argument("--format", choices=["text", "csv"], default="text")
    np_.add_argument("--lang", choices=["es", "en"], default="es", help="language of the text listing")
    np_.set_defaults(func=cmd_network)
