"""The Red page's list of programmes: the table by Devereux & Sabates-Wheeler category, its
filters and money controls, the category legend, the sources, and the message shown when the
curated network (data/network/programmes.yaml) is not loaded."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from components.filters import extra_dropdown, extra_radio
from components.fmt import fmt_number, plain
from components.tables import data_grid
from domain.i18n import report_section, t, unit_label
from domain.network import NETWORK_CATEGORIES
from domain.url_state import INDICATORS

REFERENCE_COMMAND = "python -m etl reference"
TABLE_COLUMNS = (("category_label", "col.category", "text"), ("acronym", "col.acronym", "text"),
                 ("name", "col.name", "text"), ("institution", "col.institution", "text"),
                 ("target_population", "col.target", "text"), ("coverage", "col.coverage", "text"),
                 ("coverage_printed", "col.coverage_printed", "text"),
                 ("coverage_section", "col.section", "text"),
                 ("share_social_budget_2009_pct", "col.share2009", "pct"))


def ordered(table: pd.DataFrame) -> pd.DataFrame:
    """Programmes by category (protective ... transformative), then in the report's order."""
    rank = {c: i for i, c in enumerate(NETWORK_CATEGORIES)}
    out = table.assign(_rank=table["category"].map(rank).fillna(len(NETWORK_CATEGORIES)), _pos=range(len(table)))
    return out.sort_values(["_rank", "_pos"]).drop(columns=["_rank", "_pos"]).reset_index(drop=True)


def network_missing(lang: str, prefix: str) -> dbc.Container:
    return dbc.Container(dbc.Alert([
        html.H2(t("missing.title", lang), className="h4 alert-heading"),
        html.P(t("red.missing", lang)),
        html.Pre(REFERENCE_COMMAND, className="mb-0"),
    ], color="warning", id=f"{prefix}-missing", className="mt-4"))


def network_filters(table: pd.DataFrame, categories: pd.DataFrame, state: dict, prefix: str) -> list:
    """The category and programme dropdowns of the filter bar (store.programmes.network_table,
    network_categories); programmes in ordered() order."""
    lang, table = state["lang"], ordered(table)
    cat_options = [{"label": t("red.category.all", lang), "value": "all"}] + [
        {"label": r.label, "value": r.category} for r in categories.itertuples()]
    prog_options = [{"label": f"{plain(a) or i} · {n}" if plain(a) else n, "value": i}
                    for i, a, n in zip(table["id"], table["acronym"], table["name"])]
    return [
        extra_dropdown(prefix, "categoria", t("red.filter.category", lang), cat_options, state["categoria"], md=3),
        extra_dropdown(prefix, "programa_red", t("red.filter.programme", lang), prog_options,
                       state["programa_red"] or None, md=7, clearable=True, placeholder=t("red.pick", lang)),
    ]


def money_controls(state: dict, prefix: str) -> list:
    """Heading and indicator choice of the money section (prices: the navbar's global switch,
    components/prices.py); nothing without a programme."""
    if not state["programa_red"]:
        return []
    lang = state["lang"]
    return [html.H2(t("red.money.title", lang, year=state["year"]), className="h4 mt-2", id=f"{prefix}-money-title"),
            html.P(t("red.money.intro", lang, year=state["year"]), className="text-secondary small mb-1"),
            dbc.Row([
                extra_radio(prefix, "indicador", t("red.indicator", lang),
                            [{"label": t(f"indicator.{i}", lang), "value": i} for i in INDICATORS],
                            state["indicador"], md=6),
            ], className="g-3 mb-2", id=f"{prefix}-money-controls")]


def category_legend(categories: pd.DataFrame, lang: str) -> html.Details:
    """The four categories with their definitions, folded under the table's heading."""
    return html.Details([
        html.Summary(t("red.categories", lang), className="small fw-semibold"),
        html.Dl([x for r in categories.itertuples() for x in (html.Dt(r.label), html.Dd(r.definition))],
                className="small mb-0 mt-2"),
    ], className="mb-2")


def sources_list(refs: pd.DataFrame, lang: str, prefix: str) -> html.Div:
    """The citations of the reference series (store.reference.reference_sources)."""
    return html.Div([
        html.H2(t("red.sources.title", lang), className="h5 mt-4"),
        html.Ul([html.Li(dcc.Markdown(c, className="mb-0"), className="small") for c in refs["citation"]],
                id=f"{prefix}-sources"),
    ])


def coverage_words(headline, lang: str) -> str:
    """The headline coverage in the page's language ("431,974 hogares"); the report's printed
    English stays in its own column beside it."""
    parts = []
    for value, unit in headline or []:
        number = fmt_number(value, 0 if float(value).is_integer() else 1)
        parts.append(f"{number} {unit_label(unit, lang)}".strip())       # percent units read "% (base)"
    return "; ".join(parts)


def network_grid(table: pd.DataFrame, state: dict, prefix: str):
    """The programmes of store.programmes.network_table in the chosen category, in ordered()
    order, the chosen one highlighted."""
    lang, table = state["lang"], ordered(table)
    if state.get("categoria") in NETWORK_CATEGORIES:
        table = table[table["category"] == state["categoria"]]
    if table.empty:
        return dbc.Alert(t("red.table.empty", lang), color="secondary")
    table = table.assign(coverage_section=[report_section(s, lang) for s in table["coverage_section"]],
                         coverage=[coverage_words(h, lang) for h in table["headline"]])
    cols = [(f, t(k, lang), kind) for f, k, kind in TABLE_COLUMNS]
    return data_grid(f"{prefix}-grid", table, cols, row_id="id", filters=True, highlight=state.get("programa_red"),
                     height=min(560, 140 + 75 * len(table)), wrap=("name", "coverage", "coverage_printed"),
                     widths={"category_label": (120, 160), "acronym": (100, 130), "name": 230,
                             "coverage": 200, "coverage_printed": 230, "coverage_section": (110, 140), "target_population": 180,
                             "institution": 150}, lang=state["lang"])


def context_figures(figures: pd.DataFrame, lang: str, prefix: str) -> html.Details | None:
    """Figures about the network as a whole (PpR's share of the budget, MIMDES' protective share),
    as printed, with their sections; None when the dataset has none."""
    if figures.empty:
        return None
    items = [html.Li([html.Strong(r.what), f": «{r.printed}» — ",
                      t("source.odi", lang, section=report_section(r.section, lang))]) for r in figures.itertuples()]
    return html.Details([html.Summary(t("red.context.title", lang), className="small fw-semibold"),
                         html.Ul(items, className="small mt-2 mb-0")], id=f"{prefix}-context", className="mb-2")
