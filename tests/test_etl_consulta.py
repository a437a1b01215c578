"""Consulta Amigable exports: labels, text amounts, breakdowns, rejects and refusals."""
from __future__ import annotations

import csv
from decimal import Decimal

import openpyxl
import pytest
from conftest import snapshot

from etl.load import load_file
from store.read import load_history_frame, totals

HEADER = ["Año", "Sector", "Pliego", "Unidad Ejecutora", "PIA", "PIM", "Certificación", "Compromiso Anual",
          "Atención de Compromiso Mensual", "Devengado", "Girado", "Avance %"]


def _xlsx(path, rows, header=HEADER, title_rows=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    for t in title_rows:
        ws.append(t)
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


ROWS = [
    [2010, "40: DESARROLLO E INCLUSION SOCIAL", "040: MINISTERIO DE DESARROLLO E INCLUSION SOCIAL",
     "005-1428: MIDIS- PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES- JUNTOS",
     "1,100,000", "1,200,500", "0", "0", "0", "1,150,250.50", "1,100,000", "95.8"],
    [2010, "39: MUJER Y DESARROLLO SOCIAL", "039: MINISTERIO DE LA MUJER", "009-1232: PROGRAMA NACIONAL CONTRA LA VIOLENCIA",
     20000, 30000, 0, 0, 0, 15000, 15000, 50.0],
]


def test_export_loads_with_codes_names_and_breakdown(store, tmp_path):
    f = _xlsx(tmp_path / "gn_ue_2010.xlsx", ROWS, title_rows=[["Consulta de Ejecución del Gasto"], []])
    r = load_file(f, settings=store)
    assert r.status == "loaded", r.message
    got = totals("ejecutora", 2010, source="consulta", settings=store).set_index("key")
    assert Decimal(got.loc["1428", "pim"]) == Decimal("1200500")
    assert Decimal(got.loc["1428", "devengado"]) == Decimal("1150250.50")
    assert got.loc["1428", "name"].startswith("MIDIS- PROGRAMA NACIONAL")
    assert Decimal(got.loc["1232", "pia"]) == Decimal("20000")
    assert totals("sector", 2010, source="consulta", settings=store).set_index("key").loc["40", "name"] \
        == "DESARROLLO E INCLUSION SOCIAL"
    hist = load_history_frame(store)
    assert hist.loc[0, "breakdown"] == "sector>pliego>ejecutora" and hist.loc[0, "format"] == "consulta_amigable"


def test_csv_export_with_a_bad_row_is_refused_naming_it(store, tmp_path):
    """An export is one table officials compare with the portal: part of it would mislead."""
    before = snapshot(store)
    f = tmp_path / "export.csv"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Año", "Departamento", "PIA", "PIM", "Devengado", "Avance %"])
        w.writerow(["2020", "01: AMAZONAS", "1,000", "2,000", "1,500", "75.0"])
        w.writerow(["2020", "99: NARNIA", "1", "1", "1", "100"])          # line 3: unknown department
        w.writerow(["2020", "15: LIMA", "10", "abc", "5", "50"])           # line 4: not a number
        w.writerow(["2020", "98: EXTERIOR", "5", "5", "4", "80"])
    r = load_file(f, settings=store, reject_dir=tmp_path / "rej")
    assert (r.status, r.message) == ("refused", "export.csv, line 3, column Departamento: unknown department "
                                                "'99: NARNIA' (INEI codes 01-25 or 98) (1 more problem in other rows)")
    assert snapshot(store) == before


def test_an_unknown_column_is_a_level_of_its_own(store, tmp_path):
    f = _xlsx(tmp_path / "extra.xlsx", [r[:4] + ["A1: ZONA NORTE"] + r[4:] for r in ROWS],
              header=HEADER[:4] + ["Zona de Intervención"] + HEADER[4:])
    r = load_file(f, settings=store)
    assert r.status == "loaded", r.message
    got = totals("zona_de_intervencion", 2010, source="consulta", settings=store).set_index("key")
    assert Decimal(got.loc["A1", "pim"]) == Decimal("1230500")       # 1,200,500 + 30,000
    assert load_history_frame(store).loc[0, "breakdown"] == "sector>pliego>ejecutora>zona_de_intervencion"


@pytest.mark.parametrize("fault,words", [
    ("two_pims", "two columns mean the same"),
    ("no_header", "no header row"),
    ("truncated", "corrupt or truncated"),
    ("empty", "empty"),
    ("no_rows", "no data rows"),
])
def test_bad_exports_are_refused_and_change_nothing(store, tmp_path, fault, words):
    assert load_file(_xlsx(tmp_path / "ok.xlsx", ROWS), settings=store).status == "loaded"
    before = snapshot(store)
    bad = tmp_path / f"{fault}.xlsx"
    if fault == "two_pims":
        _xlsx(bad, [r + ["1"] for r in ROWS], header=HEADER + ["PIM"])
    elif fault == "no_header":
        _xlsx(bad, [["a", "b"]], header=["foo", "bar"])
    elif fault == "truncated":
        data = _xlsx(tmp_path / "full.xlsx", ROWS).read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    elif fault == "empty":
        bad.write_bytes(b"")
    elif fault == "no_rows":
        _xlsx(bad, [])
    r = load_file(bad, settings=store)
    assert r.status == "refused" and words in r.message and bad.name in r.message, r.message
    assert snapshot(store) == before


def test_newer_export_of_same_name_replaces_it(store, tmp_path):
    f = _xlsx(tmp_path / "gn.xlsx", ROWS)
    load_file(f, settings=store)
    rows2 = [ROWS[0][:5] + ["9,999"] + ROWS[0][6:]]
    f2 = _xlsx(tmp_path / "gn.xlsx", rows2)
    assert load_file(f2, settings=store).status == "loaded"
    got = totals("ejecutora", 2010, source="consulta", settings=store).set_index("key")
    assert list(got.index) == ["1428"] and Decimal(got.loc["1428", "pim"]) == Decimal("9999")
