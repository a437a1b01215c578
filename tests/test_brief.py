"""The Excel brief (exports/brief.py) opened as its readers open it: openpyxl for the cells, charts
and formats, `python -m etl brief` for the CLI, and LibreOffice as the real client that
recalculates every formula. Stores are built through the real loaders (tests/brief_data.py);
every total is checked against the store's own read functions to the centavo."""
from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from app_stores import build_stores, switch
from brief_data import ERROR_VALUES, FORMULA_NAMES, build_brief_store, recalculated
from conftest import ROOT
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from exports.brief import COUNT_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, build_brief
from exports.views import query_problems, view_for

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)
CENT = Decimal("0.01")
SHEETS_ES = ["Portada", "Resumen", "Por nivel", "Por mes", "Programas", "Género", "Resultados", "Fuentes y método"]
SHEETS_EN = ["Cover", "Summary", "By level", "By month", "Programmes", "Gender", "Results", "Sources and method"]
DEMO_WARNING = "NO son cifras oficiales"


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"plain": lambda d, mp: build_brief_store(d),
                                           "demo": lambda d, mp: build_brief_store(d, demo=True)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch, start="plain")


def brief(**query):
    name, data = build_brief(query, now=NOW, base_url="https://tablero.example.org")
    return name, load_workbook(io.BytesIO(data)), data


