"""Read functions: the only way pages and the CLI get data. Each returns a DataFrame.

All aggregation happens in SQL; only what a chart or table shows comes back.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.codes import DEPARTMENTS, LEVELS, MAIN_STAGES
from domain.mef_format import GROUPS as MEF_GROUPS
from settings import Settings
from store import summaries
from store.engine import read_engine
from store.schema import budget_line, code_name, load_history

# User-facing grouping name -> fact column (and code_name dimension); kept in domain so the
# CLI can list them without importing pandas (etl/__main__.py builds its help from them).
GROUPS = MEF_GROUPS
FALLBACK_NAMES = {"departamento_meta": DEPARTMENTS, "nivel_gobierno": LEVELS}
# The drill-down on the Programas page: GROUPS keys, top to bottom, and their fact columns.
DRILL_LEVELS = ("programa", "producto", "actividad", "ejecutora")
DRILL_COLUMNS = tuple(GROUPS[k] for k in DRILL_LEVELS)




def _rows(conn: sa.Connection, stmt) -> pd.DataFrame:
    """A statement's rows as a DataFrame (the statement's columns, also when there are no rows).
    Statements over budget_line read a summary table when one gives the same answer."""
    result = conn.execute(summaries.route(conn, stmt))
    # plain tuples: pandas probes each SQLAlchemy Row for attributes, ~10x slower on 30k rows
    return pd.DataFrame([tuple(r) for r in result.fetchall()], columns=list(result.keys()))


def _frame(stmt, settings: Settings | None) -> pd.DataFrame:
    with read_engine(settings).connect() as conn:
        return _rows(conn, stmt)


def _num(value) -> float | None:
    return None if value is None or value != value else float(value)


def _pct(part, whole, digits: int | None = None) -> float | None:
    """part / whole x 100 as a float, rounded to `digits` when given; None when either is missing
    (None, NaN) or whole is 0."""
    part, whole = _num(part), _num(whole)
    if part is None or not whole:
        return None
    pct = part / whole * 100
    return pct if digits is None else round(pct, digits)


def _filtered(stmt, table, year=None, filters: dict | None = None):
    if year is not None:
        stmt = stmt.where(table.c.fiscal_year == int(year))
    for key, value in (filters or {}).items():
        col = table.c[GROUPS.get(key, key)]
        if isinstance(value, (list, tuple, set)):
            stmt = stmt.where(col.in_(list(value)))
        elif value not in (None, ""):
            stmt = stmt.where(col == value)
    return stmt


def latest_names(dimension: str, year: int | None = None):
    """(code, name) for a dimension: that year's name, or the most recent one."""
    rn = sa.func.row_number().over(partition_by=code_name.c.code,
                                   order_by=code_name.c.fiscal_year.desc()).label("rn")
    inner = sa.select(code_name.c.code, code_name.c.name, rn).where(code_name.c.dimension == dimension)
    if year is not None:
        inner = inner.where(code_name.c.fiscal_year == int(year))
    inner = inner.subquery()
    return sa.select(inner.c.code, inner.c.name).where(inner.c.rn == 1).subquery()


def totals(by: str, year: int | None = None, *, filters: dict | None = None, source: str = "gasto",
           settings: Settings | None = None) -> pd.DataFrame:
    """Per group: PIA, PIM, devengado (all months) and execution % = devengado / PIM.

    source "consulta": `by` is any level of the loaded Consulta Amigable exports (store/consulta.py)."""
    if source == "consulta":
        from store.consulta import consulta_totals
        return consulta_totals(by, year, settings)
    col_name = GROUPS[by]
    t = budget_line
    key = t.c[col_name].label("key")
    inner = _filtered(sa.select(key, sa.func.sum(t.c.pia).label("pia"), sa.func.sum(t.c.pim).label("pim"),
                                sa.func.sum(t.c.devengado).label("devengado")), t, year, filters)
    inner = inner.group_by(t.c[col_name]).subquery()
    names = latest_names(col_name, year)
    stmt = (sa.select(inner.c.key, names.c.name, inner.c.pia, inner.c.pim, inner.c.devengado)
            .select_from(inner.outerjoin(names, names.c.code == inner.c.key)).order_by(inner.c.key))
    return _finish(_frame(stmt, settings), col_name)


def _finish(df: pd.DataFrame, col_name: str) -> pd.DataFrame:
    fallback = FALLBACK_NAMES.get(col_name, {})
    if not df.empty:
        df["name"] = [n if isinstance(n, str) and n else fallback.get(k, "") for k, n in zip(df["key"], df["name"])]
    for c in MAIN_STAGES:
        df[c] = df[c].astype(object)
    df["execution_pct"] = [
        (round(float(d) / float(p) * 100, 2) if p not in (None, 0) and d is not None else None)
        for d, p in zip(df["devengado"], df["pim"])
    ]
    return df


def load_history_frame(settings: Settings | None = None) -> pd.DataFrame:
    h = load_history
    stmt = sa.select(h.c.id, h.c.file_name, h.c.format, h.c.breakdown, h.c.fiscal_years, h.c.rows_read,
                     h.c.rows_loaded, h.c.rows_rejected, h.c.started_at, h.c.finished_at, h.c.status,
                     h.c.message, h.c.sha256, h.c.is_demo, h.c.reject_report).order_by(h.c.id)
    return _frame(stmt, settings)


def is_demo_store(settings: Settings | None = None) -> bool:
    """True when any active load is demonstration data: the app must say so."""
    stmt = sa.select(sa.func.count()).select_from(load_history).where(
        load_history.c.status == "loaded", load_history.c.is_demo.is_(True))
    with read_engine(settings).connect() as conn:
        return bool(conn.execute(stmt).scalar())
