"""The Red de protección social page: its callbacks called as plain functions against a small
store built through the real loaders (etl.reference.seed for population, CPI, exchange rates,
programmes.yaml and coverage.csv; etl.load.load_file for MEF budget lines).

Every expected number is worked out by hand in the comments from the fixture below."""
from __future__ import annotations

from pathlib import Path

import fixtures
import network_data
import pytest
from app_stores import build_stores, switch
from dash_tree import find, text

import app  # noqa: F401  (registers the pages and their callbacks)
from components.filters import filters_to_url
from components.shell import update_shell
from domain.url_state import network_state
from pages import network as red

YEARS = [2010, 2011]
JUNTOS = dict(SEC_EJEC="1428", EJECUTORA_NOMBRE="PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES - JUNTOS")
# The fixture's Juntos record plus what this page must show: a contradiction and a budget in dollars.
CONTRADICTION = {"what_es": "Hogares de Juntos en los dos distritos del trabajo de campo",
                 "what_en": "Juntos households in the two fieldwork districts",
                 "values": [{"printed": "756 and 585", "section": "4.1"},
                            {"printed": "772 and 599", "section": "Table A3.2"}],
                 "note_es": "Ambas dan los mismos totales de hogares rurales.",
                 "note_en": "Both give the same rural-household totals."}
USD_BUDGET = {"amount": 5000000, "printed": "$5 million in 2010", "currency": "USD", "year": 2010,
              "what_es": "Presupuesto total", "what_en": "Total budget", "section": "4"}
CPI = {2009: "75.0000", 2010: "80.0000", 2011: "84.0000", 2021: "100.0000"}   # 2009 = the real-soles base


def budget_rows() -> list[dict]:
    """Devengado per line (DEPARTAMENTO_META); year_rows puts PIA = PIM on the month-0 row.
    2010  Juntos (1428)  05 Ayacucho      6,000,000 + 4,000,000 = 10,000,000   PIA = PIM 12,000,000
    2010  Juntos (1428)  09 Huancavelica  5,000,000                            PIA = PIM  6,000,000
    2010  CEM (1232)     05 Ayacucho        200,000                            PIA = PIM    250,000
    2011  Juntos (1428)  05 Ayacucho      8,400,000                            PIA = PIM  9,000,000
    Juntos 2010: PIA = PIM = 18,000,000, devengado 15,000,000, avance 83.3 %."""
    r = fixtures.year_rows
    return [
        *r(2010, pim="12000000", devengado=("6000000", "4000000"), DEPARTAMENTO_META="05", **JUNTOS),
        *r(2010, pim="6000000", devengado=("5000000",), DEPARTAMENTO_META="09", **JUNTOS),
        *r(2010, pim="250000", devengado=("200000",), DEPARTAMENTO_META="05"),
        *r(2011, pim="9000000", devengado=("8400000",), DEPARTAMENTO_META="05", **JUNTOS),
    ]


def build_network_store(root: Path) -> None:
    """Reference + network + coverage (network_data's fixture, edited) and two budget years."""
    from etl.load import load_file
    from etl.reference import seed
    from settings import get_settings
    ref, net = network_data.make_folders(root / "curated", cpi=CPI)
    data = network_data.programmes()
    juntos = data["programmes"][0]
    juntos["contradictions"] = [CONTRADICTION]
    juntos["budget"] = [USD_BUDGET]
    juntos.update(institution_es="PCM – Secretaría Técnica de la CIAS", institution_en="PCM – Technical Secretariat of CIAS")
    juntos["coverage"][0].update(contradicts="Table A3.2", note_es="También en el Apéndice 1.",
                                 note_en="Also in Appendix 1.")
    data["programmes"].append(network_data._programme(      # no budget link at all: money cannot be found
        "essalud", "EsSalud", "preventive", "social_insurance",
        [{"value": 17.4, "printed": "17.4% of the population", "unit": "percent_population", "sex": "T",
          "date": "2008", "section": "Table 1"}], []))
    network_data.write_yaml(net / "programmes.yaml", data)
    results = seed(get_settings(), reference_dir=ref, network_dir=net)
    assert all(r.status == "loaded" for r in results), [(r.file, r.message) for r in results]
    for year in YEARS:
        f = fixtures.write(root / f"{year}-Gasto.csv", [r for r in budget_rows() if r["ANO_EJE"] == str(year)])
        assert load_file(f, settings=get_settings(), demo=True).status == "loaded"


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"network": lambda d, mp: build_network_store(d),
                                           "budget_only": lambda d, mp: fixtures.build_tiny_store(d)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch, start="network")






