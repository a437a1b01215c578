"""Read functions for the Género page's depth: the three totals by LIO policy line, by category ->
programme -> product (the treemap), over fiscal years, and the gender lines whose execution lags
the budget's pace (the alerts).

Apart from store/gender.py (totals, rule sets, diffs) because these shape one chart or list
each. All read line_class's sums (store/schema.py), so none joins the millions of budget lines:
through store/gender_sums.py's tables, line_class summed at these reads' grains, when the store
has them. Amounts come back as floats in nominal soles; prices are the page's business
(store/reference.py).
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.codes import ALL, LEVELS
from settings import Settings
from store import gender_sums
from store.engine import read_engine
from store.gender_programmes import _names
from store.read import _frame, _num, _pct, _rows
from store.schema import budget_line, gender_sum_line, gender_sum_rule

__all__ = ["ALERT_MARGIN_PTS", "execution_alerts", "gender_series", "gender_tree", "lio_totals"]

THREE = ("strict", "weighted", "broad")
# An alert: a gender line's avance more than this many percentage points below the budget's.
ALERT_MARGIN_PTS = 2.0


def _read(table: sa.Table, build, settings) -> pd.DataFrame:
    """build(t) run on t = `table` or line_class (store.gender_sums.source)."""
    with read_engine(settings).connect() as conn:
        return _rows(conn, build(gender_sums.source(conn, table)))


def _three(c, stage: str) -> list:
    """strict, weighted, broad sums of one stage over c (line_class or a sum of it), labelled
    <definition>_<stage>."""
    amt = c.c[stage]
    return [sa.func.sum(sa.case((c.c.marker == 2, amt), else_=0)).label(f"strict_{stage}"),
            (sa.func.sum(amt * c.c.weight) / 100).label(f"weighted_{stage}"),
            sa.func.sum(sa.case((c.c.marker.in_([1, 2]), amt), else_=0)).label(f"broad_{stage}")]


def _level(stmt, c, level: str | None):
    return stmt.where(c.c.nivel_gobierno == level) if level in LEVELS else stmt


def _floats(df: pd.DataFrame, columns) -> pd.DataFrame:
    for col in columns:
        df[col] = [_num(v) or 0.0 for v in df[col].tolist()]
    return df


def lio_totals(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """Per LIO policy line (domain.gender.LIO_LABELS, 'sin_revisar' for unreviewed lines): strict,
    weighted and broad PIM and devengado, and the line's whole PIM and devengado. Rows by weighted
    devengado, largest first; every budget line is in exactly one row."""
    def build(c):
        stmt = sa.select(c.c.lio_line, *_three(c, "pim"), *_three(c, "devengado"),
                         sa.func.sum(c.c.pim).label("pim"), sa.func.sum(c.c.devengado).label("devengado")
                         ).where(c.c.fiscal_year == int(year))
        return _level(stmt, c, level).group_by(c.c.lio_line)
    df = _read(gender_sum_rule, build, settings)
    amounts = [f"{d}_{s}" for d in THREE for s in ("pim", "devengado")] + ["pim", "devengado"]
    df = _floats(df, amounts).rename(columns={"lio_line": "key"})
    return df.sort_values(["weighted_devengado", "key"], ascending=[False, True]).reset_index(drop=True)


def gender_tree(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """The gender money (lines with marker 1 or 2) by category -> programme -> product: category,
    programa, programa_name, producto, producto_name, strict, weighted, broad (devengado), pim,
    devengado. Marker-0 and unreviewed lines are left out: they carry no gender money."""
    def build(c):
        keys = [c.c.category, c.c.programa, c.c.producto_proyecto]
        stmt = sa.select(*keys, *_three(c, "devengado"), sa.func.sum(c.c.pim).label("pim"),
                         sa.func.sum(c.c.devengado).label("devengado")).where(
            c.c.fiscal_year == int(year), c.c.marker.in_([1, 2]))
        return _level(stmt, c, level).group_by(*keys)
    df = _read(gender_sum_line, build, settings)
    df = _floats(df.rename(columns={"strict_devengado": "strict", "weighted_devengado": "weighted",
                                    "broad_devengado": "broad", "producto_proyecto": "producto"}),
                 (*THREE, "pim", "devengado"))
    programmes = _names("programa", year, settings, df["programa"])
    products = _names("producto_proyecto", year, settings, df["producto"])
    df["programa_name"] = [programmes.get(k, "") for k in df["programa"].tolist()]
    df["producto_name"] = [products.get(k, "") for k in df["producto"].tolist()]
    cols = ["category", "programa", "programa_name", "producto", "producto_name", *THREE, "pim", "devengado"]
    return df[cols].sort_values(["category", "programa", "producto"]).reset_index(drop=True)


def gender_series(level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """Per fiscal year: strict, weighted and broad PIM and devengado, the budget's PIM and
    devengado, and each definition's share of devengado (<definition>_share_pct)."""
    def build(c):
        stmt = sa.select(c.c.fiscal_year, *_three(c, "pim"), *_three(c, "devengado"),
                         sa.func.sum(c.c.pim).label("pim"), sa.func.sum(c.c.devengado).label("devengado"))
        return _level(stmt, c, level).group_by(c.c.fiscal_year).order_by(c.c.fiscal_year)
    df = _read(gender_sum_rule, build, settings)
    df = _floats(df, [f"{d}_{s}" for d in THREE for s in ("pim", "devengado")] + ["pim", "devengado"])
    df["fiscal_year"] = [int(y) for y in df["fiscal_year"]]
    for d in THREE:
        df[f"{d}_share_pct"] = [_pct(g, t) for g, t in zip(df[f"{d}_devengado"], df["devengado"])]
    return df


