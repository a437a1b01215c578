"""Command line: python -m etl {load,status,totals,demo,upgrade,classify,rules,gender-summary,brief,report,...} ..."""
from __future__ import annotations

import argparse
import csv
import signal
import sys
from pathlib import Path

from settings import get_settings

DEMO_NOTICE = ("DEMONSTRATION DATA - generated, not official MEF figures / "
               "DATOS DE DEMOSTRACIÓN - generados, no son cifras oficiales del MEF")


def cmd_load(args) -> int:
    from etl.load import load_file
    from etl.result import print_result
    status = 0
    for f in args.files:
        r = load_file(Path(f), progress=not args.quiet, reject_dir=args.rejects, year=args.year)
        status |= print_result(r, f", years {','.join(map(str, r.years))}, rows read {r.rows_read:,}, "
                                  f"loaded {r.rows_loaded:,}, rejected {r.rows_rejected:,}")
    return status


def cmd_status(args) -> int:
    from store.read import load_history_frame
    df = load_history_frame()
    if args.format == "csv":
        df.to_csv(sys.stdout, index=False)
        return 0
    if df.empty:
        print("no loads yet")
    for row in df.itertuples():
        demo = "  [DEMO]" if row.is_demo else ""
        print(f"#{row.id} {row.status:<9} {row.file_name}  {row.format}"
              f"{' (' + row.breakdown + ')' if isinstance(row.breakdown, str) else ''}  years {row.fiscal_years}{demo}\n"
              f"    read {row.rows_read:,}  loaded {row.rows_loaded:,}  rejected {row.rows_rejected:,}  "
              f"{row.started_at} -> {row.finished_at}  sha256 {row.sha256[:16]}  {row.message or ''}")
    from etl.history import recent_refusals
    refused = recent_refusals(get_settings())
    if refused:
        print("\nrecently refused (nothing loaded, store unchanged):")
        for r in refused:
            print(f"  {r['at']}  REFUSED {r['message']}")
    return 0


def _fmt(v) -> str:
    if v is None or v != v:
        return ""
    return f"{v:.2f}" if not isinstance(v, str) else v


def cmd_totals(args) -> int:
    from store.gender import GENDER_GROUPS, gender_totals
    from store.read import totals
    from store.read import GROUPS
    if args.by in GENDER_GROUPS and args.source != "gasto":
        print(f"--by {args.by} needs budget lines (--source gasto)", file=sys.stderr)
        return 2
    if args.source == "gasto" and args.by not in GROUPS and args.by not in GENDER_GROUPS:
        print(f"--by {args.by}: budget lines are summed by {', '.join(sorted(GROUPS) + sorted(GENDER_GROUPS))}",
              file=sys.stderr)
        return 2
    if args.source == "consulta":
        from store.consulta import loaded_levels
        levels = loaded_levels(args.year)
        if args.by not in levels:
            print(f"--by {args.by}: no Consulta Amigable export{' of ' + str(args.year) if args.year else ''} "
                  f"holds that level; loaded levels: {', '.join(levels) or 'none (load an export first)'}",
                  file=sys.stderr)
            return 2
    df = (gender_totals(args.by, args.year) if args.by in GENDER_GROUPS
          else totals(args.by, args.year, source=args.source))
    if args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["key", "name", "pia", "pim", "devengado", "execution_pct"])
        for r in df.itertuples():
            w.writerow([r.key, r.name, _fmt(r.pia), _fmt(r.pim), _fmt(r.devengado), _fmt(r.execution_pct)])
        return 0
    print(f"{'key':<10} {'name':<50} {'PIA':>18} {'PIM':>18} {'devengado':>18} {'avance %':>9}")
    for r in df.itertuples():
        pct = "" if r.execution_pct is None or r.execution_pct != r.execution_pct else f"{r.execution_pct:.1f}"
        print(f"{str(r.key):<10} {str(r.name)[:50]:<50} {float(r.pia or 0):>18,.2f} {float(r.pim or 0):>18,.2f} "
              f"{float(r.devengado or 0):>18,.2f} {pct:>9}")
    return 0


def cmd_demo(args) -> int:
    from etl.demo import build_demo
    print(DEMO_NOTICE)
    return build_demo(rows=args.rows, out=args.out, progress=not args.quiet)


def cmd_upgrade(args) -> int:
    """After updating the code: migrate the store's schema, rebuild summary tables of an older
    version, then reload the bundled programmes.yaml when it changed (its texts fill the columns a
    migration adds). Budget lines are untouched."""
    from etl import network
    from etl.result import print_result
    from store.engine import stored_schema_version, write_transaction
    from store.schema import SCHEMA_VERSION
    before = stored_schema_version()
    if before == SCHEMA_VERSION:
        print(f"store schema version {before}: up to date")
        from store import gender_sums, summaries
        from store.engine import read_engine
        with read_engine().connect() as conn:
            missing = summaries.outdated(conn) + gender_sums.outdated(conn)
        if missing:
            with write_transaction():      # the write builds them (summaries.ensure)
                pass
            print(f"summary tables rebuilt: {', '.join(missing)}")
    else:
        with write_transaction():          # every write first migrates (store.engine._prepare)
            pass
        print(f"store schema upgraded: version {before} -> {SCHEMA_VERSION}")
    return print_result(network.load_network(network.DEFAULT_PATH))


# brief option -> URL key: the CLI builds the same query dict the page's URL gives
BRIEF_OPTIONS = {"page": "page", "year": "year", "level": "level", "path": "path", "por": "por",
                 "apartar": "apartar", "programme": "programme", "metric": "metric", "genero": "genero",
                 "departamento": "departamento", "comparar": "comparar", "programa_red": "programa_red",
                 "categoria": "categoria", "indicador": "indicador", "precios": "precios", "lang": "lang"}


