"""`python -m etl reconcile --year Y [--by LEVEL] [--format csv]`: MEF Gasto lines against the
Consulta Amigable exports, per key (store/reconcile.py says how keys are matched)."""
from __future__ import annotations

import csv
import sys

from domain.consulta import RECONCILE_LEVELS

CSV_COLUMNS = ["year", "level", "key", "name", "status", "file_name", "consulta_date", "gasto_date",
               "consulta_pim", "gasto_pim", "diff_pim", "consulta_devengado", "gasto_devengado", "diff_devengado"]


def add_reconcile_command(sub) -> None:
    rp = sub.add_parser("reconcile", help="MEF Gasto totals against the loaded Consulta Amigable exports")
    rp.add_argument("--year", type=int, required=True)
    rp.add_argument("--by", choices=RECONCILE_LEVELS,
                    help="level to compare (default: each export's finest level that Gasto lines also have)")
    rp.add_argument("--format", choices=["text", "csv"], default="text")
    rp.set_defaults(func=cmd_reconcile)


def _money(v) -> str:
    return "" if v is None or v != v else f"{v:.2f}"


def cmd_reconcile(args) -> int:
    """Exit 0 whatever the result (a difference is information, not a failure); 1 when there is
    nothing to compare, so a script notices."""
    from store.reconcile import reconcile
    df = reconcile(args.year, args.by)
    if df.empty:
        print(f"nothing to compare for {args.year}: it needs MEF Gasto lines and a Consulta Amigable export "
              f"of that year{' with level ' + args.by if args.by else ''} (python -m etl status lists the loads)",
              file=sys.stderr)
        return 1
    if args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for r in df.itertuples():
            w.writerow([r.year, r.level, r.key, r.name or "", r.status, r.file_name,
                        r.consulta_date.isoformat() if r.consulta_date else "",
                        r.gasto_date.isoformat() if r.gasto_date else "",
                        *[_money(getattr(r, c)) for c in CSV_COLUMNS[8:]]])
        return 0
    for (level, file_name), part in df.groupby(["level", "file_name"], sort=False):
        first = part.iloc[0]
        when = "queried" if first.consulta_date_kind == "consulta" else "loaded"
        print(f"{args.year} by {level}: {file_name} (Consulta Amigable, {when} {first.consulta_date or '?'}) "
              f"vs MEF Gasto lines (loaded {first.gasto_date or '?'})")
        print(f"  {'key':<16} {'name':<40} {'PIM consulta':>16} {'PIM gasto':>16} {'dev. consulta':>16} "
              f"{'dev. gasto':>16}  status")
        for r in part.itertuples():
            print(f"  {str(r.key):<16} {str(r.name or '')[:40]:<40} {_num(r.consulta_pim):>16} {_num(r.gasto_pim):>16} "
                  f"{_num(r.consulta_devengado):>16} {_num(r.gasto_devengado):>16}  {r.status}")
        differ = part[part["status"].isin(["differ", "only_consulta"])]
        print(f"  {len(differ)} of {len(part[part['status'] != 'only_gasto'])} keys differ by more than S/ 1\n")
    return 0


def _num(v) -> str:
    return "" if v is None or v != v else f"{v:,.2f}"
