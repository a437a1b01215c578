"""The Regiones page's callbacks called as plain functions on tests/regions_data.py's store: the
map of each metric, the notes (Lima, missing population), a department's profile, the side-by-side
comparison, the clicks that open a profile, and the URL keys. Expected values are worked out by
hand in tests/regions_data.py (and tests/test_regions_reads.py)."""
from __future__ import annotations

import dash
import pytest
import regions_data
from app_stores import build_stores, switch
from dash_tree import find, text

import app  # noqa: F401  (registers the pages and their callbacks)
from domain.url_state import regions_state, search_for
from pages import regions
from settings import get_settings

REAL_2010 = 75 / 80


def state(**kw) -> dict:
    return {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": [], "programme": "",
            "precios": "nominal", "genero": "ponderado", "departamento": "", "comparar": [], **kw}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"regions": lambda d, mp: regions_data.build(get_settings(), d / "fx")})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch, start="regions")


def _mapped(fig) -> dict:
    data = fig.data[1]
    return dict(zip(data.locations, data.z))


def test_per_woman_map_table_and_units(use):
    fig, table, notes = regions.render_regions(state(metric="per_woman"))
    assert _mapped(fig) == pytest.approx({"05": 5.9, "09": 1.96, "15": 0.6076})      # 98 has no shape
    assert "Devengado por mujer por departamento · 2010" in text(fig.layout.title)
    assert "S/ por mujer, nominal" in text(fig.layout.title)
    assert "Población: INEI" in text(fig.layout.annotations)
    assert fig.data[1].colorscale[0][1] != fig.data[1].colorscale[-1][1]
    assert "cividis" in regions.view.MAP_COLORSCALE
    rows = {r["key"]: r for r in find(table, "regions-grid").rowData}
    assert rows["15"]["per_woman__txt"] == "0.6" and rows["98"]["per_woman"] is None
    assert rows["98"]["per_woman__txt"] == "—"
    assert notes is None                      # every mapped department has its population in 2010


def test_per_inhabitant_in_real_soles_and_by_level(use):
    fig, _, _ = regions.render_regions(state(metric="per_capita", precios="real"))
    assert _mapped(fig) == pytest.approx({"05": 3.0 * REAL_2010, "09": 1.0 * REAL_2010, "15": 0.31 * REAL_2010})
    assert "S/ de 2009 por habitante (IPC Lima)" in text(fig.layout.title)
    fig, _, _ = regions.render_regions(state(metric="per_capita", level="R"))
    assert _mapped(fig)["15"] == pytest.approx(0.01)          # without the national units registered in Lima


def test_missing_population_is_said_not_zero(use):
    fig, table, notes = regions.render_regions(state(year=2011, metric="per_capita"))
    assert _mapped(fig) == pytest.approx({"05": 840_000 / 610_000})
    assert "Sin población INEI para 2011" in text(notes) and "15 LIMA" in text(notes)
    rows = {r["key"]: r for r in find(table, "regions-grid").rowData}
    assert rows["15"]["per_capita"] is None and rows["15"]["devengado"] == 500_000


def test_gender_share_under_the_chosen_definition(use):
    fig, _, _ = regions.render_regions(state(metric="gender_share", genero="estricto"))
    assert _mapped(fig) == pytest.approx({"05": 0.0, "09": 100.0, "15": 980_000 / 3_038_000 * 100})
    assert "Participación de género (estricto)" in text(fig.layout.title)
    fig, _, _ = regions.render_regions(state(metric="gender_share", genero="amplio", lang="en"))
    assert _mapped(fig)["05"] == pytest.approx(590_000 / 1_770_000 * 100)
    assert "Gender share (broad)" in text(fig.layout.title)


def test_lima_note_links_to_the_other_levels():
    note = regions.view.lima_note(state(metric="per_capita"), "regions")
    assert "gobierno nacional" in text(note)
    hrefs = [c.href for c in note.children if hasattr(c, "href")]
    assert hrefs == ["/regiones?year=2010&level=R&metric=per_capita", "/regiones?year=2010&level=M&metric=per_capita"]


