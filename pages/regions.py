"""Regiones: where the spending lands (DEPARTAMENTO_META) on a map of Peru's 25 departments, by
money, avance, spending per inhabitant or per woman (INEI population) or gender share, with the
table beside it (98 Exterior is in the table and the total, not on the map); a department's
profile at ?departamento=08, and up to four departments side by side (?comparar=08.15.21).

The page is a list of sections (SECTIONS for the map, PROFILE_SECTIONS for a department): each
is a function of the URL state, most with their own callback, so another one can be added."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, get_asset_url, html, no_update

from components import regions as view
from components import results
from components.consulta import municipality_section
from components.data import cached, cached_all, kw
from components.filters import extra_dropdown, extra_radio
from components.layout import graph, on_store_missing, page_context, page_top, source_text
from domain.codes import DEPARTMENTS
from domain.i18n import t
from domain.url_state import GENDER_CHOICES, MAX_COMPARED, METRICS, regions_state, search_for
from store import budget, indicators, regions, status

dash.register_page(__name__, path="/regiones", name="Regiones", order=2, i18n_key="nav.regions",
                   title="Regiones · Presupuesto sensible al género")

PREFIX = "regions"
GEOJSON = "peru_departments.geojson"
MAPPED = [k for k in DEPARTMENTS if k != view.EXTERIOR]


def _filters(state: dict) -> list:
    lang = state["lang"]
    programmes = cached(budget.programme_names, state["year"])
    options = [{"label": t("programme.all", lang), "value": "all"}] + [
        {"label": f"{c} {n}".strip(), "value": c} for c, n in zip(programmes["code"], programmes["name"])]
    departments = [{"label": f"{k} {n}", "value": k} for k, n in DEPARTMENTS.items() if k != view.EXTERIOR]
    compare = dcc.Dropdown(id={"type": "filter", "page": PREFIX, "field": "comparar"}, options=departments,
                           value=state["comparar"], multi=True, placeholder=t("regions.compare.placeholder", lang),
                           optionHeight=36)
    return [
        extra_dropdown(PREFIX, "programme", t("filter.programme", lang), options, state["programme"] or "all", md=6),
        extra_dropdown(PREFIX, "departamento", t("regions.filter.department", lang), departments,
                       state["departamento"] or None, md=3, clearable=True,
                       placeholder=t("regions.filter.department.placeholder", lang)),
        dbc.Col([dbc.Label(t("regions.filter.compare", lang, n=MAX_COMPARED), className="small fw-semibold mb-1"),
                 compare], xs=12, md=3),
        extra_radio(PREFIX, "metric", t("filter.metric", lang),
                    [{"label": view.metric_label(m, {**state, "metric": m}), "value": m} for m in METRICS],
                    state["metric"], md=12),
        extra_radio(PREFIX, "genero", t("regions.filter.gender", lang),
                    [{"label": t(f"gdef.{d}.short", lang), "value": g} for g, d in GENDER_CHOICES.items()],
                    state["genero"], md=6),
    ]       # prices: the navbar's global switch (components/prices.py)


def map_section(state: dict) -> html.Div:
    """The map of the chosen metric with the note on Lima beside it, then the department table."""
    lang = state["lang"]
    return html.Div([
        dbc.Row([
            dbc.Col([graph(f"{PREFIX}-map", min_height=560),
                     html.P(t("credit.ne", lang), className="small text-secondary mt-1", id=f"{PREFIX}-credit")],
                    lg=8, className="mb-3"),
            dbc.Col([view.lima_note(state, PREFIX), html.Div(id=f"{PREFIX}-notes")], lg=4),
        ]),
        dcc.Loading(html.Div(id=f"{PREFIX}-table"), delay_show=250),
    ])


def compare_section(state: dict):
    return dcc.Loading(html.Div(id=f"{PREFIX}-compare"), delay_show=250)


def profile_section(state: dict):
    return dcc.Loading(html.Div(id=f"{PREFIX}-profile"), delay_show=250)


def results_map(state: dict):
    """A result indicator by department beside the money (components/results.py)."""
    lang = state["lang"]
    return html.Section([
        html.H2(t("results.map.section", lang), className="h5 mt-4"),
        dbc.Row(dbc.Col([dbc.Label(t("results.map.pick", lang), html_for=f"{PREFIX}-result-pick",
                                   className="small fw-semibold mb-1"),
                         dcc.Dropdown(id=f"{PREFIX}-result-pick", options=results.indicator_options(lang),
                                      value=results.MAP_INDICATORS[0], clearable=False)], md=6)),
        graph(f"{PREFIX}-result-map", min_height=480),
    ], id=f"{PREFIX}-results")


def profile_results(state: dict):
    return dcc.Loading(html.Div(id=f"{PREFIX}-profile-results"), delay_show=250)


def municipalities(state: dict):
    """Department -> province -> municipality, from Consulta Amigable exports (components/consulta.py)."""
    return municipality_section(state["lang"])


# The sections of each view, top to bottom: add a new one here.
SECTIONS = [map_section, compare_section, results_map, municipalities]
PROFILE_SECTIONS = [profile_section, profile_results, compare_section]


def layout(**query):
    years, state, missing = page_context(query, PREFIX, regions_state)
    if missing:
        return missing
    sections = PROFILE_SECTIONS if state["departamento"] else SECTIONS
    return html.Div([*page_top(PREFIX, "regions", state, years, extra=_filters(state)),
                     *[section(state) for section in sections]])


def _metrics(state: dict):
    return cached(regions.department_metrics, state["year"], state["level"], state["programme"] or None,
                  state["genero"], state["precios"])


@callback(Output(f"{PREFIX}-map", "figure"), Output(f"{PREFIX}-table", "children"),
          Output(f"{PREFIX}-notes", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (fig, msg, None))
def render_regions(state: dict):
    """The map of the chosen metric, the department table and the notes on missing population."""
    metrics = _metrics(state)
    lang = state["lang"]
    source = source_text(state["year"], lang)
    if state["metric"] in view.PER_PERSON or state["precios"] == "real":
        source += f"<br>{t('source.denominators', lang)}"
    fig = view.metric_map(metrics, state, source, get_asset_url(GEOJSON))
    return fig, view.department_table(metrics, state, PREFIX), view.population_note(metrics, state, PREFIX)


@callback(Output(f"{PREFIX}-profile", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_profile(state: dict):
    """The profile of the department in the URL (?departamento=08)."""
    code, year, level, prices, lang = (state["departamento"], state["year"], state["level"], state["precios"],
                                       state["lang"])
    if not code:
        return None
    metrics, series, top, gender, cov, summary = cached_all(
        (regions.department_metrics, year, level, state["programme"] or None, state["genero"], prices),
        (regions.department_series, code, level, prices),
        (regions.top_programmes, year, code, level, prices),
        (regions.department_gender, year, code, level, prices),
        (regions.network_coverage, code, lang), (status.store_summary,))
    rank = regions.department_rank(metrics, state["metric"], code)
    source = source_text(year, lang, summary=summary)
    return view.profile(code, metrics, rank, series, top, gender, cov, state, source,
                        source_text(None, lang, summary=summary), PREFIX)


def compared(state: dict) -> list[str]:
    """The departments side by side: the profile's own first, then comparar, at most MAX_COMPARED."""
    codes = [state["departamento"]] if state["departamento"] else []
    codes += [c for c in state["comparar"] if c not in codes]
    return codes[:MAX_COMPARED]


