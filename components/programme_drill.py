"""Pieces of the Programas page: which level the rows are grouped by, amounts in the chosen
prices, 9001/9002 set aside in charts, and the series and monthly charts of the drilled item.

Prices: a small local conversion (amounts x CPI(base) / CPI(year), the factor from
store/reference.py) until the shared helper of the Resumen work lands; only columns of soles
are scaled, percentages never.
"""
from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.figures import DEVENGADO_COLOR, PIM_COLOR, empty_figure, grouped_bars
from components.fmt import millions, pct
from domain.codes import is_category_not_programme
from domain.i18n import t
from domain.url_state import DRILL_VIEWS
from store.read import DRILL_LEVELS

PIA_COLOR = "#6b6b6b"
MONEY_COLUMNS = ("pia", "pim", "devengado", "devengado_acum")


# ---------------------------------------------------------------- levels

def view_level(state: dict) -> str:
    """The DRILL_LEVELS name the rows are grouped by: the next level below the path, or the
    deeper one `por` asks for (a `por` at or above the next level means the next level)."""
    depth = len(state["path"])
    nxt = DRILL_LEVELS[min(depth, len(DRILL_LEVELS) - 1)]
    por = state.get("por")
    if por in DRILL_LEVELS and DRILL_LEVELS.index(por) > depth:
        return por
    return nxt


def skips_levels(state: dict) -> bool:
    return view_level(state) != DRILL_LEVELS[min(len(state["path"]), len(DRILL_LEVELS) - 1)]


def view_options(state: dict, lang: str) -> list[dict]:
    """'Next level (…)' and each level further down than the next one; empty when none is."""
    depth = len(state["path"])
    nxt = t(f"drill.{DRILL_LEVELS[min(depth, len(DRILL_LEVELS) - 1)]}", lang).lower()
    deeper = [v for v in DRILL_VIEWS[1:] if DRILL_LEVELS.index(v) > depth]
    if not deeper:
        return []
    return ([{"label": t("programmes.por.siguiente", lang, level=nxt), "value": DRILL_VIEWS[0]}]
            + [{"label": t(f"drill.{v}", lang), "value": v} for v in deeper])


# ---------------------------------------------------------------- prices

def units(real: bool, lang: str) -> str:
    return t("units.millions_real" if real else "units.millions", lang)


def in_prices(df: pd.DataFrame, factor: float | None) -> pd.DataFrame:
    """A copy with the soles columns multiplied by `factor` (1.0 or None: unchanged)."""
    if factor in (None, 1.0):
        return df
    out = df.copy()
    for c in MONEY_COLUMNS:
        if c in out:
            out[c] = [None if v is None or v != v else float(v) * factor for v in out[c]]
    return out


def series_in_prices(series: pd.DataFrame, factors: dict[int, float | None] | None
                     ) -> tuple[pd.DataFrame, list[int]]:
    """The by-year series with each year's amounts x its own CPI factor (store/reference.py
    to_real_soles(1.0, year, base)); `factors` None = nominal. Returns (the series, the years
    without a CPI), those years left out rather than shown nominal beside real ones."""
    if factors is None:
        return series, []
    missing = [int(y) for y in series["fiscal_year"] if factors.get(int(y)) is None]
    out = series[~series["fiscal_year"].isin(missing)].copy()
    for c in ("pia", "pim", "devengado"):
        out[c] = [float(v) * factors[int(y)] for v, y in zip(out[c], out["fiscal_year"])]
    return out.reset_index(drop=True), missing


# ---------------------------------------------------------------- 9001 / 9002

def set_aside(rows: pd.DataFrame, group: str, state: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows the chart draws, rows it sets aside): 9xxx categories leave programme charts when
    `apartar` is on, so the programmes' bars are not 3 px wide beside 9002."""
    if group != "programa" or rows.empty:
        return rows, rows.iloc[0:0]
    aside = rows["key"].map(is_category_not_programme)
    if state.get("apartar", "si") != "si":
        return rows, rows[aside]
    return rows[~aside].reset_index(drop=True), rows[aside].reset_index(drop=True)


def aside_note(aside: pd.DataFrame, state: dict, real: bool, lang: str) -> str:
    """The sentence under the chart that says what it left out, and that totals include it."""
    if aside.empty:
        return ""
    items = ", ".join(f"{k} {n}".strip() for k, n in zip(aside["key"], aside["name"]))
    if state.get("apartar", "si") != "si":
        return t("programmes.aside.in", lang, items=items)
    return t("programmes.aside.note", lang, items=items, pim=millions(aside["pim"].sum()),
             dev=millions(aside["devengado"].sum()), units=units(real, lang))


# ---------------------------------------------------------------- labels and charts

def bar_labels(rows: pd.DataFrame, width: int = 44) -> list[str]:
    """'code name' on at most two lines (plotly does not wrap); the full name is in the hover and the table."""
    out = []
    for k, n in zip(rows["key"], rows["name"]):
        lines = textwrap.wrap(f"{k} {n}".strip(), width) or [str(k)]
        if len(lines) > 2:
            lines = [lines[0], lines[1][: width - 1].rstrip() + "…"]
        out.append("<br>".join(lines))
    return out


def series_figure(series: pd.DataFrame, lang: str, title: str, units_label: str, source: str) -> go.Figure:
    """PIA, PIM and devengado per fiscal year (bars), avance % in the hover."""
    if series.empty:
        return empty_figure(t("empty", lang))
    years = [str(y) for y in series["fiscal_year"]]
    cols = (("pia", PIA_COLOR), ("pim", PIM_COLOR), ("devengado", DEVENGADO_COLOR))
    hover = [[f"<b>{y}</b><br>{t(c, lang)}: {millions(v)}<br>{t('avance', lang)}: {pct(a)}"
              for y, v, a in zip(years, series[c], series["avance_pct"])] for c, _ in cols]
    return grouped_bars(years, [(t(c, lang), list(series[c]), color) for c, color in cols], lang, title,
                        units_label, source, hover=hover)
