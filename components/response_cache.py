"""Whole callback answers, cached: a view seen before is answered without rebuilding its figures.

A Dash callback here is a pure function of its request (inputs, state, which input changed: all
in the POST body of /_dash-update-component), the store's version and the code. A warm callback
read its data from the file cache (components/data.py) already, yet spent most of its time
building plotly figures and serialising them (benchmarks/RESULTS.md, "app serving"); this keeps the
finished JSON under sha256(body) + store identity + code fingerprint, in the same file cache every
gunicorn worker shares, so workers still keep no state of their own.

What is never kept: anything but a 200 JSON answer (errors, PreventUpdate's 204), answers built
while the store was missing or unreachable (components/layout.store_missing calls skip()), the
printable report (it prints the time it was made), and an answer during which the store's version
changed. A new load, classification or code deploy changes the key, so old answers are never
asked for again (FileSystemCache prunes them by age).
"""
from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from flask import Flask, Response, g, has_request_context, request

from components.data import cache
from store import status
from store.errors import StoreMissing

CALLBACK_PATH = "/_dash-update-component"
ROOT = Path(__file__).resolve().parent.parent
# What a callback's answer can depend on besides its request and the store (tests/test_response_cache.py).
CODE_PARTS = ("app.py", "routes.py", "settings.py", "components", "pages", "domain", "store", "exports",
              "rules", "data")
HEADER = "X-Answer-Cache"            # hit | miss: for the benchmark and for whoever debugs a slow page
MAX_BYTES = 4 * 1024 * 1024          # a bigger answer is rare and not worth a file per view


def code_fingerprint(root: Path = ROOT) -> str:
    """sha256 over the code and curated files the pages render from, and the libraries that
    serialise the answer: a deploy of other code never gets an answer built by the old one."""
    h = hashlib.sha256()
    for lib in ("dash", "plotly", "dash-ag-grid", "dash-bootstrap-components", "pandas"):
        h.update(f"{lib}={version(lib)};".encode())
    for part in CODE_PARTS:
        path = root / part
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*")
                                                       if p.is_file() and "__pycache__" not in p.parts)
        for f in files:
            h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def skip() -> None:
    """Do not keep the answer being built (a message about the store, a timestamped page)."""
    if has_request_context():          # unit tests call layouts without a request
        g.gsb_no_response_cache = True


def register(server: Flask) -> None:
    """Answer repeated callback requests from the cache, and keep new 200 answers."""
    fingerprint = code_fingerprint()

    def _key() -> tuple[str, str] | None:
        try:
            identity = status.store_identity()
        except StoreMissing:          # no store, or the database is away: nothing to key on
            return None
        digest = hashlib.sha256(request.get_data(cache=True)).hexdigest()
        return f"gsb-answer:{fingerprint}:{identity}:{digest}", identity

    @server.before_request
    def answer_from_cache():
        if request.method != "POST" or request.path != CALLBACK_PATH:
            return None
        found = _key()
        if found is None:
            return None
        body = cache.get(found[0])
        if body is not None:
            return Response(body, status=200, mimetype="application/json", headers={HEADER: "hit"})
        g.gsb_answer_key, g.gsb_identity = found
        return None

    @server.after_request
    def keep_answer(response: Response) -> Response:
        key = g.pop("gsb_answer_key", None)
        if key is not None:
            response.headers[HEADER] = "miss"
        if (key is None or response.status_code != 200 or response.mimetype != "application/json"
                or g.get("gsb_no_response_cache") or response.direct_passthrough):
            return response
        body = response.get_data()
        if len(body) > MAX_BYTES:
            return response
        try:
            if status.store_identity() != g.gsb_identity:    # a publish happened while building
                return response
        except StoreMissing:
            return response
        cache.set(key, body)
        return response
