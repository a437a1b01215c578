"""The printable report (/informe, pages/report.py, exports/report_data.py) laid out for the
three kinds of subject against the small network store of tests/test_app_network.py (two
budget years, every line in programme 0080, the network and its coverage, INEI population):
title, key figures equal to the store's reads, the three gender totals, the numbered sources
and the permalink to cite; the chooser when there is nothing to report.

Budget lines of the store (test_app_network.budget_rows), PIA = PIM:
  2010  Juntos (1428)  05 Ayacucho      PIM 12,000,000   devengado 10,000,000
  2010  Juntos (1428)  09 Huancavelica  PIM  6,000,000   devengado  5,000,000
  2010  CEM (1232)     05 Ayacucho      PIM    250,000   devengado    200,000
  2011  Juntos (1428)  05 Ayacucho      PIM  9,000,000   devengado  8,400,000
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dash
import pytest
from app_stores import build_stores, switch
from dash_tree import find, text
from test_app_network import build_network_store  # noqa: E402  (imports app: pages registered)

from components.fmt import millions, pct
from pages import report

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = "https://presupuesto.example.pe"


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"network": lambda d, mp: build_network_store(d)})


@pytest.fixture
def use(stores, monkeypatch):
    monkeypatch.setenv("GSB_PUBLIC_URL", PUBLIC)
    return switch(stores, monkeypatch, start="network")


def card(tree, measure: str) -> list[str]:
    """label, value, unit, note of one key-figure card."""
    c = find(tree, f"report-kpi-{measure}")
    assert c is not None, measure
    return [d.children if isinstance(d.children, str) else text(d.children) for d in c.children.children]


def table_rows(tree, table_id: str) -> list[list[str]]:
    """The body rows of a print table as lists of cell texts."""
    table = find(tree, table_id)
    assert table is not None, table_id
    body = next(p for p in table.children if type(p).__name__ == "Tbody")
    return [[cell.children for cell in tr.children] for tr in body.children]


def sources(tree) -> list[str]:
    """The numbered source list, entry by entry (an html.Ol: the browser numbers it)."""
    ol = find(tree, "report-sources")
    assert type(ol).__name__ == "Ol"
    return [li.children.children for li in ol.children]


def permalink(tree) -> str:
    cite = find(tree, "report-cite")
    return cite.children[-1].href


def loads():
    from store.read import load_history_frame
    return {r["file_name"]: r for r in load_history_frame().to_dict("records")}


def test_programme_report_title_figures_gender_sources_and_permalink(use):
    from store.gender import gender_summary
    from store.read import totals
    page = report.layout(programa="0080", year="2010")
    assert find(page, "report-heading").children == \
        "Programa presupuestal 0080 · LUCHA CONTRA LA VIOLENCIA FAMILIAR"
    assert "Año fiscal 2010" in find(page, "report-subtitle").children
    assert find(page, "report-generated").children.startswith("Generado el 20")
    assert find(page, "report-demo") is not None                           # the lines are demo data
    # key figures = the store's totals: PIA = PIM = 18,250,000, devengado 15,200,000, 83.3 %
    r = totals("programa", 2010, filters={"programa": "0080"}).iloc[0]
    assert card(page, "pia")[1:3] == [millions(r["pia"]), "S/ millones, nominal"]
    assert card(page, "pim")[1] == millions(r["pim"]) == "18.2"
    assert card(page, "devengado")[1] == millions(r["devengado"]) == "15.2"
    assert card(page, "avance")[1] == pct(float(r["devengado"]) / float(r["pim"]) * 100) == "83.3 %"
    # the three gender totals, as gender_summary gives them for the programme
    g = gender_summary(2010, {"programa": "0080"}).set_index("definition")
    rows = table_rows(page, "report-gender-table")
    assert [row[0] for row in rows] == ["Estricto: solo marcador 2", "Ponderado: monto × peso", "Amplio: marcador 1 o 2"]
    assert [row[3] for row in rows] == [millions(g.loc[d, "devengado"]) for d in ("strict", "weighted", "broad")]
    assert [row[4] for row in rows] == [pct(g.loc[d, "share_devengado_pct"]) for d in ("strict", "weighted", "broad")]
    # numbered sources: the two budget files (2010 is in one of them) and the rule set
    src = sources(page)
    budget = loads()["2010-Gasto.csv"]
    assert len(src) == 2
    assert "archivo 2010-Gasto.csv (años fiscales 2010)" in src[0] and budget["sha256"][:12] in src[0]
    assert "cargado el" in src[0] and "demostración" in src[0] and "carga #" not in src[0]
    assert src[1].startswith("Reglas de clasificación de género del tablero: gender_rules.csv")
    assert "Fuente: [1], [2]" in text(find(page, "report-gender"))
    # charts and tables: by level, by month, products; every table lists its rows
    assert find(page, "report-chart-monthly").figure.layout.width == 680
    assert "Fuente: [1]" in find(page, "report-chart-levels").figure.layout.annotations[0].text
    assert [row[0] for row in table_rows(page, "report-table-departments")] == ["05", "09"]
    assert permalink(page) == f"{PUBLIC}/informe?programa=0080&year=2010"
    assert "Cómo citar" in text(page) and find(page, "report-print").children == "Imprimir / Print"


def test_department_report_with_devengado_per_inhabitant(use):
    from store.gender import gender_summary
    page = report.layout(departamento="05", year="2010", lang="en")
    assert find(page, "report-heading").children == "Department 05 · AYACUCHO"
    # Ayacucho 2010: PIM 12,000,000 + 250,000; devengado 10,000,000 + 200,000
    assert [card(page, m)[1] for m in ("pim", "devengado", "avance")] == ["12.2", "10.2", "83.3 %"]
    # 10,200,000 / 590,000 people (INEI, network_data.POPULATION) = 17.29 soles
    per = card(page, "per-inhabitant")
    assert per[1] == "17.3" and "590,000" in per[3]
    assert [row[0] for row in table_rows(page, "report-table-programmes")] == ["0080"]
    src = sources(page)
    assert [s.split(" ")[0] for s in src] == ["Demonstration", "The", "INEI,"]
    assert "INEI, test population (made up). File population.csv" in src[2]
    g = gender_summary(2010, {"departamento": "05"}).set_index("definition")      # Ayacucho's lines only
    assert [row[3] for row in table_rows(page, "report-gender-table")] == \
        [millions(g.loc[d, "devengado"]) for d in ("strict", "weighted", "broad")]
    assert "Source: [1], [3]" in text(find(page, "report-key"))
    assert permalink(page) == f"{PUBLIC}/informe?departamento=05&year=2010&lang=en"


def test_network_report_money_coverage_gender_and_report_sections(use):
    from store.gender import gender_summary
    from store.programme_money import programme_gender_summary
    page = report.layout(programa_red="juntos", year="2010")
    assert find(page, "report-heading").children == "Programa de protección social: JUNTOS · Programa Juntos"
    assert "Líneas del MEF halladas con: sec_ejec 1428" in find(page, "report-links").children
    # Juntos 2010: PIA = PIM = 18,000,000, devengado 15,000,000; 15,000,000 / 100,000 households
    assert [card(page, m)[1] for m in ("pia", "pim", "devengado", "avance")] == ["18.0", "18.0", "15.0", "83.3 %"]
    assert card(page, "cost")[:3] == ["Costo por hogar", "150", "S/ por hogar, nominal"]
    # Juntos' one budget link is executing unit 1428: its totals are that unit's, the CEM line left out
    g = programme_gender_summary("juntos", 2010).set_index("definition")
    unit = gender_summary(2010, {"ejecutora": "1428"}).set_index("definition")
    assert [g.loc[d, "devengado"] for d in g.index] == [unit.loc[d, "devengado"] for d in g.index]
    assert gender_summary(2010)["devengado"].tolist() != unit["devengado"].tolist()   # the CEM line matters
    assert [row[3] for row in table_rows(page, "report-gender-table")] == \
        [millions(g.loc[d, "devengado"]) for d in ("strict", "weighted", "broad")]
    assert list(find(page, "report-chart-years").figure.data[1].x) == ["2010", "2011"]
    coverage = table_rows(page, "report-table-coverage")
    assert [r[1] for r in coverage] == ["PERÚ (NACIONAL)", "AYACUCHO", "PERÚ (NACIONAL)"]
    assert coverage[0][3:5] == ["100,000", "hogares"]
    printed = table_rows(page, "report-table-coverage_printed")
    assert printed[0][0] == "100,000 households" and printed[0][-1] == "Tabla 1"
    src = sources(page)
    assert len(src) == 5                           # two budget years, rules, the seed report, coverage
    assert "2010-Gasto.csv" in src[0] and "2011-Gasto.csv" in src[1]
    assert src[3].startswith("Test report (2010). Secciones citadas: Tabla 1, Apéndice 1")
    assert src[4].startswith("Tabla de cobertura coverage.csv") and "Test report, Table 1" in src[4]
    assert "Fuente: [4]" in text(find(page, "report-section-coverage_printed"))      # the seed report
    assert "Fuente: [5]" in text(find(page, "report-section-coverage"))               # the coverage table
    assert permalink(page) == f"{PUBLIC}/informe?programa_red=juntos&year=2010"


def test_network_programme_without_budget_links_reports_coverage_only(use):
    page = report.layout(programa_red="essalud", year="2010")
    assert "no tiene vínculos con líneas del presupuesto del MEF" in find(page, "report-links").children
    assert find(page, "report-kpi-pim") is None and find(page, "report-chart-years") is None
    assert "no hay totales de género" in text(find(page, "report-gender"))
    assert [s.split(" ")[0] for s in sources(page)] == ["Test", "Tabla"]    # no MEF file, no rules cited


@pytest.mark.parametrize("query,warning", [
    ({}, None),
    ({"programa": "9999", "year": "2010"}, "No hay datos para «9999» en 2010. Elija otra selección:"),
    ({"departamento": "5", "year": "2010"}, "No hay datos para «5» en 2010. Elija otra selección:"),
    ({"programa_red": "nope"}, "No hay datos para «nope» en 2011. Elija otra selección:"),
])
def test_without_a_usable_selection_a_chooser_not_a_dead_end(use, query, warning):
    page = report.layout(**query)
    chooser = find(page, "report-chooser")
    assert chooser is not None and find(page, "report") is None
    alert = find(page, "report-unknown")
    assert (alert.children if alert is not None else None) == warning
    forms = [col.children.children.children for col in chooser.children]
    assert [f.action for f in forms] == ["/informe"] * 3 and {f.method for f in forms} == {"get"}
    names = [[c.name for c in f.children if getattr(c, "name", None)] for f in forms]
    assert names == [["programa", "year"], ["departamento", "year"], ["programa_red", "year"]]
    assert {"value": "0080", "label": "0080 LUCHA CONTRA LA VIOLENCIA FAMILIAR"} in find(page, "report-pick-programa").options
    depts = find(page, "report-pick-departamento").options         # those with lines in the year shown
    assert depts[0] == {"value": "05", "label": "05 AYACUCHO"}
    assert [o["value"] for o in depts] == (["05", "09"] if query.get("year") == "2010" else ["05"])
    assert "juntos" in [o["value"] for o in find(page, "report-pick-programa_red").options]


def test_chooser_in_english_carries_the_language(use):
    page = report.layout(lang="en", year="2010")
    form = find(page, "report-chooser").children[0].children.children.children
    hidden = [c for c in form.children if getattr(c, "type", None) == "hidden"]
    assert [(h.name, h.value) for h in hidden] == [("lang", "en")]
    assert find(page, "report-heading").children == "Printable report"


def test_malformed_codes_never_reach_the_store(use, monkeypatch):
    def called(*args):
        raise AssertionError(f"read with {args}")
    monkeypatch.setattr(report.report_data, "report", called)
    for query in ({"programa": "0080'; --"}, {"departamento": "5"}, {"programa_red": "../x"}):
        assert find(report.layout(**query), "report-unknown") is not None


def test_no_store_says_what_to_run(use, monkeypatch):
    from store.errors import StoreMissing
    use("missing")
    assert "python -m etl demo" in text(report.layout(programa="0080"))
    use("network")                                 # a store that goes away between two reads

    def gone(*args):
        raise StoreMissing("gone")
    monkeypatch.setattr(report.report_data, "report", gone)
    assert "python -m etl demo" in text(report.layout(programa="0080"))


def test_report_page_is_registered_but_not_in_the_navbar(use):
    from components.shell import update_shell
    page = dash.page_registry["pages.report"]
    assert page["path"] == "/informe" and page["nav"] is False
    nav = update_shell("/informe", "?programa=0080")[0]
    assert "/informe" not in text(nav)


def test_cli_says_so_when_chromium_is_missing(use, monkeypatch, tmp_path, capsys):
    from etl import report_pdf
    from etl.__main__ import main
    monkeypatch.setattr(report_pdf, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(report_pdf.make_report, "__defaults__", (tmp_path / "no-chromium",))
    assert main(["report", "--programa", "0080", "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "Chromium not found" in err and "apt-get install chromium" in err
    assert not (tmp_path / "x.pdf").exists()


def test_cli_prints_the_report_in_the_prices_asked_for(use, monkeypatch, tmp_path, capsys):
    """--precios real asks the served app for the real-soles report (the page's switch)."""
    from etl import report_pdf
    from etl.__main__ import main
    asked = []
    monkeypatch.setattr(report_pdf.make_report, "__defaults__", (Path(sys.executable),))   # any executable
    monkeypatch.setattr(report_pdf, "_start_app", lambda port, log: subprocess.Popen(["sleep", "30"]))
    monkeypatch.setattr(report_pdf, "_wait_until_up", lambda proc, url, log_path: None)
    monkeypatch.setattr(report_pdf, "_print", lambda url, out, chromium, profile: (asked.append(url),
                                                                                  out.write_bytes(b"%PDF-1.4")))
    assert main(["report", "--programa", "0080", "--year", "2010", "--precios", "real",
                 "--out", str(tmp_path / "r.pdf")]) == 0, capsys.readouterr().err
    assert main(["report", "--programa", "0080", "--year", "2010", "--out", str(tmp_path / "n.pdf")]) == 0
    assert asked[0].endswith("/informe?programa=0080&year=2010&precios=real"), asked
    assert asked[1].endswith("/informe?programa=0080&year=2010"), asked


def test_cli_refuses_a_subject_without_data(use, tmp_path, capsys):
    from etl import report_pdf
    job = report_pdf.ReportJob("programa", "9999", 2010, "es", tmp_path / "x.pdf")
    with pytest.raises(report_pdf.ReportError, match="programa '9999' has no data in 2010"):
        report_pdf.check_selection(job)
    assert report_pdf.check_selection(report_pdf.ReportJob("programa_red", "juntos", None, "es", tmp_path)) == \
        (2011, "Programa Juntos")


def test_etl_and_the_report_data_import_no_dash():
    code = ("import sys; import etl.__main__, etl.report_pdf, exports.report_data; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('dash', 'plotly', 'flask')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_report_data_and_network_gender_totals_on_both_backends(store, tmp_path):
    """The reads the report adds (gender_summary over a network programme's links, the sources
    with their loads) on DuckDB and PostgreSQL alike."""
    from exports import report_data
    from store.gender import gender_summary
    from store.programme_money import programme_gender_summary
    build_network_store(tmp_path)
    juntos = programme_gender_summary("juntos", 2010)
    unit = gender_summary(2010, {"ejecutora": "1428"})
    cols = ["definition", "pia", "pim", "devengado"]
    assert juntos[cols].values.tolist() == unit[cols].values.tolist()
    assert juntos.set_index("definition").loc["broad", "pim"] <= 18_000_000
    assert programme_gender_summary("essalud", 2010)[["pia", "pim", "devengado"]].sum().sum() == 0   # no links
    data = report_data.report("programa_red", "juntos", 2010)
    assert data["money"] == {"pia": 18_000_000.0, "pim": 18_000_000.0, "devengado": 15_000_000.0,
                             "avance_pct": pytest.approx(83.333, abs=1e-3)}
    assert [s["role"] for s in data["sources"]] == ["budget", "budget", "rules", "report", "coverage"]
    assert [s["file_name"] for s in data["sources"][:2]] == ["2010-Gasto.csv", "2011-Gasto.csv"]
    dept = report_data.report("departamento", "05", 2010)
    assert (dept["money"]["devengado"], dept["population"]) == (10_200_000.0, 590_000)


def test_language_switch_keeps_the_report(use):
    from components.shell import update_shell
    switch = update_shell("/informe", "?departamento=05&year=2010")[1]
    assert switch[1].href == "/informe?year=2010&departamento=05&lang=en"
    assert update_shell("/informe", "?programa=0080&year=2010&lang=en")[1][0].href == "/informe?year=2010&programa=0080"
