"""The shell around every page: navbar (from dash.page_registry), language switch, demo banner.

The navbar is outside the pages, so one callback on the URL keeps its labels, its links (which
carry the year, level and language to the next page) and the banner in step with the page.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from components.consulta import badge_slot
from components.data import cached
from components.prices import prices_control
from domain.codes import DEFAULT_LANG, LANGS
from domain.i18n import t
from domain.url_state import global_search, parse_search, search_for
from store import status
from store.engine import StoreMissing


# Below this width (Bootstrap's xl) the links and the global controls fold behind a menu button:
# the full bar needs about 1090 px (issue 14: between 992 and 1087 px the EN button fell off).
NAV_EXPAND = "xl"


def shell_layout() -> html.Div:
    """Static skeleton; `update_shell` fills it from the URL on every navigation.

    A skip link first (keyboard users jump over the navbar to the page), then the navbar, whose
    links and global controls (`shell-controls`: language; room for more) collapse behind a
    menu button on narrow screens."""
    controls = html.Div([
        prices_control(),
        html.Div(id="shell-lang", className="d-flex align-items-center gap-1 shell-lang",
                 role="group", **{"aria-label": t("nav.language", DEFAULT_LANG)}),
    ], id="shell-controls", className="d-flex flex-wrap align-items-center gap-2 py-2 py-xl-0")
    navbar = dbc.Navbar(dbc.Container([
        html.Span(t("app.title", DEFAULT_LANG), id="shell-brand", className="navbar-brand fw-semibold shell-brand"),
        html.Button(html.Span(className="navbar-toggler-icon"), id="shell-toggler", n_clicks=0, type="button",
                    className="navbar-toggler", title=t("a11y.menu", DEFAULT_LANG),
                    **{"aria-label": t("a11y.menu", DEFAULT_LANG), "aria-controls": "shell-collapse",
                       "aria-expanded": "false"}),
        dbc.Collapse([dbc.Nav(id="shell-nav", navbar=True, className="me-auto"), controls],
                     id="shell-collapse", is_open=False, navbar=True),
    ], fluid="xl"), color="dark", dark=True, expand=NAV_EXPAND, className="mb-0 py-2")
    banner = dbc.Alert(id="shell-banner", color="warning", is_open=False,
                       className="rounded-0 mb-0 text-center fw-semibold shell-banner")
    skip = html.A(t("a11y.skip", DEFAULT_LANG), href="#shell-main", id="shell-skip",
                  className="visually-hidden-focusable shell-skip")
    return html.Div([
        dcc.Location(id="shell-url", refresh="callback-nav"),
        skip, html.Header([navbar, banner, badge_slot()]),
        html.Main(dbc.Container(dash.page_container, fluid="xl", className="pb-5"), id="shell-main", tabIndex="-1"),
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


# The menu button opens and closes the folded navbar in the browser; following a link closes it.
clientside_callback(
    """function (n, pathname, search, isOpen) {
        const ctx = dash_clientside.callback_context.triggered.map(function (x) { return x.prop_id; });
        const open = ctx.indexOf('shell-toggler.n_clicks') >= 0 ? !isOpen : false;
        return [open, open ? 'true' : 'false'];
    }""",
    Output("shell-collapse", "is_open"), Output("shell-toggler", "aria-expanded"),
    Input("shell-toggler", "n_clicks"), Input("shell-url", "pathname"), Input("shell-url", "search"),
    State("shell-collapse", "is_open"))


# The page's language for screen readers and axe (WCAG 3.1.1): <html lang> follows the URL.
clientside_callback(
    """function (search) {
        const lang = new URLSearchParams(search || '').get('lang') === 'en' ? 'en' : 'es';
        document.documentElement.lang = lang;
        return lang;
    }""",
    Output("shell-main", "lang"), Input("shell-url", "search"))


@callback(Output("shell-skip", "children"), Output("shell-toggler", "aria-label"), Output("shell-toggler", "title"),
          Input("shell-url", "search"))
def shell_a11y_text(search: str | None):
    """The skip link and the menu button's name in the URL's language."""
    lang = parse_search(search).get("lang")
    lang = lang if lang in LANGS else DEFAULT_LANG
    return t("a11y.skip", lang), t("a11y.menu", lang), t("a11y.menu", lang)
