"""The Dash app: pages from pages/, the shell from components/shell, everything served locally.

Production: `gunicorn app:server` (loopback, behind a proxy). Development: `python app.py`
serves on settings HOST/PORT (default 127.0.0.1:8050) with debug off.
"""
from __future__ import annotations

from dash import Dash

import routes
from components import response_cache
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
response_cache.register(server)
routes.register(server)


def finish_setup() -> None:
    """Run Dash's once-per-process setup now, before the process serves anything.

    Dash does it in a before_request hook on the first request and sets its "done" flag before
    the work: under threaded workers (gunicorn --threads) requests arriving meanwhile find no
    registered libraries and answer 500 "dash is not a registered library" (plotly/dash issue
    3971), so the first page after a restart can come up blank. Building the layout here reads
    no store (components/shell.py), so this is safe at import. tests/test_first_load.py."""
    with server.test_request_context("/"):
        for hook in list(server.before_request_funcs.get(None, [])):
            if getattr(hook, "__qualname__", "").startswith("Dash."):
                hook()


finish_setup()


if __name__ == "__main__":
    s = get_settings()
    app.run(host=s.host, port=s.port, debug=False)
