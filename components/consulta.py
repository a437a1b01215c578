"""Consulta Amigable on screen: the badge on every page (does the store agree with MEF's
portal?), the reconciliation section of Datos, and the municipality table of Regiones.

Each piece is a function its page inserts with one line, with its own callback, so the
pages other engineers own change by one line (store/reconcile.py says how keys compare).
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, callback, dcc, html

from components.data import cached
from components.fmt import fmt_number
from components.tables import data_grid
from domain.codes import DEFAULT_LANG, LANGS
from domain.i18n import t
from domain.url_state import global_search, parse_search
from store import consulta, reconcile
from store.engine import StoreMissing

ANCHOR = "conciliacion"          # the Datos section the badge links to
DATA_PATH = "/datos"


def _date(d) -> str:
    return d.strftime("%d/%m/%Y") if d is not None and d == d else "—"


def badge_slot() -> html.Div:
    """The badge's place in the shell (components/shell.py), filled from the URL."""
    return html.Div(id="consulta-badge", className="text-end small py-1 consulta-badge")


def badge(s: dict, lang: str, search: str | None = None, link_id: str = "consulta-badge-link") -> html.A:
    """"Cuadra con la Consulta Amigable (dd/mm/aaaa)" or "Difiere en S/ X en n claves", linking
    to the detail on Datos; the title names both sources' dates. None: nothing compared yet."""
    href = DATA_PATH + global_search(search) + f"#{ANCHOR}"
    ca = ", ".join(_date(d) for d in s["consulta_dates"])
    gasto = ", ".join(_date(d) for d in s["gasto_dates"])
    if not s["compared"]:
        text, color = t("consulta.badge.none", lang), "text-secondary"
        title = t("consulta.badge.none.title", lang)
    elif not s["differ"]:
        text, color = t("consulta.badge.agree", lang, date=ca), "text-success"
        title = t("consulta.badge.dates", lang, consulta=ca, gasto=gasto)
    else:
        key = "consulta.badge.differ.one" if s["differ"] == 1 else "consulta.badge.differ"
        text, color = t(key, lang, amount=fmt_number(s["amount"], 2), n=s["differ"]), "text-warning-emphasis"
        title = t("consulta.badge.dates", lang, consulta=ca, gasto=gasto)
    return html.A(text, href=href, id=link_id, title=title,
                  className=f"{color} fw-semibold text-decoration-none")


@callback(Output("consulta-badge", "children"), Input("shell-url", "search"))
def update_badge(search: str | None):
    """The badge for the whole store (every year both sources cover)."""
    raw = parse_search(search)
    lang = raw.get("lang") if raw.get("lang") in LANGS else DEFAULT_LANG
    try:
        s = cached(reconcile.summary)
    except StoreMissing:
        return None
    return badge(s, lang, search)


# ---- Datos: the detail ------------------------------------------------------------------------

def reconciliation_section(lang: str, prefix: str = "data") -> html.Div:
    """Heading, what is compared and how, and the table (filled by `render_reconciliation`)."""
    return html.Div([
        html.H2(t("consulta.section", lang), id=ANCHOR, className="h5 mt-4"),
        html.P(t("consulta.section.body", lang), className="mb-1"),
        html.P(t("consulta.section.cli", lang), className="small text-secondary mb-2"),
        dcc.Loading(html.Div(id="consulta-reconcile"), delay_show=250),
    ])


STATUS = ("agree", "differ", "only_consulta", "only_gasto")


