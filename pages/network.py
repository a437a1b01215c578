"""Red de protección social: the programmes of the ODI case study (Table 1, Appendix 1) as a
table by Devereux & Sabates-Wheeler category; a chosen programme's record (objectives, gender
design, targeting, linkages, results), its coverage as the report prints it with every
contradiction shown, and, for the chosen fiscal year, the money MEF records for it: PIA, PIM,
devengado, cost per beneficiary, devengado per inhabitant or per woman by department, nominal
or in 2009 soles. The programme is in the URL (?programa_red=juntos)."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, dcc, get_asset_url, html, no_update

from components.cards import kpi_card, money_cards
from components.data import cached, cached_all, kw
from components.figures import budget_bars, empty_figure, value_map
from components.filters import extra_dropdown, extra_radio
from components.fmt import fmt_number, millions, pct
from components.i18n import report_section, t, unit_label
from components.layout import (
    graph,
    on_store_missing,
    page_context,
    page_top,
    source_text,
    store_missing,
)
from components.state import INDICATORS, PRICES, network_state, search_for
from components.state import REAL_BASE_YEAR as BASE_YEAR
from components.tables import data_grid
from domain.network import NETWORK_CATEGORIES
from store import dashboard, network

PATH = "/red"
dash.register_page(__name__, path=PATH, name="Red de protección social", order=4, i18n_key="nav.network",
                   title="Red de protección social · Presupuesto sensible al género")

PREFIX = "red"
GEOJSON = "peru_departments.geojson"
REFERENCE_COMMAND = "python -m etl reference"
TEXT_FIELDS = ("objectives", "gender_objectives", "target_population", "targeting", "gender_design", "linkages",
               "results")
WRAP = 52                            # characters per line of a message in a half-width chart


def _text(value) -> str:
    return "" if value is None or value != value else str(value)


def _real(value, factor: float | None):
    """`value` times `factor` (to_real_soles(1.0, year, BASE_YEAR) for soles of 2009, 1.0 for
    nominal soles); None when either is missing."""
    return None if value is None or factor is None else value * factor


def _sex_labels(sexes, lang: str) -> list[str]:
    """F / M / T in words; anything else as printed."""
    return [t(f"sex.{s}", lang) if s in ("F", "M", "T") else _text(s) for s in sexes]


def _ordered(table: pd.DataFrame) -> pd.DataFrame:
    """Programmes by category (protective ... transformative), then in the report's order."""
    rank = {c: i for i, c in enumerate(NETWORK_CATEGORIES)}
    out = table.assign(_rank=table["category"].map(rank).fillna(len(NETWORK_CATEGORIES)), _pos=range(len(table)))
    return out.sort_values(["_rank", "_pos"]).drop(columns=["_rank", "_pos"]).reset_index(drop=True)


def network_missing(lang: str) -> dbc.Container:
    return dbc.Container(dbc.Alert([
        html.H2(t("missing.title", lang), className="h4 alert-heading"),
        html.P(t("red.missing", lang)),
        html.Pre(REFERENCE_COMMAND, className="mb-0"),
    ], color="warning", id=f"{PREFIX}-missing", className="mt-4"))


