"""The Regiones page's pieces: the map of one metric per department, the note on Lima's national
units, the department table, a department's profile and the side-by-side comparison.

Figures arrive from store/regions.py already in the chosen prices; this module lays them out and
formats them. Nothing here reads the store."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from components.cards import kpi_card, money_cards
from components.figures import budget_bars, empty_figure, value_map
from components.fmt import MILLION, fmt_number, millions, pct
from components.layout import graph
from components.tables import data_grid, total_row
from domain.codes import DEPARTMENTS
from domain.i18n import t, unit_label
from domain.url_state import GENDER_CHOICES, search_for

EXTERIOR = "98"
# Colour-blind-safe sequential scale (Cividis: readable with every common colour-vision deficiency
# and in greyscale), reversed so that more is darker.
MAP_COLORSCALE = "cividis_r"
PER_PERSON = ("per_capita", "per_woman")
PATH = "/regiones"
WRAP = 60


def _real(state: dict) -> bool:
    return state.get("precios") == "real"


def metric_label(metric: str, state: dict) -> str:
    """'Participación de género (ponderado)' for gender_share; else the metric's own label."""
    if metric == "gender_share":
        return t("regions.metric.gender_share.def", state["lang"],
                 definition=t(f"gdef.{GENDER_CHOICES[state['genero']]}.short", state["lang"]).lower())
    return t(f"regions.metric.{metric}", state["lang"])


def metric_units(metric: str, state: dict) -> str:
    lang, real = state["lang"], _real(state)
    if metric in ("pia", "devengado", "pim"):
        return t("units.millions_real" if real else "units.millions", lang)
    if metric == "avance":
        return t("units.pct_pim", lang)
    if metric == "gender_share":
        return t("regions.units.gender_share", lang)
    per = "habitante" if metric == "per_capita" else "mujer"
    return t(f"units.per.{per}.real" if real else f"units.per.{per}", lang)


def metric_text(metric: str, value) -> str:
    """A metric's value as the cards and the comparison print it (in its units)."""
    if metric in ("pia", "devengado", "pim"):
        return millions(value)
    if metric in ("avance", "gender_share"):
        return pct(value)
    return fmt_number(value, 2)


def _column(metric: str) -> str:
    return {"avance": "avance_pct", "gender_share": "gender_share_pct"}.get(metric, metric)


def _missing_population(metrics: pd.DataFrame) -> list[str]:
    """Departments (not 98) with money but no INEI figure that year."""
    rows = metrics[(metrics["key"] != EXTERIOR) & metrics["population"].isna()]
    return [f"{k} {n}" for k, n in zip(rows["key"], rows["name"])]


def metric_map(metrics: pd.DataFrame, state: dict, source: str, geojson_url: str):
    """Choropleth of the state's metric per department from department_metrics; departments
    without a value (no population, no PIM, no CPI) stay grey, and the figure says why when
    none has one."""
    lang, year, metric = state["lang"], state["year"], state["metric"]
    column = _column(metric)
    shown = metrics[(metrics["key"] != EXTERIOR) & metrics[column].notna()] if not metrics.empty else metrics
    if shown.empty:
        if metrics.empty:
            why = t("empty", lang)
        elif metric in PER_PERSON:
            why = t("regions.no_population", lang, year=year)
        elif metric == "avance":
            why = t("empty.pim", lang)
        elif _real(state) and metric in ("devengado", "pim"):
            why = t("regions.no_cpi", lang, year=year)
        else:
            why = t("empty", lang)
        return empty_figure(why, height=480, wrap=WRAP)
    units = metric_units(metric, state)
    scale = 1 / MILLION if metric in ("devengado", "pim") else 1.0
    values = [float(v) * scale for v in shown[column]]
    units_m = t("units.millions_real" if _real(state) else "units.millions", lang)
    hover = [f"<b>{k} {n}</b><br>{metric_label(metric, state)}: {metric_text(metric, v)} ({units})"
             f"<br>{t('devengado', lang)}: {millions(d)} ({units_m})"
             + (f"<br>{t('col.population.habitante', lang)}: {fmt_number(p, 0)}" if p is not None else "")
             + (f"<br>{t('col.population.mujer', lang)}: {fmt_number(w, 0)}" if w is not None else "")
             for k, n, v, d, p, w in zip(shown["key"], shown["name"], shown[column], shown["devengado"],
                                         shown["population"], shown["women"])]
    title = t("regions.map", lang, metric=metric_label(metric, state)) + f" · {year}"
    if state.get("programme"):
        title += f" · {state['programme']}"
    fmt = ",.1f" if metric in PER_PERSON + ("avance", "gender_share") else ",.0f"
    return value_map(list(shown["key"]), values, hover, units, title, source, geojson_url, tickformat=fmt,
                     colorscale=MAP_COLORSCALE)


