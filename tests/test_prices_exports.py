"""Briefs and reports in the prices of the view (state["precios"]): real soles = nominal x
CPI(2009) / CPI(year). tests/brief_data.py's CPI: 2009 = 75, 2010 = 80, 2011 = 84, so a 2010
amount in 2009 soles is x 0.9375 and a 2011 amount x 75/84."""
from __future__ import annotations

import io
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

import pytest
from app_stores import build_stores, switch
from brief_data import build_brief_store
from openpyxl import load_workbook

from exports.brief import build_brief
from exports.views import view_for

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)
CENT = Decimal("0.01")
# 2010 (tests/brief_data.py): PIM 123,456,789.07 + 2,000.33 + 500.00; devengado 61,000,350.56 + 300.02 + 380.99
PIM_2010 = Decimal("123459289.40")
DEV_2010 = Decimal("61001031.57")


def real(amount: Decimal, num=75, den=80) -> Decimal:
    return (amount * num / den).quantize(CENT, ROUND_HALF_UP)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"plain": lambda d, mp: build_brief_store(d)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch, start="plain")


def _figures(wb) -> dict:
    return {r[0]: (r[1], r[2]) for r in wb["Resumen"].iter_rows(min_row=5, max_col=3, values_only=True) if r[0]}


def _cover(wb) -> dict:
    return {r[0]: r[1] for r in wb["Portada"].iter_rows(min_col=1, max_col=2, values_only=True) if r[0]}


def test_resumen_brief_in_real_soles_is_nominal_times_the_cpi_factor(use):
    _, nominal = build_brief({"page": "resumen", "year": "2010"}, now=NOW)
    _, realwb = build_brief({"page": "resumen", "year": "2010", "precios": "real"}, now=NOW)
    n, r = _figures(load_workbook(io.BytesIO(nominal))), _figures(load_workbook(io.BytesIO(realwb)))
    assert Decimal(str(n["PIM"][0])) == PIM_2010 and Decimal(str(n["Devengado"][0])) == DEV_2010
    assert Decimal(str(r["PIM"][0])) == real(PIM_2010) == Decimal("115743083.81")
    assert Decimal(str(r["Devengado"][0])) == real(DEV_2010) == Decimal("57188467.10")
    assert "S/ de 2009 (IPC Lima)" in r["PIM"][1]
    assert r["Avance %"][0] == pytest.approx(n["Avance %"][0])            # a ratio: the same in any prices
    assert _cover(load_workbook(io.BytesIO(realwb)))["Precios"] == "Soles reales de 2009 (IPC Lima, BCRP)"
    assert _cover(load_workbook(io.BytesIO(nominal)))["Precios"] == "Precios nominales (soles corrientes)"


@pytest.mark.parametrize("page, table, row_key", [("resumen", "programmes", "0001"), ("programas", "drill", "0001"),
                                                   ("regiones", "departments", "05")])
def test_every_view_converts_its_tables(use, page, table, row_key):
    n = view_for({"page": page, "year": "2011"})
    r = view_for({"page": page, "year": "2011", "precios": "real"})
    nrow = n.table(table).frame.set_index("key").loc[row_key]
    rrow = r.table(table).frame.set_index("key").loc[row_key]
    assert nrow["devengado"] == Decimal("999.99") and rrow["devengado"] == real(Decimal("999.99"), 75, 84) == Decimal("892.85")
    assert ("Precios", "Soles reales de 2009 (IPC Lima, BCRP)") in r.filters
    assert "cpi" in set(r.sources.reference["dataset"])
    assert all(c.units != "S/ millones, nominal" for c in r.charts)


def test_gender_view_and_gender_sheet_in_real_soles(use):
    n = view_for({"page": "genero", "year": "2010"})
    r = view_for({"page": "genero", "year": "2010", "precios": "real"})
    for a, b in zip(n.table("g_category").frame["devengado"], r.table("g_category").frame["devengado"]):
        assert b == real(a)
    money = [f for f in r.key_figures if f.kind == "money"]
    assert money and all("S/ de 2009" in f.note for f in money)
    assert r.gender.unreviewed == real(n.gender.unreviewed)


def test_report_in_real_soles_states_its_prices(use):
    import app  # noqa: F401  (registers the pages)
    from dash_tree import find, text

    from exports import report_data
    from pages import report
    n = report_data.report("programa", "0001", 2010, "es")
    r = report_data.report("programa", "0001", 2010, "es", "real")
    # 0001 in 2010 (tests/brief_data.py): devengado 100.05 + 250.50 + 61,000,000.01, PIM 123,456,789.07
    assert n["money"]["devengado"] == pytest.approx(61000350.56) and n["prices"] == "nominal"
    assert r["money"]["devengado"] == pytest.approx(61000350.56 * 0.9375)
    assert r["money"]["pim"] == pytest.approx(123456789.07 * 0.9375)
    assert r["money"]["avance_pct"] == pytest.approx(n["money"]["avance_pct"])
    products = {c["id"]: c for c in r["tables"]}["products"]["rows"]
    assert products["devengado"].sum() == pytest.approx(61000350.56 * 0.9375)
    assert r["gender"]["devengado"].tolist() == pytest.approx([v * 0.9375 for v in n["gender"]["devengado"]])
    assert "cpi" in [s["role"] for s in r["sources"]] and "cpi" not in [s["role"] for s in n["sources"]]
    page = report.layout(programa="0001", year="2010", precios="real")
    assert "Precios: Soles reales de 2009 (IPC Lima, BCRP)." in text(find(page, "report-prices"))
    assert "S/ millones de 2009 (IPC Lima)" in text(find(page, "report-key"))
    assert "precios=real" in text(find(page, "report-cite"))
    assert "Precios: Precios nominales" in text(find(report.layout(programa="0001", year="2010"), "report-prices"))
