"""Reconciliation: do the MEF Gasto lines in the store add up to what Consulta Amigable showed?

The first question officials ask of a new tool. For every active export and fiscal year that
MEF Gasto lines also cover, per key of a level both hold (nivel, sector, pliego, executing unit
or municipality, department, programme: domain/consulta.py RECONCILE_LEVELS) we set the export's
PIM and devengado beside the budget lines' sums. The Gasto side is restricted by the export's
filters: the title rows ("Nivel de Gobierno: M: ...") and every level with a single key in it.

Rules, so that a difference means something:
- keys compare without leading zeros (pliego "040" = "40") and a municipality by its SEC_EJEC;
- the portal prints whole soles, so a key agrees when both amounts are within S/ 1;
- a key the export does not hold is listed ("only in Gasto") but not counted: an export
  without its filters printed may hold a subset on purpose;
- the two sources are dated (the query date printed on the export, else its load date; the
  Gasto load date): extracted on different days they normally differ a little.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import sqlalchemy as sa

from domain.consulta import RECONCILE_COLUMN, RECONCILE_LEVELS, match_key
from settings import Settings
from store.engine import read_engine
from store.read import _rows
from store.schema import budget_line, consulta_export, consulta_label, consulta_line, load_history

TOLERANCE = Decimal("1")
COMPARED = ("pim", "devengado")
COLUMNS = ["year", "level", "key", "name", "status", "load_id", "file_name", "consulta_date", "consulta_date_kind",
           "gasto_date", "consulta_pim", "gasto_pim", "diff_pim", "consulta_devengado", "gasto_devengado",
           "diff_devengado"]


def _dec(v) -> Decimal | None:
    return None if v is None or (isinstance(v, float) and v != v) else Decimal(str(v))


def reconcile(year: int | None = None, level: str | None = None,
              settings: Settings | None = None) -> pd.DataFrame:
    """One row per (export, year, key): both sources' PIM and devengado, gasto minus consulta,
    status agree | differ | only_consulta | only_gasto, and each source's date.

    level None: each export at its finest level that both sources hold (no key counted twice)."""
    out: list[dict] = []
    with read_engine(settings).connect() as conn:
        budget_years = {int(y) for y in conn.execute(sa.select(budget_line.c.fiscal_year).distinct()).scalars()}
        for exp in _exports(conn):
            for y in exp["years"]:
                if y not in budget_years or (year is not None and y != int(year)):
                    continue
                levels = _levels(conn, exp["load_id"], y)
                usable = [lv for lv in levels if lv in RECONCILE_LEVELS]
                if level is not None:
                    chosen = [level] if level in usable else []
                else:
                    chosen = usable[-1:]
                for lv in chosen:
                    out += _compare(conn, exp, y, lv, usable)
    df = pd.DataFrame(out, columns=COLUMNS)
    return df.sort_values(["year", "level", "load_id", "key"]).reset_index(drop=True) if not df.empty else df


def _exports(conn) -> list[dict]:
    h, e = load_history, consulta_export
    rows = conn.execute(sa.select(h.c.id, h.c.file_name, h.c.finished_at, e.c.as_of)
                        .select_from(h.join(e, e.c.load_id == h.c.id))
                        .where(h.c.status == "loaded", h.c.format == "consulta_amigable").order_by(h.c.id)).all()
    out = []
    for load_id, file_name, finished, as_of in rows:
        years = conn.execute(sa.select(consulta_line.c.fiscal_year).distinct()
                             .where(consulta_line.c.load_id == load_id)).scalars().all()
        out.append({"load_id": load_id, "file_name": file_name, "years": sorted(int(y) for y in years),
                    "date": as_of or (finished.date() if finished else None),
                    "date_kind": "consulta" if as_of else "carga"})
    return out


def _levels(conn, load_id: int, year: int) -> list[str]:
    """The export's levels, outermost first (title-row filters, then columns)."""
    lab = consulta_label
    rows = conn.execute(sa.select(lab.c.level, sa.func.min(lab.c.depth).label("d"))
                        .where(lab.c.load_id == load_id, lab.c.fiscal_year == year)
                        .group_by(lab.c.level).order_by("d")).all()
    return [r[0] for r in rows]


def _consulta_side(conn, load_id: int, year: int, level: str) -> pd.DataFrame:
    lab, line = consulta_label, consulta_line
    stmt = (sa.select(lab.c.key, sa.func.max(lab.c.name).label("name"),
                      *[sa.func.sum(line.c[s]).label(s) for s in COMPARED],
                      *[sa.func.count(line.c[s]).label(f"n_{s}") for s in COMPARED])
            .select_from(line.join(lab, sa.and_(lab.c.load_id == line.c.load_id, lab.c.line == line.c.line)))
            .where(lab.c.load_id == load_id, lab.c.fiscal_year == year, lab.c.level == level)
            .group_by(lab.c.key))
    return _rows(conn, stmt)


