"""Consulta Amigable exports in every breakdown (issue 10): seven exports in the real format
(title rows, compound codes, thousands commas, years as text or number, TOTAL row, blank
trailing rows), totals by every level checked against sums computed here from the rows."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import consulta_fixtures as cf
import pytest
from conftest import snapshot

from etl.load import load_file
from store.consulta import consulta_totals, exports, loaded_levels, municipalities
from store.read import load_history_frame

# column title as printed -> the level name `etl totals --source consulta --by` takes
LEVEL_OF = {
    "Departamento": "departamento", "Provincia": "provincia", "Municipalidad": "municipalidad",
    "Nivel de Gobierno": "nivel", "Sector": "sector", "Pliego": "pliego", "Unidad Ejecutora": "ejecutora",
    "Categoría Presupuestal": "programa", "Producto/Proyecto": "producto",
    "Actividad/Acción de Inversión/Obra": "actividad", "Función": "funcion",
    "División Funcional": "division_funcional", "Grupo Funcional": "grupo_funcional",
    "Fuente de Financiamiento": "fuente", "Rubro": "rubro", "Genérica": "generica", "Subgenérica": "subgenerica",
    "Específica": "especifica", "Trimestre": "trimestre", "Mes": "mes", "Mancomunidad": "mancomunidad",
    "Tipo de Entidad": "tipo_de_entidad", "Distrito": "distrito",
}


def _year(export: cf.Export) -> int:
    return 2021 if export.year is None else int(export.year)


def _load_all(store, folder: Path):
    for name, export in cf.SIX.items():
        r = load_file(cf.write_export(folder / name, export), settings=store,
                      year=2021 if export.year is None else None)
        assert r.status == "loaded", r.message
        assert r.rows_loaded == len(export.rows), name       # the TOTAL row is not a row


def test_every_breakdown_totals_by_every_level(store, tmp_path):
    _load_all(store, tmp_path)
    for name, export in cf.SIX.items():
        for title in export.levels:
            level = LEVEL_OF[title]
            key = (lambda lab: lab.split(":")[0].split("-")[1]) if level == "ejecutora" else \
                (lambda lab: lab.split(":")[0].strip())
            got = consulta_totals(level, _year(export), settings=store).set_index("key")
            for stage in ("PIM", "Devengado"):
                want = cf.expected(export, title, stage, key)
                assert {k: Decimal(v) for k, v in got[stage.lower()].items()} == want, (name, level, stage)


def test_hand_computed_totals_and_the_total_row_counted_once(store, tmp_path):
    _load_all(store, tmp_path)
    dept = consulta_totals("departamento", 2024, settings=store).set_index("key")
    # Amazonas: 15,250,300 + 410,000 + 9,100,000 PIM; 13,750,100 + 380,500 + 8,600,000 devengado
    assert Decimal(dept.loc["01", "pim"]) == Decimal("24760300")
    assert Decimal(dept.loc["01", "devengado"]) == Decimal("22730600")
    assert Decimal(dept.loc["08", "devengado"]) == Decimal("98000000.50")
    assert dept.loc["01", "name"] == "AMAZONAS"
    # the municipalities export sits under the title-row filter "Nivel de Gobierno: M": all its rows
    nivel = consulta_totals("nivel", 2024, settings=store).set_index("key")
    assert Decimal(nivel.loc["M", "pim"]) == Decimal("144760300")
    months = consulta_totals("mes", 2021, settings=store).set_index("key")
    assert [Decimal(v) for v in months["devengado"]] == [Decimal("5000"), Decimal("7500"), Decimal("9250.25")]
    assert months["pia"].isna().all()            # the export has no PIA column: not zero, missing
    sector = consulta_totals("sector", 2021, settings=store).set_index("key")
    assert Decimal(sector.loc["11", "devengado"]) == Decimal("21750.25")      # 5,000 + 7,500 + 9,250.25
    generic = consulta_totals("tipo_de_entidad", 2024, settings=store).set_index("key")
    assert Decimal(generic.loc["1", "pim"]) == Decimal("2600")
    assert "tipo_de_entidad" in loaded_levels(settings=store)


def test_municipalities_by_department_and_province(store, tmp_path):
    _load_all(store, tmp_path)
    m = municipalities(2024, settings=store)
    assert list(zip(m["departamento"], m["provincia"], m["key"])) == [
        ("01", "0101", "010101-300001"), ("01", "0101", "010102-300002"), ("01", "0102", "010201-300081"),
        ("08", "0801", "080101-300658")]
    assert list(m["provincia_name"]) == ["CHACHAPOYAS", "CHACHAPOYAS", "BAGUA", "CUSCO"]
    assert Decimal(m.loc[1, "pim"]) == Decimal("410000")
    assert m.loc[1, "execution_pct"] == round(380500 / 410000 * 100, 2)


def test_municipality_without_department_columns_is_placed_by_its_ubigeo(store, tmp_path):
    export = cf.Export(levels=["Municipalidad"], year=2025, rows=[
        ["080101-300658: MUNICIPALIDAD PROVINCIAL DEL CUSCO", "1", "10", "9", "9", "9", "8", "8", "80.0"]])
    assert load_file(cf.write_export(tmp_path / "m.csv", export), settings=store).status == "loaded"
    m = municipalities(2025, settings=store)
    assert (m.loc[0, "departamento"], m.loc[0, "departamento_name"], m.loc[0, "provincia"]) == ("08", "CUSCO", "0801")


def test_breakdown_filters_and_date_are_recorded(store, tmp_path):
    _load_all(store, tmp_path)
    hist = load_history_frame(store).set_index("file_name")
    assert hist.loc["municipalidades.xlsx", "breakdown"] == "departamento>provincia>municipalidad"
    assert hist.loc["meses.xlsx", "fiscal_years"] == "2021"              # from "Año de Ejecución: 2021"
    ex = exports(store).set_index("file_name")
    assert ex.loc["meses.xlsx", "filters"] == "Sector: 11: SALUD"
    assert ex.loc["meses.xlsx", "levels"] == "sector>trimestre>mes"
    assert ex.loc["unidades.xlsx", "as_of"] == dt.date(2025, 3, 14)     # "Fecha de la Consulta: 14-mar-2025"


def _bad(tmp_path, name, export, **kw):
    return cf.write_export(tmp_path / name, export, **kw)


@pytest.mark.parametrize("case,message", [
    ("no_amounts", "no_amounts.xlsx, line 4: no amount column: expected at least one of PIA, PIM, Certificación, "
                   "Compromiso Anual, Atención de Compromiso Mensual, Devengado, Girado; found only Año, "
                   "Nivel de Gobierno, Sector, Pliego, Unidad Ejecutora"),
    ("bad_amount", "bad_amount.xlsx, line 6, column PIM: amount is not a number: '1.200.500'"),
    ("bad_department", "bad_department.xlsx, line 5, column Departamento: unknown department '99: NARNIA' "
                       "(INEI codes 01-25 or 98)"),
    ("total_differs", "total_differs.xlsx, line 7, column PIM: the total row says PIM 1,300,500 but the rows "
                      "above sum to 1,201,500: the export looks incomplete"),
    ("no_code", "no_code.xlsx, line 5, column Sector: label without a code (expected 'code: NAME'): 'SALUD'"),
])
def test_bad_exports_are_refused_whole_and_change_nothing(store, tmp_path, case, message):
    assert load_file(cf.write_export(tmp_path / "ok.xlsx", cf.UNITS), settings=store).status == "loaded"
    before = snapshot(store)
    rows = [list(r) for r in cf.UNITS.rows]
    export = cf.Export(levels=cf.UNITS.levels, year=2010, titles=cf.TITLES, rows=rows)
    total = True
    if case == "no_amounts":
        export = cf.Export(levels=cf.UNITS.levels, year=2010, titles=cf.TITLES, amounts=[],
                           rows=[r[:4] for r in rows])
        total = False
    elif case == "bad_amount":
        rows[1][5] = "1.200.500"
        total = False
    elif case == "bad_department":
        export = cf.Export(levels=["Departamento"], year=2010, titles=cf.TITLES,
                           rows=[["99: NARNIA", "1", "2", "2", "2", "2", "2", "2", "100"]])
    elif case == "total_differs":
        path = cf.write_export(tmp_path / f"{case}.xlsx", export)
        import openpyxl
        wb = openpyxl.load_workbook(path)
        wb.active.cell(row=7, column=7, value="1,300,500")               # the TOTAL row's PIM
        wb.save(path)
    elif case == "no_code":
        rows[0][1] = "SALUD"
    path = tmp_path / f"{case}.xlsx"
    if case != "total_differs":
        cf.write_export(path, export, total=total)
    r = load_file(path, settings=store)
    assert (r.status, r.message) == ("refused", message)
    assert snapshot(store) == before
