"""Loading MEF Gasto CSV/ZIP files: correctness, validation, atomicity, on both backends."""
from __future__ import annotations

import csv
import subprocess
import sys
import zipfile
from decimal import Decimal

import fixtures
import pytest
from conftest import ROOT, snapshot

from domain.mef_format import GASTO_COLUMNS
from etl.load import load_file
from store.read import load_history_frame, totals


def _totals(by, year=None, settings=None):
    df = totals(by, year, settings=settings)
    return {r.key: (Decimal(r.pia), Decimal(r.pim), Decimal(r.devengado), r.execution_pct) for r in df.itertuples()}


def test_loads_lines_and_sums_months(store, tmp_path):
    rows = (fixtures.year_rows(2010, pim="1000", devengado=("100", "250.50"))
            + fixtures.year_rows(2010, pim="500", devengado=("-20", "70"), PROGRAMA_PPTO="9001",
                                 PROGRAMA_PPTO_NOMBRE="ACCIONES CENTRALES", DEPARTAMENTO_META="01",
                                 DEPARTAMENTO_META_NOMBRE="AMAZONAS"))
    f = fixtures.write(tmp_path / "2010-Gasto.csv", rows)
    r = load_file(f, settings=store)
    assert r.status == "loaded", r.message
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (6, 6, 0)
    got = _totals("programa", settings=store)
    assert got["0080"][:3] == (Decimal("1000"), Decimal("1000"), Decimal("350.50"))
    assert got["0080"][3] == pytest.approx(35.05)
    # a negative reversal is kept, not dropped
    assert got["9001"][:3] == (Decimal("500"), Decimal("500"), Decimal("50"))
    assert _totals("departamento", settings=store)["01"][2] == Decimal("50")
    names = totals("programa", settings=store).set_index("key")["name"]
    assert names["0080"] == "LUCHA CONTRA LA VIOLENCIA FAMILIAR"


def test_month_zero_rows_carry_the_opening_budget(store, tmp_path):
    rows = fixtures.year_rows(2010, pim="800", devengado=("200",))
    f = fixtures.write(tmp_path / "g.csv", rows)
    assert load_file(f, settings=store).status == "loaded"
    import sqlalchemy as sa

    from store.engine import read_engine
    from store.schema import budget_line
    with read_engine(store).connect() as c:
        got = c.execute(sa.select(budget_line.c.month, budget_line.c.pim, budget_line.c.devengado)
                        .order_by(budget_line.c.month)).fetchall()
    assert [(m, Decimal(p), Decimal(d)) for m, p, d in got] == [(0, Decimal("800"), Decimal("0")),
                                                               (1, Decimal("0"), Decimal("200"))]
    assert _totals("programa", settings=store)["0080"][3] == pytest.approx(25.0)


def test_codes_stay_text_with_leading_zeros(store, tmp_path):
    f = fixtures.write(tmp_path / "g.csv", fixtures.year_rows(2010, PROGRAMA_PPTO="0002", PLIEGO="011"))
    load_file(f, settings=store)
    assert "0002" in _totals("programa", settings=store)
    assert "011" in _totals("pliego", settings=store)


def test_latin1_file_falls_back_and_keeps_accents(store, tmp_path):
    rows = fixtures.year_rows(2010, EJECUTORA_NOMBRE="PROGRAMA NACIONAL WAWA WASI - ÑAÑA",
                              PROGRAMA_PPTO_NOMBRE="NIÑOS Y NIÑAS")
    f = fixtures.write(tmp_path / "2009-Gasto.csv", rows, encoding="latin-1")
    with pytest.raises(UnicodeDecodeError):
        f.read_bytes().decode("utf-8")
    r = load_file(f, settings=store)
    assert r.status == "loaded", r.message
    names = totals("ejecutora", settings=store).set_index("key")["name"]
    assert names["1232"] == "PROGRAMA NACIONAL WAWA WASI - ÑAÑA"


def test_old_column_names_are_aliased(store, tmp_path):
    aliases = {"NIVEL_GOBIERNO": "TIPO_GOBIERNO", "NIVEL_GOBIERNO_NOMBRE": "TIPO_GOBIERNO_NOMBRE",
               "FUENTE_FINANCIAMIENTO": "FUENTE_FINANC", "FUENTE_FINANCIAMIENTO_NOMBRE": "FUENTE_FINANC_NOMBRE",
               "CATEGORIA_GASTO": "CATEG_GASTO", "CATEGORIA_GASTO_NOMBRE": "CATEG_GASTO_NOMBRE"}
    rows = fixtures.year_rows(2009, pim="42", devengado=("40",), NIVEL_GOBIERNO="R")
    old_rows = [{aliases.get(k, k): v for k, v in r.items()} for r in rows]
    header = [aliases.get(c, c) for c in GASTO_COLUMNS]
    f = fixtures.write(tmp_path / "2009-Gasto.csv", old_rows, header=header, newline="\r\n")
    r = load_file(f, settings=store)
    assert r.status == "loaded", r.message
    assert _totals("nivel", settings=store)["R"][1:3] == (Decimal("42"), Decimal("40"))


