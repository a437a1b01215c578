"""Reconciliation of MEF Gasto lines with Consulta Amigable exports (issue 10): where they agree,
where they differ by known amounts, keys matched across both spellings, both sources dated."""
from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from decimal import Decimal

import consulta_fixtures as cf
import fixtures
from conftest import ROOT

from etl.load import load_file
from store.reconcile import reconcile, summary

JUNTOS = {"SECTOR": "40", "SECTOR_NOMBRE": "DESARROLLO E INCLUSION SOCIAL", "PLIEGO": "40",   # "040" in the export
          "PLIEGO_NOMBRE": "MIDIS", "SEC_EJEC": "001428", "EJECUTORA": "005", "EJECUTORA_NOMBRE": "JUNTOS"}
REGIONAL = {"NIVEL_GOBIERNO": "R", "SECTOR": "99", "PLIEGO": "440", "SEC_EJEC": "725", "EJECUTORA": "400"}


def _gasto(store, tmp_path, juntos_pim="1200500", juntos_dev="1150250", cem_dev=("100", "250.9")):
    rows = (fixtures.year_rows(2010, pim="1000", devengado=cem_dev)            # unit 1232: PIM 1,000
            + fixtures.march_line(2010, juntos_pim, juntos_pim, juntos_dev, **JUNTOS)
            + fixtures.march_line(2010, "777", "777", "700", **REGIONAL))     # not in the export
    r = load_file(fixtures.write(tmp_path / "2010-Gasto.csv", rows), settings=store)
    assert r.status == "loaded", r.message


def _units(store, tmp_path):
    r = load_file(cf.write_export(tmp_path / "unidades.xlsx", cf.UNITS), settings=store)
    assert r.status == "loaded", r.message


def test_sources_that_agree(store, tmp_path):
    _gasto(store, tmp_path)
    _units(store, tmp_path)
    df = reconcile(2010, settings=store)
    # finest common level: executing unit; 350.9 vs 350.5 is within the portal's rounding (S/ 1).
    # Every row of the export is level E, so the regional unit 725 is outside it: not listed.
    assert list(zip(df["level"], df["key"], df["status"])) == [
        ("ejecutora", "1232", "agree"), ("ejecutora", "1428", "agree")]
    assert df.loc[1, "gasto_pim"] == Decimal("1200500") and df.loc[1, "diff_devengado"] == Decimal("0")
    assert df.loc[0, "consulta_date"] == dt.date(2025, 3, 14) and df.loc[0, "consulta_date_kind"] == "consulta"
    s = summary(settings=store)
    assert (s["compared"], s["differ"], s["amount"], s["years"]) == (2, 0, Decimal(0), [2010])
    pliego = reconcile(2010, "pliego", settings=store)
    assert list(zip(pliego["key"], pliego["status"])) == [("039", "agree"), ("040", "agree")]
    nivel = reconcile(2010, "nivel", settings=store)
    # by level itself, the regional line is a key the export does not hold: listed, not counted
    assert list(zip(nivel["key"], nivel["status"])) == [("E", "agree"), ("R", "only_gasto")]
    assert nivel.loc[0, "consulta_pim"] == Decimal("1201500")           # 1,000 + 1,200,500


def test_sources_that_differ_by_known_amounts(store, tmp_path):
    _gasto(store, tmp_path, juntos_pim="1200000", juntos_dev="1150000")  # 500 and 250 less than the export
    _units(store, tmp_path)
    df = reconcile(2010, settings=store).set_index("key")
    assert df.loc["1428", "status"] == "differ"
    assert (df.loc["1428", "diff_pim"], df.loc["1428", "diff_devengado"]) == (Decimal("-500"), Decimal("-250"))
    assert df.loc["1232", "status"] == "agree"
    s = summary(settings=store)
    assert (s["compared"], s["differ"], s["amount"]) == (2, 1, Decimal("500"))
    sector = reconcile(2010, "sector", settings=store).set_index("key")
    assert sector.loc["40", "diff_pim"] == Decimal("-500") and sector.loc["39", "status"] == "agree"


def test_municipalities_reconcile_by_sec_ejec_under_the_level_filter(store, tmp_path):
    m = {"NIVEL_GOBIERNO": "M", "SECTOR": "01", "PLIEGO": "300001", "SEC_EJEC": "300001", "EJECUTORA": "001",
         "DEPARTAMENTO_META": "01"}
    rows = (fixtures.march_line(2024, "12500000", "15250300", "13750100", **m)
            + fixtures.march_line(2024, "5", "5", "5", SEC_EJEC="300002", NIVEL_GOBIERNO="E"))  # level E: filtered out
    assert load_file(fixtures.write(tmp_path / "2024-Gasto.csv", rows), settings=store).status == "loaded"
    assert load_file(cf.write_export(tmp_path / "muni.xlsx", cf.MUNICIPALITIES), settings=store).status == "loaded"
    df = reconcile(2024, settings=store).set_index("key")
    assert df.loc["010101-300001", "status"] == "agree"
    assert df.loc["010102-300002", "status"] == "only_consulta"          # its level-E line does not count
    assert df.loc["010102-300002", "diff_pim"] == Decimal("-410000")
    s = summary(2024, settings=store)
    # 3 municipalities without Gasto lines: PIM 410,000 + 9,100,000 + 120,000,000
    assert (s["compared"], s["differ"], s["amount"]) == (4, 3, Decimal("129510000"))


def test_nothing_to_compare_without_both_sources(store, tmp_path):
    _units(store, tmp_path)
    assert reconcile(2010, settings=store).empty
    assert summary(settings=store)["compared"] == 0


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True)


def test_cli_reconcile_and_totals(store, tmp_path):
    _gasto(store, tmp_path, juntos_pim="1200000", juntos_dev="1150000")
    _units(store, tmp_path)
    p = _cli("reconcile", "--year", "2010", "--by", "sector", "--format", "csv")
    assert p.returncode == 0, p.stderr
    rows = list(csv.DictReader(p.stdout.splitlines()))
    assert [(r["key"], r["status"], r["diff_pim"], r["diff_devengado"]) for r in rows] == [
        ("39", "agree", "0.00", "0.40"), ("40", "differ", "-500.00", "-250.00")]
    assert rows[0]["consulta_date"] == "2025-03-14"
    text = _cli("reconcile", "--year", "2010")
    assert text.returncode == 0 and "1 of 2 keys differ by more than S/ 1" in text.stdout
    none = _cli("reconcile", "--year", "2011")
    assert none.returncode == 1 and "nothing to compare for 2011" in none.stderr
    totals = _cli("totals", "--source", "consulta", "--by", "pliego", "--year", "2010", "--format", "csv")
    assert totals.stdout.splitlines()[1:] == [
        "039,MINISTERIO DE LA MUJER Y DESARROLLO SOCIAL,900.00,1000.00,350.50,35.05",
        "040,MINISTERIO DE DESARROLLO E INCLUSION SOCIAL,1100000.00,1200500.00,1150250.00,95.81"]
    wrong = _cli("totals", "--source", "consulta", "--by", "provincia")
    assert wrong.returncode == 2 and "loaded levels: ejecutora, nivel, pliego, sector" in wrong.stderr
