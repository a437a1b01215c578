"""A social protection programme's record on the Red page: what the ODI case study says about it
(objectives, gender design, targeting, linkages, results), its coverage as the report prints it
with every contradiction shown, the budgets it quotes, and the coverage table's rows."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.fmt import pct, plain
from components.network_table import coverage_words
from components.tables import data_grid
from domain.i18n import report_section, t, unit_label

TEXT_FIELDS = ("objectives", "gender_objectives", "target_population", "targeting", "gender_design", "linkages",
               "results")


def no_programme(lang: str, prefix: str) -> dbc.Alert:
    return dbc.Alert(t("red.none", lang), color="info", id=f"{prefix}-none")


def unknown_programme(programme_id: str, lang: str, prefix: str) -> dbc.Alert:
    return dbc.Alert(t("red.unknown", lang, id=programme_id), color="warning", id=f"{prefix}-unknown")


def _sex_labels(sexes, lang: str) -> list[str]:
    """F / M / T in words; anything else as printed."""
    return [t(f"sex.{s}", lang) if s in ("F", "M", "T") else plain(s) for s in sexes]


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
    return ", ".join(dict.fromkeys(report_section(s, lang) for s in sections if plain(s))) or "—"


def _record(p: dict, lang: str, prefix: str) -> dbc.Card:
    facts = [(t("red.institution", lang), plain(p.get(f"institution_{lang}"))),
             (t("red.start_year", lang), plain(p.get("start_year")))]
    if p.get("share_social_budget_2009_pct") is not None:
        share = t("red.share2009", lang, pct=pct(p["share_social_budget_2009_pct"]))
        if plain(p.get("share_note")):
            share += " " + plain(p.get("share_note"))     # this cell cites another source
        facts.append((t("red.share2009.label", lang), share))
    body = [html.Dl([x for k, v in facts if v for x in (html.Dt(k), html.Dd(v, className="mb-1"))],
                    className="small mb-2")]
    for field in TEXT_FIELDS:
        value = plain(p.get(f"{field}_{lang}"))
        body += [html.H4(t(f"red.{field}", lang), className="h6 mt-3 mb-1"),
                 html.P(value or t("red.not_given", lang), className="mb-1" + ("" if value else " text-secondary"),
                        id=f"{prefix}-field-{field}")]
    body.append(html.P(t("source.odi", lang, section=_sections((plain(p.get("sources")) or "").split("; "), lang)),
                       className="small text-secondary mt-3 mb-0"))
    return dbc.Card(dbc.CardBody([html.H3(t("red.record", lang), className="h5")] + body), className="h-100")


def _contradictions(contra: pd.DataFrame, lang: str, prefix: str):
    if contra.empty:
        return None
    items = []
    for _, group in contra.groupby("seq", sort=True):
        first = group.iloc[0]
        values = [html.Li([html.Strong(r.printed), " — " + t("source.odi", lang, section=report_section(r.section, lang))])
                  for r in group.sort_values("item").itertuples()]
        items.append(html.Div([html.P(html.Strong(plain(first["what"])), className="mb-1"),
                               html.Ul(values, className="mb-1"),
                               html.P(plain(first["note"]), className="small mb-2")]))
    return dbc.Alert([html.H4(t("red.contradictions.title", lang), className="h6 alert-heading"),
                      html.P(t("red.contradictions.body", lang), className="small")] + items,
                     color="warning", id=f"{prefix}-contradictions", className="mt-3")


def _printed_coverage(cov: pd.DataFrame, lang: str, prefix: str):
    if cov.empty:
        return dbc.Alert(t("red.coverage.none", lang), color="secondary")
    df = cov.assign(
        unit_label=[unit_label(u, lang) for u in cov["unit"]],
        sex_label=_sex_labels(cov["sex"], lang),
        flag=[_coverage_flag(plain(c), plain(u), v, lang) for c, u, v in zip(cov["contradicts"], cov["unit"],
                                                                             cov["value"])],
        value=[None if v is None or v != v else v for v in cov["value"]],
        section=[report_section(s, lang) for s in cov["section"]])
    # the figure in the page's language first ("431,974 hogares"), the report's printed English beside it
    df["coverage"] = [coverage_words([(v, u)], lang) if v is not None else "" for v, u in zip(df["value"], df["unit"])]
    cols = [("coverage", t("col.coverage", lang), "text"), ("printed", t("col.printed", lang), "text"),
            ("value", t("col.value", lang), "int"),
            ("unit_label", t("col.unit", lang), "text"), ("section", t("col.section", lang), "text"),
            ("sex_label", t("col.sex", lang), "text"), ("date", t("col.date", lang), "text"),
            ("flag", t("col.flag", lang), "text"), ("note", t("col.note", lang), "text")]
    return data_grid(f"{prefix}-coverage-grid", df, cols, height=min(460, 90 + 56 * len(df)), wrap=("coverage", "printed"),
                     widths={"coverage": 150, "printed": 190, "value": (95, 120), "unit_label": 130, "section": (95, 120),
                             "sex_label": (80, 100), "date": (85, 100), "flag": 110, "note": 200}, lang=lang)


def _printed_budget(budget: pd.DataFrame, soles: list, lang: str, prefix: str):
    """`soles`: store.reference.printed_in_soles of the budget's rows."""
    if budget.empty:
        return dbc.Alert(t("red.budget_printed.none", lang), color="secondary")
    df = budget.assign(currency=[plain(c) or "%" for c in budget["currency"]], soles=soles,
                       section=[report_section(s, lang) for s in budget["section"]],
                       year=[plain(y) for y in budget["year"]])
    cols = [("printed", t("col.printed", lang), "text"), ("what", t("col.what", lang), "text"),
            ("year", t("col.year", lang), "text"), ("section", t("col.section", lang), "text"),
            ("currency", t("col.currency", lang), "text"), ("soles", t("col.soles_equiv", lang), "amount")]
    return html.Div([data_grid(f"{prefix}-budget-grid", df, cols, height=None, wrap=("printed", "what"),
                               widths={"year": (70, 80), "section": (95, 130), "currency": (80, 100),
                                       "soles": 120}, lang=lang),
                     html.P(t("red.budget_printed.note", lang), className="small text-secondary mt-1 mb-0")])