def reconcile_columns(lang: str) -> list[tuple[str, str, str]]:
    return [("year", t("consulta.col.year", lang), "text"), ("level", t("consulta.col.level", lang), "text"),
            ("key", t("col.key", lang), "text"), ("name", t("col.name", lang), "text"),
            ("status_label", t("consulta.col.status", lang), "text"),
            ("file_name", t("col.file", lang), "text"),
            ("consulta_date_label", t("consulta.col.consulta_date", lang), "text"),
            ("gasto_date_label", t("consulta.col.gasto_date", lang), "text"),
            ("consulta_pim", t("consulta.col.consulta_pim", lang), "soles"),
            ("gasto_pim", t("consulta.col.gasto_pim", lang), "soles"),
            ("diff_pim", t("consulta.col.diff_pim", lang), "soles"),
            ("consulta_devengado", t("consulta.col.consulta_dev", lang), "soles"),
            ("gasto_devengado", t("consulta.col.gasto_dev", lang), "soles"),
            ("diff_devengado", t("consulta.col.diff_dev", lang), "soles")]


def reconciliation_view(df: pd.DataFrame, s: dict, lang: str):
    """The summary line and the per-key table (differences first), or what to load."""
    if df.empty:
        return dbc.Alert(t("consulta.section.empty", lang), color="secondary", id="consulta-reconcile-empty")
    order = {k: i for i, k in enumerate(("differ", "only_consulta", "agree", "only_gasto"))}
    df = df.assign(status_label=[t(f"consulta.status.{x}", lang) for x in df["status"]],
                   consulta_date_label=[f"{_date(d)} ({t('consulta.kind.' + k, lang)})"
                                        for d, k in zip(df["consulta_date"], df["consulta_date_kind"])],
                   gasto_date_label=[_date(d) for d in df["gasto_date"]],
                   _order=[order[x] for x in df["status"]]).sort_values(["_order", "year", "level", "key"])
    return html.Div([
        html.P(badge(s, lang, link_id="consulta-reconcile-summary"), className="mb-2"),
        data_grid("consulta-reconcile-grid", df, reconcile_columns(lang), height=min(480, 110 + 42 * len(df)),
                  fit=False, filters=True, lang=lang),
    ])


@callback(Output("consulta-reconcile", "children"), Input("data-state", "data"))
def render_reconciliation(state: dict):
    lang = (state or {}).get("lang", DEFAULT_LANG)
    try:
        df, s = cached(reconcile.reconcile), cached(reconcile.summary)
    except StoreMissing:
        return dbc.Alert(t("consulta.section.empty", lang), color="secondary", id="consulta-reconcile-empty")
    return reconciliation_view(df, s, lang)


# ---- Regiones: department -> province -> municipality ---------------------------------------

def municipality_section(lang: str) -> html.Div:
    """Municipalities from Consulta Amigable exports (filled by `render_municipalities`)."""
    return html.Div([
        html.H2(t("consulta.muni.title", lang), className="h5 mt-4", id="consulta-muni-heading"),
        html.P(t("consulta.muni.intro", lang), className="small text-secondary mb-1"),
        dcc.Loading(html.Div(id="consulta-muni"), delay_show=250),
    ])


def municipality_view(df: pd.DataFrame, year, lang: str):
    if df.empty:
        return dbc.Alert(t("consulta.muni.empty", lang, year=year), color="secondary", id="consulta-muni-empty")
    cols = [("departamento", t("col.department", lang), "text"), ("departamento_name", t("col.name", lang), "text"),
            ("provincia", t("consulta.col.province_code", lang), "text"),
            ("provincia_name", t("consulta.col.province", lang), "text"),
            ("key", t("consulta.col.muni_code", lang), "text"), ("name", t("consulta.col.muni", lang), "text"),
            ("pim", t("col.pim", lang) + " " + t("consulta.units", lang), "soles"),
            ("devengado", t("col.devengado", lang) + " " + t("consulta.units", lang), "soles"),
            ("execution_pct", t("col.avance", lang), "pct")]
    return data_grid("consulta-muni-grid", df, cols, height=min(520, 110 + 42 * len(df)), fit=False,
                     filters=True, lang=lang)


@callback(Output("consulta-muni", "children"), Input("regions-state", "data"))
def render_municipalities(state: dict):
    lang, year = state["lang"], state.get("year")
    try:
        df = cached(consulta.municipalities, year)
    except StoreMissing:
        df = pd.DataFrame()
    return municipality_view(df, year, lang)
