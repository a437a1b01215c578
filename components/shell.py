"""The shell around every page: navbar (from dash.page_registry), language switch, demo banner.

The navbar is outside the pages, so one callback on the URL keeps its labels, its links (which
carry the year, level and language to the next page) and the banner in step with the page.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from components.data import cached
from components.prices import prices_control
from domain.codes import DEFAULT_LANG, LANGS
from domain.i18n import t
from domain.url_state import global_search, parse_search, search_for
from store import status
from store.engine import StoreMissing


def shell_layout() -> html.Div:
    """Static skeleton; `update_shell` fills it from the URL on every navigation."""
    navbar = dbc.Navbar(dbc.Container([
        html.Span(t("app.title", DEFAULT_LANG), id="shell-brand", className="navbar-brand fw-semibold"),
        dbc.Nav(id="shell-nav", navbar=True, className="me-auto"),
        prices_control(),
        html.Div(id="shell-lang", className="d-flex align-items-center gap-1 shell-lang",
                 role="group", **{"aria-label": t("nav.language", DEFAULT_LANG)}),
    ], fluid="xl"), color="dark", dark=True, className="mb-0 py-2")
    banner = dbc.Alert(id="shell-banner", color="warning", is_open=False,
                       className="rounded-0 mb-0 text-center fw-semibold shell-banner")
    return html.Div([
        dcc.Location(id="shell-url", refresh="callback-nav"),
        navbar, banner,
        dbc.Container(dash.page_container, fluid="xl", className="pb-5"),
    ])


def _pages() -> list[dict]:
    """The navbar's pages, in their order; a page registered with nav=False (the printable report,
    reached from every page's top bar) is left out."""
    pages = [p for p in dash.page_registry.values() if p.get("nav", True)]
    return sorted(pages, key=lambda p: (p.get("order") is None, p.get("order") or 0))


@callback(Output("shell-nav", "children"), Output("shell-lang", "children"), Output("shell-brand", "children"),
          Output("shell-banner", "children"), Output("shell-banner", "is_open"),
          Input("shell-url", "pathname"), Input("shell-url", "search"))
def update_shell(pathname: str | None, search: str | None):
    """Navbar links and labels in the URL's language; the banner when the store is demo data."""
    raw = parse_search(search)
    lang = raw.get("lang") if raw.get("lang") in LANGS else DEFAULT_LANG
    carry = global_search(search)
    pathname = pathname or "/"
    items = []
    for page in _pages():
        path = page["relative_path"]
        label = t(page["i18n_key"], lang) if page.get("i18n_key") else page["name"]
        items.append(dbc.NavItem(dbc.NavLink(label, href=path + carry, active=pathname == path,
                                             id=f"shell-nav-{page['module'].split('.')[-1]}")))
    switch = []
    for code in LANGS:
        href = pathname + search_for({**raw, "lang": code})
        switch.append(dcc.Link(code.upper(), href=href, id=f"shell-lang-{code}", title=t("nav.language", code),
                               className="btn btn-sm " + ("btn-light" if code == lang else "btn-outline-light")))
    try:
        demo = bool(cached(status.store_summary)["is_demo"])
    except StoreMissing:
        demo = False
    return items, switch, t("app.title", lang), t("banner.demo", lang), demo