def lima_note(state: dict, prefix: str) -> dbc.Alert:
    """Beside the map: national units registered in Lima inflate its per-capita figure; the level
    filter leaves them out (links to the same view at regional and at local level)."""
    lang = state["lang"]
    links = [dcc.Link(t(f"level.{lv}", lang), href=PATH + search_for(state, level=lv), className="alert-link me-2")
             for lv in ("R", "M")]
    return dbc.Alert([html.Span(t("regions.lima_note", lang)), " ", *links], color="info",
                     className="small py-2", id=f"{prefix}-lima-note")


def population_note(metrics: pd.DataFrame, state: dict, prefix: str):
    """For per-person metrics: which departments have no INEI population that year (grey on the
    map, no figure in the table), never a silent zero."""
    if state["metric"] not in PER_PERSON or metrics.empty:
        return None
    missing = _missing_population(metrics)
    if not missing:
        return None
    return dbc.Alert(t("regions.population_missing", state["lang"], year=state["year"], departments=", ".join(missing)),
                     color="warning", className="small py-2", id=f"{prefix}-population-missing")


def department_table(metrics: pd.DataFrame, state: dict, prefix: str):
    """Every department with its money and the map's other metrics; a click opens its profile."""
    lang = state["lang"]
    if metrics.empty:
        return dbc.Alert(t("empty", lang), color="secondary")
    cols = [("key", t("col.key", lang), "text"), ("name", t("col.department", lang), "text"),
            ("pim", t("col.pim", lang), "amount"), ("devengado", t("col.devengado", lang), "amount"),
            ("avance_pct", t("col.avance", lang), "pct"),
            ("per_capita", metric_units("per_capita", state), "num"),
            ("per_woman", metric_units("per_woman", state), "num"),
            ("gender_share_pct", t("regions.col.gender_share", lang), "pct")]
    total = total_row(metrics.assign(pia=[v or 0.0 for v in metrics["pia"]],
                                     pim=[v or 0.0 for v in metrics["pim"]],
                                     devengado=[v or 0.0 for v in metrics["devengado"]]), lang)
    return html.Div([
        html.P(t("regions.table.hint", lang, units=metric_units("devengado", state)),
               className="small text-secondary mb-1"),
        data_grid(f"{prefix}-grid", metrics, cols, pinned_total=total, row_id="key",
                  height=min(560, 100 + 42 * (len(metrics) + 1)), lang=lang,
                  highlight=state.get("departamento") or None)])


# ---------------------------------------------------------------- a department's profile

def _name(code: str, metrics: pd.DataFrame) -> str:
    found = metrics[metrics["key"] == code]["name"] if not metrics.empty else []
    return str(found.iloc[0]) if len(found) else DEPARTMENTS.get(code, code)


def rank_text(rank: tuple, state: dict) -> str:
    position, out_of = rank
    lang = state["lang"]
    label = metric_label(state["metric"], state)
    if position is None:
        return t("regions.rank.none", lang, metric=label)
    return t("regions.rank", lang, rank=position, n=out_of, metric=label)


