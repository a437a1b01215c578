"""Género: how much of the budget serves gender equality under the dashboard's rules. The three
totals users argue from (strict = marker 2, weighted = amount x weight, broad = marker 1 or 2)
side by side for PIA, PIM and devengado; devengado by Budlender & Sharp category and by OECD-DAC
marker; the money no rule has classified yet ("sin revisar"); which programmes (the three totals
per programme, with PIA, PIM, devengado and avance); the execution alerts; the totals by LIO
policy line, as a treemap and over the years; the rule behind each programme; the rule-set
versions and the money that moved between them. Year, level and prices (nominal | real) in the URL."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, callback, dcc, html

from components import gender as gc
from components.cards import three_totals_cards
from components.data import cached, cached_all
from components.figures import GENDER_TOTAL_COLORS, budget_bars, empty_figure, grouped_bars
from components.fmt import millions, pct
from components.layout import (
    graph,
    on_store_missing,
    page_context,
    page_top,
    source_text,
)
from components.results import results_section
from components.tables import data_grid
from domain.codes import LEVELS, MAIN_STAGES, REAL_BASE_YEAR
from domain.gender import CATEGORIES, DEFINITIONS, UNREVIEWED
from domain.gender_rules import RuleError
from domain.i18n import code_label, t
from store import gender, gender_depth, gender_programmes, indicators, reference, status

dash.register_page(__name__, path="/genero", name="Género", order=3, i18n_key="nav.gender",
                   title="Género · Presupuesto sensible al género")

PREFIX = "gender"
CLASSIFY_COMMAND = "python -m etl classify"
DIFF_COMMAND = "python -m etl rules diff rules/gender_rules.csv"
COLORS = GENDER_TOTAL_COLORS                 # components/figures.py (domain/palette.py)


def _float(v) -> float:
    return 0.0 if v is None or v != v else float(v)


def layout(**query):
    years, state, missing = page_context(query, PREFIX)
    if missing:
        return missing
    lang = state["lang"]
    return html.Div([
        *page_top(PREFIX, "gender", state, years, between=(
            html.P(html.A(t("gender.explain.link", lang), href="#gender-explain"), className="small mb-2"),)),
        dcc.Loading(html.Div(id=f"{PREFIX}-kpis", className="mb-2"), delay_show=250),
        dbc.Row([
            dbc.Col(graph(f"{PREFIX}-totals", min_height=400), lg=6, className="mb-3"),
            dbc.Col(graph(f"{PREFIX}-categories"), lg=6, className="mb-3"),
        ]),
        html.H2(t("gender.table.title", lang), className="h5 mt-2", id=f"{PREFIX}-table-title"),
        html.P(t("gender.table.hint", lang), className="small text-secondary mb-1"),
        dcc.Loading(html.Div(id=f"{PREFIX}-table"), delay_show=250),
        html.H2(t("gender.alerts.title", lang), className="h5 mt-4"),
        dcc.Loading(html.Div(id=f"{PREFIX}-alerts-box"), delay_show=250),
        dbc.Row([
            dbc.Col(graph(f"{PREFIX}-lio", min_height=400), lg=6, className="mb-3 mt-3"),
            dbc.Col(graph(f"{PREFIX}-markers"), lg=6, className="mb-3 mt-3"),
        ]),
        dbc.Row([
            dbc.Col([graph(f"{PREFIX}-tree", min_height=520),
                     html.P(t("gender.tree.hint", lang), className="small text-secondary")], lg=7, className="mb-3"),
            dbc.Col(graph(f"{PREFIX}-series", min_height=420), lg=5, className="mb-3"),
        ]),
        dbc.Row(dbc.Col(explanation(lang), lg=8, className="mb-3")),
        html.H2(t("gender.rules.title", lang), className="h5 mt-2"),
        html.P(t("gender.programmes.hint", lang), className="small text-secondary mb-1"),
        dcc.Loading(html.Div(id=f"{PREFIX}-programmes"), delay_show=250),
        html.H2(t("gender.versions.title", lang), className="h5 mt-4"),
        dcc.Loading(html.Div(id=f"{PREFIX}-versions"), delay_show=250),
        dcc.Loading(html.Div(id=f"{PREFIX}-violence"), delay_show=250),
    ])


def prices(state: dict) -> tuple[float, str, str, html.P | None]:
    """(factor, chart units, card units, note) for the URL's precios: real soles of
    domain.codes.REAL_BASE_YEAR, or nominal with a note when the year has no CPI."""
    lang = state["lang"]
    prices_key = state.get("precios", "nominal")     # older callers omit it: nominal
    factor = gc.price_factor(state["year"], prices_key)
    if factor is None:
        note = html.P(t("gender.prices.no_cpi", lang, year=state["year"]), className="small text-warning-emphasis")
        return 1.0, t("units.millions", lang), t("gender.card.units", lang), note
    real = prices_key == "real"
    return (factor, gc.units(prices_key, lang),
            t("gender.card.units_real" if real else "gender.card.units", lang), None)


def explanation(lang: str) -> dbc.Card:
    """The three definitions, the categories and markers, and how to edit the rules (ES/EN)."""
    def dl(items):
        return html.Dl([x for term, body in items for x in (html.Dt(term), html.Dd(body, className="mb-1"))],
                       className="small mb-2")
    return dbc.Card(dbc.CardBody([
        html.H2(t("gender.explain.title", lang), className="h5"),
        html.H3(t("gender.explain.totals", lang), className="h6 mt-2"),
        dl([(t(f"gdef.{d}", lang), t(f"gdef.{d}.body", lang)) for d in DEFINITIONS]),
        html.H3(t("gender.explain.categories", lang), className="h6"),
        dl([(t(f"gcat.{c}", lang), t(f"gcat.{c}.body", lang)) for c in CATEGORIES]),
        html.H3(t("gender.explain.markers", lang), className="h6"),
        dl([(t(f"gmark.{m}", lang), t(f"gmark.{m}.body", lang)) for m in ("2", "1", "0")]),
        html.P(t("gender.weight.body", lang), className="small"),
        html.Details([          # for whoever maintains the rules: folded, like Datos' "Para administradores"
            html.Summary(t("gender.explain.edit", lang), className="h6"),
            html.P(t("gender.explain.edit.body", lang), className="small mb-1"),
            html.Pre(f"{DIFF_COMMAND}\n{CLASSIFY_COMMAND}", className="bg-light p-2 border rounded small mb-1"),
            html.P(t("gender.explain.edit.after", lang), className="small mb-0"),
        ], id=f"{PREFIX}-admin"),
    ]), id=f"{PREFIX}-explain", className="h-100")


def _not_classified(lang: str) -> dbc.Alert:
    return dbc.Alert([html.P(t("gender.not_classified", lang), className="mb-1"),
                      html.Pre(CLASSIFY_COMMAND, className="mb-0")], color="warning", id=f"{PREFIX}-unclassified")


def _totals_figure(summary: pd.DataFrame, stage_totals: dict, lang: str, source: str, units: str):
    stages = [t(s, lang) for s in MAIN_STAGES]
    rows = {r["definition"]: r for r in summary.to_dict("records")}
    series, hover = [], []
    for d in DEFINITIONS:
        values = [_float(rows[d][s]) for s in MAIN_STAGES]
        series.append((t(f"gdef.{d}.short", lang), values, COLORS[d]))
        shares = [v / stage_totals[s] * 100 if stage_totals[s] else None for s, v in zip(MAIN_STAGES, values)]
        hover.append([f"<b>{label}</b><br>{t(f'gdef.{d}', lang)}: {millions(v)}<br>"
                      + t("gender.totals.hover", lang, share=pct(share), stage=t(s, lang))
                      for label, s, v, share in zip(stages, MAIN_STAGES, values, shares)])
    return gc.label_bars(grouped_bars(stages, series, lang, t("gender.totals.title", lang), units, source,
                                      hover=hover))


def _group_bars(df: pd.DataFrame, prefix: str, title: str, lang: str, source: str, units: str):
    if df.empty:
        return empty_figure(t("empty", lang))
    frame = pd.DataFrame({"key": [str(k) for k in df["key"]], "name": [code_label(prefix, k, lang) for k in df["key"]],
                          **{a: [_float(v) for v in df[a]] for a in MAIN_STAGES}})
    frame["avance_pct"] = [d / p * 100 if p else None for d, p in zip(frame["devengado"], frame["pim"])]
    return gc.label_bars(budget_bars(frame, lang, title, source, labels=list(frame["name"]), units=units))


@callback(Output(f"{PREFIX}-kpis", "children"), Output(f"{PREFIX}-totals", "figure"),
          Output(f"{PREFIX}-categories", "figure"), Output(f"{PREFIX}-markers", "figure"),
          Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (msg, fig, fig, fig))
def render_totals(state: dict):
    """The three totals (cards and grouped bars), the unreviewed money, and PIM / devengado by
    category and by marker, for the year and level in the URL."""
    lang, year, level = state["lang"], state["year"], state["level"]
    filters = {"nivel": level} if level in LEVELS else None
    summary, by_cat, by_marker, version = cached_all(
        (gender.gender_summary, year, filters), (gender.gender_totals, "categoria_genero", year, filters),
        (gender.gender_totals, "marcador_genero", year, filters), (gender.classification_version,))
    source = t("gender.source", lang, source=source_text(year, lang), version=version.split(":")[0] or "—")
    factor, units, card_units, price_note = prices(state)
    summary = gc.scaled(summary, factor, MAIN_STAGES)
    by_cat, by_marker = (gc.scaled(df, factor, MAIN_STAGES) for df in (by_cat, by_marker))
    if by_cat.empty:
        msg = empty_figure(t("empty", lang))
        return dbc.Alert(t("empty", lang), color="secondary"), msg, msg, msg
    totals = {s: sum(_float(v) for v in by_cat[s]) for s in MAIN_STAGES}
    unrev = by_cat[by_cat["key"] == UNREVIEWED]
    unrev_dev = _float(unrev["devengado"].iloc[0]) if not unrev.empty else 0.0
    share = unrev_dev / totals["devengado"] * 100 if totals["devengado"] else None
    cards = three_totals_cards(summary, {"devengado": unrev_dev, "share_pct": share}, lang, PREFIX, card_units)
    if not version:
        note = _not_classified(lang)
    elif unrev_dev:
        note = dbc.Alert([t("gender.unreviewed.alert", lang, amount=millions(unrev_dev), share=pct(share)), " ",
                          html.A(t("gender.explain.edit", lang), href="#gender-explain", className="alert-link")],
                         color="warning", id=f"{PREFIX}-unreviewed", className="fw-semibold")
    else:
        note = html.P(t("gender.unreviewed.none", lang), className="small text-secondary", id=f"{PREFIX}-unreviewed")
    title = f" · {year}"
    return (html.Div([cards, note, price_note]),
            _totals_figure(summary, totals, lang, source, units),
            _group_bars(by_cat, "gcat", t("gender.by_category", lang) + title, lang, source, units),
            _group_bars(by_marker, "gmark", t("gender.by_marker", lang) + title, lang, source, units))


@callback(Output(f"{PREFIX}-table", "children"), Output(f"{PREFIX}-alerts-box", "children"),
          Output(f"{PREFIX}-lio", "figure"), Output(f"{PREFIX}-tree", "figure"), Output(f"{PREFIX}-series", "figure"),
          Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (msg, msg, fig, fig, fig))
def render_depth(state: dict):
    """Which programmes (the three totals per programme), the lagging gender lines, the totals by
    LIO line, the treemap of gender money and the series over fiscal years, in the URL's prices."""
    lang, year, level = state["lang"], state["year"], state["level"]
    table, alerts, lio, tree, series, version = cached_all(
        (gender_programmes.programme_table, year, level), (gender_depth.execution_alerts, year, level),
        (gender_depth.lio_totals, year, level), (gender_depth.gender_tree, year, level),
        (gender_depth.gender_series, level), (gender.classification_version,))
    source = t("gender.source", lang, source=source_text(year, lang), version=version.split(":")[0] or "—")
    factor, units, _, _ = prices(state)
    title = f" · {year}"
    if table.empty:
        view = dbc.Alert(t("empty", lang), color="secondary")
    else:
        table = gc.scaled(table, factor, ("strict", "weighted", "broad", *MAIN_STAGES))
        units_split = tuple(sorted(u for u in set(table["unit"]) if u))
        spread = gc.scaled(cached(gender_programmes.unit_spread, year, units_split, level), factor,
                           ("pim", "devengado"))
        view = html.Div([html.P(units, className="small text-secondary mb-1"),
                         gc.programme_grid(f"{PREFIX}-table-grid", table, lang), gc.split_note(table, spread, lang)])
    alerts_view = gc.alerts_block(alerts, state, dash.page_registry["pages.programmes"]["relative_path"], factor,
                                  lang)
    lio = gc.scaled(lio, factor, [c for c in lio.columns if c != "key"])
    tree = gc.scaled(tree, factor, ("strict", "weighted", "broad", "pim", "devengado"))
    series = _series_prices(series, state.get("precios", "nominal"))
    all_years = t("gender.source", lang, source=source_text(None, lang), version=version.split(":")[0] or "—")
    return (view, alerts_view,
            gc.lio_figure(lio, lang, t("gender.lio.title", lang) + title, units, source),
            gc.treemap(tree, lang, t("gender.tree.title", lang) + title, units, source),
            gc.series_figure(series, lang, t("gender.series.title", lang), units, all_years))