def cmd_brief(args) -> int:
    """The Excel brief of one dashboard view, the workbook the page's download button gives."""
    from exports.brief import build_brief
    from exports.views import BriefError, query_problems
    query = {key: getattr(args, opt) for opt, key in BRIEF_OPTIONS.items() if getattr(args, opt) is not None}
    problems = query_problems(query)
    if problems:
        for p in problems:
            print(f"brief: {p}", file=sys.stderr)
        return 2
    try:
        name, data = build_brief(query)
    except BriefError as exc:
        print(f"brief: {exc}", file=sys.stderr)
        return 2
    out = args.out or Path(name)
    out.write_bytes(data)
    print(f"wrote {out} ({len(data):,} bytes)")
    return 0


def main(argv: list[str] | None = None) -> int:
    from domain.mef_format import GROUPS     # not store.read: pandas would cost every command ~1 s
    p = argparse.ArgumentParser(prog="python -m etl", description="Load MEF budget files into the store.")
    sub = p.add_subparsers(dest="cmd", required=True)

    lp = sub.add_parser("load", help="load MEF Gasto CSV/ZIP files or Consulta Amigable exports")
    lp.add_argument("files", nargs="+")
    lp.add_argument("--rejects", type=Path, help="folder for reject reports (default DATA_DIR/rejects)")
    lp.add_argument("--year", type=int, help="fiscal year of a Consulta Amigable export without an Año column")
    lp.add_argument("--quiet", action="store_true", help="no progress bar")
    lp.set_defaults(func=cmd_load)

    sp = sub.add_parser("status", help="the load history")
    sp.add_argument("--format", choices=["text", "csv"], default="text")
    sp.set_defaults(func=cmd_status)

    tp = sub.add_parser("totals", help="PIA, PIM, devengado and execution %% per group")
    tp.add_argument("--by", required=True, metavar="LEVEL",
                    help=f"budget lines: {', '.join(sorted(GROUPS))}, categoria_genero, marcador_genero; "
                         "--source consulta: any level of the loaded exports (departamento, provincia, "
                         "municipalidad, ...)")
    tp.add_argument("--year", type=int)
    tp.add_argument("--source", choices=["gasto", "consulta"], default="gasto",
                    help="budget lines (MEF Gasto files) or Consulta Amigable exports")
    tp.add_argument("--format", choices=["text", "csv"], default="text")
    tp.set_defaults(func=cmd_totals)

    from etl.reconcile_cli import add_reconcile_command
    add_reconcile_command(sub)

    dp = sub.add_parser("demo", help="build the demonstration store (generated data, not official)")
    dp.add_argument("--rows", type=int, help="instead: write one benchmark-scale file of N rows to --out")
    dp.add_argument("--out", type=Path, help="where --rows writes its file")
    dp.add_argument("--quiet", action="store_true")
    dp.set_defaults(func=cmd_demo)

    up = sub.add_parser("upgrade", help="bring a store made by an older version of this code up to date")
    up.set_defaults(func=cmd_upgrade)

    bp = sub.add_parser("brief", help="the Excel brief of one dashboard view (as the page's download gives)")
    from domain.codes import LEVEL_CHOICES
    from domain.url_state import DRILL_VIEWS, GENDER_CHOICES, INDICATORS, METRICS, PRICES, SET_ASIDE
    from domain.network import NETWORK_CATEGORIES
    from exports.views import PAGES
    bp.add_argument("--page", required=True, choices=list(PAGES))
    bp.add_argument("--year", type=int)
    bp.add_argument("--level", choices=list(LEVEL_CHOICES), help="level of government (default: all)")
    bp.add_argument("--path", help="Programas drill path: codes joined with '.', e.g. 0001.3033251")
    bp.add_argument("--por", choices=list(DRILL_VIEWS), help="Programas: what the drill's bars show")
    bp.add_argument("--apartar", choices=list(SET_ASIDE), help="Programas: set a part of the budget aside")
    bp.add_argument("--programme", help="Regiones: a programme code")
    bp.add_argument("--metric", choices=list(METRICS), help="Regiones: the map's measure")
    bp.add_argument("--genero", choices=list(GENDER_CHOICES), help="Regiones: which gender total gender_share uses")
    bp.add_argument("--departamento", help="Regiones: a department's profile (INEI code), e.g. 08")
    bp.add_argument("--comparar", help="Regiones: departments side by side, codes joined with '.', e.g. 08.15")
    bp.add_argument("--programa-red", dest="programa_red", help="Red: a network programme id, e.g. juntos")
    bp.add_argument("--categoria", choices=["all", *NETWORK_CATEGORIES])
    bp.add_argument("--indicador", choices=list(INDICATORS))
    bp.add_argument("--precios", choices=list(PRICES))
    bp.add_argument("--lang", choices=["es", "en"])
    bp.add_argument("--out", type=Path, help="the .xlsx to write (default: the brief's own file name)")
    bp.set_defaults(func=cmd_brief)

    from etl.gender_cli import add_gender_commands
    add_gender_commands(sub)

    from etl.network_cli import add_network_commands
    add_network_commands(sub)

    from etl.report_pdf import add_report_command
    add_report_command(sub)

    from etl.indicators import add_indicators_command
    add_indicators_command(sub)

    args = p.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `... | head` ends quietly
    get_settings()
    from store.errors import SchemaMismatch, StoreMissing
    try:
        return args.func(args)
    except SchemaMismatch as exc:
        print(f"store not usable: {exc}", file=sys.stderr)
        return 1
    except StoreMissing as exc:   # every read command: one message, not a traceback
        print(f"no store yet: {exc}. Run `python -m etl demo` or `python -m etl load FILE`.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
