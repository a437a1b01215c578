"""Take-away outputs: the brief and report links every filtered page carries (hrefs that follow
the page state), the brief download route on app.server, and the CSV set-up of every table.

The browser side (a click gives a file; what the CSV holds) is in tests/browser/test_downloads.py."""
from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pandas as pd
import pytest
from app_stores import build_stores, switch
from dash_tree import find
from fixtures import build_tiny_store

import app  # noqa: E402  (registers the pages, their callbacks and the routes)
from components.tables import CSV_EXPORT, csv_button_id, data_grid
from components.takeaway import PAGE_SLUGS, brief_href, report_href
from exports import brief
from exports.views import BriefError
from pages import gender, network, overview, programmes, regions
from store.errors import SchemaMismatch, StoreMissing

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGES = {"resumen": overview, "programas": programmes, "regiones": regions, "genero": gender, "red": network}


def state(**kw) -> dict:
    return {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": [], "programme": "", **kw}


def red_state(**kw) -> dict:
    return state(**{"programa_red": "", "categoria": "all", "indicador": "habitante", "precios": "nominal", **kw})


def query(href: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(href).query).items()}


# ---------------------------------------------------------------- hrefs from the page state

@pytest.mark.parametrize("page,st,expected", [
    ("resumen", state(), {"page": "resumen", "year": "2010"}),
    ("resumen", state(level="R", lang="en"), {"page": "resumen", "year": "2010", "level": "R", "lang": "en"}),
    ("programas", state(year=2011, path=["0001", "3000001"]),
     {"page": "programas", "year": "2011", "path": "0001.3000001"}),
    ("regiones", state(level="M", programme="0002", metric="pim"),
     {"page": "regiones", "year": "2010", "level": "M", "programme": "0002", "metric": "pim"}),
    ("genero", state(level="N", lang="en"), {"page": "genero", "year": "2010", "level": "N", "lang": "en"}),
    ("red", red_state(), {"page": "red", "year": "2010"}),
    ("red", red_state(programa_red="juntos", categoria="protective", indicador="mujer", precios="real"),
     {"page": "red", "year": "2010", "programa_red": "juntos", "categoria": "protective", "indicador": "mujer",
      "precios": "real"}),
])
def test_brief_href_carries_the_page_and_its_url_state(page, st, expected):
    href = brief_href(page, st)
    assert href.startswith("/descargas/brief.xlsx?page=")
    assert query(href) == expected


@pytest.mark.parametrize("page,st,expected", [
    ("resumen", state(level="R"), "/informe?year=2010&lang=es"),
    ("programas", state(), "/informe?year=2010&lang=es"),
    ("programas", state(year=2011, path=["0001", "3000001"], lang="en"), "/informe?programa=0001&year=2011&lang=en"),
    ("regiones", state(programme="0002"), "/informe?year=2010&lang=es"),
    ("genero", state(lang="en"), "/informe?year=2010&lang=en"),
    ("red", red_state(), "/informe?year=2010&lang=es"),
    ("red", red_state(programa_red="juntos", lang="en"), "/informe?programa_red=juntos&year=2010&lang=en"),
])
def test_report_href_names_the_programme_on_screen(page, st, expected):
    assert report_href(page, st) == expected


def tiny_store_with_network(root: Path) -> None:
    """The tiny budget store plus the curated network (data/network), for the Red page."""
    from etl.reference import seed
    from settings import get_settings
    build_tiny_store(root, demo=False)
    assert all(x.status == "loaded" for x in seed(get_settings()))


