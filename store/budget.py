"""Read functions for the budget pages (Resumen, Programas, Regiones): one function per chart or
table, aggregated in SQL.

Each takes the filters a page shows (fiscal year, level of government, programme, drill path)
and `settings` last, and returns only the rows a chart draws. Amounts come back as floats in
soles: the pages scale and format them. Where `store.read` already answers the question
(`totals`, `latest_names`) these functions call it, so the CLI and the dashboard agree on every
total.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.codes import ALL, LEVELS, MAIN_STAGES
from settings import Settings
from store.read import (
    DRILL_COLUMNS,
    DRILL_LEVELS,
    _filtered,
    _frame,
    _num,
    _pct,
    latest_names,
    totals,
)
from store.schema import budget_line, code_name


def _is_ppr(col):
    """PpR strategic programmes: every programa code except the 9xxx categories (9001 ACCIONES
    CENTRALES, 9002 ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS, ...) and lines
    without a code. A prefix, not a list: the non-programme categories seen are numbered 9xxx
    (docs/domain.md §2), so another such category is left out without a code change."""
    return sa.and_(col != "", sa.not_(col.startswith("9")))


def _level_filters(level: str | None, **more) -> dict:
    filters = {k: v for k, v in more.items() if v not in (None, "")}
    if level in LEVELS:
        filters["nivel"] = level
    return filters


def _where(stmt, year: int, level: str | None, programa: str | None = None):
    return _filtered(stmt, budget_line, year, _level_filters(level, programa=programa))


def _totals_frame(df: pd.DataFrame) -> pd.DataFrame:
    """store.read.totals gives Decimals and a rounded %: charts want floats, exact ratios."""
    out = pd.DataFrame({
        "key": df["key"].astype(str) if not df.empty else pd.Series(dtype=str),
        "name": df["name"].astype(str) if not df.empty else pd.Series(dtype=str),
    })
    for c in MAIN_STAGES:
        out[c] = [(_num(v) or 0.0) for v in df[c]] if not df.empty else pd.Series(dtype=float)
    out["avance_pct"] = [_pct(d, p) for d, p in zip(out["devengado"], out["pim"])]
    return out


def overview_kpis(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """One row: PIA, PIM, devengado, avance % and the PpR programmes' share of PIM."""
    t = budget_line
    ppr_pim = sa.func.sum(sa.case((_is_ppr(t.c.programa), t.c.pim), else_=0)).label("ppr_pim")
    stmt = _where(sa.select(sa.func.count().label("lines"), sa.func.sum(t.c.pia).label("pia"),
                            sa.func.sum(t.c.pim).label("pim"), sa.func.sum(t.c.devengado).label("devengado"),
                            ppr_pim), year, level)
    row = _frame(stmt, settings).iloc[0]
    if not row["lines"]:
        return pd.DataFrame(columns=["pia", "pim", "devengado", "avance_pct", "ppr_pim", "ppr_share_pct"])
    pia, pim, dev, ppr = (_num(row[c]) or 0.0 for c in ("pia", "pim", "devengado", "ppr_pim"))
    return pd.DataFrame([{"pia": pia, "pim": pim, "devengado": dev, "avance_pct": _pct(dev, pim),
                          "ppr_pim": ppr, "ppr_share_pct": _pct(ppr, pim)}])


OVERVIEW_SERIES_COLUMNS = ["fiscal_year", "pia", "pim", "devengado", "avance_pct", "ppr_pim", "ppr_share_pct"]