def test_department_profile(use):
    page = regions.render_profile(state(departamento="05", metric="per_capita"))
    assert find(page, "regions-profile-title").children == "05 AYACUCHO · 2010"
    assert find(page, "regions-rank").children == "Puesto 1 de 3 departamentos en Devengado por habitante."
    kpi = lambda m: find(page, f"regions-kpi-{m}").children.children[1].children   # noqa: E731
    assert (kpi("pim"), kpi("devengado"), kpi("per_capita"), kpi("per_woman")) == ("1.8", "1.8", "3.00", "5.90")
    series = find(page, "regions-series").figure
    assert list(series.data[1].x) == ["2010", "2011"] and list(series.data[1].y) == pytest.approx([1.77, 0.84])
    top = find(page, "regions-top").figure
    assert list(top.data[0].customdata) == ["9002", "0001"]
    gender = {d: find(page, f"regions-gender-{d}").children.children[1].children for d in ("strict", "weighted", "broad")}
    assert gender == {"strict": "0.0", "weighted": "0.3", "broad": "0.6"}      # S/ millions
    cov = find(page, "regions-coverage-grid").rowData
    assert [(r["programme"], r["value"], r["unit_label"]) for r in cov] == [("Programa Juntos", 40_000.0, "hogares")]
    assert find(page, "regions-back").href == "/regiones?year=2010&metric=per_capita"


def test_profile_in_real_soles_and_without_lines(use):
    page = regions.render_profile(state(departamento="15", precios="real"))
    assert find(page, "regions-kpi-devengado").children.children[1].children == "2.8"     # 3,038,000 x 75/80
    assert "regions-coverage-none" in text(page)
    empty = regions.render_profile(state(departamento="21"))
    assert "no tiene líneas de presupuesto en 2010" in text(find(empty, "regions-profile-empty"))
    assert regions.render_profile(state()) is None


def test_four_departments_side_by_side(use):
    s = state(departamento="05", comparar=["15", "21", "09", "01"], metric="per_capita")
    assert regions.compared(s) == ["05", "15", "21", "09"]
    table = find(regions.render_compare(s), "regions-compare-table")
    head, body = table.children
    assert [th.children.children for th in head.children.children[1:]] == [
        "05 AYACUCHO", "15 LIMA", "21 PUNO", "09 HUANCAVELICA"]
    rows = {tr.children[0].children[0]: [td.children for td in tr.children[1:]] for tr in body.children}
    assert rows["Devengado por habitante"] == ["3.00", "0.31", "—", "1.00"]
    assert rows["Puesto en Devengado por habitante"] == ["1 / 3", "3 / 3", "—", "2 / 3"]
    assert "21 PUNO" in text(regions.render_compare(s))         # said: no lines that year
    assert regions.render_compare(state(departamento="05")) is None


def test_clicks_open_a_profile():
    s = state(metric="per_woman", lang="en")
    assert regions.open_from_map({"points": [{"location": "08", "z": 1.0}]}, s) == \
        "?year=2010&metric=per_woman&departamento=08&lang=en"
    assert regions.open_from_table({"rowId": "15", "colId": "name"}, s) == \
        "?year=2010&metric=per_woman&departamento=15&lang=en"
    assert regions.open_from_map(None, s) is dash.no_update
    assert regions.open_from_table({"rowId": "x1"}, s) is dash.no_update


def test_url_keys_of_the_page():
    got = regions_state({"departamento": "08", "comparar": "15.21.x.15.05.01.02", "genero": "amplio",
                         "metric": "per_woman", "precios": "real"}, [2010])
    assert (got["departamento"], got["comparar"], got["genero"]) == ("08", ["15", "21", "05", "01"], "amplio")
    assert search_for(got) == "?year=2010&metric=per_woman&genero=amplio&precios=real&departamento=08" \
                              "&comparar=15.21.05.01"
    bad = regions_state({"departamento": "Lima", "genero": "x", "metric": "per_dog"}, [2010])
    assert (bad["departamento"], bad["comparar"], bad["genero"], bad["metric"]) == ("", [], "ponderado", "devengado")
    assert "genero" not in search_for(bad)


def test_store_missing_shows_the_command(use):
    use("missing")
    assert "python -m etl demo" in text(regions.render_profile(state(departamento="05")))
    assert "python -m etl demo" in text(regions.layout(departamento="05"))


def test_brief_of_a_per_woman_or_gender_share_map(use):
    from exports import views
    v = views.view_for({"page": "regiones", "year": "2010", "metric": "per_woman"})
    table = v.table("departments")
    got = dict(zip(table.frame["key"], table.frame["per_woman"]))
    assert got["15"] == pytest.approx(0.6076) and got["05"] == pytest.approx(5.9) and got["98"] is None
    assert v.charts[0].series == ("per_woman",) and not v.charts[0].millions
    v = views.view_for({"page": "regiones", "year": "2010", "metric": "gender_share", "genero": "estricto"})
    shares = dict(zip(v.table("departments").frame["key"], v.table("departments").frame["gender_share_pct"]))
    assert shares["15"] == pytest.approx(980_000 / 3_038_000) and shares["09"] == pytest.approx(1.0)   # fractions
    assert views.query_problems({"page": "regiones", "year": "2010", "metric": "per_woman", "genero": "amplio",
                                 "departamento": "05", "comparar": "15.09"}) == []
