"""The app's Flask server answers every page, its layout and a real callback round trip, and
the HTML asks for nothing outside the app (offline: no CDN)."""
from __future__ import annotations

import json
import re

import pytest
from fixtures import build_tiny_store

PATHS = ["/", "/programas", "/regiones", "/datos", "/genero", "/red", "/red?programa_red=juntos",
         "/_dash-layout", "/_dash-dependencies",
         "/assets/peru_departments.geojson", "/assets/topojson/world_110m.json", "/assets/bootstrap.min.css"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    d = tmp_path_factory.mktemp("smoke")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GSB_DATA_DIR", str(d))
        mp.delenv("DATABASE_URL", raising=False)
        build_tiny_store(d, demo=True)
        # the real curated data: population, CPI, network, coverage
        from etl.reference import seed
        from settings import get_settings
        assert all(r.status == "loaded" for r in seed(get_settings()))
        import app
        yield app.server.test_client()


@pytest.mark.parametrize("path", PATHS)
def test_get_200(client, path):
    assert client.get(path).status_code == 200


def test_html_loads_only_local_resources(client):
    html = client.get("/").get_data(as_text=True)
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls and all(u.startswith("/") for u in urls), urls
    assert "bootstrap.min.css" in html


def test_page_layout_and_callback_round_trip(client):
    """What the browser does: ask the router for a page, then run the page's callback."""
    deps = client.get("/_dash-dependencies").get_json()
    router = next(d for d in deps if "_pages_content.children" in d["output"])
    body = {"output": router["output"], "outputs": [{"id": "_pages_content", "property": "children"},
                                                    {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/programas"},
                       {"id": "_pages_location", "property": "search", "value": "?year=2010&path=0001"}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200
    assert "programmes-state" in r.get_data(as_text=True)

    page = next(d for d in deps if "programmes-bars.figure" in d["output"])
    outputs = [dict(zip(("id", "property"), o.split("."))) for o in page["output"].strip(".").split("...")]
    state = {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": ["0001"], "programme": ""}
    body = {"output": page["output"], "outputs": outputs,
            "inputs": [{"id": "programmes-state", "property": "data", "value": state}],
            "changedPropIds": ["programmes-state.data"], "state": []}
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    resp = r.get_json()["response"]
    assert list(resp["programmes-bars"]["figure"]["data"][0]["customdata"]) == ["3000001", "3000002"]
    # the second call is answered from the file cache under the data directory
    assert client.post("/_dash-update-component", json=body).get_json()["response"] == resp


def _route(client, deps, path: str, search: str) -> str:
    router = next(d for d in deps if "_pages_content.children" in d["output"])
    body = {"output": router["output"], "outputs": [{"id": "_pages_content", "property": "children"},
                                                    {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    return r.get_data(as_text=True)


def _run(client, deps, output: str, store_id: str, state: dict) -> dict:
    cb = next(d for d in deps if d["output"] == output)
    prop = output.rsplit(".", 1)
    body = {"output": output, "outputs": {"id": prop[0], "property": prop[1]},
            "inputs": [{"id": store_id, "property": "data", "value": state}],
            "changedPropIds": [f"{store_id}.data"], "state": []}
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    assert cb
    return r.get_json()["response"]


def test_red_page_round_trip(client):
    """/red?programa_red=juntos: the layout, then the detail callback with Juntos' coverage."""
    deps = client.get("/_dash-dependencies").get_json()
    assert "red-state" in _route(client, deps, "/red", "?year=2010&programa_red=juntos")
    state = {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": [], "programme": "",
             "programa_red": "juntos", "categoria": "all", "indicador": "habitante", "precios": "nominal"}
    detail = json.dumps(_run(client, deps, "red-detail.children", "red-state", state), ensure_ascii=False)
    assert "431,974 households" in detail and "772 and 599" in detail
    money = json.dumps(_run(client, deps, "red-money.children", "red-state", state), ensure_ascii=False)
    assert "red-kpi-devengado" in money


def test_genero_page_round_trip(client):
    deps = client.get("/_dash-dependencies").get_json()
    assert "gender-state" in _route(client, deps, "/genero", "?year=2010")
    state = {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": [], "programme": ""}
    cb = next(d for d in deps if "gender-totals.figure" in d["output"])
    outputs = [dict(zip(("id", "property"), o.split("."))) for o in cb["output"].strip(".").split("...")]
    body = {"output": cb["output"], "outputs": outputs,
            "inputs": [{"id": "gender-state", "property": "data", "value": state}],
            "changedPropIds": ["gender-state.data"], "state": []}
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    resp = r.get_json()["response"]
    assert [t["name"] for t in resp["gender-totals"]["figure"]["data"]] == ["Estricto", "Ponderado", "Amplio"]
    assert "gender-kpi-unreviewed" in json.dumps(resp["gender-kpis"])