def network_only(root: Path) -> None:
    """The curated network and reference data, no budget lines: the pages say 'no data loaded'."""
    from etl.reference import seed
    from settings import get_settings
    assert all(x.status == "loaded" for x in seed(get_settings()))


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"real": lambda d, mp: tiny_store_with_network(d),
                                           "no_lines": lambda d, mp: network_only(d)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch)


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_filtered_page_has_both_links_in_its_language(use, slug):
    use("real")
    module = PAGES[slug]
    prefix = module.PREFIX
    assert PAGE_SLUGS[prefix] == slug
    page = module.layout(year="2010", level="R", lang="en")
    link = find(page, f"{prefix}-brief")
    assert link.children == "Download brief (Excel)" and link.download == ""
    assert query(link.href) == {"page": slug, "year": "2010", "level": "R", "lang": "en"}
    report = find(page, f"{prefix}-report")
    assert report.children == "Printable report" and query(report.href) == {"year": "2010", "lang": "en"}
    group = find(page, f"{prefix}-takeaway")
    assert group.role == "group" and getattr(group, "aria-label") == "Downloads of this view"
    assert (getattr(group, "data-export-page"), getattr(group, "data-export-view")) == (slug, "2010-en")
    es = module.layout(year="2010")
    assert find(es, f"{prefix}-brief").children == "Descargar brief (Excel)"
    assert find(es, f"{prefix}-report").children == "Informe para imprimir"


def test_links_follow_a_drill_and_a_chosen_programme(use):
    use("real")
    page = programmes.layout(year="2010", path="0001.3000001")
    assert query(find(page, "programmes-brief").href)["path"] == "0001.3000001"
    assert find(page, "programmes-report").href == "/informe?programa=0001&year=2010&lang=es"


# ---------------------------------------------------------------- the route

@pytest.fixture
def client():
    return app.server.test_client()


@pytest.fixture
def fake_builder(monkeypatch):
    """build_brief replaced by a recorder: the route's plumbing, whatever the workbook holds."""
    calls = []

    def build(query, settings=None, now=None, base_url=None):
        calls.append((query, base_url))
        return f"brief-{query['page']}-{query.get('year', 'x')}.xlsx", b"PK\x03\x04 workbook bytes"
    monkeypatch.setattr(brief, "build_brief", build)
    return calls


@pytest.mark.parametrize("slug", list(PAGES))
def test_route_answers_the_workbook_as_an_attachment(client, fake_builder, slug):
    r = client.get(f"/descargas/brief.xlsx?page={slug}&year=2010&level=R&lang=en")
    assert r.status_code == 200
    assert r.mimetype == XLSX
    assert r.headers["Content-Disposition"] == f"attachment; filename=brief-{slug}-2010.xlsx"
    assert r.data == b"PK\x03\x04 workbook bytes"
    assert fake_builder == [({"page": slug, "year": "2010", "level": "R", "lang": "en"}, "http://localhost/")]


def test_route_passes_the_last_value_of_a_repeated_key(client, fake_builder):
    client.get("/descargas/brief.xlsx?page=resumen&year=2010&year=2011")
    assert fake_builder[0][0] == {"page": "resumen", "year": "2011"}


def test_route_refusal_is_a_readable_400(client, use, monkeypatch):
    use("real")
    def refuse(query, settings=None, now=None, base_url=None):
        raise BriefError("unknown page 'nada'")
    monkeypatch.setattr(brief, "build_brief", refuse)
    r = client.get("/descargas/brief.xlsx?page=nada")
    assert r.status_code == 400 and r.mimetype == "text/plain"
    assert r.get_data(as_text=True) == "No se puede preparar el brief: unknown page 'nada'\n"
    r = client.get("/descargas/brief.xlsx?page=nada&lang=en")
    assert r.get_data(as_text=True) == "Cannot build the brief: unknown page 'nada'\n"


def test_route_without_a_store_is_503_with_the_pages_words(client, use):
    use("missing")
    r = client.get("/descargas/brief.xlsx?page=resumen&year=2010")
    assert r.status_code == 503 and r.mimetype == "text/plain"
    body = r.get_data(as_text=True)
    assert body.startswith("Todavía no hay datos cargados\n\nConstruya el almacén de demostración")
    assert "python -m etl demo" in body and "python -m etl load FILE.csv" in body
    en = client.get("/descargas/brief.xlsx?page=resumen&lang=en").get_data(as_text=True)
    assert en.startswith("No data loaded yet")
    use("no_lines")                                     # network data but no budget lines: the same answer
    r = client.get("/descargas/brief.xlsx?page=red&year=2010")
    assert r.status_code == 503 and r.get_data(as_text=True) == body