def _series_prices(series: pd.DataFrame, precios: str) -> pd.DataFrame:
    """Each year's amounts in the URL's prices (shares are unchanged); a year without a CPI is
    left out of a real-soles series rather than drawn in other soles."""
    if precios != "real" or series.empty:
        return series
    factors = {y: gc.price_factor(y, "real") for y in series["fiscal_year"]}
    series = series[[factors[y] is not None for y in series["fiscal_year"]]].copy()
    for col in [c for c in series.columns if c.endswith(("_pim", "_devengado")) or c in ("pim", "devengado")]:
        series[col] = [float(v) * factors[y] for v, y in zip(series[col], series["fiscal_year"])]
    return series


PROGRAMME_COLUMNS = (("key", "col.key", "text"), ("name", "col.name", "text"),
                     ("pim", "col.pim", "amount"), ("devengado", "col.devengado", "amount"),
                     ("category_label", "col.gcategory", "text"), ("marker_label", "col.gmarker", "text"),
                     ("weight", "col.weight", "pct"), ("rule_id", "col.rule", "text"),
                     ("lio_label", "col.lio", "text"), ("rationale", "col.rationale", "text"),
                     ("conditions", "col.conditions", "text"))


@callback(Output(f"{PREFIX}-programmes", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_programmes(state: dict):
    """Each programme with the rule(s) that classified it: category, marker, weight, rationale."""
    lang, year, level = state["lang"], state["year"], state["level"]
    df = cached(gender_programmes.gender_programmes, year, level)
    if df.empty:
        return dbc.Alert(t("empty", lang), color="secondary")
    df = gc.scaled(df, prices(state)[0], ("pim", "devengado"))
    df = df.assign(rationale=[en if lang == "en" and en else es for es, en in zip(df["rationale"], df["rationale_en"])],
                   category_label=[code_label("gcat", c, lang) for c in df["category"]],
                   marker_label=[code_label("gmark", UNREVIEWED if m is None else m, lang) for m in df["marker"]],
                   lio_label=[code_label("glio", x, lang) for x in df["lio_line"]],
                   rule_id=[code_label("gcat", r, lang) if r == UNREVIEWED else r for r in df["rule_id"]])
    cols = [(f, t(k, lang), kind) for f, k, kind in PROGRAMME_COLUMNS]
    return data_grid(f"{PREFIX}-grid", df, cols, height=560, filters=True, wrap=("rationale",),
                     widths={"key": (80, 90), "name": 200, "category_label": 160, "marker_label": 130,
                             "weight": (90, 110), "rule_id": 150, "rationale": 320, "conditions": 220,
                             "lio_label": 150}, lang=lang)


def _version_name(info: dict) -> str:
    return f"{info['id']} ({str(info['sha256'])[:12]})" if info.get("id") is not None else str(info["file_name"])


def _diff(diff, year: int, lang: str) -> html.Div:
    moved = diff.moved
    if moved.empty:
        moved_view = html.P(t("gender.diff.none_moved", lang, year=year), className="small", id=f"{PREFIX}-moved")
    else:
        df = moved.assign(from_label=[code_label("gcat", c, lang) for c in moved["from_category"]],
                          to_label=[code_label("gcat", c, lang) for c in moved["to_category"]])
        cols = [("from_label", t("col.from", lang), "text"), ("to_label", t("col.to", lang), "text"),
                ("lines", t("col.lines", lang), "int"), ("pim", t("col.pim", lang), "amount"),
                ("devengado", t("col.devengado", lang), "amount")]
        moved_view = data_grid(f"{PREFIX}-moved", df, cols, height=None, wrap=("from_label", "to_label"),
                               widths={"from_label": 110, "to_label": 110, "lines": (70, 90)}, lang=lang)
    tot = diff.totals.assign(label=[t(f"gdef.{d}", lang) for d in diff.totals["definition"]],
                             before=[_float(v) for v in diff.totals["devengado_old"]],
                             after=[_float(v) for v in diff.totals["devengado_new"]])
    tot["change"] = tot["after"] - tot["before"]
    totals_view = data_grid(f"{PREFIX}-diff-totals", tot,
                            [("label", t("col.definition", lang), "text"), ("before", t("col.before", lang), "amount"),
                             ("after", t("col.after", lang), "amount"), ("change", t("col.change", lang), "amount")],
                            height=None, wrap=("label",), lang=lang)
    changes = [{"rule_id": r["rule_id"], "field": t("gender.diff.added", lang), "old": "",
                "new": f"{r['conditions']} → {r['category']}/{r['marker']}/{r['weight']}"}
               for r in diff.added.to_dict("records")]
    changes += [{"rule_id": r["rule_id"], "field": t("gender.diff.removed", lang),
                 "old": f"{r['conditions']} → {r['category']}/{r['marker']}/{r['weight']}", "new": ""}
                for r in diff.removed.to_dict("records")]
    changes += [{k: str(v) if v is not None else "" for k, v in r.items()} for r in diff.changed.to_dict("records")]
    if changes:
        rules_view = data_grid(f"{PREFIX}-diff-rules", pd.DataFrame(changes),
                               [("rule_id", t("col.rule", lang), "text"), ("field", t("col.field", lang), "text"),
                                ("old", t("col.old", lang), "text"), ("new", t("col.new", lang), "text")],
                               height=None, wrap=("old", "new"), lang=lang)
    else:
        rules_view = html.P(t("gender.diff.no_rules", lang), className="small")
    return html.Div([
        html.H3(t("gender.diff.title", lang, old=_version_name(diff.old), new=_version_name(diff.new), year=year),
                className="h6 mt-3", id=f"{PREFIX}-diff-title"),
        html.P(t("gender.diff.all_levels", lang) + " " + t("units.millions", lang), className="small text-secondary"),
        dbc.Row([
            dbc.Col([html.H4(t("gender.diff.moved", lang), className="h6"), moved_view], lg=6, className="mb-3"),
            dbc.Col([html.H4(t("gender.diff.totals", lang), className="h6"), totals_view], lg=6, className="mb-3"),
        ]),
        html.H4(t("gender.diff.rules", lang), className="h6"),
        rules_view,
    ])


@callback(Output(f"{PREFIX}-versions", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_versions(state: dict):
    """Every rule-set version (hash, loaded at, by), and with two or more, what the last edit
    changed: rules, the money that moved between categories, the three totals before and after."""
    lang, year = state["lang"], state["year"]
    sets = cached(gender.rule_sets)
    if sets.empty:
        return html.Div([dbc.Alert(t("gender.versions.none", lang), color="secondary"), _not_classified(lang)])
    df = sets.assign(version=[str(i) for i in sets["id"]], sha=[str(s)[:12] for s in sets["sha256"]],
                     loaded=[v.strftime("%Y-%m-%d %H:%M:%S") if v is not None and v == v else ""
                             for v in sets["loaded_at"]],
                     active_label=[t("yes" if a else "no", lang) for a in sets["active"]])
    cols = [("version", t("col.version", lang), "text"), ("file_name", t("col.file", lang), "text"),
            ("sha", t("col.sha", lang), "text"), ("rule_count", t("col.rule_count", lang), "int"),
            ("loaded", t("col.loaded_at", lang), "text"), ("loaded_by", t("col.loaded_by", lang), "text"),
            ("active_label", t("col.active", lang), "text")]
    table = data_grid(f"{PREFIX}-versions-grid", df.iloc[::-1], cols, height=None, lang=lang)
    if len(sets) < 2:
        return html.Div([table, html.P(t("gender.versions.one", lang), className="small text-secondary mt-2")])
    try:
        diff = cached(gender.rule_diff, None, None, year)
    except RuleError as exc:          # e.g. the active version is the first one
        return html.Div([table, dbc.Alert(str(exc), color="secondary", className="mt-2")])
    return html.Div([table, _diff(diff, year, lang)])


@callback(Output(f"{PREFIX}-violence", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_violence(state: dict):
    """The violence indicators beside violence-prevention spending per woman 15-49 by department
    (the programme that aims at partner violence in the year; components/results.py)."""
    lang, year, level = state["lang"], state["year"], state["level"]
    found = cached(indicators.violence_results, year, level=level)
    if found is None:            # the indicators still belong on the page; the spending side says why it is missing
        series = cached(indicators.violence_series)
        found = {"links": pd.DataFrame({"indicator": list(series), "reason": [t("gender.violence.reason", lang)] * len(series)}),
                 "series": series, "headline": None, "points": pd.DataFrame(), "code": "", "name": ""}
        section = results_section(found, lang, PREFIX, year=year, place=t("results.national", lang), programme="",
                                  money_years=cached(status.store_summary)["years"], money_source="")
        return html.Div([html.H2(t("gender.violence.title", lang), className="h5 mt-4"),
                         dbc.Alert(t("gender.violence.none", lang, year=year), color="secondary", className="small",
                                   id=f"{PREFIX}-violence-none"), section])
    factor = (cached(reference.to_real_soles, 1.0, year, REAL_BASE_YEAR) if state.get("precios") == "real"
              else None)
    years = cached(status.store_summary)["years"]
    section = results_section(found, lang, PREFIX, year=year, place=t("results.national", lang),
                              programme=f"{found['code']} {found['name']}".strip(), money_years=years,
                              money_source=source_text(year, lang), factor=factor)
    return html.Div([html.H2(t("gender.violence.title", lang), className="h5 mt-4"),
                     html.P(t("gender.violence.intro", lang, programme=f"{found['code']} {found['name']}"),
                            className="small"), section])