def _filters(conn, load_id: int, year: int, level: str, usable: list[str]) -> dict[str, str]:
    """Levels with one key in the export (its filters): the Gasto side is held to them."""
    lab = consulta_label
    out = {}
    for lv in usable:
        if lv == level:
            continue
        keys = conn.execute(sa.select(lab.c.key).distinct().where(
            lab.c.load_id == load_id, lab.c.fiscal_year == year, lab.c.level == lv).limit(2)).scalars().all()
        if len(keys) == 1:
            out[lv] = match_key(lv, keys[0])
    return out


def _gasto_side(conn, year: int, level: str, filters: dict[str, str]) -> tuple[pd.DataFrame, dt.date | None]:
    t = budget_line
    col = RECONCILE_COLUMN[level]
    group = [t.c[col].label("key")] + [t.c[RECONCILE_COLUMN[f]].label(f"f_{f}") for f in filters]
    stmt = (sa.select(*group, *[sa.func.sum(t.c[s]).label(s) for s in COMPARED])
            .where(t.c.fiscal_year == year).group_by(*[g.element for g in group]))
    df = _rows(conn, stmt)
    for f, want in filters.items():
        df = df[[match_key(f, str(v)) == want for v in df[f"f_{f}"]]]
    df = df.assign(mkey=[match_key(level, str(k)) for k in df["key"]])
    df = df.groupby("mkey", as_index=False)[list(COMPARED)].agg(lambda s: sum((_dec(v) or 0 for v in s), Decimal(0)))
    loads = sa.select(t.c.load_id).distinct().where(t.c.fiscal_year == year)
    finished = conn.execute(sa.select(sa.func.max(load_history.c.finished_at))
                            .where(load_history.c.id.in_(loads))).scalar()
    return df, (finished.date() if finished else None)


def _compare(conn, exp: dict, year: int, level: str, usable: list[str]) -> list[dict]:
    ca = _consulta_side(conn, exp["load_id"], year, level)
    gasto, gasto_date = _gasto_side(conn, year, level, _filters(conn, exp["load_id"], year, level, usable))
    by_key: dict[str, dict] = {}
    for r in ca.itertuples():
        mk = match_key(level, str(r.key))
        d = by_key.setdefault(mk, {"key": r.key, "name": r.name, "pim": None, "devengado": None})
        for s in COMPARED:
            if getattr(r, f"n_{s}"):
                d[s] = (d[s] or Decimal(0)) + _dec(getattr(r, s))
    got = {r.mkey: r for r in gasto.itertuples()}
    rows = []
    for mk in sorted(set(by_key) | set(got)):
        c, g = by_key.get(mk), got.get(mk)
        row = {"year": year, "level": level, "key": c["key"] if c else str(g.mkey), "name": c["name"] if c else None,
               "load_id": exp["load_id"], "file_name": exp["file_name"], "consulta_date": exp["date"],
               "consulta_date_kind": exp["date_kind"], "gasto_date": gasto_date}
        differs = False
        for s in COMPARED:
            cv = c[s] if c else None
            gv = _dec(getattr(g, s)) if g is not None else Decimal(0)
            row[f"consulta_{s}"], row[f"gasto_{s}"] = cv, gv
            row[f"diff_{s}"] = gv - cv if cv is not None else None
            if cv is not None and abs(gv - cv) > TOLERANCE:
                differs = True
        row["status"] = "only_gasto" if c is None else ("only_consulta" if g is None else
                                                        ("differ" if differs else "agree"))
        if c is not None and g is None and not differs:
            row["status"] = "agree"          # zero in the export, no lines in Gasto: nothing to tell apart
        rows.append(row)
    return rows


def summary(year: int | None = None, settings: Settings | None = None) -> dict:
    """What the badge on every page says: keys compared, keys that differ, by how much in total
    (the larger of the PIM and devengado differences per key), and both sources' dates."""
    df = reconcile(year, settings=settings)
    counted = df[df["status"] != "only_gasto"] if not df.empty else df
    differ = counted[counted["status"].isin(["differ", "only_consulta"])] if not df.empty else df
    amount = sum((max(abs(r.diff_pim or 0), abs(r.diff_devengado or 0)) for r in differ.itertuples()), Decimal(0))
    return {"compared": int(len(counted)), "differ": int(len(differ)), "amount": amount,
            "consulta_dates": sorted({d for d in counted["consulta_date"] if d is not None}) if not df.empty else [],
            "gasto_dates": sorted({d for d in counted["gasto_date"] if d is not None}) if not df.empty else [],
            "years": sorted({int(y) for y in counted["year"]}) if not df.empty else []}
