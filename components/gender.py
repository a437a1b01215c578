"""The Género page's pieces: the programme table, the LIO-line bars, the treemap of gender money,
the series over fiscal years and the execution alerts. Each takes a read function's frame
(store/gender_programmes.py, store/gender_depth.py) already in the prices the URL asks for
(`scaled`, `price_factor`) and returns a figure or a Dash block."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import html

from components.data import cached
from components.figures import _layout, empty_figure, grouped_bars
from components.fmt import MILLION, millions, pct
from components.tables import data_grid
from domain.codes import REAL_BASE_YEAR
from domain.gender import DEFINITIONS, UNREVIEWED
from domain.i18n import code_label, t
from domain.url_state import search_for
from domain import palette
from store import reference

COLORS = dict(palette.GENDER_TOTALS)           # domain/palette.py: safe for colour-blind readers
CATEGORY_COLORS = {"especifico": palette.OKABE_ITO["vermillion"], "igualdad_oportunidades": palette.OKABE_ITO["orange"],
                   "general": palette.OKABE_ITO["sky_blue"]}
ALERTS_SHOWN = 15


# ---------------------------------------------------------------- prices

def price_factor(year: int, prices: str) -> float | None:
    """1 for nominal soles; CPI(REAL_BASE_YEAR) / CPI(year) for real ones (store/reference.py);
    None when the store has no CPI for that year (the page then says so and stays nominal)."""
    if prices != "real":
        return 1.0
    return cached(reference.to_real_soles, 1.0, int(year), REAL_BASE_YEAR)


def units(prices: str, lang: str) -> str:
    return t("units.millions_real" if prices == "real" else "units.millions", lang)


def scaled(df: pd.DataFrame, factor: float, columns) -> pd.DataFrame:
    """A copy with the amount `columns` times `factor` (floats)."""
    out = df.copy()
    for col in columns:
        if col in out:
            out[col] = [None if v is None or v != v else float(v) * factor for v in out[col]]
    return out


# ---------------------------------------------------------------- which programmes

PROGRAMME_COLUMNS = (("key", "col.key", "text"), ("name", "col.name", "text"),
                     ("strict", "gdef.strict.short", "amount"), ("weighted", "gdef.weighted.short", "amount"),
                     ("broad", "gdef.broad.short", "amount"), ("pia", "col.pia", "amount"),
                     ("pim", "col.pim", "amount"), ("devengado", "col.devengado", "amount"),
                     ("avance_pct", "col.avance", "pct"), ("category_label", "col.gcategory", "text"),
                     ("marker_label", "col.gmarker", "text"), ("lio_label", "col.lio", "text"),
                     ("rules", "col.rule", "text"), ("rationale_text", "col.rationale", "text"))


def programme_grid(grid_id: str, df: pd.DataFrame, lang: str) -> html.Div:
    """store.gender_programmes.programme_table as a sortable grid: money first, the words after."""
    df = df.assign(category_label=[code_label("gcat", c, lang) for c in df["category"]],
                   marker_label=[code_label("gmark", UNREVIEWED if m is None or m != m else int(m), lang)
                                 for m in df["marker"]],
                   lio_label=[code_label("glio", x, lang) for x in df["lio_line"]],
                   rationale_text=[en if lang == "en" and en else es
                                   for es, en in zip(df["rationale"], df["rationale_en"])],
                   rules=[code_label("gcat", r, lang) if r == UNREVIEWED else r for r in df["rules"]])
    cols = [(f, t(k, lang), kind) for f, k, kind in PROGRAMME_COLUMNS]
    total = {"key": "", "name": t("regions.total", lang),
             **{c: float(df[c].sum()) for c in ("strict", "weighted", "broad", "pia", "pim", "devengado")}}
    total["avance_pct"] = total["devengado"] / total["pim"] * 100 if total["pim"] else None
    return data_grid(grid_id, df, cols, height=520, filters=True, wrap=("rationale_text",), pinned_total=total,
                     fit=False, widths={"key": (110, 150), "name": (220, 340), "strict": 110, "weighted": 120,
                                        "broad": 110, "pia": 110, "pim": 110, "devengado": 120, "avance_pct": 100,
                                        "category_label": 170, "marker_label": 140, "lio_label": 170,
                                        "rules": 150, "rationale_text": 380}, lang=lang)


def split_note(table: pd.DataFrame, spread: pd.DataFrame, lang: str) -> html.P | None:
    """Where one executing unit's money sits in several rows (a 9001/9002 row named by the unit and
    budget programmes, e.g. Juntos: unit 1428 and programme 0005), say so and show that the parts
    add up (store.gender_programmes.unit_spread, in the same prices as the table)."""
    units = table[table["unit"] != ""]
    parts = []
    for unit, part in spread.groupby("unit", sort=False):
        if len(part) < 2:
            continue
        name = units.loc[units["unit"] == unit, "name"]
        pieces = " + ".join(f"{p} {millions(v)}" for p, v in zip(part["programa"], part["pim"]))
        parts.append(t("gender.split.unit", lang, unit=unit, name=name.iloc[0] if len(name) else "", pieces=pieces,
                       total=millions(part["pim"].sum())))
    if not parts:
        return None
    return html.P([t("gender.split.intro", lang), *[html.Span([html.Br(), p]) for p in parts]],
                  className="small text-secondary mb-1", id="gender-split-note")


# ---------------------------------------------------------------- LIO lines, treemap

def lio_figure(df: pd.DataFrame, lang: str, title: str, unit_label: str, source: str) -> go.Figure:
    """The three totals (devengado) per LIO policy line, lines without gender money left out."""
    df = df[(df["broad_devengado"] != 0) | (df["weighted_devengado"] != 0)]
    if df.empty:
        return empty_figure(t("gender.lio.none", lang), wrap=60)
    labels = [code_label("glio", k, lang) for k in df["key"]]
    series = [(t(f"gdef.{d}.short", lang), list(df[f"{d}_devengado"]), COLORS[d]) for d in DEFINITIONS]
    fig = grouped_bars(labels, series, lang, title, unit_label, source, horizontal=True,
                       customdata=list(df["key"]))
    _value_labels(fig)
    return fig


def _value_labels(fig: go.Figure) -> None:
    """The amount printed beside each bar: a small bar beside a large one stays readable."""
    for tr in fig.data:
        values = tr.x if tr.orientation == "h" else tr.y
        tr.update(text=[millions(None if v is None else v * MILLION) for v in values], textposition="outside",
                  cliponaxis=False, textfont={"size": 11})


def label_bars(fig: go.Figure) -> go.Figure:
    """_value_labels for a figure built elsewhere (budget_bars by category or marker)."""
    if fig.data:
        _value_labels(fig)
        fig.update_layout(margin={"r": 60})
    return fig


def treemap(df: pd.DataFrame, lang: str, title: str, unit_label: str, source: str) -> go.Figure:
    """Weighted gender devengado, category -> programme -> product. Two levels open at a time
    (click to go down), each tile with its amount and share of its parent, so small ones read."""
    df = df[df["weighted"] > 0]
    if df.empty:
        return empty_figure(t("gender.tree.none", lang), wrap=60)
    ids, labels, parents, values, hover, colors = [], [], [], [], [], []
    for cat, cpart in df.groupby("category", sort=False):
        cat_label = code_label("gcat", cat, lang)
        ids.append(cat), labels.append(cat_label), parents.append(""), values.append(cpart["weighted"].sum())
        colors.append(CATEGORY_COLORS.get(cat, "#ccc"))
        for prog, ppart in cpart.groupby("programa", sort=False):
            pid = f"{cat}/{prog}"
            ids.append(pid), labels.append(f"{prog} {ppart['programa_name'].iloc[0]}".strip())
            parents.append(cat), values.append(ppart["weighted"].sum()), colors.append(CATEGORY_COLORS.get(cat, "#ccc"))
            for r in ppart.itertuples():
                ids.append(f"{pid}/{r.producto}"), labels.append(f"{r.producto} {r.producto_name}".strip())
                parents.append(pid), values.append(r.weighted), colors.append(CATEGORY_COLORS.get(cat, "#ccc"))
    hover = [f"<b>{lab}</b><br>{t('gdef.weighted.short', lang)}: {millions(v)}" for lab, v in zip(labels, values)]
    trace = go.Treemap(ids=ids, labels=labels, parents=parents, values=[v / MILLION for v in values],
                       branchvalues="total", maxdepth=2, marker={"colors": colors},
                       texttemplate="<b>%{label}</b><br>%{value:,.1f} · %{percentParent:.1%}",
                       hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", pathbar={"visible": True},
                       tiling={"packing": "squarify"})
    layout = _layout(title, unit_label, source, 520)
    layout["margin"] = {**layout["margin"], "l": 4, "r": 4}
    return go.Figure([trace], layout)


# ---------------------------------------------------------------- series

def series_figure(df: pd.DataFrame, lang: str, title: str, unit_label: str, source: str) -> go.Figure:
    """Strict, weighted and broad devengado by fiscal year (lines), their share of the budget's
    devengado on the right axis (dotted); with one year, a sentence instead of a one-point chart."""
    if len(df) < 2:
        year = int(df["fiscal_year"].iloc[0]) if len(df) else "—"
        return empty_figure(t("gender.series.one_year", lang, year=year), height=200, wrap=70)
    years = [str(y) for y in df["fiscal_year"]]
    traces = []
    for d in DEFINITIONS:
        name = t(f"gdef.{d}.short", lang)
        traces.append(go.Scatter(
            x=years, y=[None if v is None else v / MILLION for v in df[f"{d}_devengado"]], name=name,
            mode="lines+markers", line={"color": COLORS[d], "width": 3},
            hovertext=[f"<b>{y}</b> · {name}: {millions(v)} ({pct(s)} {t('gender.series.of_budget', lang)})"
                       for y, v, s in zip(years, df[f"{d}_devengado"], df[f"{d}_share_pct"])],
            hovertemplate="%{hovertext}<extra></extra>"))
        traces.append(go.Scatter(x=years, y=list(df[f"{d}_share_pct"]), yaxis="y2", mode="lines",
                                 name=f"{name} · % {t('gender.series.of_budget', lang)}", showlegend=False,
                                 line={"color": COLORS[d], "dash": "dot", "width": 1.5}, hoverinfo="skip"))
    layout = _layout(title, unit_label + " · " + t("gender.series.right_axis", lang), source, 420,
                     xaxis={"type": "category"},
                     yaxis={"tickformat": ",.0f", "gridcolor": "#e5e5e5", "rangemode": "tozero"},
                     yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero", "ticksuffix": " %",
                             "showgrid": False})
    return go.Figure(traces, layout)


# ---------------------------------------------------------------- alerts

def alerts_block(result: dict, state: dict, programmes_path: str, factor: float, lang: str) -> html.Div:
    """The lagging gender lines as a list, largest PIM first, each a link to its drill path on
    Programas; the pace they are measured against said above them."""
    pace, month = result["pace_pct"], result["through_month"]
    alerts = result["alerts"]
    months = t("months", lang).split(",")
    when = t("gender.alerts.through", lang, month=months[month - 1]) if month and month < 12 else ""
    head = t("gender.alerts.pace", lang, pace=pct(pace), margin=f"{result['margin_pts']:g}", when=when)
    if alerts.empty:
        return html.Div([html.P(head, className="small mb-1"),
                         dbc.Alert(t("gender.alerts.none", lang), color="success", className="mb-0")],
                        id="gender-alerts")
    items = []
    for r in alerts.head(ALERTS_SHOWN).to_dict("records"):
        path = [r["programa"], r["producto"], r["actividad"]]
        href = programmes_path + search_for(state, path=path)
        what = f"{r['programa']} {r['programa_name']} › {r['producto']} {r['producto_name']} › " \
               f"{r['actividad']} {r['actividad_name']}"
        items.append(html.Li([
            html.A(what, href=href, className="fw-semibold"), html.Br(),
            html.Span(t("gender.alerts.item", lang, avance=pct(r["avance_pct"]), gap=f"{r['gap_pts']:.1f}",
                        pim=millions(r["pim"] * factor), dev=millions(r["devengado"] * factor),
                        category=code_label("gcat", r["category"], lang), marker=r["marker"]),
                      className="small")], className="mb-2"))
    more = (html.P(t("gender.alerts.more", lang, shown=ALERTS_SHOWN, total=len(alerts)), className="small")
            if len(alerts) > ALERTS_SHOWN else None)
    return html.Div([html.P(head, className="small mb-1"), html.Ol(items, className="mb-1"), more],
                    id="gender-alerts")