def card_text(tree, measure: str) -> list[str]:
    """The strings of one KPI card: label, value, unit, note."""
    card = find(tree, f"red-kpi-{measure}")
    assert card is not None, measure
    return [d.children if isinstance(d.children, str) else text(d.children) for d in card.children.children]


def state(**kw) -> dict:
    return network_state({"year": "2010", "programa_red": "juntos", **kw}, YEARS)


def test_state_reads_and_validates_the_page_keys():
    s = network_state({"programa_red": "Juntos", "categoria": "preventive", "indicador": "mujer",
                           "precios": "real", "year": "2010"}, YEARS)
    assert (s["programa_red"], s["categoria"], s["indicador"], s["precios"], s["year"]) == \
        ("juntos", "preventive", "mujer", "real", 2010)
    bad = network_state({"programa_red": "x'; drop", "categoria": "other", "indicador": "?", "precios": "usd"},
                            YEARS)
    assert (bad["programa_red"], bad["categoria"], bad["indicador"], bad["precios"], bad["year"]) == \
        ("", "all", "habitante", "nominal", 2011)


def test_filters_write_the_page_keys_into_the_url_defaults_left_out():
    ids = [{"type": "filter", "page": "red", "field": f} for f in ("year", "categoria", "programa_red")]
    assert filters_to_url([2010, "all", "juntos"], ids, "?year=2010") == "?year=2010&programa_red=juntos"
    assert filters_to_url([2010, "all", None], ids, "?year=2010&programa_red=juntos") == "?year=2010"
    ids = [{"type": "filter", "page": "red", "field": f} for f in ("precios", "indicador")]
    assert filters_to_url(["real", "mujer"], ids, "?programa_red=juntos") == \
        "?programa_red=juntos&indicador=mujer&precios=real"
    assert filters_to_url(["nominal", "habitante"], ids, "?programa_red=juntos&indicador=mujer&precios=real") == \
        "?programa_red=juntos"


def test_network_table_by_category_with_the_chosen_programme_highlighted(use):
    grid = find(red.render_network(state()), "red-grid")
    rows = grid.rowData
    assert [r["id"] for r in rows] == ["juntos", "cem", "wawa_wasi", "essalud"]   # protective, then preventive
    assert rows[0]["category_label"] == "Protectora" and rows[0]["coverage_printed"] == "100,000 households"
    assert rows[0]["share_social_budget_2009_pct__txt"] == "8.2 %"
    assert grid.getRowId == "params.data['id']"
    assert "=== 'juntos'" in grid.getRowStyle["styleConditions"][0]["condition"]
    assert [c["headerName"] for c in grid.columnDefs][:3] == ["Categoría", "Sigla", "Nombre"]
    assert [r["id"] for r in find(red.render_network(state(categoria="preventive")), "red-grid").rowData] == ["essalud"]
    empty = red.render_network(state(categoria="transformative"))
    assert "Ningún programa en esta categoría." in text(empty)


def test_row_click_opens_the_programme_keeping_the_view():
    assert red.open_programme({"rowId": "cem", "colId": "name"}, state(precios="real", lang="en")) == \
        "?year=2010&programa_red=cem&precios=real&lang=en"
    assert red.open_programme({"rowId": "juntos"}, state()) is red.no_update      # already open
    assert red.open_programme(None, state()) is red.no_update


