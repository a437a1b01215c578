"""The Dash app: pages from pages/, the shell from components/shell, everything served locally.

Production: `gunicorn app:server` (loopback, behind a proxy). Development: `python app.py`
serves on settings HOST/PORT (default 127.0.0.1:8050) with debug off.
"""
from __future__ import annotations

from dash import Dash

import routes
from components.data import init_cache
from components.shell import shell_layout
from domain.i18n import t
from settings import get_settings

app = Dash(
    __name__,
    use_pages=True,
    # Bootstrap is vendored in assets/ (dbc.themes.* would load it from a CDN); Dash, plotly.js
    # and AG Grid serve their own JavaScript from the installed packages.
    external_stylesheets=[],
    serve_locally=True,
    # Layouts are functions of the URL; validating them at startup would query the store.
    suppress_callback_exceptions=True,
    title=t("app.title", "es"),
    update_title=None,
    meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
)
app.index_string = app.index_string.replace("<html>", '<html lang="es">', 1)   # Spanish first
app.layout = shell_layout
server = app.server
init_cache(server)
routes.register(server)


if __name__ == "__main__":
    s = get_settings()
    app.run(host=s.host, port=s.port, debug=False)