def layout(**query):
    years, state, missing = page_context(query, PREFIX, network_state)
    if missing:
        return missing
    lang = state["lang"]
    try:
        table, categories, refs = cached_all((network.network_table, lang), (dashboard.network_categories, lang),
                                             (network.reference_sources,))
    except dashboard.StoreMissing:
        return store_missing(lang, PREFIX)
    if table.empty:
        return network_missing(lang)
    table = _ordered(table)
    cat_options = [{"label": t("red.category.all", lang), "value": "all"}] + [
        {"label": r.label, "value": r.category} for r in categories.itertuples()]
    prog_options = [{"label": f"{_text(a) or i} · {n}" if _text(a) else n, "value": i}
                    for i, a, n in zip(table["id"], table["acronym"], table["name"])]
    extra = [
        extra_dropdown(PREFIX, "categoria", t("red.filter.category", lang), cat_options, state["categoria"], md=3),
        extra_dropdown(PREFIX, "programa_red", t("red.filter.programme", lang), prog_options,
                       state["programa_red"] or None, md=7, clearable=True, placeholder=t("red.pick", lang)),
    ]
    money_controls = []
    if state["programa_red"]:
        money_controls = [html.H2(t("red.money.title", lang, year=state["year"]), className="h4 mt-2",
                                  id=f"{PREFIX}-money-title"),
                          html.P(t("red.money.intro", lang, year=state["year"]), className="text-secondary small mb-1"),
                          dbc.Row([
            extra_radio(PREFIX, "precios", t("red.prices", lang),
                        [{"label": t(f"prices.{p}", lang), "value": p} for p in PRICES], state["precios"], md=6),
            extra_radio(PREFIX, "indicador", t("red.indicator", lang),
                        [{"label": t(f"indicator.{i}", lang), "value": i} for i in INDICATORS], state["indicador"],
                        md=6),
        ], className="g-3 mb-2", id=f"{PREFIX}-money-controls")]
    legend = html.Details([
        html.Summary(t("red.categories", lang), className="small fw-semibold"),
        html.Dl([x for r in categories.itertuples() for x in (html.Dt(r.label), html.Dd(r.definition))],
                className="small mb-0 mt-2"),
    ], className="mb-2")
    sources = html.Div([
        html.H2(t("red.sources.title", lang), className="h5 mt-4"),
        html.Ul([html.Li(dcc.Markdown(c, className="mb-0"), className="small") for c in refs["citation"]],
                id=f"{PREFIX}-sources"),
    ])
    return html.Div([
        *page_top(PREFIX, "red", state, years, extra=extra, level=False),
        html.H2(t("red.table.title", lang), className="h5 mt-2"),
        html.P(t("red.table.hint", lang), className="small text-secondary mb-1"),
        legend,
        dcc.Loading(html.Div(id=f"{PREFIX}-table"), delay_show=250),
        html.P(t("red.source.table", lang), className="small text-secondary mt-1"),
        dcc.Loading(html.Div(id=f"{PREFIX}-detail", className="mt-4"), delay_show=250),
        *money_controls,
        dcc.Loading(html.Div(id=f"{PREFIX}-money"), delay_show=250),
        sources,
    ])


# ---------------------------------------------------------------- the network table

TABLE_COLUMNS = (("category_label", "col.category", "text"), ("acronym", "col.acronym", "text"),
                 ("name", "col.name", "text"), ("institution", "col.institution", "text"),
                 ("target_population", "col.target", "text"), ("coverage_printed", "col.coverage_printed", "text"),
                 ("coverage_section", "col.section", "text"),
                 ("share_social_budget_2009_pct", "col.share2009", "pct"))