def test_detail_shows_coverage_as_printed_and_both_sides_of_a_contradiction(use):
    detail = red.render_detail(state())
    assert find(detail, "red-programme-title").children == "JUNTOS · Programa Juntos"
    cov = find(detail, "red-coverage-grid").rowData
    assert [(r["printed"], r["value__txt"], r["unit_label"], r["section"]) for r in cov] == [
        ("100,000 households", "100,000", "hogares", "Tabla 1"), ("6% of households", "6", "% (hogares)", "Apéndice 1")]
    contra = text(find(detail, "red-contradictions"))
    assert "756 and 585" in contra and "Fuente: Vargas Valente (2010), ODI, sección 4.1" in contra
    assert "772 and 599" in contra and "Fuente: Vargas Valente (2010), ODI, Tabla A3.2" in contra
    # $5 million in 2010 at 2.80 soles per dollar = S/ 14,000,000
    budget = find(detail, "red-budget-grid").rowData[0]
    assert (budget["printed"], budget["currency"], budget["soles__txt"]) == ("$5 million in 2010", "USD", "14.0")
    assert "Hogares pobres" in text(find(detail, "red-field-target_population"))
    assert "El informe no lo indica." in text(find(detail, "red-field-results"))    # null in the fixture
    # the curator's texts and flags in the page's language, the printed figure as printed
    assert [(r["flag"], r["note"]) for r in cov] == [("contradice Tabla A3.2", "También en el Apéndice 1."),
                                                     ("", "")]
    assert "PCM – Secretaría Técnica de la CIAS" in text(detail)
    assert "Hogares de Juntos en los dos distritos" in contra and budget["what"] == "Presupuesto total"


def test_detail_without_or_with_an_unknown_programme_says_what_to_do(use):
    assert "Elija un programa" in text(red.render_detail(state(programa_red="")))
    assert red.render_money(state(programa_red="")) is None
    assert "No hay un programa «nope»" in text(red.render_detail(state(programa_red="nope")))


def test_money_cards_cost_per_household_and_dollars(use):
    money = red.render_money(state())
    assert card_text(money, "pia")[1] == "18.0" and card_text(money, "pim")[1] == "18.0"
    dev = card_text(money, "devengado")
    assert dev[1:3] == ["15.0", "S/ millones, nominal"]
    assert dev[3] == "≈ USD 5.4 millones (T. C. 2010, BCRP)"          # 15,000,000 / 2.80 = 5,357,142.86
    assert card_text(money, "avance")[1] == "83.3 %"                    # 15 / 18
    cost = card_text(money, "cost")
    assert cost[:3] == ["Costo por hogar", "150", "S/ por hogar, nominal"]   # 15,000,000 / 100,000 households
    assert "100,000 hogares" in cost[3] and "Test report, Table 1" in cost[3]
    by_dept = find(money, "red-cost-grid").rowData                        # Ayacucho: 10,000,000 / 40,000
    assert [(r["department_name"], r["cost__txt"]) for r in by_dept] == [("AYACUCHO", "250.0")]
    assert "Usado en 2010: sec_ejec 1428" in text(find(money, "red-links-used"))
    links = find(money, "red-links-grid").rowData
    assert links[0]["link"] == "Unidad ejecutora (SEC_EJEC) 1428" and links[0]["years"] == "2010–2026"


def test_money_in_real_soles_of_2009(use):
    money = red.render_money(state(precios="real"))
    # CPI 2009 / CPI 2010 = 75 / 80 = 0.9375
    assert card_text(money, "devengado")[1:3] == ["14.1", "S/ millones de 2009 (IPC Lima)"]   # 14,062,500
    assert card_text(money, "pia")[1] == "16.9"                                              # 16,875,000
    assert card_text(money, "devengado")[3] == "Gasto ejecutado (devengado)"     # no dollars of real soles
    assert card_text(money, "cost")[1:3] == ["141", "S/ de 2009 por hogar (IPC Lima)"]       # 150 x 0.9375
    dept = find(money, "red-cost-grid").rowData[0]                # Ayacucho: 10,000,000 and 250 x 0.9375
    assert (dept["devengado"], dept["cost"]) == pytest.approx((9_375_000, 234.375))
    years = find(money, "red-years").figure
    assert list(years.data[1].x) == ["2010", "2011"]
    assert list(years.data[1].y) == pytest.approx([14.0625, 7.5])        # 8.4 M x 75 / 84 = 7.5 M
    assert "S/ millones de 2009" in text(years.layout.title)


