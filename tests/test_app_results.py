"""Results beside the money on the pages (issue "Results beside the money"): Programas shows a
programme's linked indicators and the departments' scatter; Regiones maps an indicator and a
department profile carries its indicators. Values are checked against the store's read functions
and the curated file's published figures."""
from __future__ import annotations

import pytest
from app_stores import build_stores, switch
from dash_tree import find, text
from fixtures import build_sample_store

import app  # noqa: F401  (registers the pages and their callbacks)
from domain.url_state import programmes_state, regions_state
from store.indicators import indicator_by_department, indicator_series, spending_per_target


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"sample": lambda d, mp: build_sample_store(d)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch, "sample")


def _figure(section, graph_id):
    return find(section, graph_id).figure


def test_articulado_nutricional_shows_its_indicators_and_the_scatter(use):
    from pages.programmes import render_results
    out = render_results(programmes_state({"year": "2010", "path": "0001"}, [2010, 2011]))
    shown = text(out)
    assert "Resultados al lado del gasto" in shown and "asociación, no efecto" in shown
    dci = _figure(out, "programmes-result-dci_menores5")
    # national chronic malnutrition: the published 23.8 % (2009) in the store and on the chart
    xs, ys = list(dci.data[0].x), list(dci.data[0].y)
    assert ys[xs.index(2009)] == 23.8 == indicator_series("dci_menores5").set_index("year")["value"][2009]
    anaemia = _figure(out, "programmes-result-anemia_6_35")
    assert len(anaemia.data) == 2                          # two methods, two lines, never joined
    assert sorted(len(tr.x) for tr in anaemia.data) == [5, 17]     # nueva 2021-2025, comparable 2009-2025
    scatter = _figure(out, "programmes-result-scatter")
    points = spending_per_target("0001", 2010, "dci_menores5")
    got = dict(zip(scatter.data[0].text, zip(scatter.data[0].x, scatter.data[0].y)))
    cusco = points.set_index("department").loc["08"]
    assert got["Cusco"] == pytest.approx((cusco["per_person"], cusco["value"]))
    assert cusco["per_person"] == pytest.approx(cusco["devengado"] / cusco["population"])


def test_real_prices_scale_the_scatter_and_say_so(use):
    from pages.programmes import render_results
    from store.reference import to_real_soles
    nominal = _figure(render_results(programmes_state({"year": "2010", "path": "0001"}, [2010, 2011])),
                      "programmes-result-scatter")
    real = _figure(render_results(programmes_state({"year": "2010", "path": "0001", "precios": "real"},
                                                   [2010, 2011])), "programmes-result-scatter")
    factor = to_real_soles(1.0, 2010, 2009)
    assert list(real.data[0].x) == pytest.approx([x * factor for x in nominal.data[0].x])
    assert "S/ de 2009" in real.layout.title.subtitle.text


def test_a_programme_without_links_shows_no_results_block(use):
    from pages.programmes import render_results
    assert render_results(programmes_state({"year": "2010", "path": "0002"}, [2010, 2011])) is None
    assert render_results(programmes_state({"year": "2010"}, [2010, 2011])) is None


def test_the_regions_map_shows_an_indicator_and_says_when_there_is_none(use):
    import app
    from pages.regions import render_result_map
    with app.server.test_request_context("/"):
        fig = render_result_map(regions_state({"year": "2010"}, [2010, 2011]), "anemia_6_35")
        values = indicator_by_department("anemia_6_35", 2010).set_index("department")["value"]
        mapped = dict(zip(fig.data[1].locations, fig.data[1].z))
        assert mapped["08"] == values["08"] and len(mapped) == 25
        none = render_result_map(regions_state({"year": "2010"}, [2010, 2011]), "pobreza_monetaria")
    assert "la fuente no lo midió ese año" in none.layout.annotations[0].text.replace("<br>", " ")


def test_a_department_profile_carries_its_indicators(use):
    from pages.regions import render_profile_results
    out = render_profile_results(regions_state({"year": "2010", "departamento": "08"}, [2010, 2011]))
    fig = find(out, "regions-dresult-dci_menores5").figure
    series = indicator_series("dci_menores5", "08").set_index("year")["value"]
    assert dict(zip(fig.data[0].x, fig.data[0].y))[2010] == series[2010]
    assert render_profile_results(regions_state({"year": "2010"}, [2010, 2011])) is None


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """The demonstration store `python -m etl demo` builds (2008-2011), as a user's first run."""
    import subprocess
    import sys

    from conftest import ROOT
    d = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in __import__("os").environ.items() if k != "DATABASE_URL"}
    subprocess.run([sys.executable, "-m", "etl", "demo", "--quiet"], cwd=ROOT, env={**env, "GSB_DATA_DIR": str(d)},
                   check=True, capture_output=True)
    return d


