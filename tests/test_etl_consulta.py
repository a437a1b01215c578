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
    assert hist.loc[0, "breakdown"] == "sector>pliego>sec_ejec" and hist.loc[0, "format"] == "consulta_amigable"


def test_csv_export_and_bad_rows_are_reported(store, tmp_path):
    f = tmp_path / "export.csv"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Año", "Departamento", "PIA", "PIM", "Devengado", "Avance %"])
        w.writerow(["2020", "01: AMAZONAS", "1,000", "2,000", "1,500", "75.0"])
        w.writerow(["2020", "99: NARNIA", "1", "1", "1", "100"])          # line 3: unknown department
        w.writerow(["2020", "15: LIMA", "10", "abc", "5", "50"])           # line 4: not a number
        w.writerow(["2020", "98: EXTERIOR", "5", "5", "4", "80"])
    r = load_file(f, settings=store, reject_dir=tmp_path / "rej")
    assert r.status == "loaded", r.message
    assert (r.rows_loaded, r.rows_rejected) == (2, 2)
    rep = list(csv.DictReader(open(r.reject_report, newline="")))
    assert [(int(x["line"]), x["value"]) for x in rep] == [(3, "99"), (4, "abc")]
    got = totals("departamento", source="consulta", settings=store).set_index("key")
    assert sorted(got.index) == ["01", "98"]
    assert Decimal(got.loc["01", "pim"]) == Decimal("2000")


@pytest.mark.parametrize("fault,words", [
    ("unknown_column", "unknown column"),
    ("no_header", "no header row"),
    ("truncated", "corrupt or truncated"),
    ("empty", "empty"),
    ("no_rows", "no data rows"),
])
def test_bad_exports_are_refused_and_change_nothing(store, tmp_path, fault, words):
    assert load_file(_xlsx(tmp_path / "ok.xlsx", ROWS), settings=store).status == "loaded"
    before = snapshot(store)
    bad = tmp_path / f"{fault}.xlsx"
    if fault == "unknown_column":
        _xlsx(bad, [r + ["x"] for r in ROWS], header=HEADER + ["Comentario"])
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
