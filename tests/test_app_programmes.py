"""The Programas page's callbacks called as plain functions: 9001/9002 set aside, "Ver por",
table-row drilling, the drilled item's key figures, series and monthly curve, in nominal and
real soles.

Store "millions": tests/fixtures.py's TINY_LINES with every amount x 1,000,000 (so the cards
show readable S/ millions), plus the reference series (Lima CPI 2009 69.4351, 2010 70.4971,
2011 72.8727: data/reference/cpi_lima.csv). Store "nocpi": TINY_LINES without reference series.
Hand-worked figures for programme 0001 (all levels): 2010 PIA 1300, PIM 1600, devengado 900
(Mar 200, Jun 100, Dec 600); 2011 PIA 2000, PIM 2000, devengado 500 (Jan); 9001 2010 PIM 400,
devengado 250; 0002 2010 only (devengado 10).
"""
from __future__ import annotations

from contextvars import copy_context

import dash
import pytest
from app_stores import build_stores, switch
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash_tree import find, text
from fixtures import TINY_LINES, _load, build_tiny_store, write_tiny_csv

import app  # noqa: F401  (registers the pages and their callbacks)
from pages import programmes

CPI_2009, CPI_2010, CPI_2011 = 69.4351, 70.4971, 72.8727
OUT = {name: i for i, name in enumerate(programmes.OUTPUTS)}


def _millions(lines):
    """TINY_LINES with amounts in millions of soles."""
    m = lambda v: str(int(v) * 1_000_000)   # noqa: E731
    return [(*ln[:7], m(ln[7]), m(ln[8]), {k: m(v) for k, v in ln[9].items()}) for ln in lines]


def _build_millions(d, mp):
    from etl.reference import seed
    from settings import get_settings
    _load(write_tiny_csv(d / "2010-Gasto.csv", _millions(TINY_LINES)), False)
    assert all(x.status == "loaded" for x in seed(get_settings()))


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"millions": _build_millions,
                                           "nocpi": lambda d, mp: build_tiny_store(d)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch, start="millions")


def state(**kw) -> dict:
    return {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": [], "programme": "",
            "precios": "nominal", "por": "siguiente", "apartar": "si", **kw}


def render(**kw) -> dict:
    return dict(zip(programmes.OUTPUTS, programmes.render_programmes(state(**kw))))


def test_9001_set_aside_in_the_chart_but_kept_in_table_and_total(use):
    out = render()
    fig, grid = out["bars.figure"], find(out["table"], "programmes-grid")
    assert list(fig.data[0].customdata) == ["0001", "0002"]                   # 9001 left out of the bars
    assert [r["key"] for r in grid.rowData] == ["0001", "9001", "0002"]       # ... not out of the table
    assert grid.dashGridOptions["pinnedBottomRowData"][0]["devengado"] == 1_160_000_000
    note = text(out["aside-note"])
    assert "9001 ACCIONES CENTRALES" in note and "PIM 400.0, devengado 250.0" in note
    assert "La tabla y su total los incluyen" in note
    both = render(apartar="no")
    assert list(both["bars.figure"].data[0].customdata) == ["0001", "9001", "0002"]
    assert text(both["aside-note"]) == '"El gráfico incluye 9001 ACCIONES CENTRALES."'
    below = render(path=["9001"])                                             # only programme charts set it aside
    assert list(below["bars.figure"].data[0].customdata) == ["3999999"] and below["aside-note"] == ""


def test_aside_switch_writes_the_url():
    assert programmes.toggle_aside(False, state(path=["0001"])) == "?year=2010&path=0001&apartar=no"
    assert programmes.toggle_aside(True, state()) is dash.no_update


def test_by_executing_unit_of_a_whole_programme(use):
    out = render(path=["0001"], por="ejecutora")
    grid = find(out["table"], "programmes-grid")
    assert [(r["key"], r["name"], r["pim"], r["devengado"]) for r in grid.rowData] == [
        ("1428", "JUNTOS", 1_200_000_000, 800_000_000), ("0800", "GOBIERNO REGIONAL AMAZONAS", 400_000_000, 100_000_000)]
    assert out["pick.disabled"] is True and out["pick.options"] == []          # units are the bottom
    assert "Unidad ejecutora de 0001 PROGRAMA ARTICULADO NUTRICIONAL" in text(out["view-note"])
    assert list(out["bars.figure"].data[1].x) == pytest.approx([800, 100])


def _click(trigger: str, click=None, picked=None, s=None):
    def run():
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": f"{trigger}", "value": None}]))
        return programmes.drill_down(click, picked, s)
    return copy_context().run(run)