def test_the_demo_store_shows_malnutrition_and_anaemia_beside_articulado_nutricional(demo_store, monkeypatch):
    monkeypatch.setenv("GSB_DATA_DIR", str(demo_store))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    from pages.programmes import render_results
    out = render_results(programmes_state({"year": "2010", "path": "0001"}, [2008, 2009, 2010, 2011]))
    for graph_id in ("programmes-result-dci_menores5", "programmes-result-anemia_6_35"):
        fig = find(out, graph_id).figure
        assert {2009, 2010, 2011} <= set(fig.data[0].x), graph_id
        assert "sin dato para 2008" in fig.layout.title.subtitle.text     # money in 2008, no survey value


def test_the_brief_has_a_results_sheet_with_sources_and_caveats(use):
    import io

    import openpyxl

    from exports.brief import build_brief
    _, data = build_brief({"page": "programas", "year": "2010", "path": "0001"})
    ws = openpyxl.load_workbook(io.BytesIO(data))["Resultados"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    header = rows[0][:8]
    assert header == ["Indicador", "Método", "Ámbito", "Año", "Valor", "Unidad", "Referencial", "Fuente"]
    dci_2009 = [r for r in rows if r[0] == "Desnutrición crónica, menores de 5 años (OMS)" and r[3] == "2009"]
    assert [r[4] for r in dci_2009] == [23.8] and "INEI, ENDES" in dci_2009[0][7]
    anaemia_2021 = sorted((r[1], r[4]) for r in rows if r[0] and r[0].startswith("Anemia") and r[3] == "2021")
    assert [v for _, v in anaemia_2021] == [38.8, 28.4] or [v for _, v in anaemia_2021] == [28.4, 38.8]
    text_cells = " ".join(str(c) for r in rows for c in r if c)
    assert "asociación, no efecto" in text_cells and "Lima Metropolitana y la Región Lima" in text_cells


def test_a_department_report_carries_its_indicators(use):
    import app
    from dash_tree import text as tree_text
    from pages.report import layout
    with app.server.test_request_context("/"):
        shown = tree_text(layout(departamento="08", year="2010"))
    assert "Resultados al lado del gasto" in shown and "CUSCO" in shown and "Desnutrición crónica" in shown
    assert "2004" not in shown.split("Resultados al lado del gasto")[1].split("Advertencias")[0]   # Y-5 .. Y
    with app.server.test_request_context("/"):
        none = tree_text(layout(programa="0002", year="2010"))     # Salud Materno Neonatal: no linked indicator
    assert "Resultados al lado del gasto" not in none


def test_the_gender_page_shows_violence_indicators_beside_prevention_spending(use):
    """The sample store's programmes are 0001, 0002, 9001, 9002: none aims at partner violence,
    so the page says so; with a violence programme (the tiny rows relabelled), the section shows
    the national partner-violence series and spending per woman 15-49 by department."""
    from pages.gender import render_violence
    from domain.url_state import page_state
    out = render_violence(page_state({"year": "2010"}, [2010, 2011]))
    assert "no hay un programa cargado vinculado a la violencia" in text(out)
    fig = find(out, "gender-result-violencia_pareja").figure                 # the indicators are still shown
    assert dict(zip(fig.data[0].x, fig.data[0].y))[2021] == indicator_series("violencia_pareja")\
        .set_index("year")["value"][2021] == 54.9
    assert find(out, "gender-result-feminicidios") is not None


def test_violence_results_on_a_store_with_the_violence_programme(store, tmp_path):
    from pathlib import Path

    from components.results import results_section
    from etl.reference import seed
    from fixtures import _load, write
    from fixtures import row as mef_row
    from store.indicators import indicator_series, violence_results
    rows = [mef_row(ANO_EJE="2010", MES_EJE="3", MONTO_DEVENGADO=v, DEPARTAMENTO_META=d,
                    DEPARTAMENTO_META_NOMBRE=n) for v, d, n in (("3000000", "08", "CUSCO"), ("500000", "01", "AMAZONAS"))]
    Path(store.data_dir).mkdir(parents=True, exist_ok=True)
    _load(write(Path(store.data_dir) / "v.csv", rows), demo=False)      # programme 0080 (fixtures.BASE_ROW)
    seed(store)
    found = violence_results(2010, settings=store)
    assert found["code"] == "0080" and found["headline"] == "violencia_pareja"
    assert set(found["links"]["indicator"]) == {"violencia_pareja", "feminicidios", "casos_cem"}
    pts = found["points"].set_index("department")
    from store.indicators import target_population
    women = target_population("women_15_49", 2010, settings=store).set_index("department")["population"]
    assert pts.loc["08", "per_person"] == pytest.approx(3_000_000 / women["08"])
    national = indicator_series("violencia_pareja", settings=store).set_index("year")["value"]
    section = results_section(found, "es", "gender", year=2010, place="Perú", programme="0080",
                              money_years=[2010], money_source="MEF")
    fig = find(section, "gender-result-violencia_pareja").figure
    assert dict(zip(fig.data[0].x, fig.data[0].y))[2017] == national[2017] == 65.4


def test_the_red_page_cites_the_primary_sources(use):
    """BCRP series (code, title, period) and INEI's projections on screen; where the project's
    copies came from stays in data/reference/SOURCES.md (issue "Data truth", item 7)."""
    import app
    from pages import network
    with app.server.test_request_context("/"):
        shown = text(find(network.layout(year="2010"), "red-sources"))
    for words in ("Banco Central de Reserva del Perú (BCRP)", "PN38705PM", "Índice de precios Lima Metropolitana",
                  "PN01210PM", "Tipo de cambio", "2005-2025", "INEI", "Boletín Especial N.° 25"):
        assert words in shown, words
    for copy in ("afmendezsuarez", "camarenavaleria", "psotob91", "repositorio", "commit"):
        assert copy not in shown, copy


def test_the_data_page_names_the_mef_dataset_and_suggests_a_citation(use):
    from pages import data as data_page
    from store.status import load_history
    _, cite = data_page.render_history({"lang": "es"})
    shown = text(cite)
    assert "https://datosabiertos.mef.gob.pe/dataset/presupuesto-y-ejecucion-de-gasto" in shown
    assert "Ministerio de Economía y Finanzas del Perú (MEF)" in shown
    loaded = load_history()
    gasto = loaded[loaded["format"] == "mef_gasto"].iloc[0]
    day = __import__("pandas").Timestamp(gasto["finished_at"]).strftime("%d/%m/%Y")
    assert f"{gasto['file_name']} (años fiscales {gasto['fiscal_years']}) — cargado el {day}" in shown
    assert f"cargado el {day}; procesado con" in text(find(cite, "data-cite-text"))
    admin = find(data_page.layout(), "data-admin")
    assert type(admin).__name__ == "Details" and "python -m etl load" in text(admin)      # folded, for administrators


def test_the_red_page_puts_the_chosen_programme_first_and_shows_its_split(use):
    """Juntos: the record and money come first, every programme folds below; its money, found in
    several budget lines (unit 1428 under each budget programme in the sample store), is shown split
    and the parts add up to the programme's total."""
    import app
    from pages import network
    from store.programme_money import budget_for_programme, budget_split
    with app.server.test_request_context("/"):
        tree = network.layout(year="2010", programa_red="juntos")
        shown = text(tree)
        assert shown.index('"red-detail"') < shown.index('"red-money"') < shown.index('"red-all"')
        assert type(find(tree, "red-all")).__name__ == "Details"
        plain = network.layout(year="2010")                 # nothing chosen: the table of programmes first
        assert find(plain, "red-all") is None and text(plain).index('"red-table"') < text(plain).index('"red-detail"')
        from domain.url_state import network_state
        money = network.render_money(network_state({"year": "2010", "programa_red": "juntos"}, [2010, 2011]))
    split = budget_split("juntos", 2010)
    total = budget_for_programme("juntos", 2010).iloc[0]
    assert len(split) >= 2 and split["programa"].nunique() >= 2
    assert split["pim"].sum() == pytest.approx(total["pim"]) and split["devengado"].sum() == pytest.approx(total["devengado"])
    section = find(money, "red-split")
    assert section is not None and "Las partes suman el total de arriba" in text(section)
    grid = find(section, "red-split-grid")
    assert len(grid.rowData) == len(split)


def test_coverage_is_given_in_the_interface_language_beside_the_printed_original(use):
    """In Spanish, Juntos' 431,974 households read "431,974 hogares", with the report's printed
    English beside it; in English, "431,974 households"."""
    from components.network_table import network_grid
    from domain.url_state import network_state
    from store.programmes import network_table
    es = find(network_grid(network_table("es"), network_state({"year": "2010"}, [2010]), "red"), "red-grid")
    juntos = next(r for r in es.rowData if r["id"] == "juntos")
    assert juntos["coverage"] == "431,974 hogares" and juntos["coverage_printed"] == "431,974 households"
    assert [c["headerName"] for c in es.columnDefs if c["field"] in ("coverage", "coverage_printed")] == [
        "Cobertura", "Cobertura (tal como se imprime)"]
    en = find(network_grid(network_table("en"), network_state({"year": "2010", "lang": "en"}, [2010]), "red"), "red-grid")
    assert next(r for r in en.rowData if r["id"] == "juntos")["coverage"] == "431,974 households"
