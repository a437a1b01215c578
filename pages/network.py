"""Red de protección social: the programmes of the ODI case study (Table 1, Appendix 1) as a
table by Devereux & Sabates-Wheeler category; a chosen programme's record (objectives, gender
design, targeting, linkages, results), its coverage as the report prints it with every
contradiction shown, and, for the chosen fiscal year, the money MEF records for it: PIA, PIM,
devengado, cost per beneficiary, devengado per inhabitant or per woman by department, nominal
or in 2009 soles. The programme is in the URL (?programa_red=juntos)."""
from __future__ import annotations

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from components import network_money, network_table, programme_record
from components.data import cached, cached_all, kw
from components.layout import on_store_missing, page_context, page_top, store_missing
from domain.codes import REAL_BASE_YEAR
from domain.i18n import t
from domain.url_state import network_state, search_for
from store import programme_money, programmes, reference, status
from store.engine import StoreMissing

PATH = "/red"
dash.register_page(__name__, path=PATH, name="Red de protección social", order=4, i18n_key="nav.network",
                   title="Red de protección social · Presupuesto sensible al género")

PREFIX = "red"


def layout(**query):
    years, state, missing = page_context(query, PREFIX, network_state)
    if missing:
        return missing
    lang = state["lang"]
    try:
        table, categories, refs, figures = cached_all(
            (programmes.network_table, lang), (programmes.network_categories, lang), (reference.reference_sources,),
            (programmes.network_figures, lang))
    except StoreMissing:
        return store_missing(lang, PREFIX)
    if table.empty:
        return network_table.network_missing(lang, PREFIX)
    filters = network_table.network_filters(table, categories, state, PREFIX)
    listing = [
        html.H2(t("red.table.title", lang), className="h5 mt-2"),
        html.P(t("red.table.hint", lang), className="small text-secondary mb-1"),
        network_table.category_legend(categories, lang),
        network_table.context_figures(figures, lang, PREFIX),
        dcc.Loading(html.Div(id=f"{PREFIX}-table"), delay_show=250),
        html.P(t("red.source.table", lang), className="small text-secondary mt-1"),
    ]
    chosen = [
        dcc.Loading(html.Div(id=f"{PREFIX}-detail", className="mt-2"), delay_show=250),
        *network_table.money_controls(state, PREFIX),
        dcc.Loading(html.Div(id=f"{PREFIX}-money"), delay_show=250),
    ]
    if state.get("programa_red"):     # the chosen programme first; every programme folded below, one click away
        body = [*chosen, html.Details([html.Summary(t("red.table.all", lang), className="h5 mt-4"), *listing],
                                      id=f"{PREFIX}-all")]
    else:
        body = [*listing, *chosen]
    return html.Div([
        *page_top(PREFIX, "red", state, years, extra=filters, level=False),
        *body,
        network_table.sources_list(refs, lang, PREFIX),
    ])


@callback(Output(f"{PREFIX}-table", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_network(state: dict):
    """The network's programmes, by category; the chosen programme highlighted."""
    return network_table.network_grid(cached(programmes.network_table, state["lang"]), state, PREFIX)


@callback(Output("shell-url", "search", allow_duplicate=True), Input(f"{PREFIX}-grid", "cellClicked"),
          State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def open_programme(cell: dict | None, state: dict):
    """A row clicked: that programme's detail (same year, prices, indicator, language)."""
    pid = (cell or {}).get("rowId")
    if not pid or pid == state.get("programa_red"):
        return no_update
    return search_for(state, programa_red=pid)


@callback(Output(f"{PREFIX}-detail", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_detail(state: dict):
    """The chosen programme's record, coverage as printed, contradictions and printed budget."""
    lang, pid = state["lang"], state.get("programa_red")
    if not pid:
        return programme_record.no_programme(lang, PREFIX)
    detail = cached(programmes.programme_detail, pid, lang)
    if detail is None:
        return programme_record.unknown_programme(pid, lang, PREFIX)
    b = detail["budget"]
    soles = cached(reference.printed_in_soles, tuple(zip(b["amount"], b["currency"], b["year"])))
    return programme_record.programme_record(detail, soles, lang, PREFIX)


@callback(Output(f"{PREFIX}-money", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_money(state: dict):
    """For the chosen fiscal year: KPI cards (PIA, PIM, devengado, avance, cost per beneficiary),
    devengado per inhabitant or per woman by department, the programme's money by year, and how
    its budget lines were found."""
    lang, pid, year = state["lang"], state.get("programa_red"), state["year"]
    detail = cached(programmes.programme_detail, pid, lang) if pid else None
    if detail is None:
        return None
    if detail["budget_links"].empty:           # nothing can be found in MEF data: say so once
        return network_money.no_money(detail["budget_links"], lang, PREFIX)
    per = (programme_money.spending_per_woman if state.get("indicador") == "mujer"
           else programme_money.spending_per_inhabitant)
    reads = cached_all(
        (programme_money.budget_for_programme, pid, year),
        (programme_money.budget_by_year, kw(base_year=REAL_BASE_YEAR, programme_id=pid)),
        (programme_money.cost_per_beneficiary, pid, year), (per, year, None, kw(programme_id=pid)),
        (reference.to_real_soles, 1.0, year, REAL_BASE_YEAR), (reference.soles_to_usd, 1.0, year),
        (status.store_summary,))
    split = cached(programme_money.budget_split, pid, year)
    names = cached(programmes.budget_names, year) if len(split) > 1 else {}
    table = network_money.split_table(split, names, state, reads[4], PREFIX)
    return network_money.money_section(state, detail, *reads, prefix=PREFIX, path=PATH, split=table)
