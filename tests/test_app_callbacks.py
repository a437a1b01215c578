"""Page callbacks called as plain functions against tests/fixtures.py's tiny store.

Checks what a user would see: the numbers in the figures, the demo banner, the message when
no store exists, the drill-down and the URL the filters write."""
from __future__ import annotations

import dash
import pytest
from app_stores import build_stores, switch
from dash_tree import find, text
from fixtures import build_tiny_store

import app  # noqa: F401  (registers the pages and their callbacks)
from components.filters import filters_to_url
from components.shell import update_shell
from pages import data as data_page
from pages import overview, programmes, regions

BANNER_ES = "Datos de demostración: generados, no son cifras oficiales del MEF"




def state(**kw) -> dict:
    return {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": [], "programme": "", **kw}


def regions_state(**kw) -> dict:
    """state() with the Regiones page's own keys (domain.url_state.regions_state)."""
    return state(**{"genero": "ponderado", "precios": "nominal", "departamento": "", "comparar": [], **kw})


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """Two stores from the same lines: one loaded as real data, one flagged demo."""
    return build_stores(tmp_path_factory, {"real": lambda d, mp: build_tiny_store(d, demo=False),
                                           "demo": lambda d, mp: build_tiny_store(d, demo=True)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch)


def test_overview_figures_have_the_stores_numbers(use):
    use("real")
    kpis, levels, monthly, top, *_ = overview.render_overview(state())
    assert "58.0 %" in text(kpis) and "80.0 %" in text(kpis)          # avance %, PpR share of PIM
    assert [t.name for t in levels.data] == ["PIM", "Devengado"]
    assert list(levels.data[0].x) == ["Gobierno nacional", "Gobiernos regionales", "Gobiernos locales"]
    assert list(levels.data[0].y) == pytest.approx([0.0016, 0.0004, 0.0])   # S/ millions
    assert list(levels.data[1].y) == pytest.approx([0.00105, 0.0001, 0.00001])
    assert [t.name for t in monthly.data] == ["Devengado del mes", "Devengado acumulado", "PIM"]
    assert monthly.data[1].y[-1] == pytest.approx(0.00116) and monthly.data[1].x[-1] == "Dic"
    assert list(top.data[0].customdata) == ["0001", "9001", "0002"]
    assert "S/ millones, nominal" in text(levels.layout.title)
    assert "Fuente: MEF, datos abiertos de ejecución del gasto (SIAF); archivo 2010-Gasto.csv, cargado el" in text(levels.layout.annotations)


def test_overview_in_english_and_demo_source(use):
    use("demo")
    _, levels, *_ = overview.render_overview(state(lang="en"))
    assert list(levels.data[0].x)[0] == "National government"
    assert "S/ millions, nominal" in text(levels.layout.title)
    assert "demonstration data" in text(levels.layout.annotations)


def test_empty_selection_shows_a_message_not_axes(use):
    use("real")
    kpis, levels, monthly, top, *_ = overview.render_overview(state(year=2011, level="M"))
    assert "No hay datos para esta selección." in text(kpis)
    for fig in (levels, monthly, top):
        assert len(fig.data) == 0
        assert fig.layout.xaxis.visible is False
        assert fig.layout.annotations[0].text == "No hay datos para esta selección."


def test_demo_banner_shows_only_for_demo_data(use):
    use("demo")
    nav, switch, brand, banner, is_open = update_shell("/", "")
    assert is_open and banner == BANNER_ES
    use("real")
    assert update_shell("/", "")[4] is False
    use("missing")
    assert update_shell("/", "")[4] is False


def test_shell_translates_and_carries_filters(use):
    use("real")
    nav, switch, brand, banner, _ = update_shell("/programas", "?year=2010&level=R&path=0001&lang=en")
    labels = [item.children.children for item in nav]
    assert labels == ["Overview", "Programmes", "Regions", "Gender", "Social protection", "Data & sources"]
    hrefs = [item.children.href for item in nav]
    assert hrefs[0] == "/?year=2010&level=R&lang=en"                     # the drill path stays behind
    assert [item.children.active for item in nav] == [False, True, False, False, False, False]
    assert switch[0].href == "/programas?year=2010&level=R&path=0001"    # back to Spanish, same view
    assert brand == "Gender-sensitive budgeting · Peru"


@pytest.mark.parametrize("module", [overview, programmes, regions, data_page])
def test_store_missing_shows_the_command(use, module):
    use("missing")
    page = module.layout()
    assert "python -m etl demo" in text(page)
    assert "Traceback" not in text(page)


def test_callbacks_with_store_missing_show_the_command(use):
    use("missing")
    assert "python -m etl demo" in text(overview.render_overview(state())[0])
    assert "python -m etl demo" in text(programmes.render_programmes(state())[4])
    assert "python -m etl demo" in text(regions.render_regions(regions_state())[1])
    assert "python -m etl demo" in text(data_page.render_history({"lang": "es"})[0])


def test_programmes_drill_level_breadcrumb_and_table(use):
    use("real")
    crumbs, options, disabled, fig, table = programmes.render_programmes(state(path=["0001"]))[:5]
    assert "0001 PROGRAMA ARTICULADO NUTRICIONAL" in text(crumbs)
    assert "/programas?year=2010" in text(crumbs)                         # link back to all programmes
    assert [o["value"] for o in options] == ["3000001", "3000002"] and not disabled
    assert list(fig.data[0].customdata) == ["3000001", "3000002"]
    assert list(fig.data[1].x) == pytest.approx([0.0008, 0.0001])
    table = find(table, "programmes-grid")
    rows = table.rowData
    assert [r["key"] for r in rows] == ["3000001", "3000002"]
    assert rows[0]["pim"] == 1200 and rows[0]["avance_pct__txt"] == "66.7 %"
    assert table.dashGridOptions["pinnedBottomRowData"][0]["devengado"] == 900


def test_top_programme_click_opens_its_drill_down():
    click = {"points": [{"customdata": "0001", "x": 0.0016}]}
    assert overview.open_programme(click, state(level="R", lang="en")) == \
        ("/programas", "?year=2010&level=R&path=0001&lang=en")
    assert overview.open_programme(None, state()) == (dash.no_update, dash.no_update)


def test_programmes_bottom_level_has_no_further_drill(use):
    use("real")
    s = state(path=["0001", "3000001", "5000001"])
    crumbs, options, disabled, fig, _ = programmes.render_programmes(s)[:5]
    assert list(fig.data[0].customdata) == ["1428"] and disabled and options == []
    assert programmes.drill_search(s, "1428") is None
    assert programmes.drill_search(state(path=["0001"]), "3000001") == "?year=2010&path=0001.3000001"
    assert programmes.drill_search(state(), None) is None


def test_regions_map_leaves_exterior_off_but_table_keeps_it(use):
    use("real")
    fig, table, _ = regions.render_regions(regions_state())
    base, data = fig.data
    assert len(base.locations) == 25 and data.featureidkey == "properties.id"
    assert list(data.locations) == ["01", "15"]
    assert list(data.z) == pytest.approx([0.00011, 0.0008])
    assert data.geojson.endswith("/assets/peru_departments.geojson")
    assert [r["key"] for r in find(table, "regions-grid").rowData] == ["01", "15", "98"]
    fig, _, _ = regions.render_regions(regions_state(metric="avance", programme="0001"))
    assert list(fig.data[1].z) == pytest.approx([25.0, 800 / 1200 * 100])


def test_regions_avance_without_pim_says_so(use):
    use("real")
    fig, _, _ = regions.render_regions(regions_state(metric="avance", programme="0002"))
    assert "no se puede calcular" in fig.layout.annotations[0].text.replace("<br>", " ")


def test_load_history_table(use):
    use("real")
    grid = find(data_page.render_history({"lang": "en"})[0], "data-grid")
    row = grid.rowData[0]
    assert row["file_name"] == "2010-Gasto.csv" and row["rows_loaded"] == 12 and row["demo"] == "no"
    assert [c["headerName"] for c in grid.columnDefs][:2] == ["Load", "File"]
    assert (row["status"], row["format"]) == ("loaded", "MEF Gasto (CSV)")
    es = find(data_page.render_history({"lang": "es"})[0], "data-grid").rowData[0]
    assert (es["status"], es["format"], es["demo"]) == ("cargada", "MEF Gasto (CSV)", "no")


def test_filters_write_the_url():
    ids = [{"type": "filter", "page": "regions", "field": f} for f in ("year", "level", "programme", "metric")]
    assert filters_to_url([2011, "R", "all", "pim"], ids, "?year=2010&lang=en") == \
        "?year=2011&level=R&metric=pim&lang=en"
    assert filters_to_url([2010, "all", "0001", "devengado"], ids, "?year=2010") == "?year=2010&programme=0001"