def execution_alerts(year: int, level: str | None = ALL, margin_pts: float = ALERT_MARGIN_PTS,
                     settings: Settings | None = None) -> dict:
    """The gender lines (marker 1 or 2) of a year whose avance (devengado / PIM) is more than
    `margin_pts` points below the avance of the whole budget of the same selection, largest PIM first.

    A line is one programme x product x activity (the Programas drill path) x category and marker
    (units under different rules are not merged). The budget's avance
    is taken over the same months as the lines', so with a year still running (monthly or daily
    files) both are month-to-date. Returns {"pace_pct": the budget's avance, "through_month": the
    last month whose devengado, summed over the year's lines, is not zero (None: none yet; a
    month of only offsetting entries does not count, so the summary tables can answer it),
    "margin_pts", "alerts": DataFrame with programa, producto, actividad, their names, category,
    marker, pim, devengado, avance_pct, gap_pts}."""
    total = _read(gender_sum_rule, lambda c: _level(sa.select(
        sa.func.sum(c.c.pim).label("pim"), sa.func.sum(c.c.devengado).label("devengado")).where(
        c.c.fiscal_year == int(year)), c, level), settings).iloc[0]
    pace = _pct(total["devengado"], total["pim"])
    cols = ["programa", "programa_name", "producto", "producto_name", "actividad", "actividad_name", "category",
            "marker", "pim", "devengado", "avance_pct", "gap_pts"]
    alerts = pd.DataFrame(columns=cols)
    if pace is not None:
        threshold = pace - margin_pts
        # Only lines that may lag come back (tens of thousands otherwise). The SQL test is loose
        # by 1e-6 points, so float rounding in SQL cannot drop a line; the exact test is below.
        loose = sa.literal(threshold + 1e-6 * max(1.0, abs(threshold)), sa.Float)

        def build(c):
            keys = [c.c.programa, c.c.producto_proyecto, c.c.actividad, c.c.category, c.c.marker]
            pim, dev = sa.func.sum(c.c.pim), sa.func.sum(c.c.devengado)
            stmt = sa.select(*keys, pim.label("pim"), dev.label("devengado")).where(
                c.c.fiscal_year == int(year), c.c.marker.in_([1, 2]))
            return _level(stmt, c, level).group_by(*keys).having(
                sa.or_(pim < 0, sa.and_(pim > 0, dev * 100 < loose * pim)))
        lines = _read(gender_sum_line, build, settings)
        lines = _floats(lines.rename(columns={"producto_proyecto": "producto"}), ("pim", "devengado"))
        lines["avance_pct"] = [_pct(d, p) for d, p in zip(lines["devengado"], lines["pim"])]
        lines = lines[[a is not None and a < threshold for a in lines["avance_pct"]]].copy()
        if not lines.empty:
            lines["gap_pts"] = [pace - a for a in lines["avance_pct"]]
            for dim, col in (("programa", "programa"), ("producto_proyecto", "producto"), ("actividad", "actividad")):
                names = _names(dim, year, settings, lines[col])
                lines[f"{col}_name"] = [names.get(k, "") for k in lines[col].tolist()]
            lines["marker"] = [int(m) for m in lines["marker"].tolist()]
            alerts = lines.sort_values(["pim", "programa", "producto", "actividad"],
                                       ascending=[False, True, True, True])[cols].reset_index(drop=True)
    b = budget_line
    months = _frame(sa.select(b.c.month).where(b.c.fiscal_year == int(year), b.c.month > 0).group_by(b.c.month)
                    .having(sa.func.sum(b.c.devengado) != 0), settings)["month"]
    month = max((int(m) for m in months), default=None)
    return {"pace_pct": pace, "through_month": month, "margin_pts": margin_pts, "alerts": alerts}
