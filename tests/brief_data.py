"""A small store for the Excel brief tests, built through the real loaders: two fiscal years of
MEF lines whose names look like spreadsheet formulas (=, +, -, @), amounts with centavos and a
reversal, and tests/network_data.py's curated network (Juntos is found by SEC_EJEC 1428).

Amounts (soles), 2010:
    programa 0001  producto 3033251 "=HYPERLINK(...)"  actividad "+SUM(...)"  unidad 1428 "@SUM(1,1)"
                   level E, dept 05: PIA = PIM 123,456,789.07, devengado 100.05 + 250.50 + 61,000,000.01
    programa 0080  level E, dept 15: PIA = PIM 2,000.33, devengado 300.01 + 0.01
    programa 9002  "-ASIGNACIONES ..." level R, dept 09: PIA = PIM 500.00, devengado -20.00 + 400.99
2011: programa 0001 as above with PIA = PIM 1,000.10, devengado 999.99.
"""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import mef_csv
import network_data
import pytest

FORMULA_NAMES = {
    "programme": "-ASIGNACIONES QUE NO RESULTAN EN PRODUCTOS",
    "product": '=HYPERLINK("http://example.invalid","click")',
    "activity": "+SUM(A1:A2)",
    "unit": "@SUM(1,1)",
}
JUNTOS = dict(SEC_EJEC="1428", EJECUTORA_NOMBRE=FORMULA_NAMES["unit"], PROGRAMA_PPTO="0001",
              PROGRAMA_PPTO_NOMBRE="PROGRAMA ARTICULADO NUTRICIONAL", PRODUCTO_PROYECTO="3033251",
              PRODUCTO_PROYECTO_NOMBRE=FORMULA_NAMES["product"], ACTIVIDAD_ACCION_OBRA="5000001",
              ACTIVIDAD_ACCION_OBRA_NOMBRE=FORMULA_NAMES["activity"], DEPARTAMENTO_META="05")
REGIONAL = dict(NIVEL_GOBIERNO="R", NIVEL_GOBIERNO_NOMBRE="GOBIERNOS REGIONALES", PROGRAMA_PPTO="9002",
                PROGRAMA_PPTO_NOMBRE=FORMULA_NAMES["programme"], SEC_EJEC="0800",
                EJECUTORA_NOMBRE="GOBIERNO REGIONAL HUANCAVELICA", DEPARTAMENTO_META="09")
CPI = {2009: "75.0000", 2010: "80.0000", 2011: "84.0000", 2021: "100.0000"}


def budget_rows(year: int) -> list[dict]:
    r = mef_csv.year_rows
    if year == 2010:
        return [*r(2010, pim="123456789.07", devengado=("100.05", "250.50", "61000000.01"), **JUNTOS),
                *r(2010, pim="2000.33", devengado=("300.01", "0.01")),
                *r(2010, pim="500.00", devengado=("-20.00", "400.99"), **REGIONAL)]
    return r(2011, pim="1000.10", devengado=("999.99",), **JUNTOS)


def build_brief_store(root: Path, demo: bool = False) -> None:
    """The store the environment names (GSB_DATA_DIR, DATABASE_URL): network, reference data, 2010-2011."""
    from etl.load import load_file
    from etl.reference import seed
    from settings import get_settings
    root.mkdir(parents=True, exist_ok=True)
    ref, net = network_data.make_folders(root / "curated")
    with open(ref / "cpi_lima.csv", "w", newline="") as fh:
        csv.writer(fh).writerows([["year", "cpi_index"], *sorted(CPI.items())])
    results = seed(get_settings(), reference_dir=ref, network_dir=net)
    assert all(r.status == "loaded" for r in results), [(r.file, r.message) for r in results]
    for year in (2010, 2011):
        f = mef_csv.write(root / f"{year}-Gasto.csv", budget_rows(year))
        r = load_file(f, settings=get_settings(), demo=demo)
        assert r.status == "loaded", r.message


# ---------------------------------------------------------------- LibreOffice, the real client

CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
ERROR_VALUES = ("#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:")


def soffice() -> str:
    """The LibreOffice binary; the test fails under CI (scripts/test.sh installs it), skips elsewhere."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("soffice is missing: scripts/test.sh installs libreoffice-calc-nogui")
    pytest.skip("LibreOffice (soffice) is not installed")


def recalculated(xlsx: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of `xlsx` as LibreOffice computes it (formulas recalculated), as CSV rows."""
    profile = Path(f"/tmp/lo-{uuid.uuid4().hex}")
    out.mkdir(parents=True, exist_ok=True)
    try:
        p = subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                            CSV_FILTER, "--outdir", str(out), str(xlsx)], capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    sheets = {}
    prefix = xlsx.stem + "-"
    for f in out.glob(f"{xlsx.stem}-*.csv"):
        with open(f, newline="", encoding="utf-8") as fh:
            sheets[f.stem[len(prefix):]] = list(csv.reader(fh))
    assert sheets, f"LibreOffice wrote nothing: {p.stdout} {p.stderr}"
    return sheets