def test_zip_file_loads(store, tmp_path):
    csv_path = fixtures.write(tmp_path / "2011-Gasto.csv", fixtures.year_rows(2011, pim="7"))
    z = tmp_path / "2011-Gasto.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(csv_path, "2011-Gasto.csv")
    r = load_file(z, settings=store)
    assert r.status == "loaded", r.message
    assert _totals("programa", 2011, settings=store)["0080"][1] == Decimal("7")


def test_rejects_bad_values_with_their_line_numbers(store, tmp_path):
    rows = fixtures.year_rows(2010, pim="1000", devengado=("1", "2", "3", "4", "5", "6"))  # lines 2-8
    rows[2]["MONTO_DEVENGADO"] = "1,000.00"     # line 4: thousands separator
    rows[4]["DEPARTAMENTO_META"] = "99"         # line 6: unknown department
    rows[5]["MES_EJE"] = "13"                   # line 7: month out of range
    f = fixtures.write(tmp_path / "g.csv", rows)
    text = f.read_text().splitlines()
    text.insert(8, '"2010","6","E"')            # line 9: a short row
    f.write_text("\n".join(text) + "\n")
    r = load_file(f, settings=store, reject_dir=tmp_path / "rej")
    assert r.status == "loaded"
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (8, 4, 4)
    with open(r.reject_report, newline="") as fh:
        rep = list(csv.DictReader(fh))
    got = {(int(x["line"]), x["column"], x["value"]) for x in rep}
    assert {(4, "MONTO_DEVENGADO", "1,000.00"), (6, "DEPARTAMENTO_META", "99"), (7, "MES_EJE", "13")} <= got
    assert any(int(x["line"]) == 9 and "fields" in x["reason"] for x in rep)
    assert all(x["file"] == "g.csv" for x in rep)
    # only the good rows count: devengado 1 + 3 + 6 (lines 3, 5 and 8)
    assert _totals("programa", settings=store)["0080"][2] == Decimal("10")


STRUCTURAL = {
    "missing_column": lambda p: fixtures.write(
        p, fixtures.year_rows(), header=[c for c in GASTO_COLUMNS if c != "MONTO_DEVENGADO"]),
    "empty": lambda p: p.write_bytes(b""),
    "header_only": lambda p: p.write_text(fixtures.csv_text([])),
    "truncated": lambda p: p.write_text(fixtures.csv_text(fixtures.year_rows(devengado=("1", "2")))[:-40]),
    "not_a_csv": lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
    "binary_utf16": lambda p: p.write_bytes(fixtures.csv_text(fixtures.year_rows()).encode("utf-16")),
    "html_page": lambda p: p.write_text("<html><body>Servicio no disponible</body></html>\n"),
    "corrupt_zip": lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 30 + b"garbage"),
}


@pytest.mark.parametrize("fault", sorted(STRUCTURAL))
def test_structural_fault_refuses_whole_file_and_changes_nothing(store, tmp_path, fault):
    good = fixtures.write(tmp_path / "2010-Gasto.csv", fixtures.year_rows(2010, pim="123"))
    assert load_file(good, settings=store).status == "loaded"
    before = snapshot(store)
    bad = tmp_path / f"bad-{fault}.csv"
    STRUCTURAL[fault](bad)
    r = load_file(bad, settings=store)
    assert r.status == "refused"
    assert bad.name in r.message
    assert snapshot(store) == before


def test_refusal_messages_name_the_reason(duck_store, tmp_path):
    cases = {"missing_column": "MONTO_DEVENGADO", "empty": "empty", "header_only": "no data rows",
             "truncated": "truncated", "not_a_csv": "not a MEF Gasto CSV", "binary_utf16": "NUL",
             "corrupt_zip": "ZIP"}
    for fault, words in cases.items():
        bad = tmp_path / f"{fault}.csv"
        STRUCTURAL[fault](bad)
        r = load_file(bad, settings=duck_store)
        assert r.status == "refused" and words in r.message, (fault, r.message)


