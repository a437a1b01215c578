"""The real MEF files in ../shared/data/real load, and `etl totals` matches sums we compute here.

Skipped on a fresh clone without ../shared (the files are not part of the project).
"""
from __future__ import annotations

import csv
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal

import openpyxl
import pytest
from conftest import REAL_DATA, ROOT

pytestmark = pytest.mark.skipif(not REAL_DATA.exists(), reason="../shared/data/real not present")

GASTO_KEYS = {"programa": "PROGRAMA_PPTO", "departamento": "DEPARTAMENTO_META", "nivel": "NIVEL_GOBIERNO",
              "sector": "SECTOR", "ejecutora": "SEC_EJEC"}


def _cli(*args) -> str:
    p = subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout


def _cli_totals(*args) -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    out = _cli("totals", "--format", "csv", *args).splitlines()
    assert out[0] == "key,name,pia,pim,devengado,execution_pct"
    return {r["key"]: (Decimal(r["pia"]), Decimal(r["pim"]), Decimal(r["devengado"]))
            for r in csv.DictReader(out)}


def test_every_real_file_loads(store):
    files = sorted(p for p in REAL_DATA.iterdir() if p.suffix in (".csv", ".xlsx", ".parquet"))
    assert files
    out = _cli("load", "--quiet", *map(str, files))
    for f in files:
        assert f"loaded {f.name}" in out
    status = _cli("status")
    assert all(f.name in status for f in files)


@pytest.mark.parametrize("by", sorted(GASTO_KEYS))
def test_gasto_totals_match_the_csv(store, by):
    sample = next(REAL_DATA.glob("mef_*gasto*.csv"))
    _cli("load", "--quiet", str(sample))
    expected = defaultdict(lambda: [Decimal(0)] * 3)
    with open(sample, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            e = expected[row[GASTO_KEYS[by]]]
            e[0] += Decimal(row["MONTO_PIA"])
            e[1] += Decimal(row["MONTO_PIM"])
            e[2] += Decimal(row["MONTO_DEVENGADO"])
    got = _cli_totals("--by", by)
    assert {k: tuple(v) for k, v in expected.items()} == got


CONSULTA_KEYS = {"sector": "Sector", "ejecutora": "Unidad Ejecutora", "pliego": "Pliego"}


def _amount(v) -> Decimal:
    return Decimal(str(v).replace(",", "")) if v not in (None, "") else Decimal(0)


def _label_code(v: str, by: str) -> str:
    code = v.split(":", 1)[0].strip()
    return code.split("-")[1] if by == "ejecutora" else code


@pytest.mark.parametrize("by", sorted(CONSULTA_KEYS))
def test_consulta_totals_match_the_export(store, by):
    f = REAL_DATA / "consulta_amigable_gn_sector_pliego_ue_2015_2025.xlsx"
    _cli("load", "--quiet", str(f))
    ws = openpyxl.load_workbook(f, read_only=True).worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = list(next(rows))
    expected = defaultdict(lambda: [Decimal(0)] * 3)
    for r in rows:
        rec = dict(zip(header, r))
        if rec["Año"] != 2024:
            continue
        e = expected[_label_code(rec[CONSULTA_KEYS[by]], by)]
        e[0] += _amount(rec["PIA"])
        e[1] += _amount(rec["PIM"])
        e[2] += _amount(rec["Devengado"])
    got = _cli_totals("--by", by, "--year", "2024", "--source", "consulta")
    assert {k: tuple(v) for k, v in expected.items()} == got
    if by == "ejecutora":
        assert "1428" in got   # JUNTOS, executing unit confirmed in docs/domain.md §5


def test_consulta_by_department_matches_the_export(store):
    f = REAL_DATA / "consulta_amigable_gn_salud_por_departamento_2020.xlsx"
    _cli("load", "--quiet", str(f))
    ws = openpyxl.load_workbook(f, read_only=True).worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = list(next(rows))
    expected = {}
    for r in rows:
        rec = dict(zip(header, r))
        expected[rec["UBI_DPTO"]] = (_amount(rec["PIA"]), _amount(rec["PIM"]), _amount(rec["Devengado"]))
    got = _cli_totals("--by", "departamento", "--source", "consulta")
    assert got == expected and len(got) == 26


def test_department_list_codes_are_ours(store):
    f = REAL_DATA / "mef_2024_departamento_meta_distinct.parquet"
    assert "loaded" in _cli("load", "--quiet", str(f))
    from domain.codes import DEPARTMENTS
    from etl.department_list import read_department_list
    assert {code for _, code, _ in read_department_list(f).rows} == set(DEPARTMENTS)
