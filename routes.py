"""Plain Flask routes beside the Dash pages: the Excel brief of a view, and /healthz.

The page's "Descargar brief (Excel)" link (components/takeaway.py) points here with the page
and the page's URL query; exports.brief builds the workbook. Registered on app.server by
app.py. No Dash here: a request in, bytes or a readable message out.
"""
from __future__ import annotations

import json

from flask import Flask, Response, request

from components.layout import store_problem, years_or_none
from components.takeaway import BRIEF_PATH
from domain.codes import DEFAULT_LANG, LANGS
from domain.i18n import t
from exports import brief
from exports.views import BriefError
from store import status
from store.errors import SchemaMismatch, StoreMissing, StoreUnreachable

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def brief_download() -> Response:
    """The workbook as an attachment; 400 for a query the builder refuses, 503 without a store."""
    query = {key: request.args.getlist(key)[-1] for key in request.args}     # last value wins, as in the pages
    lang = query.get("lang") if query.get("lang") in LANGS else DEFAULT_LANG
    try:
        name, data = brief.build_brief(query, base_url=request.host_url)
    except StoreMissing:
        return _no_store(lang)
    except BriefError as exc:             # an unknown page, or no budget lines
        if not years_or_none():           # as the pages: no budget lines is no data loaded
            return _no_store(lang)
        return _text(t("takeaway.invalid", lang, reason=exc) + "\n", 400)
    response = Response(data, mimetype=XLSX_MIME)
    response.headers.set("Content-Disposition", "attachment", filename=name)
    response.headers["Cache-Control"] = "no-store"          # the figures change with every load
    return response


def _no_store(lang: str) -> Response:
    """503 with the words and commands the pages show (components/layout.store_problem)."""
    title, body, commands = store_problem(lang)
    return _text("\n\n".join([title, body, "\n".join(commands)]).strip() + "\n", 503)


def _text(body: str, status: int) -> Response:
    return Response(body, status=status, mimetype="text/plain", headers={"Cache-Control": "no-store"})


def healthz() -> Response:
    """200 with the store's identity when it can serve; 503 with the reason when it cannot (for a
    load balancer or a supervisor: a worker with no answering store is taken out of rotation)."""
    try:
        body, code = status.health(), 200
    except StoreUnreachable as exc:
        body, code = {"status": "unreachable", "reason": str(exc)}, 503
    except SchemaMismatch as exc:
        body, code = {"status": "outdated", "reason": str(exc)}, 503
    except StoreMissing as exc:
        body, code = {"status": "no store", "reason": str(exc)}, 503
    return Response(json.dumps(body, ensure_ascii=False), status=code, mimetype="application/json",
                    headers={"Cache-Control": "no-store"})


def register(server: Flask) -> None:
    server.add_url_rule(BRIEF_PATH, "brief_download", brief_download, methods=["GET"])
    server.add_url_rule("/healthz", "healthz", healthz, methods=["GET"])