def dec(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def header_row(ws, first: str) -> int:
    """The row whose first cell is `first` (a table's header)."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == first:
            return row[0].row
    raise AssertionError(f"no {first!r} header on {ws.title}")


def table_rows(ws, header: int) -> tuple[list[str], list[list], list]:
    """(headers, data rows, totals row) of the table whose header is on row `header`."""
    heads = [c.value for c in ws[header] if c.value is not None]
    rows, total = [], None
    for r in ws.iter_rows(min_row=header + 1, max_col=len(heads), values_only=True):
        if r[0] in (None, ""):
            break
        if r[0] == "Total":
            total = list(r)
            break
        rows.append(list(r))
    return heads, rows, total


def store_totals(by: str, year: int, **filters):
    from store.read import totals
    return totals(by, year, filters=filters or None)


# ---------------------------------------------------------------- sheets and names

def test_sheets_in_spanish_and_english_and_the_file_name(use):
    name, wb, _ = brief(page="resumen", year="2010")
    assert name == "brief-resumen-2010-es-2026-12-04.xlsx"
    assert wb.sheetnames == SHEETS_ES
    name, wb, _ = brief(page="resumen", year="2010", lang="en")
    assert name == "brief-resumen-2010-en-2026-12-04.xlsx"
    assert wb.sheetnames == SHEETS_EN
    _, wb, _ = brief(page="genero", year="2011")
    assert wb.sheetnames == ["Portada", "Resumen", "Programas y reglas", "Versiones de reglas", "Género",
                             "Resultados", "Fuentes y método"]
    _, wb, _ = brief(page="red", year="2010", programa_red="juntos", lang="en")
    assert wb.sheetnames == ["Cover", "Summary", "Network programmes", "Record", "Coverage as printed",
                             "MEF links", "By year", "Per person", "Cost by department", "Gender", "Results",
                             "Sources and method"]


def test_cover_says_what_when_where_from_and_links_back(use):
    _, wb, _ = brief(page="programas", year="2010", path="0001", level="E")
    ws = wb["Portada"]
    cells = {r[0]: r[1] for r in ws.iter_rows(min_col=1, max_col=2, values_only=True) if r[0]}
    assert cells["Año fiscal"] == "2010" and cells["Nivel de gobierno"] == "Gobierno nacional"
    assert cells["Nivel del detalle"] == "Todos los programas › 0001 PROGRAMA ARTICULADO NUTRICIONAL"
    assert cells["Generado"] == "2026-12-04 09:30 UTC"
    link = next(c for row in ws.iter_rows() for c in row if c.value == cells["Enlace a esta vista"])
    assert link.value == "https://tablero.example.org/programas?year=2010&level=E&path=0001"
    assert link.hyperlink.target == link.value
    loads = table_rows(ws, header_row(ws, "Carga"))[1]
    from store.status import load_history
    hist = load_history().set_index("id")
    two010 = [r for r in loads if r[1] == "2010-Gasto.csv"]
    assert len(two010) == 1 and len(two010[0][2]) == 12
    load_id = int(two010[0][0].lstrip("#"))
    assert two010[0][2] == hist.loc[load_id, "sha256"] and two010[0][3] == hist.loc[load_id, "finished_at"]
    assert "2011-Gasto.csv" not in [r[1] for r in loads]        # only the loads of the view's year
    version = cells["Versión de las reglas de género"]
    from store.gender import rule_sets
    sha = rule_sets()["sha256"].iloc[-1]
    assert version.startswith("1 · SHA-256 " + sha[:12])


def test_demo_warning_on_a_demo_store_only(use):
    def everything(wb):
        return " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                        if c.value is not None)
    for page in ("resumen", "red"):
        _, wb, _ = brief(page=page, year="2010")
        assert DEMO_WARNING not in everything(wb)
    use("demo")
    _, wb, _ = brief(page="resumen", year="2010")
    cover = wb["Portada"]
    assert cover["A4"].value == "DATOS DE DEMOSTRACIÓN" and DEMO_WARNING in cover["B4"].value
    assert DEMO_WARNING in everything(wb)
    loads = table_rows(cover, header_row(cover, "Carga"))[1]
    assert [r[6] for r in loads if r[1].endswith("Gasto.csv")] == ["sí"]


# ---------------------------------------------------------------- numbers, formats, totals

def test_programme_sheet_reconciles_to_the_centavo_with_etl_totals(use):
    _, wb, _ = brief(page="resumen", year="2010")
    ws = wb["Programas"]
    heads, rows, total = table_rows(ws, 2)
    assert heads == ["Código", "Nombre", "PIA", "PIM", "Devengado", "Avance %"]
    expected = store_totals("programa", 2010).set_index("key")
    assert [r[0] for r in rows] == ["0001", "0080", "9002"]          # largest PIM first, as on the page
    for key, name, pia, pim, dev, avance in rows:
        assert (Decimal(str(pia)), Decimal(str(pim)), Decimal(str(dev))) == tuple(
            expected.loc[key, c] for c in ("pia", "pim", "devengado"))
        assert avance == pytest.approx(float(expected.loc[key, "devengado"] / expected.loc[key, "pim"]))
    # the CLI users reconcile with prints the same centavos
    cli = subprocess.run([sys.executable, "-m", "etl", "totals", "--by", "programa", "--year", "2010", "--format",
                          "csv"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()[1:]
    printed = {line.split(",")[0]: line.split(",")[2:5] for line in cli}
    assert {r[0]: [f"{Decimal(str(v)):.2f}" for v in r[2:5]] for r in rows} == printed
    assert printed["0001"] == ["123456789.07", "123456789.07", "61000350.56"]
    # totals: SUBTOTAL over exactly the data rows (a filtered row drops out), avance from the two sums
    assert total[:5] == ["Total", None, "=SUBTOTAL(109,C3:C5)", "=SUBTOTAL(109,D3:D5)", "=SUBTOTAL(109,E3:E5)"]
    assert total[5] == '=IF(SUBTOTAL(109,D3:D5)=0,"",SUBTOTAL(109,E3:E5)/SUBTOTAL(109,D3:D5))'
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:F5"
    assert ws.column_dimensions["B"].width >= 40


def test_number_formats(use):
    _, wb, _ = brief(page="resumen", year="2010")
    ws = wb["Programas"]
    assert {ws.cell(row=3, column=c).number_format for c in (3, 4, 5)} == {MONEY_FORMAT}
    assert MONEY_FORMAT == '"S/ "#,##0.00'
    assert ws["F3"].number_format == PERCENT_FORMAT == "0.0%"
    assert 0 < ws["F3"].value < 1                                   # a fraction under a % format
    assert ws["C6"].number_format == MONEY_FORMAT and ws["F6"].number_format == PERCENT_FORMAT
    summary = wb["Resumen"]
    figures = {r[0].value: r[1] for r in summary.iter_rows(min_row=5, max_row=9, max_col=2)}
    assert figures["PIM"].number_format == MONEY_FORMAT and figures["Avance %"].number_format == PERCENT_FORMAT
    assert Decimal(str(figures["PIM"].value)) == Decimal("123459289.40")
    _, wb, _ = brief(page="genero", year="2010")
    rules = wb["Género"]
    head = header_row(rules, "Regla")
    cols = [c.value for c in rules[head]]
    first = rules.cell(row=head + 1, column=cols.index("Líneas") + 1)
    assert first.number_format == COUNT_FORMAT and isinstance(first.value, int)
    assert rules.cell(row=head + 1, column=cols.index("Peso") + 1).number_format == PERCENT_FORMAT


def test_every_page_reconciles_with_the_read_functions(use):
    from store import budget, gender, programme_money
    _, wb, _ = brief(page="programas", year="2010", path="0001.3033251")
    heads, rows, total = table_rows(wb["Actividad - acción - obra"], 2)
    assert heads[0] == "Actividad / acción / obra"
    drill = budget.drill(2010, "all", ("0001", "3033251"))
    assert [r[0] for r in rows] == list(drill["key"])
    assert [dec(r[4]) for r in rows] == [dec(v) for v in drill["devengado"]] == [Decimal("61000350.56")]
    _, wb, _ = brief(page="regiones", year="2010", level="E", metric="avance")
    _, rows, _ = table_rows(wb["Departamentos"], 3)
    by_dept = budget.by_department(2010, "E")
    assert [(r[0], dec(r[3]), dec(r[4])) for r in rows] == [
        (k, dec(p), dec(d)) for k, p, d in zip(by_dept["key"], by_dept["pim"], by_dept["devengado"])]
    _, wb, _ = brief(page="genero", year="2010")
    ws = wb["Género"]
    _, three, _ = table_rows(ws, header_row(ws, "Total"))
    summary = gender.gender_summary(2010)
    assert [[dec(v) for v in r[1:4]] for r in three] == [[summary[a][i] for a in ("pia", "pim", "devengado")]
                                                           for i in range(3)]
    _, wb, _ = brief(page="red", year="2010", programa_red="juntos", indicador="mujer")
    _, rows, _ = table_rows(wb["Por persona"], 3)
    per = programme_money.spending_per_woman(2010, programme_id="juntos")
    assert [(r[0], dec(r[2]), r[3]) for r in rows] == [(d, dec(v), p) for d, v, p in
                                                      zip(per["department"], per["devengado"], per["population"])]
    figures = {r[0]: r[1] for r in wb["Resumen"].iter_rows(min_row=5, max_col=2, values_only=True) if r[0]}
    b = programme_money.budget_for_programme("juntos", 2010).iloc[0]
    assert dec(figures["Devengado"]) == dec(b["devengado"]) == Decimal("61000350.56")


def test_real_prices_scale_the_network_money(use):
    _, wb, _ = brief(page="red", year="2010", programa_red="juntos", precios="real")
    figures = {r[0]: r[1] for r in wb["Resumen"].iter_rows(min_row=5, max_col=2, values_only=True) if r[0]}
    assert dec(figures["Devengado"]) == (Decimal("61000350.56") * 75 / 80).quantize(CENT)
    refs = [r[0] for r in wb["Fuentes y método"].iter_rows(max_col=1, values_only=True) if r[0]]
    assert "cpi_lima.csv" in refs and "population.csv" in refs and "pen_per_usd.csv" not in refs


# ---------------------------------------------------------------- charts

def chart_refs(chart) -> list[tuple[str, str, str]]:
    """(title ref, values ref, categories ref) of every series, bars then lines."""
    out = []
    for ch in getattr(chart, "_charts", None) or [chart]:
        for s in ch.series:
            cat = s.cat.numRef.f if s.cat.numRef is not None else s.cat.strRef.f
            out.append((s.tx.strRef.f if s.tx and s.tx.strRef else None, s.val.numRef.f, cat))
    return out


def cells(wb, ref: str) -> list:
    sheet, rng = ref.rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    c1, r1, c2, r2 = range_boundaries(rng.replace("$", ""))
    return [ws.cell(row=r, column=c).value for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def test_native_charts_point_at_the_data_cells(use):
    _, wb, raw = brief(page="resumen", year="2010")
    charts = wb["Resumen"]._charts
    assert len(charts) == 3
    assert all(not ws._charts for ws in wb.worksheets if ws.title != "Resumen")
    assert not [n for n in zipfile.ZipFile(io.BytesIO(raw)).namelist() if n.startswith("xl/media/")]   # no pictures
    levels, monthly, top = (chart_refs(c) for c in charts)
    assert levels == [("'Por nivel'!D2", "'Por nivel'!$D$3:$D$4", "'Por nivel'!$B$3:$B$4"),
                      ("'Por nivel'!E2", "'Por nivel'!$E$3:$E$4", "'Por nivel'!$B$3:$B$4")]
    assert cells(wb, levels[0][0]) == ["PIM"] and cells(wb, levels[0][2]) == ["Gobierno nacional",
                                                                             "Gobiernos regionales"]
    assert [dec(v) for v in cells(wb, levels[1][1])] == [Decimal("61000650.58"), Decimal("380.99")]
    assert [cells(wb, r[0])[0] for r in monthly] == ["Devengado del mes", "Devengado acumulado", "PIM"]
    assert monthly[0][1] == "'Por mes'!$B$3:$B$5" and monthly[0][2] == "'Por mes'!$A$3:$A$5"
    assert type(charts[1]).__name__ == "BarChart" and type(charts[1]._charts[1]).__name__ == "LineChart"
    assert top[0] == ("'Programas'!D2", "'Programas'!$D$3:$D$5", "'Programas'!$B$3:$B$5")
    assert charts[2].type == "bar" and charts[0].type == "col"
    _, wb, _ = brief(page="genero", year="2010")
    charts = wb["Resumen"]._charts
    assert len(charts) == 3
    totals = chart_refs(charts[0])                # one series per definition, the stages as categories
    assert [r[1] for r in totals] == ["'Género'!$B$7:$D$7", "'Género'!$B$8:$D$8", "'Género'!$B$9:$D$9"]
    assert cells(wb, totals[0][2]) == ["PIA", "PIM", "Devengado"]
    assert cells(wb, "'Género'!$A$7:$A$9") == ["Estricto: solo marcador 2", "Ponderado: monto × peso",
                                                "Amplio: marcador 1 o 2"]
    _, wb, _ = brief(page="regiones", year="2010", metric="pim")
    (one,) = wb["Resumen"]._charts
    refs = chart_refs(one)
    assert refs == [("'Departamentos'!D3", "'Departamentos'!$D$4:$D$6", "'Departamentos'!$B$4:$B$6")]
    assert "98" not in cells(wb, "'Departamentos'!$A$4:$A$6")
    _, wb, _ = brief(page="red", year="2010", programa_red="juntos")
    assert len(wb["Resumen"]._charts) == 2
    per, years = (chart_refs(c) for c in wb["Resumen"]._charts)
    assert per[0][1] == "'Por persona'!$E$4:$E$6" and years[0][2] == "'Por año'!$A$4:$A$5"


# ---------------------------------------------------------------- text from data stays text

def test_formula_looking_names_stay_text(use):
    for path, name in (("0001", "product"), ("0001.3033251", "activity"), ("0001.3033251.5000001", "unit")):
        _, wb, raw = brief(page="programas", year="2010", path=path)
        ws = wb.worksheets[2]
        names = [c for c in ws["B"] if c.value == FORMULA_NAMES[name]]
        assert names and all(c.data_type == "s" for c in names), (path, [c.value for c in ws["B"]])
        formulas = set()
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            for n in z.namelist():
                if n.startswith("xl/worksheets/sheet"):
                    formulas |= set(re.findall(r"<f>(.*?)</f>", z.read(n).decode()))
        assert formulas and all(f.startswith(("SUBTOTAL(109,", "IF(SUBTOTAL(109,")) for f in formulas), formulas
    _, wb, _ = brief(page="resumen", year="2010")
    cell = next(c for c in wb["Programas"]["B"] if c.value == FORMULA_NAMES["programme"])
    assert cell.data_type == "s"


# ---------------------------------------------------------------- the gender sheet

def test_gender_sheet_on_every_brief_with_the_rules_in_view(use):
    from store import gender
    for page in ("resumen", "programas", "regiones", "genero", "red"):
        _, wb, _ = brief(page=page, year="2010")
        assert "Género" in wb.sheetnames
    _, wb, _ = brief(page="programas", year="2010", path="0080", lang="en")
    ws = wb["Gender"]
    _, three, _ = table_rows(ws, header_row(ws, "Total"))
    summary = gender.gender_summary(2010, {"programa": "0080"})
    assert [dec(r[3]) for r in three] == list(summary["devengado"])
    heads, rules, total = table_rows(ws, header_row(ws, "Rule"))
    expected = gender.line_rules(2010, ("0080",))
    assert [r[0] for r in rules] == list(expected["rule_id"])
    assert [dec(r[heads.index("Devengado")]) for r in rules] == [Decimal(v).quantize(CENT)
                                                                  for v in expected["devengado"]]
    assert rules[0][heads.index("What the rule tests")] == expected["conditions"].iloc[0]
    assert total[heads.index("Lines")].startswith("=SUBTOTAL(109,")
    version = {r[0]: r[1] for r in ws.iter_rows(min_row=header_row(ws, "Version"), max_col=2, values_only=True)
               if r[0]}
    sets = gender.rule_sets()
    assert version["SHA-256"] == sets["sha256"].iloc[-1] and version["Version"] == "1"


# ---------------------------------------------------------------- the CLI

def values(wb) -> dict:
    """Every cell value, but the generation time (differs between two runs)."""
    out = {}
    for ws in wb.worksheets:
        skip = None
        for row in ws.iter_rows():
            for c in row:
                if c.value in ("Generado", "Generated") and c.column == 1:
                    skip = (c.row, 2)
                if c.value is not None and (c.row, c.column) != skip:
                    out[(ws.title, c.coordinate)] = c.value
        out[(ws.title, "charts")] = [chart_refs(ch) for ch in ws._charts]
    return out


def test_cli_writes_the_same_workbook_as_build_brief(use, tmp_path):
    out = tmp_path / "b.xlsx"
    p = subprocess.run([sys.executable, "-m", "etl", "brief", "--page", "red", "--year", "2010", "--programa-red",
                        "juntos", "--precios", "real", "--indicador", "mujer", "--lang", "en", "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    _, wb, _ = brief(page="red", year="2010", programa_red="juntos", precios="real", indicador="mujer", lang="en")
    cli = values(load_workbook(out))
    ours = values(wb)
    row = next(c.row for c in wb["Cover"]["A"] if c.value == "Link to this view")
    link = ("Cover", f"B{row}")
    assert cli[link].startswith("http://127.0.0.1:8050/red?") and ours[link].startswith("https://tablero.example.org")
    cli[link] = ours[link] = None
    assert cli == ours


def test_cli_takes_every_key_the_regiones_url_takes(use, tmp_path):
    """--metric gender_share --genero estricto --comparar: the workbook of that Regiones view."""
    out = tmp_path / "r.xlsx"
    p = subprocess.run([sys.executable, "-m", "etl", "brief", "--page", "regiones", "--year", "2010", "--metric",
                        "gender_share", "--genero", "estricto", "--comparar", "15.08", "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    _, wb, _ = brief(page="regiones", year="2010", metric="gender_share", genero="estricto", comparar="15.08")
    cli, ours = values(load_workbook(out)), values(wb)
    link = next(k for k, v in cli.items() if isinstance(v, str) and v.startswith("http://127.0.0.1:8050/regiones?"))
    assert "metric=gender_share" in cli[link] and "genero=estricto" in cli[link]
    cli[link] = ours[link] = None
    assert cli == ours


@pytest.mark.parametrize("args, message", [
    (["--page", "genero", "--year", "1999"], "year '1999' is not loaded (loaded: 2010, 2011)"),
    (["--page", "red", "--programa-red", "nope"], "programa_red 'nope' is not in the loaded network"),
    (["--page", "programas", "--path", "0001.1.2.3"], "path must be up to 3 codes"),
    (["--page", "regiones", "--programme", "0777"], "programme '0777' has no lines in 2011"),
    (["--page", "informe"], "invalid choice: 'informe'"),
    (["--page", "resumen", "--level", "X"], "invalid choice: 'X'"),
])
def test_cli_refuses_an_invalid_option_with_exit_2(use, tmp_path, args, message):
    p = subprocess.run([sys.executable, "-m", "etl", "brief", *args, "--out", str(tmp_path / "x.xlsx")], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 2 and message in p.stderr, p.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_view_validates_like_the_pages(use):
    """A URL's bad values fall back to the page's defaults (as on screen); query_problems names them."""
    view = view_for({"page": "red", "year": "1999", "precios": "usd", "programa_red": "Juntos"})
    assert (view.year, view.state["precios"], view.state["programa_red"]) == (2011, "nominal", "juntos")
    assert view.url == "/red?year=2011&programa_red=juntos"
    assert query_problems({"page": "red", "year": "1999", "precios": "usd"}) == [
        "year '1999' is not loaded (loaded: 2010, 2011)", "precios must be one of nominal, real, not 'usd'"]
    assert query_problems({"page": "resumen", "year": "2010", "lang": "en"}) == []


# ---------------------------------------------------------------- LibreOffice recalculates

def number(text: str) -> Decimal:
    return Decimal(text.rstrip("%")) / (100 if text.endswith("%") else 1)


@pytest.mark.parametrize("page, query", [
    ("resumen", {}), ("programas", {"path": "0001"}), ("regiones", {"level": "E"}), ("genero", {}),
    ("red", {"programa_red": "juntos", "precios": "real"})])
def test_libreoffice_recalculates_the_totals_without_errors(use, tmp_path, page, query):
    _, wb, raw = brief(page=page, year="2010", **query)
    xlsx = tmp_path / f"{page}.xlsx"
    xlsx.write_bytes(raw)
    sheets = recalculated(xlsx, tmp_path / "csv")
    assert set(sheets) == set(wb.sheetnames)
    for name, rows in sheets.items():
        for row in rows:
            assert not [v for v in row if any(e in v for e in ERROR_VALUES)], (name, row)
    checked = 0
    for ws in wb.worksheets:             # every totals row: LibreOffice's result = the sum of the cells above
        for row in ws.iter_rows():
            if row[0].value != "Total" or not any(isinstance(c.value, str) and c.value.startswith("=")
                                                  for c in row):
                continue
            lo = sheets[ws.title][row[0].row - 1]
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("=SUBTOTAL"):
                    c1, r1, _, r2 = range_boundaries(c.value[len("=SUBTOTAL(109,"):-1])
                    above = sum((Decimal(str(ws.cell(row=r, column=c1).value or 0)) for r in range(r1, r2 + 1)),
                                Decimal(0))
                    assert number(lo[c.column - 1]).quantize(CENT) == above.quantize(CENT), (ws.title, c.coordinate)
                    checked += 1
                elif isinstance(c.value, str) and c.value.startswith("=IF("):
                    assert lo[c.column - 1] == "" or 0 <= number(lo[c.column - 1]) < 10, (ws.title, lo)
    assert checked >= 3
    # and the sums are the store's: the budget of the year in view, to the centavo
    from store.read import totals
    all_2010 = totals("nivel", 2010)
    expected = {"resumen": ("Programas", all_2010), "programas": ("Producto - proyecto",
                                                                  totals("producto", 2010, filters={"programa": "0001"})),
                "regiones": ("Departamentos", totals("departamento", 2010, filters={"nivel": "E"})),
                "genero": ("Programas y reglas", all_2010)}
    if page in expected:
        sheet, frame = expected[page]
        lo_total = next(r for r in sheets[sheet] if r and r[0] == "Total")
        heads = next(r for r in sheets[sheet] if "Devengado" in r)
        for stage, head in (("pim", "PIM"), ("devengado", "Devengado")):
            assert number(lo_total[heads.index(head)]) == sum(frame[stage]), (sheet, stage)
    else:
        from store.programme_money import budget_for_programme
        lo_total = next(r for r in sheets["Por año"] if r and r[0] == "Total")
        assert lo_total[2] != "" and not sheets["Por año"][3][2].startswith("=")
        dev = budget_for_programme("juntos", 2010)["devengado"].iloc[0]
        ws = wb["Por persona"]
        heads = next(r for r in sheets["Por persona"] if "Devengado" in r)
        lo_total = next(r for r in sheets["Por persona"] if r and r[0] == "Total")
        assert number(lo_total[heads.index("Devengado")]) == (Decimal(str(dev)) * 75 / 80).quantize(CENT)


# ---------------------------------------------------------------- both backends

def test_the_brief_is_the_same_on_duckdb_and_postgresql(store):
    """Decimals come back from either backend: the sheets carry the same centavos."""
    build_brief_store(store.data_dir)
    _, wb, _ = brief(page="resumen", year="2010")
    _, rows, total = table_rows(wb["Programas"], 2)
    assert [(r[0], dec(r[3]), dec(r[4])) for r in rows] == [
        ("0001", Decimal("123456789.07"), Decimal("61000350.56")), ("0080", Decimal("2000.33"), Decimal("300.02")),
        ("9002", Decimal("500.00"), Decimal("380.99"))]
    _, wb, _ = brief(page="red", year="2010", programa_red="juntos", lang="en")
    figures = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=5, max_col=2, values_only=True) if r[0]}
    assert dec(figures["Devengado (accrued)"]) == Decimal("61000350.56")
    ws = wb["Gender"]
    _, three, _ = table_rows(ws, header_row(ws, "Total"))
    from store.gender import gender_summary
    assert [dec(r[3]) for r in three] == list(gender_summary(2010)["devengado"])