def test_cli_refusal_exits_non_zero_with_message(duck_store, tmp_path):
    bad = tmp_path / "trunc.csv"
    STRUCTURAL["truncated"](bad)
    p = subprocess.run([sys.executable, "-m", "etl", "load", "--quiet", str(bad)], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 1
    assert "trunc.csv" in p.stderr and "truncated" in p.stderr
    good = fixtures.write(tmp_path / "ok.csv", fixtures.year_rows())
    subprocess.run([sys.executable, "-m", "etl", "load", "--quiet", str(good)], cwd=ROOT, check=True,
                   capture_output=True)
    status = subprocess.run([sys.executable, "-m", "etl", "status"], cwd=ROOT, capture_output=True, text=True)
    assert "ok.csv" in status.stdout
    assert "REFUSED trunc.csv" in status.stdout and "truncated" in status.stdout


def test_loading_the_same_file_twice_changes_nothing(store, tmp_path):
    f = fixtures.write(tmp_path / "2010-Gasto.csv", fixtures.year_rows(2010, pim="10"))
    assert load_file(f, settings=store).status == "loaded"
    before = snapshot(store)
    r = load_file(f, settings=store)
    assert r.status == "unchanged"
    assert snapshot(store) == before


def test_newer_file_replaces_its_year_only(store, tmp_path):
    a = fixtures.write(tmp_path / "a.csv", fixtures.year_rows(2010, pim="10") + fixtures.year_rows(2009, pim="9"))
    b = fixtures.write(tmp_path / "b.csv", fixtures.year_rows(2010, pim="25", devengado=("5",)))
    assert load_file(a, settings=store).status == "loaded"
    assert load_file(b, settings=store).status == "loaded"
    assert _totals("programa", 2010, settings=store)["0080"][1] == Decimal("25")
    assert _totals("programa", 2009, settings=store)["0080"][1] == Decimal("9")
    hist = load_history_frame(store).set_index("file_name")["status"]
    assert hist["a.csv"] == "loaded"          # still holds 2009
    c = fixtures.write(tmp_path / "c.csv", fixtures.year_rows(2009, pim="1"))
    load_file(c, settings=store)
    hist = load_history_frame(store).set_index("file_name")["status"]
    assert hist["a.csv"] == "replaced" and hist["b.csv"] == "loaded" and hist["c.csv"] == "loaded"


def test_cli_totals_csv_header_and_values(duck_store, tmp_path):
    f = fixtures.write(tmp_path / "g.csv", fixtures.year_rows(2010, pim="1000", devengado=("100", "150")))
    subprocess.run([sys.executable, "-m", "etl", "load", "--quiet", str(f)], cwd=ROOT, check=True,
                   capture_output=True)
    p = subprocess.run([sys.executable, "-m", "etl", "totals", "--by", "programa", "--format", "csv"],
                       cwd=ROOT, capture_output=True, text=True, check=True)
    lines = p.stdout.splitlines()
    assert lines[0] == "key,name,pia,pim,devengado,execution_pct"
    assert lines[1] == "0080,LUCHA CONTRA LA VIOLENCIA FAMILIAR,1000.00,1000.00,250.00,25.00"
    s = subprocess.run([sys.executable, "-m", "etl", "status"], cwd=ROOT, capture_output=True, text=True)
    assert "g.csv" in s.stdout and "loaded" in s.stdout


def test_latin1_byte_deep_in_the_file_triggers_the_fallback(store, tmp_path):
    """The first megabyte is plain ASCII; the first non-UTF-8 byte comes much later."""
    filler = fixtures.year_rows(2010, pim="1", devengado=()) * 2500            # ~2 MB of ASCII rows
    late = fixtures.year_rows(2010, pim="2", devengado=(), SEC_EJEC="1099",
                              EJECUTORA_NOMBRE="PROGRAMA NACIONAL WAWA WASI - CAÑETE")
    f = fixtures.write(tmp_path / "2010-Gasto.csv", filler + late, encoding="latin-1")
    assert f.stat().st_size > 2_000_000
    r = load_file(f, settings=store)
    assert (r.status, r.rows_rejected, r.rows_loaded) == ("loaded", 0, 2501)
    names = totals("ejecutora", settings=store).set_index("key")["name"]
    assert names["1099"] == "PROGRAMA NACIONAL WAWA WASI - CAÑETE"


# Several source rows at one grain key: META, FINALIDAD and the clasificador below genérica are
# summed away (store/schema.py), so each amount of a line is the SUM of its rows, reversals included.
SUMMED_AWAY = [  # (META, FINALIDAD, SUBGENERICA, ESPECIFICA, ESPECIFICA_DET, PIA/PIM on month 0, devengado in March)
    ("0001", "0054321", "2", "11", "99", "600", "100"),
    ("0002", "0054322", "2", "12", "01", "400.50", "250.25"),
    ("0001", "0054321", "1", "13", "02", "-0.50", "-40"),       # a reversal: negative amounts
    ("0003", "0054323", "3", "11", "99", "0", "0.75"),
]


def _summed_rows() -> list[dict]:
    out = []
    for meta, fin, sub, esp, det, opening, dev in SUMMED_AWAY:
        keys = dict(META=meta, FINALIDAD=fin, SUBGENERICA=sub, ESPECIFICA=esp, ESPECIFICA_DET=det)
        out.append(fixtures.row(ANO_EJE="2010", MES_EJE="0", MONTO_PIA=opening, MONTO_PIM=opening, **keys))
        out.append(fixtures.row(ANO_EJE="2010", MES_EJE="3", MONTO_CERTIFICADO=dev, MONTO_COMPROMETIDO_ANUAL=dev,
                                MONTO_COMPROMETIDO=dev, MONTO_DEVENGADO=dev, MONTO_GIRADO=dev, **keys))
    return out


def test_rows_at_one_grain_key_are_summed_reversals_included(store, tmp_path):
    """PIA 600 + 400.50 - 0.50 + 0 = 1000.00; devengado 100 + 250.25 - 40 + 0.75 = 311.00. No single
    row holds either total, so max() or any_value() in the staging query cannot pass."""
    import sqlalchemy as sa

    from store.engine import read_engine
    from store.schema import budget_line
    r = load_file(fixtures.write(tmp_path / "2010-Gasto.csv", _summed_rows()), settings=store)
    assert r.status == "loaded", r.message
    assert (r.rows_read, r.rows_loaded) == (8, 8)
    with read_engine(store).connect() as c:
        lines = c.execute(sa.select(budget_line.c.month, budget_line.c.pia, budget_line.c.pim,
                                    budget_line.c.devengado, budget_line.c.girado, budget_line.c.certificado)
                          .order_by(budget_line.c.month)).fetchall()
    assert [(m, Decimal(a), Decimal(b), Decimal(d), Decimal(g), Decimal(ce)) for m, a, b, d, g, ce in lines] == [
        (0, Decimal("1000.00"), Decimal("1000.00"), Decimal("0"), Decimal("0"), Decimal("0")),
        (3, Decimal("0"), Decimal("0"), Decimal("311.00"), Decimal("311.00"), Decimal("311.00"))]
    assert _totals("programa", settings=store)["0080"][:3] == (Decimal("1000.00"), Decimal("1000.00"),
                                                               Decimal("311.00"))



def test_month_written_with_or_without_its_zero_is_one_line(store, tmp_path):
    """MEF writes months as '3' or '03': the scan groups on the text as read and casts on the groups
    (etl/gasto.py), so the groups of '3' and '03' must be merged into one line: 100 + 25.50 = 125.50
    and 2 source rows, next to a bad amount on line 4 that is still named by file, line and reason."""
    import sqlalchemy as sa

    from store.engine import read_engine
    from store.schema import budget_line
    rows = [fixtures.row(ANO_EJE="2010", MES_EJE="3", MONTO_DEVENGADO="100"),
            fixtures.row(ANO_EJE="2010", MES_EJE="03", MONTO_DEVENGADO="25.50", META="0002"),
            fixtures.row(ANO_EJE="2010", MES_EJE="3", MONTO_DEVENGADO="12 soles")]   # line 4
    r = load_file(fixtures.write(tmp_path / "meses.csv", rows), settings=store, reject_dir=tmp_path / "rej")
    assert r.status == "loaded", r.message
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3, 2, 1)
    with read_engine(store).connect() as c:
        lines = c.execute(sa.select(budget_line.c.month, budget_line.c.devengado)).fetchall()
    assert [(m, Decimal(d)) for m, d in lines] == [(3, Decimal("125.50"))]
    with open(r.reject_report, newline="") as fh:
        rep = list(csv.DictReader(fh))
    assert [(x["file"], int(x["line"]), x["column"], x["value"]) for x in rep] == [
        ("meses.csv", 4, "MONTO_DEVENGADO", "12 soles")]
    assert "not a number" in rep[0]["reason"]

def test_a_reversal_can_bring_a_line_below_zero(store, tmp_path):
    rows = [fixtures.row(ANO_EJE="2010", MES_EJE="5", MONTO_DEVENGADO=v, META=m, ESPECIFICA=e)
            for v, m, e in (("30", "0001", "11"), ("-45.10", "0002", "12"), ("5", "0001", "13"))]
    assert load_file(fixtures.write(tmp_path / "g.csv", rows), settings=store).status == "loaded"
    assert _totals("programa", settings=store)["0080"][2] == Decimal("-10.10")