def _loaded_coverage(cov: pd.DataFrame, lang: str, prefix: str):
    if cov.empty:
        return dbc.Alert(t("red.coverage.loaded.none", lang), color="secondary")
    inferred = cov["year_inferred"] if "year_inferred" in cov else [False] * len(cov)
    df = cov.assign(unit_label=[unit_label(u, lang) for u in cov["unit"]],
                    sex_label=_sex_labels(cov["sex"], lang),
                    year=[f"{plain(y)} ({t('red.year_inferred', lang)})" if bool(i) else plain(y)
                          for y, i in zip(cov["year"], inferred)])
    cols = [("year", t("col.year", lang), "text"), ("department_name", t("col.department", lang), "text"),
            ("sex_label", t("col.sex", lang), "text"), ("value", t("col.value", lang), "int"),
            ("unit_label", t("col.unit", lang), "text"), ("source", t("col.source", lang), "text"),
            ("note", t("col.note", lang), "text")]
    grid = data_grid(f"{prefix}-loaded-grid", df, cols, height=min(360, 90 + 42 * len(df)), fit=False, lang=lang)
    if not any(bool(i) for i in inferred):
        return grid
    return html.Div([grid, html.P(t("red.year_inferred.note", lang), className="small text-muted mt-1",
                                  id=f"{prefix}-year-inferred-note")])


def programme_record(detail: dict, soles: list, lang: str, prefix: str) -> html.Div:
    """store.programmes.programme_detail as the page shows it: title, category, the record card,
    coverage as printed, contradictions, printed budgets (`soles`: store.reference.printed_in_soles
    of detail["budget"]) and, folded, the coverage table's rows."""
    p = detail["programme"]
    name = p[f"name_{lang}"]
    title = f"{p['acronym']} · {name}" if plain(p.get("acronym")) else name
    badges = [dbc.Badge(plain(p.get(f"category_label_{lang}")) or p["category"], color="primary", className="me-2"),
              html.Span(plain(p.get(f"subtype_label_{lang}")), className="small text-secondary")]
    definition = plain(p.get(f"category_definition_{lang}"))
    return html.Div([
        html.H2(title, className="h4 mb-1", id=f"{prefix}-programme-title"),
        *([html.P(t("red.name_added", lang), className="small text-secondary mb-1", id=f"{prefix}-name-added")]
          if p.get("name_added") and lang == "es" else []),
        html.Div(badges, className="mb-1"),
        html.P(definition, className="small text-secondary mb-3"),
        dbc.Row([
            dbc.Col(_record(p, lang, prefix), lg=4, className="mb-3"),
            dbc.Col([
                html.H3(t("red.coverage.title", lang), className="h5"),
                html.Div(_printed_coverage(detail["coverage_printed"], lang, prefix), id=f"{prefix}-coverage"),
                html.P(t("source.odi", lang, section=_sections(detail["coverage_printed"]["section"], lang)),
                       className="small text-secondary mt-1"),
                _contradictions(detail["contradictions"], lang, prefix),
                html.H3(t("red.budget_printed.title", lang), className="h5 mt-3"),
                _printed_budget(detail["budget"], soles, lang, prefix),
                html.Details([html.Summary(t("red.coverage.loaded", lang), className="small fw-semibold"),
                              html.Div(_loaded_coverage(detail["coverage"], lang, prefix), className="mt-2")],
                             className="mt-3"),
            ], lg=8, className="mb-3"),
        ]),
    ])