def test_map_per_inhabitant_and_per_woman(use):
    fig = find(red.render_money(state()), "red-map").figure
    base, data = fig.data
    # Juntos 2010 devengado / INEI population (T): 05 10,000,000 / 590,000; 09 5,000,000 / 490,000; 15 nothing
    assert list(data.locations) == ["05", "09", "15"]
    assert list(data.z) == pytest.approx([10_000_000 / 590_000, 5_000_000 / 490_000, 0.0])
    assert "S/ por habitante, nominal" in text(fig.layout.title)
    assert "INEI" in fig.layout.annotations[0].text and "cargado el" in fig.layout.annotations[0].text
    fig = find(red.render_money(state(indicador="mujer", precios="real")), "red-map").figure
    # per woman (F): 05 10,000,000 / 300,000; 09 5,000,000 / 250,000; in 2009 soles x 0.9375
    assert list(fig.data[1].z) == pytest.approx([10_000_000 / 300_000 * 0.9375, 20.0 * 0.9375, 0.0])
    assert "S/ de 2009 por mujer" in text(fig.layout.title)


def test_year_without_coverage_points_to_a_year_with_a_figure(use):
    money = red.render_money(state(year="2011"))
    assert card_text(money, "devengado")[1] == "8.4"
    cost = find(money, "red-kpi-cost")
    assert "El informe no da una cifra de hogares para 2011." in text(cost)
    assert '"href": "/red?year=2010&programa_red=juntos"' in text(cost)


def test_programme_whose_links_find_nothing_says_so(use):
    money = red.render_money(state(programa_red="wawa_wasi"))       # name pattern WAWA WASI: no such line
    assert "Los vínculos del programa no encontraron líneas de presupuesto en 2010." in \
        text(find(money, "red-no-money"))
    assert card_text(money, "devengado")[1] == "—"
    assert find(money, "red-map").figure.layout.annotations[0].text.startswith("Los vínculos del programa")
    succ = find(money, "red-links-grid").rowData
    assert [r["successor_label"] for r in succ] == ["no", "sí: programa posterior, no se suma"]


def test_english(use):
    detail, money = red.render_detail(state(lang="en")), red.render_money(state(lang="en"))
    assert "The report contradicts itself" in text(detail)
    cov = find(detail, "red-coverage-grid").rowData
    assert [(r["section"], r["flag"], r["note"]) for r in cov][0] == (
        "Table 1", "contradicts Table A3.2", "Also in Appendix 1.")
    assert "PCM – Technical Secretariat of CIAS" in text(detail) and "Secretaría" not in text(detail)
    assert "Juntos households in the two fieldwork districts" in text(detail)
    assert card_text(money, "cost")[:3] == ["Cost per household", "150", "S/ per household, nominal"]


def test_layout_states_and_missing_data(use):
    page = red.layout(year="2010", programa_red="juntos")
    assert find(page, "red-money-controls") is not None and find(page, "red-state").data["programa_red"] == "juntos"
    assert "Test report (2010)." in text(find(page, "red-sources"))
    assert find(red.layout(year="2010"), "red-money-controls") is None
    use("budget_only")                     # budget lines, but no network loaded
    assert "python -m etl reference" in text(red.layout())
    use("missing")
    assert "python -m etl demo" in text(red.layout())
    assert "python -m etl demo" in text(red.render_detail(state()))