def test_route_with_an_outdated_store_says_to_upgrade(client, monkeypatch):
    def outdated(query, settings=None, now=None, base_url=None):
        raise SchemaMismatch("1", "9")
    monkeypatch.setattr(brief, "build_brief", outdated)
    monkeypatch.setattr("store.status.schema_problem", lambda settings=None: SchemaMismatch("1", "9"))
    r = client.get("/descargas/brief.xlsx?page=resumen")
    assert r.status_code == 503
    assert "necesita una actualización" in r.get_data(as_text=True)
    assert "python -m etl upgrade" in r.get_data(as_text=True)
    assert issubclass(SchemaMismatch, StoreMissing)


# ---------------------------------------------------------------- the route with the real builder

COMMON_SHEETS = {"Portada", "Resumen", "Género", "Fuentes y método"}
PAGE_SHEETS = {"resumen": "Por nivel", "programas": "Programa", "regiones": "Departamentos",
               "genero": "Programas y reglas", "red": "Programas de la red"}


@pytest.mark.parametrize("slug", list(PAGES))
def test_route_with_the_real_builder_gives_each_pages_workbook(client, use, slug):
    use("real")
    module = PAGES[slug]
    href = find(module.layout(year="2010"), f"{module.PREFIX}-brief").href     # what the page links to
    r = client.get(href)
    assert r.status_code == 200, r.get_data(as_text=True)
    assert r.mimetype == XLSX
    assert re.fullmatch(rf'attachment; filename=brief-{slug}-2010-es-\d{{4}}-\d{{2}}-\d{{2}}\.xlsx',
                        r.headers["Content-Disposition"]), r.headers["Content-Disposition"]
    sheets = set(openpyxl.load_workbook(io.BytesIO(r.data)).sheetnames)
    assert COMMON_SHEETS | {PAGE_SHEETS[slug]} <= sheets, sheets


def test_route_with_the_real_builder_refuses_an_unknown_page(client, use):
    use("real")
    r = client.get("/descargas/brief.xlsx?page=nada&year=2010")
    assert r.status_code == 400
    assert r.get_data(as_text=True).startswith("No se puede preparar el brief: page must be one of resumen")


# ---------------------------------------------------------------- CSV of every table

def test_every_grid_has_a_csv_button_and_exports_raw_safe_values():
    df = pd.DataFrame({"key": ["1"], "name": ["=1+2"], "pim": [1234567.5], "avance_pct": [50.0]})
    cols = [("key", "Código", "text"), ("name", "Nombre", "text"), ("pim", "PIM", "amount"),
            ("avance_pct", "Avance %", "pct")]
    view = data_grid("g", df, cols, lang="en")
    grid = find(view, "g")
    button = find(view, csv_button_id("g"))
    assert button.children == "CSV" and getattr(button, "aria-label") == "Download this table as CSV"
    assert grid.csvExportParams == CSV_EXPORT
    assert CSV_EXPORT["columnSeparator"] == ","
    assert CSV_EXPORT["processCellCallback"] == {"function": "csvSafeCell(params)"}
    by_field = {c["field"]: c for c in grid.columnDefs}
    assert by_field["pim"]["useValueFormatterForExport"] is False
    assert by_field["avance_pct"]["useValueFormatterForExport"] is False
    assert "useValueFormatterForExport" not in by_field["name"]
    assert grid.rowData[0]["pim"] == 1234567.5                     # the raw number travels to the browser
    es = find(data_grid("g", df, cols), csv_button_id("g"))
    assert getattr(es, "aria-label") == "Descargar esta tabla en CSV"


def test_the_guard_function_ships_in_assets():
    js = (Path(__file__).resolve().parents[1] / "assets" / "dashAgGridFunctions.js").read_text()
    assert "dagfuncs.csvSafeCell" in js and "/^[=+\\-@\\t\\r]/" in js