def overview_by_year(level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """overview_kpis for every fiscal year loaded, oldest first: the Resumen series.

    One GROUP BY fiscal_year; a year is a row only when it has lines at that level."""
    t = budget_line
    ppr_pim = sa.func.sum(sa.case((_is_ppr(t.c.programa), t.c.pim), else_=0)).label("ppr_pim")
    stmt = _filtered(sa.select(t.c.fiscal_year, sa.func.sum(t.c.pia).label("pia"), sa.func.sum(t.c.pim).label("pim"),
                               sa.func.sum(t.c.devengado).label("devengado"), ppr_pim),
                     t, None, _level_filters(level)).group_by(t.c.fiscal_year).order_by(t.c.fiscal_year)
    df = _frame(stmt, settings)
    if df.empty:
        return pd.DataFrame(columns=OVERVIEW_SERIES_COLUMNS)
    out = pd.DataFrame({"fiscal_year": [int(y) for y in df["fiscal_year"]]})
    for c in ("pia", "pim", "devengado", "ppr_pim"):
        out[c] = [_num(v) or 0.0 for v in df[c]]
    out["avance_pct"] = [_pct(d, p) for d, p in zip(out["devengado"], out["pim"])]
    out["ppr_share_pct"] = [_pct(a, p) for a, p in zip(out["ppr_pim"], out["pim"])]
    return out[OVERVIEW_SERIES_COLUMNS]


def by_level(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """PIM, devengado and avance % per level of government (E, R, M), in that order.

    One GROUP BY without the code_name join `totals` makes: the pages label levels from
    their own translation table, and this chart is on the landing page."""
    t = budget_line
    stmt = _where(sa.select(t.c.nivel_gobierno.label("key"), sa.func.sum(t.c.pia).label("pia"),
                            sa.func.sum(t.c.pim).label("pim"), sa.func.sum(t.c.devengado).label("devengado")),
                  year, level).group_by(t.c.nivel_gobierno)
    df = _frame(stmt, settings)
    df["name"] = [LEVELS.get(k, k) for k in df["key"]]
    df = _totals_frame(df)
    order = {k: i for i, k in enumerate(LEVELS)}
    return df.sort_values("key", key=lambda s: s.map(order)).reset_index(drop=True)


def by_programme(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """Per programa: PIA, PIM, devengado, avance %, largest PIM first."""
    return drill(year, level, (), settings)


def drill(year: int, level: str | None = ALL, path: tuple[str, ...] | list[str] = (),
          settings: Settings | None = None, *, by: str | None = None) -> pd.DataFrame:
    """The children of a drill path: programa -> producto/proyecto -> actividad -> ejecutora.

    `path` holds the codes chosen so far (empty = programmes); the rows are the next level
    down within that path, largest PIM first. `by` (a DRILL_LEVELS name deeper than the path)
    groups by a level further down instead, skipping those between: e.g. the executing units
    of a whole programme, `drill(2010, "all", ("0001",), by="ejecutora")`."""
    path = tuple(path)
    group = _drill_group(path, by)
    filters = _level_filters(level, **dict(zip(DRILL_LEVELS, path)))
    df = _totals_frame(totals(group, year, filters=filters, settings=settings))
    return df.sort_values(["pim", "devengado", "key"], ascending=[False, False, True]).reset_index(drop=True)


def _drill_group(path: tuple, by: str | None) -> str:
    """The DRILL_LEVELS name the rows below `path` are grouped by (ValueError when impossible)."""
    if len(path) >= len(DRILL_LEVELS):
        raise ValueError(f"drill path too deep: {path}")
    if by is None:
        return DRILL_LEVELS[len(path)]
    if by not in DRILL_LEVELS or DRILL_LEVELS.index(by) < len(path):
        raise ValueError(f"cannot group by {by!r} below the drill path {path}")
    return by


def drill_locate(year: int, level: str | None, path: tuple[str, ...] | list[str], by: str, key: str,
                 settings: Settings | None = None) -> tuple[str, ...] | None:
    """The full drill path to `key`, a code of level `by` found below `path` with levels skipped
    (a row of drill(..., by=...)): the codes between filled in, when the lines of that year and
    level put `key` under one of each. None when they put it under several (an activity code
    shared by two products), or when `by` is the last level (a path points at most to an activity)."""
    path = tuple(path)
    group = _drill_group(path, by)
    depth = DRILL_LEVELS.index(group)
    if depth >= len(DRILL_LEVELS) - 1:
        return None
    between = [budget_line.c[DRILL_COLUMNS[i]] for i in range(len(path), depth)]
    if not between:
        return (*path, str(key))
    filters = _level_filters(level, **dict(zip(DRILL_LEVELS, path)), **{group: str(key)})
    stmt = _filtered(sa.select(*between).distinct(), budget_line, year, filters).limit(2)
    found = _frame(stmt, settings)
    if len(found) != 1:
        return None
    return (*path, *[str(v) for v in found.iloc[0]], str(key))


def drill_series(level: str | None = ALL, path: tuple[str, ...] | list[str] = (),
                 settings: Settings | None = None) -> pd.DataFrame:
    """What the drill path points at (empty path: the whole level), per fiscal year loaded:
    fiscal_year, pia, pim, devengado, avance_pct. Years where it has no lines are left out."""
    t = budget_line
    filters = _level_filters(level, **dict(zip(DRILL_LEVELS, tuple(path))))
    stmt = _filtered(sa.select(t.c.fiscal_year, sa.func.sum(t.c.pia).label("pia"),
                               sa.func.sum(t.c.pim).label("pim"), sa.func.sum(t.c.devengado).label("devengado")),
                     t, None, filters).group_by(t.c.fiscal_year).order_by(t.c.fiscal_year)
    df = _frame(stmt, settings)
    out = pd.DataFrame({"fiscal_year": pd.Series([int(y) for y in df["fiscal_year"]], dtype=int)})
    for c in MAIN_STAGES:
        out[c] = pd.Series([_num(v) or 0.0 for v in df[c]], dtype=float)
    out["avance_pct"] = [_pct(d, p) for d, p in zip(out["devengado"], out["pim"])]
    return out


def drill_names(year: int, path: tuple[str, ...] | list[str], settings: Settings | None = None) -> list[str]:
    """The names of the codes in a drill path, for the breadcrumb ('' when unnamed)."""
    path = tuple(path)[:len(DRILL_LEVELS)]
    if not path:
        return []
    conds = [sa.and_(code_name.c.dimension == DRILL_COLUMNS[i], code_name.c.code == code)
             for i, code in enumerate(path)]
    stmt = (sa.select(code_name.c.dimension, code_name.c.code, code_name.c.name)
            .where(code_name.c.fiscal_year == int(year), sa.or_(*conds)))
    found = {(r.dimension, r.code): r.name for r in _frame(stmt, settings).itertuples()}
    return [found.get((DRILL_COLUMNS[i], code), "") for i, code in enumerate(path)]


def monthly_execution(year: int, level: str | None = ALL, programa: str | None = None,
                      settings: Settings | None = None) -> pd.DataFrame:
    """Devengado per month 1..last month loaded, its running total, PIM and cumulative avance %.

    PIM sits on the month-0 rows, so it is the sum over all rows; months run up to the last
    one with lines (a year in progress stops there instead of drawing a flat tail)."""
    return _monthly(year, _level_filters(level, programa=programa), settings)


def drill_monthly(year: int, level: str | None = ALL, path: tuple[str, ...] | list[str] = (),
                  settings: Settings | None = None) -> pd.DataFrame:
    """monthly_execution of what a drill path points at (a product, an activity, ...)."""
    return _monthly(year, _level_filters(level, **dict(zip(DRILL_LEVELS, tuple(path)))), settings)


def _monthly(year: int, filters: dict, settings: Settings | None) -> pd.DataFrame:
    t = budget_line
    stmt = _filtered(sa.select(t.c.month, sa.func.sum(t.c.pim).label("pim"),
                               sa.func.sum(t.c.devengado).label("devengado")), t, year, filters)
    df = _frame(stmt.group_by(t.c.month), settings)
    cols = ["month", "devengado", "devengado_acum", "pim", "avance_acum_pct"]
    months = [int(m) for m in df["month"] if int(m) > 0]
    if df.empty or not months:
        return pd.DataFrame(columns=cols)
    pim = sum(_num(v) or 0.0 for v in df["pim"])
    by_month = {int(m): _num(d) or 0.0 for m, d in zip(df["month"], df["devengado"])}
    out = pd.DataFrame({"month": range(1, max(months) + 1)})
    out["devengado"] = [by_month.get(m, 0.0) for m in out["month"]]
    out["devengado_acum"] = out["devengado"].cumsum()
    out["pim"] = pim
    out["avance_acum_pct"] = [_pct(a, pim) for a in out["devengado_acum"]]
    return out[cols]


def by_department(year: int, level: str | None = ALL, programa: str | None = None,
                  settings: Settings | None = None) -> pd.DataFrame:
    """Per DEPARTAMENTO_META (where the spending lands), 98 Exterior included."""
    df = _totals_frame(totals("departamento", year, filters=_level_filters(level, programa=programa),
                              settings=settings))
    return df.sort_values("key").reset_index(drop=True)


def programme_names(year: int, settings: Settings | None = None) -> pd.DataFrame:
    """(code, name) of the programmes with lines in a year, for a filter dropdown."""
    names = latest_names("programa", year)
    codes = (sa.select(budget_line.c.programa.label("code"))
             .where(budget_line.c.fiscal_year == int(year)).distinct().subquery())
    stmt = (sa.select(codes.c.code, names.c.name)
            .select_from(codes.outerjoin(names, names.c.code == codes.c.code)).order_by(codes.c.code))
    df = _frame(stmt, settings)
    df["name"] = df["name"].fillna("")
    return df