def test_navbar_lists_the_new_pages_in_order(use):
    nav = update_shell("/red", "?year=2010&programa_red=juntos")[0]
    labels = [item.children.children for item in nav]
    assert labels[-2:] == ["Protección social", "Datos y fuentes"]
    assert nav[-2].children.active and nav[-2].children.href == "/red?year=2010"


def test_programme_without_budget_links_says_so_once(use):
    money = red.render_money(state(programa_red="essalud"))
    assert "no tiene vínculos presupuestales" in text(find(money, "red-no-money"))
    for absent in ("red-kpi-devengado", "red-map", "red-years", "red-links-used"):
        assert find(money, absent) is None, absent
    assert find(red.render_detail(state(programa_red="essalud")), "red-coverage-grid").rowData[0]["unit_label"] == \
        "% (población)"


def test_coverage_figure_in_the_interface_language_beside_the_printed_original(use):
    """Issue "Usability" 14.3: '100,000 households' reads '100,000 hogares' in Spanish (the app's
    number convention, components/fmt.py), the report's English kept in its own column beside."""
    es = find(red.render_detail(state()), "red-coverage-grid")
    assert [(r["coverage"], r["printed"]) for r in es.rowData] == [
        ("100,000 hogares", "100,000 households"), ("6 % (hogares)", "6% of households")]
    assert [c["field"] for c in es.columnDefs][:2] == ["coverage", "printed"]
    en = find(red.render_detail(state(lang="en")), "red-coverage-grid").rowData
    assert en[0]["coverage"] == "100,000 households"


def test_money_section_names_no_internal_file(use):
    for lang in ("es", "en"):
        shown = text(red.render_money(state(lang=lang))) + text(red.render_detail(state(lang=lang)))
        for internal in (".yaml", "coverage.csv", "SOURCES.md", "python -m", "carga #", "load #", "domain.md"):
            assert internal not in shown, (lang, internal)


def test_data_page_cites_the_view_it_was_opened_for(use):
    """The suggested citation names the view's fiscal year, the file behind it and the day it was
    loaded, its level and prices; the other year's file is not cited. Both files were loaded as
    demonstration data (build_network_store), and the citation says so."""
    from pages import data as data_page
    from store.status import load_history
    page = data_page.layout(year="2010", level="R", precios="real")
    view = find(page, "data-state").data
    assert (view["year"], view["level"], view["precios"]) == (2010, "R", "real")
    _, cite = data_page.render_history(view)
    shown = find(cite, "data-cite-text").children
    loaded = load_history().set_index("file_name")
    day = __import__("pandas").Timestamp(loaded.loc["2010-Gasto.csv", "finished_at"]).strftime("%d/%m/%Y")
    assert f"año fiscal 2010, archivo 2010-Gasto.csv, cargado el {day}." in shown
    assert "Nivel de gobierno: Gobiernos regionales; precios: Reales (base 2009, IPC Lima)." in shown
    assert "2011-Gasto.csv" not in shown and shown.endswith("(datos de demostración, no oficiales)")
    en = find(data_page.render_history({**view, "lang": "en", "year": 2011, "level": "all",
                                         "precios": "nominal"})[1], "data-cite-text").children
    assert "fiscal year 2011, file 2011-Gasto.csv" in en and "Level of government: All; prices: Nominal." in en


def test_load_history_fits_the_page_width(use):
    """Every column visible without a sideways scroll: sized to fit, long texts wrapped, the
    start time left out (the end time is the load's date)."""
    from pages import data as data_page
    grid = find(data_page.render_history({"lang": "es"})[0], "data-grid")
    fields = [c["field"] for c in grid.columnDefs]
    assert grid.columnSize == "responsiveSizeToFit" and "started_at" not in fields and "finished_at" in fields
    assert sum(c["minWidth"] for c in grid.columnDefs) <= 1110          # the page's container at 1280 px
    assert {c["field"] for c in grid.columnDefs if c.get("wrapText")} == {"file_name", "fiscal_years", "message"}
