"""The Consulta Amigable badge (every page), the Datos reconciliation section and the Regiones
municipality table, called as plain functions against small stores."""
from __future__ import annotations

from pathlib import Path

import consulta_fixtures as cf
import fixtures
import pytest
from app_stores import build_stores, switch
from dash_tree import find, text

import app  # noqa: F401  (registers the pages and their callbacks)
from components.consulta import render_municipalities, render_reconciliation, update_badge
from pages import data as data_page
from pages import regions

JUNTOS = {"SECTOR": "40", "PLIEGO": "040", "SEC_EJEC": "1428", "EJECUTORA": "005"}


def _build(d: Path, juntos_pim: str) -> None:
    from etl.load import load_file
    rows = (fixtures.year_rows(2010, pim="1000", devengado=("100", "250.5"))
            + fixtures.march_line(2010, juntos_pim, juntos_pim, "1150250", **JUNTOS))
    assert load_file(fixtures.write(d / "2010-Gasto.csv", rows)).status == "loaded"
    assert load_file(cf.write_export(d / "unidades.xlsx", cf.UNITS)).status == "loaded"
    # 2024: no Gasto lines of that year, so nothing of it is compared
    assert load_file(cf.write_export(d / "muni.xlsx", cf.MUNICIPALITIES)).status == "loaded"


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {
        "agree": lambda d, mp: _build(d, "1200500"),
        "differ": lambda d, mp: _build(d, "1197500"),                # 3,000 less PIM for unit 1428
        "plain": lambda d, mp: fixtures.build_tiny_store(d)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch)


def test_badge_agrees_with_the_date_and_links_to_the_detail(use):
    use("agree")
    badge = update_badge("?year=2010&lang=es&path=0001")
    assert badge.href == "/datos?year=2010#conciliacion"              # global keys only
    assert badge.children == "Cuadra con la Consulta Amigable (14/03/2025)"


def test_badge_says_by_how_much_and_in_how_many_keys(use):
    use("differ")
    badge = update_badge("?lang=en")
    assert badge.href == "/datos?lang=en#conciliacion"
    assert badge.children == "Differs by S/ 3,000.00 in 1 key from Consulta Amigable"
    assert "Consulta Amigable: 14/03/2025" in badge.title


def test_badge_without_exports_points_to_what_to_load(use):
    use("plain")
    badge = update_badge("")
    assert badge.children == "Sin comparación con la Consulta Amigable"
    use("missing")
    assert update_badge("") is None


def test_datos_section_lists_both_sources_per_key(use):
    use("differ")
    view = render_reconciliation({"lang": "es"})
    grid = find(view, "consulta-reconcile-grid")
    rows = {(r["level"], r["key"]): r for r in grid.rowData}
    r = rows[("ejecutora", "1428")]
    assert (r["status_label"], r["diff_pim__txt"], r["consulta_pim__txt"]) == ("Difiere", "-3,000.00", "1,200,500.00")
    assert r["consulta_date_label"] == "14/03/2025 (fecha de consulta)"
    assert rows[("ejecutora", "1232")]["status_label"] == "Cuadra"
    layout = data_page.layout(lang="es")
    assert find(layout, "conciliacion") is not None
    use("plain")
    assert "Nada que comparar todavía" in text(render_reconciliation({"lang": "es"}))


def test_regions_municipality_table(use):
    use("agree")
    view = render_municipalities({"lang": "es", "year": 2024})
    grid = find(view, "consulta-muni-grid")
    assert [(r["departamento"], r["provincia"], r["key"]) for r in grid.rowData][:2] == [
        ("01", "0101", "010101-300001"), ("01", "0101", "010102-300002")]
    assert grid.rowData[3]["devengado__txt"] == "98,000,000.50"
    assert find(regions.layout(year="2010"), "consulta-muni-heading") is not None
    empty = render_municipalities({"lang": "en", "year": 2011})
    assert "No Consulta Amigable export by municipality for 2011" in text(empty)
