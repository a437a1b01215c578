"""Series over fiscal years: amounts by year (bars) and rates by year (lines), or, with a single
year loaded, a sentence saying so instead of a one-point chart. For any page with a by-year read
(store.budget.overview_by_year, ...); amounts come already in the chosen prices
(store.reference.in_prices) with their unit label (domain.i18n.money_units)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures import ACCENT, DEVENGADO_COLOR, _layout, budget_bars, empty_figure
from components.fmt import pct
from domain.i18n import t


def one_year(df: pd.DataFrame, year_column: str = "fiscal_year") -> bool:
    """True when a series would have a single point (or none): draw one_year_figure instead."""
    return df[year_column].nunique() < 2


def one_year_figure(df: pd.DataFrame, lang: str, year_column: str = "fiscal_year") -> go.Figure:
    """'Only one fiscal year is loaded (2010)...' in place of the chart."""
    year = ", ".join(str(int(y)) for y in df[year_column].unique()) or "—"
    return empty_figure(t("overview.series.one_year", lang, year=year), height=200, wrap=70)


def amounts_by_year(df: pd.DataFrame, lang: str, title: str, units: str, source: str,
                    year_column: str = "fiscal_year") -> go.Figure:
    """PIM beside devengado per fiscal year (budget_bars with the year as the group)."""
    if one_year(df, year_column):
        return one_year_figure(df, lang, year_column)
    bars = df.assign(key=[str(int(y)) for y in df[year_column]], name="")
    return budget_bars(bars, lang, title, source, labels=list(bars["key"]), horizontal=False, units=units)


def rates_by_year(df: pd.DataFrame, series: list[tuple[str, str, str]], lang: str, title: str, source: str,
                  year_column: str = "fiscal_year") -> go.Figure:
    """Percentages per fiscal year, one line per (column, name, colour) of `series`."""
    if one_year(df, year_column):
        return one_year_figure(df, lang, year_column)
    years = [str(int(y)) for y in df[year_column]]
    traces = [go.Scatter(x=years, y=[None if v is None or v != v else float(v) for v in df[col]], name=name,
                         mode="lines+markers", line={"color": color, "width": 3},
                         hovertext=[f"{y} · {name}: {pct(v)}" for y, v in zip(years, df[col])],
                         hovertemplate="%{hovertext}<extra></extra>")
              for col, name, color in series]
    return go.Figure(traces, _layout(title, "%", source, 360, hovermode="x unified",
                                     yaxis={"ticksuffix": " %", "gridcolor": "#e5e5e5", "rangemode": "tozero"},
                                     xaxis={"type": "category"}))


OVERVIEW_RATES = (("avance_pct", "overview.series.avance", DEVENGADO_COLOR), ("ppr_share_pct", "overview.series.ppr", ACCENT))


def overview_rates(df: pd.DataFrame, lang: str, title: str, source: str) -> go.Figure:
    """Avance and the PpR share of PIM by year (store.budget.overview_by_year)."""
    return rates_by_year(df, [(c, t(k, lang), color) for c, k, color in OVERVIEW_RATES], lang, title, source)