@callback(Output(f"{PREFIX}-table", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_network(state: dict):
    """The network's programmes, by category; the chosen programme highlighted."""
    lang = state["lang"]
    table = _ordered(cached(network.network_table, lang))
    if state.get("categoria") in NETWORK_CATEGORIES:
        table = table[table["category"] == state["categoria"]]
    if table.empty:
        return dbc.Alert(t("red.table.empty", lang), color="secondary")
    table = table.assign(coverage_section=[report_section(s, lang) for s in table["coverage_section"]])
    cols = [(f, t(k, lang), kind) for f, k, kind in TABLE_COLUMNS]
    return data_grid(f"{PREFIX}-grid", table, cols, row_id="id", filters=True, highlight=state.get("programa_red"),
                     height=min(560, 140 + 75 * len(table)), wrap=("name", "coverage_printed"),
                     widths={"category_label": (120, 160), "acronym": (100, 130), "name": 230,
                             "coverage_printed": 230, "coverage_section": (110, 140), "target_population": 180,
                             "institution": 150}, lang=lang)


@callback(Output("shell-url", "search", allow_duplicate=True), Input(f"{PREFIX}-grid", "cellClicked"),
          State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def open_programme(cell: dict | None, state: dict):
    """A row clicked: that programme's detail (same year, prices, indicator, language)."""
    pid = (cell or {}).get("rowId")
    if not pid or pid == state.get("programa_red"):
        return no_update
    return search_for(state, programa_red=pid)


# ---------------------------------------------------------------- the programme's record

def _coverage_flag(contradicts: str, unit: str, value, lang: str) -> str:
    flags = []
    if contradicts:
        flags.append(t("red.flag.contradicts", lang, section=report_section(contradicts, lang)))
    if unit.endswith("_target"):
        flags.append(t("red.flag.target", lang))
    if value is None or value != value:
        flags.append(t("red.flag.words", lang))
    return "; ".join(flags)


def _sections(sections, lang: str) -> str:
    """'Tabla 1, Apéndice 1, sección 4.1': each cited section once, in the page's language."""
    return ", ".join(dict.fromkeys(report_section(s, lang) for s in sections if _text(s))) or "—"


def _record(p: dict, lang: str) -> dbc.Card:
    facts = [(t("red.institution", lang), _text(p.get(f"institution_{lang}"))),
             (t("red.start_year", lang), _text(p.get("start_year")))]
    if p.get("share_social_budget_2009_pct") is not None:
        share = t("red.share2009", lang, pct=pct(p["share_social_budget_2009_pct"]))
        facts.append((t("red.share2009.label", lang), share))
    body = [html.Dl([x for k, v in facts if v for x in (html.Dt(k), html.Dd(v, className="mb-1"))],
                    className="small mb-2")]
    for field in TEXT_FIELDS:
        value = _text(p.get(f"{field}_{lang}"))
        body += [html.H4(t(f"red.{field}", lang), className="h6 mt-3 mb-1"),
                 html.P(value or t("red.not_given", lang), className="mb-1" + ("" if value else " text-secondary"),
                        id=f"{PREFIX}-field-{field}")]
    body.append(html.P(t("source.odi", lang, section=_sections((_text(p.get("sources")) or "").split("; "), lang)),
                       className="small text-secondary mt-3 mb-0"))
    return dbc.Card(dbc.CardBody([html.H3(t("red.record", lang), className="h5")] + body), className="h-100")


def _contradictions(contra: pd.DataFrame, lang: str):
    if contra.empty:
        return None
    items = []
    for _, group in contra.groupby("seq", sort=True):
        first = group.iloc[0]
        values = [html.Li([html.Strong(r.printed), " — " + t("source.odi", lang, section=report_section(r.section, lang))])
                  for r in group.sort_values("item").itertuples()]
        items.append(html.Div([html.P(html.Strong(_text(first["what"])), className="mb-1"),
                               html.Ul(values, className="mb-1"),
                               html.P(_text(first["note"]), className="small mb-2")]))
    return dbc.Alert([html.H4(t("red.contradictions.title", lang), className="h6 alert-heading"),
                      html.P(t("red.contradictions.body", lang), className="small")] + items,
                     color="warning", id=f"{PREFIX}-contradictions", className="mt-3")


def _printed_coverage(cov: pd.DataFrame, lang: str):
    if cov.empty:
        return dbc.Alert(t("red.coverage.none", lang), color="secondary")
    df = cov.assign(
        unit_label=[unit_label(u, lang) for u in cov["unit"]],
        sex_label=_sex_labels(cov["sex"], lang),
        flag=[_coverage_flag(_text(c), _text(u), v, lang) for c, u, v in zip(cov["contradicts"], cov["unit"],
                                                                             cov["value"])],
        value=[None if v is None or v != v else v for v in cov["value"]],
        section=[report_section(s, lang) for s in cov["section"]])
    cols = [("printed", t("col.printed", lang), "text"), ("value", t("col.value", lang), "int"),
            ("unit_label", t("col.unit", lang), "text"), ("section", t("col.section", lang), "text"),
            ("sex_label", t("col.sex", lang), "text"), ("date", t("col.date", lang), "text"),
            ("flag", t("col.flag", lang), "text"), ("note", t("col.note", lang), "text")]
    return data_grid(f"{PREFIX}-coverage-grid", df, cols, height=min(460, 90 + 56 * len(df)), wrap=("printed",),
                     widths={"printed": 190, "value": (95, 120), "unit_label": 130, "section": (95, 120),
                             "sex_label": (80, 100), "date": (85, 100), "flag": 110, "note": 200}, lang=lang)


def _printed_budget(budget: pd.DataFrame, lang: str):
    if budget.empty:
        return dbc.Alert(t("red.budget_printed.none", lang), color="secondary")
    soles = [cached(network.usd_to_soles, a, int(y)) if c == "USD" and a is not None and y is not None
             else (a if c == "PEN" else None)
             for a, c, y in zip(budget["amount"], budget["currency"], budget["year"])]
    df = budget.assign(currency=[_text(c) or "%" for c in budget["currency"]], soles=soles,
                       section=[report_section(s, lang) for s in budget["section"]],
                       year=[_text(y) for y in budget["year"]])
    cols = [("printed", t("col.printed", lang), "text"), ("what", t("col.what", lang), "text"),
            ("year", t("col.year", lang), "text"), ("section", t("col.section", lang), "text"),
            ("currency", t("col.currency", lang), "text"), ("soles", t("col.soles_equiv", lang), "amount")]
    return html.Div([data_grid(f"{PREFIX}-budget-grid", df, cols, height=None, wrap=("printed", "what"),
                               widths={"year": (70, 80), "section": (95, 130), "currency": (80, 100),
                                       "soles": 120}, lang=lang),
                     html.P(t("red.budget_printed.note", lang), className="small text-secondary mt-1 mb-0")])


def _loaded_coverage(cov: pd.DataFrame, lang: str):
    if cov.empty:
        return dbc.Alert(t("red.coverage.loaded.none", lang), color="secondary")
    df = cov.assign(unit_label=[unit_label(u, lang) for u in cov["unit"]],
                    sex_label=_sex_labels(cov["sex"], lang),
                    year=[_text(y) for y in cov["year"]])
    cols = [("year", t("col.year", lang), "text"), ("department_name", t("col.department", lang), "text"),
            ("sex_label", t("col.sex", lang), "text"), ("value", t("col.value", lang), "int"),
            ("unit_label", t("col.unit", lang), "text"), ("source", t("col.source", lang), "text"),
            ("note", t("col.note", lang), "text")]
    return data_grid(f"{PREFIX}-loaded-grid", df, cols, height=min(360, 90 + 42 * len(df)), fit=False, lang=lang)


@callback(Output(f"{PREFIX}-detail", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_detail(state: dict):
    """The chosen programme's record, coverage as printed, contradictions and printed budget."""
    lang, pid = state["lang"], state.get("programa_red")
    if not pid:
        return dbc.Alert(t("red.none", lang), color="info", id=f"{PREFIX}-none")
    detail = cached(network.programme_detail, pid, lang)
    if detail is None:
        return dbc.Alert(t("red.unknown", lang, id=pid), color="warning", id=f"{PREFIX}-unknown")
    p = detail["programme"]
    name = p[f"name_{lang}"]
    title = f"{p['acronym']} · {name}" if _text(p.get("acronym")) else name
    badges = [dbc.Badge(_text(p.get(f"category_label_{lang}")) or p["category"], color="primary", className="me-2"),
              html.Span(_text(p.get(f"subtype_label_{lang}")), className="small text-secondary")]
    definition = _text(p.get(f"category_definition_{lang}"))
    return html.Div([
        html.H2(title, className="h4 mb-1", id=f"{PREFIX}-programme-title"),
        html.Div(badges, className="mb-1"),
        html.P(definition, className="small text-secondary mb-3"),
        dbc.Row([
            dbc.Col(_record(p, lang), lg=4, className="mb-3"),
            dbc.Col([
                html.H3(t("red.coverage.title", lang), className="h5"),
                html.Div(_printed_coverage(detail["coverage_printed"], lang), id=f"{PREFIX}-coverage"),
                html.P(t("source.odi", lang, section=_sections(detail["coverage_printed"]["section"], lang)),
                       className="small text-secondary mt-1"),
                _contradictions(detail["contradictions"], lang),
                html.H3(t("red.budget_printed.title", lang), className="h5 mt-3"),
                _printed_budget(detail["budget"], lang),
                html.Details([html.Summary(t("red.coverage.loaded", lang), className="small fw-semibold"),
                              html.Div(_loaded_coverage(detail["coverage"], lang), className="mt-2")],
                             className="mt-3"),
            ], lg=8, className="mb-3"),
        ]),
    ])


# ---------------------------------------------------------------- money next to coverage

def _links_table(links: pd.DataFrame, lang: str):
    if links.empty:
        return dbc.Alert(t("red.links.none", lang), color="secondary")
    df = links.assign(
        years=[f"{a}–{b}" for a, b in zip(links["year_from"], links["year_to"])],
        link=[t(f"link.{m}", lang, code=c) if m else "" for m, c in zip(links["match"], links["code"])],
        successor_label=[t("link.successor", lang) if s else t("no", lang) for s in links["successor"]])
    cols = [("years", t("col.years", lang), "text"), ("link", t("col.link", lang), "text"),
            ("successor_label", t("col.successor", lang), "text"), ("note", t("col.note", lang), "text")]
    return data_grid(f"{PREFIX}-links-grid", df, cols, height=None, wrap=("link", "successor_label", "note"),
                     widths={"years": (100, 120), "successor_label": (110, 200)}, lang=lang)


def _links_card(links: pd.DataFrame, lang: str, used: html.P | None = None) -> dbc.Card:
    """How the programme's budget lines are found; `used`: what the links found this year."""
    return dbc.Card(dbc.CardBody([
        html.H3(t("red.links.title", lang), className="h5"),
        html.P(t("red.links.body", lang), className="small"),
        _links_table(links, lang),
        used,
    ]), className="mt-2")


def _cost_card(cost: pd.DataFrame, detail: dict, state: dict, years: list[int], factor: float | None):
    """The cost per beneficiary card: the national figure, or why there is none (with links to
    the years that have one, so the reader is never stuck)."""
    lang, year, real = state["lang"], state["year"], state["precios"] == "real"
    unit = detail["programme"].get("headline_unit")
    unit = unit if isinstance(unit, str) and unit else None
    one = unit_label(unit, lang, singular=True) if unit else ""
    label = t("red.cost", lang, unit=one) if unit else t("red.cost.generic", lang)
    units = t("units.cost.real" if real else "units.cost", lang, unit=one) if unit else ""
    card_id = f"{PREFIX}-kpi-cost"
    if unit is None:
        return kpi_card(label, "—", "", t("red.cost.no_unit", lang), card_id)
    national = cost[cost["department"] == network.NATIONAL] if not cost.empty else cost
    if national.empty:
        cov = detail["coverage"]
        with_figure = sorted({int(y) for y, u in zip(cov["year"], cov["unit"]) if u == unit} & set(years))
        links = [dcc.Link(str(y), href=PATH + search_for(state, year=y), className="me-2") for y in with_figure]
        note = [t("red.cost.none_year", lang, unit=unit_label(unit, lang), year=year)]
        if links:
            note += [html.Br(), t("red.cost.other_years", lang), " ", *links]
        return kpi_card(label, "—", units, note, card_id)
    r = national.iloc[0]
    value = r["cost_per_beneficiary"]
    if value is None:
        return kpi_card(label, "—", units, t("red.cost.no_money", lang, year=year), card_id)
    if real:
        value = _real(value, factor)
    n = f"{fmt_number(r['beneficiaries'], 0)} {unit_label(unit, lang)}"
    return kpi_card(label, fmt_number(value, 0), units, t("red.cost.note", lang, n=n, source=r["source"]), card_id)


def _cost_by_department(cost: pd.DataFrame, state: dict, factor: float | None):
    lang, real = state["lang"], state["precios"] == "real"
    rows = cost[cost["department"] != network.NATIONAL] if not cost.empty else cost
    if rows.empty:
        return None
    scale = (factor if real else 1.0) or None
    df = rows.assign(cost=[_real(v, scale) for v in rows["cost_per_beneficiary"]],
                     devengado=[_real(v, scale) for v in rows["devengado"]],
                     unit_label=[unit_label(u, lang) for u in rows["unit"]])
    cols = [("department_name", t("col.department", lang), "text"),
            ("beneficiaries", t("col.beneficiaries", lang), "int"),
            ("unit_label", t("col.unit", lang), "text"), ("devengado", t("col.devengado", lang), "amount"),
            ("cost", t("col.cost", lang), "num"), ("source", t("col.source", lang), "text")]
    return html.Div([html.H3(t("red.cost.by_department", lang), className="h6 mt-2"),
                     data_grid(f"{PREFIX}-cost-grid", df, cols, height=min(260, 90 + 42 * len(df)), fit=False,
                               lang=lang)])


def _per_person_map(per: pd.DataFrame, state: dict, factor: float | None, source: str, empty: str):
    lang, year, ind, real = state["lang"], state["year"], state["indicador"], state["precios"] == "real"
    column = "per_inhabitant" if ind == "habitante" else "per_woman"
    if per.empty or not any(v for v in per["devengado"] if v):
        return empty_figure(empty, height=480, wrap=WRAP)
    scale = factor if real else 1.0
    values = [_real(v, scale) for v in per[column]]
    spent = [_real(v, scale) for v in per["devengado"]]
    units = t(f"units.per.{ind}.real" if real else f"units.per.{ind}", lang)
    units_m = t("units.millions_real" if real else "units.millions", lang)
    people = t(f"col.population.{ind}", lang)
    hover = [f"<b>{n}</b><br>{t('devengado', lang)}: {millions(d)} ({units_m})<br>{people}: {fmt_number(p, 0)}"
             f"<br>{units}: {fmt_number(v)}"
             for n, d, p, v in zip(per["department_name"], spent, per["population"], values)]
    title = t("red.map.title", lang, per=t(f"red.map.per.{ind}", lang), year=year)
    return value_map(list(per["department"]), values, hover, units, title, source, get_asset_url(GEOJSON),
                     tickformat=",.1f")


@callback(Output(f"{PREFIX}-money", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_money(state: dict):
    """For the chosen fiscal year: KPI cards (PIA, PIM, devengado, avance, cost per beneficiary),
    devengado per inhabitant or per woman by department, the programme's money by year, and how
    its budget lines were found."""
    lang, pid, year = state["lang"], state.get("programa_red"), state["year"]
    real = state.get("precios") == "real"
    if not pid:
        return None
    per_fn = network.spending_per_woman if state.get("indicador") == "mujer" else network.spending_per_inhabitant
    detail = cached(network.programme_detail, pid, lang)
    if detail is None:
        return None
    links = detail["budget_links"]
    if links.empty:           # nothing can be found in MEF data: say so once, no empty cards or charts
        return html.Div([dbc.Alert(t("red.links.none", lang), color="secondary", id=f"{PREFIX}-no-money"),
                         _links_card(links, lang)])
    budget, by_year, cost, per, factor, usd_per_sol, summary = cached_all(
        (network.budget_for_programme, pid, year),
        (network.budget_by_year, kw(base_year=BASE_YEAR, programme_id=pid)),
        (network.cost_per_beneficiary, pid, year),
        (per_fn, year, None, kw(programme_id=pid)),
        (network.to_real_soles, 1.0, year, BASE_YEAR),
        (network.soles_to_usd, 1.0, year),
        (dashboard.store_summary,))
    source, source_all = source_text(year, lang, summary=summary), source_text(None, lang, summary=summary)
    b = budget.iloc[0]
    # why this year may show no money: no link applies to it, or its links find no budget line
    why = t("red.no_links_year", lang, year=year) if not b["links"] else t("red.no_lines", lang, year=year)
    alerts = [] if b["links"] and b["matched_rows"] else [
        dbc.Alert(why, color="secondary", id=f"{PREFIX}-no-money")]

    amounts = {m: b[m] for m in ("pia", "pim", "devengado")}
    if real:
        amounts = {m: _real(v, factor) for m, v in amounts.items()}
    amounts["avance_pct"] = (b["devengado"] / b["pim"] * 100) if b["pim"] and b["devengado"] is not None else None
    units = t("units.millions_real" if real else "units.millions", lang)
    notes = {}
    quotes_usd = (detail["budget"]["currency"] == "USD").any() if not detail["budget"].empty else False
    if quotes_usd and usd_per_sol is not None and not real:   # the report quotes dollars: dollars beside soles
        notes = {m: t("red.usd_note", lang, usd=millions(None if b[m] is None else b[m] * usd_per_sol), year=year)
                 for m in ("pia", "pim", "devengado")}
    cards = money_cards(amounts, lang, PREFIX, units, notes,
                        extra=[_cost_card(cost, detail, state, summary["years"], factor)])

    fig_map = _per_person_map(per, state, factor, f"{source}<br>{t('source.denominators', lang)}", why)

    if by_year.empty:
        fig_years = empty_figure(t("empty", lang), wrap=WRAP)
    else:
        cols = ("pim_real", "devengado_real") if real else ("pim", "devengado")
        df = pd.DataFrame({"key": [str(y) for y in by_year["fiscal_year"]], "name": "",
                           "pim": [v or 0.0 for v in by_year[cols[0]]],
                           "devengado": [v or 0.0 for v in by_year[cols[1]]]})
        df["avance_pct"] = [d / p * 100 if p else None for d, p in zip(by_year["devengado"], by_year["pim"])]
        src = source_all + (f"<br>{t('source.denominators', lang)}" if real else "")
        fig_years = budget_bars(df, lang, t("red.years.title", lang), src, labels=list(df["key"]),
                                horizontal=False, units=units)

    used = html.P(t("red.links.used", lang, year=year, used=b["links"], rows=fmt_number(b["matched_rows"], 0))
                  if b["links"] else why, className="small mt-2 mb-0", id=f"{PREFIX}-links-used")
    return html.Div([
        *alerts,
        cards,
        _cost_by_department(cost, state, factor),
        dbc.Row([
            dbc.Col(graph(f"{PREFIX}-map", min_height=560, figure=fig_map), lg=6, className="mb-3"),
            dbc.Col(graph(f"{PREFIX}-years", min_height=400, figure=fig_years), lg=6, className="mb-3"),
        ], className="mt-3"),
        html.P(t("credit.ne", lang), className="small text-secondary"),
        _links_card(links, lang, used),
    ])
