"""A social protection programme's money on the Red page, for the chosen fiscal year: KPI cards
(PIA, PIM, devengado, avance, cost per beneficiary), the cost by department, devengado per
inhabitant or per woman on the map, its money by year, and how its budget lines were found.

Figures arrive worked out by store/programme_figures.py (nominal or real soles, dollars, per
person); this module only lays them out and formats them."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, get_asset_url, html

from components.cards import kpi_card, money_cards
from components.figures import budget_bars, empty_figure, value_map
from components.fmt import fmt_number, millions
from components.layout import graph, source_text
from components.tables import data_grid
from domain.i18n import t, unit_label
from domain.url_state import search_for
from store import programme_figures as figures

GEOJSON = "peru_departments.geojson"
WRAP = 52                            # characters per line of a message in a half-width chart


def _links_table(links: pd.DataFrame, lang: str, prefix: str):
    if links.empty:
        return dbc.Alert(t("red.links.none", lang), color="secondary")
    df = links.assign(
        years=[f"{a}–{b}" for a, b in zip(links["year_from"], links["year_to"])],
        link=[t(f"link.{m}", lang, code=c) if m else "" for m, c in zip(links["match"], links["code"])],
        successor_label=[t("link.successor", lang) if s else t("no", lang) for s in links["successor"]])
    cols = [("years", t("col.years", lang), "text"), ("link", t("col.link", lang), "text"),
            ("successor_label", t("col.successor", lang), "text"), ("note", t("col.note", lang), "text")]
    return data_grid(f"{prefix}-links-grid", df, cols, height=None, wrap=("link", "successor_label", "note"),
                     widths={"years": (100, 120), "successor_label": (110, 200)}, lang=lang)


def _links_card(links: pd.DataFrame, lang: str, prefix: str, used: html.P | None = None) -> dbc.Card:
    """How the programme's budget lines are found; `used`: what the links found this year."""
    return dbc.Card(dbc.CardBody([
        html.H3(t("red.links.title", lang), className="h5"),
        html.P(t("red.links.body", lang), className="small"),
        _links_table(links, lang, prefix),
        used,
    ]), className="mt-2")


def no_money(links: pd.DataFrame, lang: str, prefix: str) -> html.Div:
    """A programme without budget links: nothing can be found in MEF data; said once, no empty
    cards or charts."""
    return html.Div([dbc.Alert(t("red.links.none", lang), color="secondary", id=f"{prefix}-no-money"),
                     _links_card(links, lang, prefix)])


def _cost_card(cost: pd.DataFrame, detail: dict, state: dict, years: list[int], factor: float | None,
               prefix: str, path: str):
    """The cost per beneficiary card: the national figure, or why there is none (with links to
    the years that have one, so the reader is never stuck)."""
    lang, year, real = state["lang"], state["year"], state["precios"] == "real"
    unit = detail["programme"].get("headline_unit")
    unit = unit if isinstance(unit, str) and unit else None
    one = unit_label(unit, lang, singular=True) if unit else ""
    label = t("red.cost", lang, unit=one) if unit else t("red.cost.generic", lang)
    units = t("units.cost.real" if real else "units.cost", lang, unit=one) if unit else ""
    card_id = f"{prefix}-kpi-cost"
    if unit is None:
        return kpi_card(label, "—", "", t("red.cost.no_unit", lang), card_id)
    national = figures.national_cost(cost, factor, real)
    if national is None:
        cov = detail["coverage"]
        with_figure = sorted({int(y) for y, u in zip(cov["year"], cov["unit"]) if u == unit} & set(years))
        links = [dcc.Link(str(y), href=path + search_for(state, year=y), className="me-2") for y in with_figure]
        note = [t("red.cost.none_year", lang, unit=unit_label(unit, lang), year=year)]
        if links:
            note += [html.Br(), t("red.cost.other_years", lang), " ", *links]
        return kpi_card(label, "—", units, note, card_id)
    if national["cost_per_beneficiary"] is None:
        return kpi_card(label, "—", units, t("red.cost.no_money", lang, year=year), card_id)
    n = f"{fmt_number(national['beneficiaries'], 0)} {unit_label(unit, lang)}"
    return kpi_card(label, fmt_number(national["cost"], 0), units,
                    t("red.cost.note", lang, n=n, source=national["source"]), card_id)