def test_table_row_click_drills_like_a_bar(use):
    assert programmes.row_clicked({"rowId": "0001", "colId": "name"}, state()) == "?year=2010&path=0001"
    bar = {"points": [{"customdata": "0001"}]}
    assert _click("programmes-bars.clickData", click=bar, s=state()) == "?year=2010&path=0001"
    assert _click("programmes-pick.value", picked="0001", s=state()) == "?year=2010&path=0001"
    # in a view that skips levels, a row goes to its full path (product filled in), back to the plain view
    assert programmes.row_clicked({"rowId": "5000003"}, state(path=["0001"], por="actividad")) == \
        "?year=2010&path=0001.3000002.5000003"
    assert _click("programmes-bars.clickData", click={"points": [{"customdata": "5000003"}]},
                  s=state(path=["0001"], por="actividad")) == "?year=2010&path=0001.3000002.5000003"
    assert programmes.row_clicked({"rowId": "1428"}, state(path=["0001"], por="ejecutora")) is dash.no_update
    assert programmes.row_clicked(None, state()) is dash.no_update


def test_drilled_item_cards_series_and_monthly_nominal(use):
    out = render(path=["0001"])
    kpis = out["kpis"]
    assert "1,600.0" in text(find(kpis, "programmes-kpi-pim")) and "900.0" in text(find(kpis, "programmes-kpi-devengado"))
    assert "56.2 %" in text(find(kpis, "programmes-kpi-avance"))               # 900 / 1600
    assert "S/ millones, nominal" in text(kpis)
    series = out["series.figure"]
    assert list(series.data[0].x) == ["2010", "2011"]
    assert [list(d.y) for d in series.data] == [[1300, 2000], [1600, 2000], [900, 500]]   # PIA, PIM, devengado
    monthly = out["monthly.figure"]
    assert list(monthly.data[1].y) == [0, 0, 200, 200, 200, 300, 300, 300, 300, 300, 300, 900]
    assert list(monthly.data[2].y)[0] == 1600                                  # the PIM line
    assert "Ejecución mensual · 0001 PROGRAMA ARTICULADO NUTRICIONAL · 2010" in text(monthly)


def test_real_soles_everywhere_on_the_page(use):
    f10, f11 = CPI_2009 / CPI_2010, CPI_2009 / CPI_2011
    out = render(path=["0001"], precios="real")
    assert "1,575.9" in text(find(out["kpis"], "programmes-kpi-pim"))         # 1600 x 69.4351 / 70.4971
    assert "S/ millones de 2009 (IPC Lima)" in text(out["kpis"])
    grid = find(out["table"], "programmes-grid")
    assert grid.rowData[0]["pim"] == pytest.approx(1_200_000_000 * f10)
    assert "S/ millones de 2009" in text(out["table"])
    assert list(out["bars.figure"].data[0].x) == pytest.approx([1200 * f10, 400 * f10])
    assert "S/ millones de 2009" in out["bars.figure"].layout.title.subtitle.text
    series = out["series.figure"]
    assert list(series.data[1].y) == pytest.approx([1600 * f10, 2000 * f11])   # each year at its own CPI
    assert list(out["monthly.figure"].data[1].y)[-1] == pytest.approx(900 * f10)
    assert "S/ millones de 2009" in out["monthly.figure"].layout.title.subtitle.text
    assert out["notes"] == []


def test_real_soles_without_cpi_say_so(use):
    use("nocpi")
    out = render(path=["0001"], precios="real")
    assert "Sin IPC de Lima para 2010" in text(out["notes"])
    assert "S/ millones, nominal" in out["bars.figure"].layout.title.subtitle.text
    assert "2010, 2011" in text(out["notes"])                                 # both years left out of the series


def test_one_year_says_so_instead_of_a_one_point_chart(use):
    fig = render(path=["0002"])["series.figure"]
    assert fig.data == ()
    words = fig.layout.annotations[0].text.replace("<br>", " ")
    assert "Solo hay un año fiscal con líneas de 0002 SALUD MATERNO NEONATAL (2010)" in words
    assert "PIA, PIM y devengado por año fiscal · 0002 SALUD MATERNO NEONATAL" in words


def test_layout_offers_views_below_the_path_and_the_switch_at_programmes(use):
    top = programmes.layout(year="2010")
    assert find(top, "programmes-aside") is not None
    radio = find(top, {"type": "filter", "page": "programmes", "field": "por"})
    assert [o["value"] for o in radio.options] == ["siguiente", "producto", "actividad", "ejecutora"]
    one = programmes.layout(year="2010", path="0001", por="ejecutora")
    radio = find(one, {"type": "filter", "page": "programmes", "field": "por"})
    assert [o["value"] for o in radio.options] == ["siguiente", "actividad", "ejecutora"] and radio.value == "ejecutora"
    assert find(one, "programmes-aside") is None
    bottom = programmes.layout(year="2010", path="0001.3000001.5000001")
    assert find(bottom, {"type": "filter", "page": "programmes", "field": "por"}) is None