def _key_cards(row: dict, state: dict, prefix: str) -> dbc.Row:
    lang = state["lang"]
    units = metric_units("devengado", state)
    money = money_cards(row, lang, prefix, units)
    people = []
    for metric, people_col, label_key in (("per_capita", "population", "col.population.habitante"),
                                          ("per_woman", "women", "col.population.mujer")):
        n = row.get(people_col)
        note = (f"{t(label_key, lang)}: {fmt_number(n, 0)}" if n is not None
                else t("regions.no_population.short", lang, year=state["year"]))
        people.append(kpi_card(metric_label(metric, state), metric_text(metric, row.get(metric)),
                               metric_units(metric, state), note, f"{prefix}-kpi-{metric}"))
    return dbc.Row([*money.children, *people], className="g-3")


def _series_figure(series: pd.DataFrame, state: dict, name: str, source_all: str):
    lang = state["lang"]
    if len(series) < 2:
        return None
    df = pd.DataFrame({"key": [str(y) for y in series["fiscal_year"]], "name": "",
                       "pim": [v or 0.0 for v in series["pim"]], "devengado": [v or 0.0 for v in series["devengado"]],
                       "avance_pct": list(series["avance_pct"])})
    src = source_all + (f"<br>{t('source.denominators', lang)}" if _real(state) else "")
    return budget_bars(df, lang, t("regions.profile.series", lang, department=name), src, labels=list(df["key"]),
                       horizontal=False, units=metric_units("devengado", state))


def _gender_cards(gender: pd.DataFrame, state: dict, prefix: str) -> dbc.Row:
    lang = state["lang"]
    units = t("regions.units.gender", lang, units=metric_units("devengado", state))
    cards = []
    for r in gender.to_dict("records"):
        d = r["definition"]
        note = t("gender.card.note", lang, pia=millions(r.get("pia")), pim=millions(r.get("pim")),
                 share=pct(r.get("share_devengado_pct")))
        cards.append(kpi_card(t(f"gdef.{d}", lang), millions(r.get("devengado")), units, note,
                              f"{prefix}-gender-{d}"))
    return dbc.Row(cards, className="g-3")


def _coverage_table(cov: pd.DataFrame, state: dict, prefix: str):
    lang, year = state["lang"], state["year"]
    if cov.empty:
        return dbc.Alert(t("regions.coverage.none", lang), color="secondary", id=f"{prefix}-coverage-none")
    this_year = cov[cov["year"] == int(year)]
    note = None
    if this_year.empty:
        note = html.P(t("regions.coverage.other_years", lang, year=year), className="small text-secondary mb-1")
        this_year = cov
    df = this_year.assign(sex_label=[t(f"sex.{s}", lang) for s in this_year["sex"]],
                          unit_label=[unit_label(u, lang) for u in this_year["unit"]],
                          programme=[p if isinstance(p, str) and p else pid
                                     for p, pid in zip(this_year["programme"], this_year["programme_id"])])
    cols = [("year", t("col.year", lang), "text"), ("programme", t("regions.col.programme", lang), "text"),
            ("sex_label", t("col.sex", lang), "text"), ("value", t("col.value", lang), "num"),
            ("unit_label", t("col.unit", lang), "text"), ("source", t("col.source", lang), "text")]
    return html.Div([note, data_grid(f"{prefix}-coverage-grid", df, cols, height=None, fit=False, lang=lang,
                                     wrap=("programme", "source"))])