def _cost_by_department(cost: pd.DataFrame, state: dict, factor: float | None, prefix: str):
    lang, real = state["lang"], state["precios"] == "real"
    rows = figures.department_costs(cost, factor, real)
    if rows.empty:
        return None
    df = rows.assign(unit_label=[unit_label(u, lang) for u in rows["unit"]])
    cols = [("department_name", t("col.department", lang), "text"),
            ("beneficiaries", t("col.beneficiaries", lang), "int"),
            ("unit_label", t("col.unit", lang), "text"), ("devengado", t("col.devengado", lang), "amount"),
            ("cost", t("col.cost", lang), "num"), ("source", t("col.source", lang), "text")]
    return html.Div([html.H3(t("red.cost.by_department", lang), className="h6 mt-2"),
                     data_grid(f"{prefix}-cost-grid", df, cols, height=min(260, 90 + 42 * len(df)), fit=False,
                               lang=state["lang"])])


def _per_person_map(per: pd.DataFrame, state: dict, factor: float | None, source: str, empty: str):
    lang, year, ind, real = state["lang"], state["year"], state["indicador"], state["precios"] == "real"
    shown = figures.per_person(per, ind, factor, real)
    if shown.empty:
        return empty_figure(empty, height=480, wrap=WRAP)
    units = t(f"units.per.{ind}.real" if real else f"units.per.{ind}", lang)
    units_m = t("units.millions_real" if real else "units.millions", lang)
    people = t(f"col.population.{ind}", lang)
    hover = [f"<b>{n}</b><br>{t('devengado', lang)}: {millions(d)} ({units_m})<br>{people}: {fmt_number(p, 0)}"
             f"<br>{units}: {fmt_number(v)}"
             for n, d, p, v in zip(shown["department_name"], shown["devengado"], shown["population"], shown["value"])]
    title = t("red.map.title", lang, per=t(f"red.map.per.{ind}", lang), year=year)
    return value_map(list(shown["department"]), list(shown["value"]), hover, units, title, source,
                     get_asset_url(GEOJSON), tickformat=",.1f")


def _years_figure(by_year: pd.DataFrame, real: bool, lang: str, units: str, source_all: str):
    if by_year.empty:
        return empty_figure(t("empty", lang), wrap=WRAP)
    shown = figures.years_in_prices(by_year, real)
    df = pd.DataFrame({"key": [str(y) for y in shown["fiscal_year"]], "name": "",
                       "pim": list(shown["pim"]), "devengado": list(shown["devengado"])})
    df["avance_pct"] = list(shown["avance_pct"])
    src = source_all + (f"<br>{t('source.denominators', lang)}" if real else "")
    return budget_bars(df, lang, t("red.years.title", lang), src, labels=list(df["key"]), horizontal=False,
                       units=units)