@callback(Output(f"{PREFIX}-compare", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_compare(state: dict):
    """Up to four departments side by side, when comparar names at least one besides the profile."""
    codes = compared(state)
    if not state["comparar"]:
        return None
    metrics = _metrics(state)
    ranks = {c: regions.department_rank(metrics, state["metric"], c) for c in codes}
    return view.compare_table(codes, metrics, ranks, state, PREFIX)


def _open(state: dict, code) -> str | None:
    code = str(code or "")
    if code not in MAPPED and code != view.EXTERIOR:
        return None
    return search_for(state, departamento=code)


@callback(Output("shell-url", "search", allow_duplicate=True), Input(f"{PREFIX}-map", "clickData"),
          State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def open_from_map(click: dict | None, state: dict):
    """A department clicked on the map: its profile, same year, level, metric, prices, language."""
    points = (click or {}).get("points") or []
    found = _open(state, points[0].get("location") or points[0].get("customdata")) if points else None
    return found or no_update


@callback(Output("shell-url", "search", allow_duplicate=True), Input(f"{PREFIX}-grid", "cellClicked"),
          State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def open_from_table(cell: dict | None, state: dict):
    """A table row clicked: that department's profile."""
    found = _open(state, (cell or {}).get("rowId"))
    return found or no_update


@callback(Output(f"{PREFIX}-result-map", "figure"), Input(f"{PREFIX}-state", "data"),
          Input(f"{PREFIX}-result-pick", "value"))
@on_store_missing(PREFIX, shape=lambda msg, fig: fig)
def render_result_map(state: dict, indicator: str | None):
    """The chosen result indicator by department in the page's year."""
    indicator = indicator or results.MAP_INDICATORS[0]
    values = cached(indicators.indicator_by_department, indicator, state["year"])
    return results.indicator_map(values, indicator, state["lang"], state["year"], get_asset_url(GEOJSON))


PROFILE_INDICATORS = ("dci_menores5", "anemia_6_35", "pobreza_monetaria", "violencia_pareja")


@callback(Output(f"{PREFIX}-profile-results", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_profile_results(state: dict):
    """The department's result indicators by year (all methods, referential values marked)."""
    code, lang = state["departamento"], state["lang"]
    if not code:
        return None
    series = dict(zip(PROFILE_INDICATORS, cached_all(*[(indicators.indicator_series, ind, code)
                                                       for ind in PROFILE_INDICATORS])))
    years = cached(status.store_summary)["years"]
    return results.department_results(series, lang, PREFIX, DEPARTMENTS.get(code, code).title(), years)