def profile(code: str, metrics: pd.DataFrame, rank: tuple, series: pd.DataFrame, top: pd.DataFrame,
            gender: pd.DataFrame, cov: pd.DataFrame, state: dict, source: str, source_all: str,
            prefix: str) -> html.Div:
    """A department's profile from the Regiones reads: key figures, its rank for the map's metric,
    its series over the loaded years, top programmes, the three gender totals and the network's
    coverage there."""
    lang, year = state["lang"], state["year"]
    name = _name(code, metrics)
    found = metrics[metrics["key"] == code] if not metrics.empty else metrics
    back = dcc.Link(t("regions.back", lang), href=PATH + search_for(state, departamento=""),
                    id=f"{prefix}-back", className="btn btn-sm btn-outline-primary")
    head = html.Div([back, html.H2(f"{code} {name} · {year}", className="h4 mt-3 mb-1", id=f"{prefix}-profile-title")])
    if found.empty:
        return html.Div([head, dbc.Alert(t("regions.profile.no_lines", lang, department=name, year=year),
                                         color="secondary", id=f"{prefix}-profile-empty")])
    row = found.iloc[0].to_dict()
    series_fig = _series_figure(series, state, name, source_all)
    series_part = (graph(f"{prefix}-series", min_height=400, figure=series_fig) if series_fig is not None else
                   dbc.Alert(t("regions.one_year", lang, year=year), color="secondary", id=f"{prefix}-one-year"))
    top_fig = budget_bars(top, lang, t("regions.profile.top", lang, department=name, year=year), source,
                          units=metric_units("devengado", state))
    return html.Div([
        head,
        html.P(rank_text(rank, state), className="fw-semibold", id=f"{prefix}-rank"),
        _key_cards(row, state, prefix),
        html.P(t("regions.cards.source", lang), className="small text-secondary mt-1"),
        dbc.Row([dbc.Col(series_part, lg=6, className="mb-3"),
                 dbc.Col(graph(f"{prefix}-top", min_height=300, figure=top_fig), lg=6, className="mb-3")],
                className="mt-2"),
        html.H3(t("regions.profile.gender", lang), className="h5 mt-2"),
        _gender_cards(gender, state, prefix),
        html.H3(t("regions.profile.coverage", lang), className="h5 mt-4"),
        html.P(t("regions.profile.coverage.hint", lang), className="small text-secondary mb-1"),
        _coverage_table(cov, state, prefix),
    ], id=f"{prefix}-profile-body")


# ---------------------------------------------------------------- side by side

COMPARED_METRICS = ("pia", "pim", "devengado", "avance", "per_capita", "per_woman", "gender_share")


def compare_table(codes: list[str], metrics: pd.DataFrame, ranks: dict, state: dict, prefix: str) -> html.Div:
    """Up to four departments side by side: one column each (its name links to its profile), one
    row per measure, then its rank for the map's metric. A department without lines that year
    shows '—' with a note, not zeros."""
    lang = state["lang"]
    by_key = {r["key"]: r for r in metrics.to_dict("records")} if not metrics.empty else {}
    head = [html.Th(t("regions.compare.measure", lang), scope="col")]
    for code in codes:
        head.append(html.Th(dcc.Link(f"{code} {_name(code, metrics)}", href=PATH + search_for(state, departamento=code)),
                            scope="col", className="text-end"))
    body = []
    for m in COMPARED_METRICS:
        cells = [html.Th([metric_label(m, state), html.Br(),
                          html.Span(metric_units(m, state), className="small text-secondary fw-normal")], scope="row")]
        for code in codes:
            r = by_key.get(code)
            value = None if r is None else r.get(_column(m))
            cells.append(html.Td(metric_text(m, value), className="text-end"))
        body.append(html.Tr(cells))
    rank_label = t("regions.compare.rank", lang, metric=metric_label(state["metric"], state))
    cells = [html.Th([rank_label], scope="row")]
    for code in codes:
        position, out_of = ranks.get(code, (None, 0))
        cells.append(html.Td("—" if position is None else f"{position} / {out_of}", className="text-end"))
    body.append(html.Tr(cells))
    absent = [f"{c} {DEPARTMENTS.get(c, c)}" for c in codes if c not in by_key]
    note = (html.P(t("regions.compare.absent", lang, departments=", ".join(absent), year=state["year"]),
                   className="small text-secondary") if absent else None)
    return html.Div([
        html.H2(t("regions.compare.title", lang, year=state["year"]), className="h5 mt-4"),
        html.Div(html.Table([html.Thead(html.Tr(head)), html.Tbody(body)],
                            className="table table-sm table-striped align-middle", id=f"{prefix}-compare-table"),
                 className="table-responsive"),
        note,
    ])