def split_table(split: pd.DataFrame, names: dict, state: dict, factor: float | None, prefix: str):
    """Where the programme's money sits in the budget, when it is split over several lines (a
    budget programme's product here, an executing unit there): each part, and that they add up."""
    if split is None or len(split) < 2:
        return None
    lang, real = state["lang"], state.get("precios") == "real"
    scale = (factor or 0) if real else 1.0
    rows = split.assign(
        programa_name=[f"{c} {names.get(('programa', c), '')}".strip() for c in split["programa"]],
        producto_name=[f"{c} {names.get(('producto', c), '')}".strip() for c in split["producto"]],
        sec_ejec_name=[f"{c} {names.get(('ejecutora', c), '')}".strip() for c in split["sec_ejec"]],
        **{a: [v * scale if v is not None else None for v in split[a]] for a in ("pia", "pim", "devengado")})
    cols = [("programa_name", t("drill.programa", lang), "text"), ("producto_name", t("drill.producto", lang), "text"),
            ("sec_ejec_name", t("drill.ejecutora", lang), "text"), ("pim", t("pim", lang), "amount"),
            ("devengado", t("devengado", lang), "amount")]
    total = {"programa_name": t("regions.total", lang), "pim": rows["pim"].sum(), "devengado": rows["devengado"].sum()}
    return html.Section([
        html.H3(t("red.split.title", lang), className="h6 mt-3"),
        html.P(t("red.split.body", lang, n=len(rows), programmes=rows["programa"].nunique()), className="small"),
        data_grid(f"{prefix}-split-grid", rows, cols, wrap=("programa_name", "producto_name", "sec_ejec_name"),
                  pinned_total=total, height=min(360, 110 + 56 * (len(rows) + 1)), lang=lang),
    ], id=f"{prefix}-split")


def money_section(state: dict, detail: dict, budget: pd.DataFrame, by_year: pd.DataFrame, cost: pd.DataFrame,
                    per: pd.DataFrame, factor: float | None, usd_per_sol: float | None, summary: dict, *,
                    prefix: str, path: str, split=None) -> html.Div:
    """The money section from the reads of its fiscal year: budget_for_programme, budget_by_year
    (with base_year), cost_per_beneficiary, spending per inhabitant or per woman, the CPI factor
    to real soles (to_real_soles(1.0, year, base)), dollars per sol and store_summary. `path`:
    the page's path, for the links to other years."""
    lang, year = state["lang"], state["year"]
    real = state.get("precios") == "real"
    source, source_all = source_text(year, lang, summary=summary), source_text(None, lang, summary=summary)
    b = budget.iloc[0]
    # why this year may show no money: no link applies to it, or its links find no budget line
    why = t("red.no_links_year", lang, year=year) if not b["links"] else t("red.no_lines", lang, year=year)
    alerts = [] if b["links"] and b["matched_rows"] else [
        dbc.Alert(why, color="secondary", id=f"{prefix}-no-money")]

    amounts = figures.headline_amounts(budget, factor, real)
    units = t("units.millions_real" if real else "units.millions", lang)
    notes = {}
    quotes_usd = (detail["budget"]["currency"] == "USD").any() if not detail["budget"].empty else False
    if quotes_usd and usd_per_sol is not None and not real:   # the report quotes dollars: dollars beside soles
        dollars = figures.amounts_in_dollars(budget, usd_per_sol)
        notes = {m: t("red.usd_note", lang, usd=millions(v), year=year) for m, v in dollars.items()}
    cards = money_cards(amounts, lang, prefix, units, notes,
                        extra=[_cost_card(cost, detail, state, summary["years"], factor, prefix, path)])

    fig_map = _per_person_map(per, state, factor, f"{source}<br>{t('source.denominators', lang)}", why)
    fig_years = _years_figure(by_year, real, lang, units, source_all)

    used = html.P(t("red.links.used", lang, year=year, used=b["links"], rows=fmt_number(b["matched_rows"], 0))
                  if b["links"] else why, className="small mt-2 mb-0", id=f"{prefix}-links-used")
    return html.Div([
        *alerts,
        cards,
        split,
        _cost_by_department(cost, state, factor, prefix),
        dbc.Row([
            dbc.Col(graph(f"{prefix}-map", min_height=560, figure=fig_map), lg=6, className="mb-3"),
            dbc.Col(graph(f"{prefix}-years", min_height=400, figure=fig_years), lg=6, className="mb-3"),
        ], className="mt-3"),
        html.P(t("credit.ne", lang), className="small text-secondary"),
        _links_card(detail["budget_links"], lang, prefix, used),
    ])
