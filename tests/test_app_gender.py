"""The Género page (and the gender column of the Programas drill table): callbacks called as
plain functions against small stores built through the real loaders (etl.load.load_file) and
the real classifier (etl.classify.classify) with tests/gender_fixture.py's rules.

The fixture's 2010 lines, in S/ millions (gender_fixture's amounts x 1,000,000), and the rule
each gets with BASE_RULES:
    line  programa  level  PIA    PIM    devengado  rule        category    marker  weight
    A     0080      E       900   1000    350.50    R-VIOL      especifico  2       100
    B     0080      E       300    400    120.25    R-0080      general     1        40
    C     0002      E      2000   2500   1800.00    R-SMN-OLD   especifico  2       100
    D     9002      M       800    800    700.00    R-VASO      general     1        50
    E     0024      E       100    150     40.10    (none)      sin_revisar
    G     9002      M        50     60     55.00    R-9002      general     0         0
    total                  4150   4910   3065.85
strict (marker 2) = A + C:           PIA 2900, PIM 3500, devengado 2150.50 (70.1 % of devengado)
weighted = A + 0.4 B + C + 0.5 D:    PIA 3420, PIM 4060, devengado 2548.60
broad (marker 1 or 2) = A + B + C + D: PIA 4000, PIM 4700, devengado 2970.75
unreviewed = E: devengado 40.10 = 1.3 % of 3065.85
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import fixtures
import gender_fixture
import pytest
from app_stores import build_stores, switch
from dash_tree import find, text

import app  # noqa: F401  (registers the pages and their callbacks)
from domain.url_state import page_state
from pages import gender as gp
from pages import programmes

M = 1_000_000
YEAR_LINES = ("A", "B", "C", "D", "E", "G")          # the 2010 lines (F is 2012)
EDIT = dict(category="especifico", marker=2, weight=100)    # version 2: R-0080 becomes specific


def budget_rows() -> list[dict]:
    rows = []
    for name in YEAR_LINES:
        year, pia, pim, dev, keys = gender_fixture.LINES[name]
        rows += fixtures.march_line(year, *(str(Decimal(v) * M) for v in (pia, pim, dev)), **keys)
    return rows


def build(root: Path, versions: int, mp: pytest.MonkeyPatch) -> None:
    """The load classifies a fresh store with the default rule file: here, the fixture's rules
    (version 1). With versions=2, `classify` then loads R-0080 edited (version 2)."""
    import etl.classify
    from etl.classify import classify
    from etl.load import load_file
    from settings import get_settings
    s = get_settings()
    mp.setattr(etl.classify, "DEFAULT_RULES", gender_fixture.write_rules(root / "rules.csv"))
    mp.setenv("GSB_USER", "tests")
    assert load_file(fixtures.write(root / "2010-Gasto.csv", budget_rows()), settings=s).status == "loaded"
    if versions > 1:
        edited = gender_fixture.edited("R-0080", **EDIT)
        classify(gender_fixture.write_rules(root / "rules-v2.csv", edited), settings=s, loaded_by="analista")


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return build_stores(tmp_path_factory, {"v1": lambda d, mp: build(d, 1, mp), "v2": lambda d, mp: build(d, 2, mp)})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch, start="v1")






def card(tree, name: str) -> list[str]:
    c = find(tree, f"gender-kpi-{name}")
    assert c is not None, name
    # a label with a glossary tooltip (components/glossary.term): its visible text
    return [d.children if isinstance(d.children, str) else d.children.children[0].children[0]
            for d in c.children.children]


def state(**kw) -> dict:
    return page_state({"year": "2010", **kw}, [2010])


def test_three_totals_cards_and_the_unreviewed_money(use):
    kpis, *_ = gp.render_totals(state())
    # avance of each gender total = its devengado / its PIM: 2150.5 / 3500, 2548.6 / 4060, 2970.75 / 4700
    assert card(kpis, "strict") == ["Estricto: solo marcador 2", "2,150.5", "S/ millones, nominal · devengado",
                                    "Avance 61.4 % (devengado ÷ PIM) · PIA 2,900.0 · PIM 3,500.0 · 70.1 % del "
                                    "devengado total"]
    assert card(kpis, "weighted")[1:] == ["2,548.6", "S/ millones, nominal · devengado",
                                          "Avance 62.8 % (devengado ÷ PIM) · PIA 3,420.0 · PIM 4,060.0 · 83.1 % del "
                                          "devengado total"]
    assert card(kpis, "broad")[1] == "2,970.8" and "PIA 4,000.0 · PIM 4,700.0" in card(kpis, "broad")[3]
    assert card(kpis, "broad")[3].startswith("Avance 63.2 %")
    assert card(kpis, "unreviewed")[:2] == ["Sin revisar", "40.1"]
    assert card(kpis, "unreviewed")[3].startswith("1.3 % del devengado")
    assert "kpi-warning" in find(kpis, "gender-kpi-unreviewed").className
    alert = text(find(kpis, "gender-unreviewed"))
    assert "Sin revisar: S/ 40.1 millones de devengado (1.3 %)" in alert


def test_three_totals_side_by_side_for_pia_pim_devengado(use):
    _, fig, _, _ = gp.render_totals(state())
    assert [tr.name for tr in fig.data] == ["Estricto", "Ponderado", "Amplio"]
    assert list(fig.data[0].x) == ["PIA", "PIM", "Devengado"]
    assert list(fig.data[0].y) == pytest.approx([2900, 3500, 2150.5])
    assert list(fig.data[1].y) == pytest.approx([3420, 4060, 2548.6])
    assert list(fig.data[2].y) == pytest.approx([4000, 4700, 2970.75])
    assert "71.3 % del PIM" in fig.data[0].hovertext[1]                     # 3500 / 4910
    assert "S/ millones, nominal" in text(fig.layout.title)
    assert "versión 1" in fig.layout.annotations[0].text and "cargado el" in fig.layout.annotations[0].text


def test_by_category_and_by_marker(use):
    _, _, cats, markers = gp.render_totals(state())
    assert list(cats.data[1].customdata) == ["especifico", "general", "sin_revisar"]
    assert list(cats.data[1].y) == ["Específico de género", "General (transversal)", "Sin revisar"]
    assert list(cats.data[1].x) == pytest.approx([2150.5, 875.25, 40.1])     # devengado: A+C, B+D+G, E
    assert list(cats.data[0].x) == pytest.approx([3500, 1260, 150])          # PIM
    assert list(markers.data[1].customdata) == ["2", "1", "0", "sin_revisar"]
    assert list(markers.data[1].x) == pytest.approx([2150.5, 820.25, 55, 40.1])


def test_level_filter_from_the_url(use):
    kpis, fig, _, _ = gp.render_totals(state(level="M"))          # D and G only
    assert card(kpis, "strict")[1] == "0.0" and card(kpis, "weighted")[1] == "350.0"
    assert card(kpis, "broad")[1] == "700.0" and card(kpis, "unreviewed")[1] == "0.0"
    assert "Todo el gasto de esta selección está clasificado" in text(find(kpis, "gender-unreviewed"))
    assert list(fig.data[1].y) == pytest.approx([400, 400, 350])


def test_programmes_table_says_which_rule_and_why(use):
    grid = find(gp.render_programmes(state()), "gender-grid")
    got = [(r["key"], r["rule_id"], r["category_label"], r["marker_label"], r["weight__txt"]) for r in grid.rowData]
    assert got == [("0002", "R-SMN-OLD", "Específico de género", "2 · Principal", "100.0 %"),
                   ("0080", "R-VIOL", "Específico de género", "2 · Principal", "100.0 %"),
                   ("0080", "R-0080", "General (transversal)", "1 · Significativo", "40.0 %"),
                   ("9002", "R-VASO", "General (transversal)", "1 · Significativo", "50.0 %"),
                   ("9002", "R-9002", "General (transversal)", "0 · No orientado", "0.0 %"),
                   ("0024", "Sin revisar", "Sin revisar", "Sin revisar", "0.0 %")]
    assert grid.rowData[1]["rationale"] == "test rule R-VIOL"
    assert grid.rowData[1]["conditions"] == "sec_ejec=1232, programa=0080"
    assert grid.rowData[1]["pim"] == 1000 * M
    m = find(gp.render_programmes(state(level="M", lang="en")), "gender-grid").rowData
    assert [(r["rule_id"], r["category_label"], r["lio_label"]) for r in m] == [
        ("R-VASO", "Mainstream", "Protection and social inclusion"), ("R-9002", "Mainstream", "Not related")]


def test_one_rule_version_lists_it_and_says_diffs_come_later(use):
    view = gp.render_versions(state())
    rows = find(view, "gender-versions-grid").rowData
    assert [(r["version"], r["file_name"], r["loaded_by"], r["active_label"]) for r in rows] == \
        [("1", "rules.csv", "tests (default rules, first classification)", "sí")]
    assert len(rows[0]["sha"]) == 12
    assert "Solo hay una versión" in text(view)


def test_two_versions_show_the_money_that_moved(use):
    use("v2")
    view = gp.render_versions(state())
    rows = find(view, "gender-versions-grid").rowData
    assert [(r["version"], r["loaded_by"], r["active_label"]) for r in rows] == \
        [("2", "analista", "sí"), ("1", "tests (default rules, first classification)", "no")]   # newest first
    assert find(view, "gender-diff-title").children.startswith("Qué cambió de la versión 1 (")
    moved = find(view, "gender-moved").rowData                              # line B: general -> especifico
    assert [(r["from_label"], r["to_label"], r["lines"], r["pim"], r["devengado"]) for r in moved] == \
        [("General (transversal)", "Específico de género", 1, 400 * M, 120.25 * M)]
    totals = {r["label"]: (r["before"], r["after"], r["change"]) for r in find(view, "gender-diff-totals").rowData}
    assert totals["Estricto: solo marcador 2"] == pytest.approx((2150.5 * M, 2270.75 * M, 120.25 * M))
    assert totals["Ponderado: monto × peso"] == pytest.approx((2548.6 * M, 2620.75 * M, 72.15 * M))   # B 40 % -> 100 %
    assert totals["Amplio: marcador 1 o 2"] == pytest.approx((2970.75 * M, 2970.75 * M, 0))
    changes = [(r["rule_id"], r["field"], r["old"], r["new"]) for r in find(view, "gender-diff-rules").rowData]
    assert changes == [("R-0080", "category", "general", "especifico"), ("R-0080", "marker", "1", "2"),
                       ("R-0080", "weight", "40.00", "100.00")]


def test_explanation_and_how_to_edit_rules_in_both_languages(use):
    page = gp.layout(year="2010")
    box = text(find(page, "gender-explain"))
    assert "Estricto: solo marcador 2" in box and "Ponderado: monto × peso" in box and "Amplio: marcador 1 o 2" in box
    assert "rules/gender_rules.csv" in box and "python -m etl classify" in box
    assert "Igualdad de oportunidades en el servicio público" in box
    en = text(find(gp.layout(year="2010", lang="en"), "gender-explain"))
    assert "Strict: marker 2 only" in en and "How to edit the rules" in en


def test_store_missing(use):
    use("missing")
    assert "python -m etl demo" in text(gp.layout())
    assert "python -m etl demo" in text(gp.render_totals(state())[0])
    assert "python -m etl demo" in text(gp.render_programmes(state()))
    assert "python -m etl demo" in text(gp.render_versions(state()))


def test_programmes_drill_table_has_the_gender_column(use):
    s = {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": [], "programme": ""}
    table = find(programmes.render_programmes(s)[4], "programmes-grid")
    got = {r["key"]: r["gender"] for r in table.rowData}
    assert got == {"0002": "Específico de género · 2",
                   "0080": "Específico de género · 2 (71.4 % del PIM; 2 reglas)",      # 1000 of 1400
                   "9002": "General (transversal) · 1 (100.0 % del PIM; 2 reglas)",    # R-VASO 800 + R-9002 60
                   "0024": "Sin revisar"}
    assert table.columnDefs[-1]["headerName"] == "Género"
    below = find(programmes.render_programmes({**s, "path": ["0080"]})[4], "programmes-grid")   # products:
    assert "gender" not in [c["field"] for c in below.columnDefs]                               # no such column


def test_gender_labels_show_a_category_without_a_translation_as_is():
    import pandas as pd
    classes = pd.DataFrame([{"key": "0001", "category": "nueva", "marker": 2, "rules": 1, "category_share_pct": 100.0},
                            {"key": "0002", "category": "general", "marker": None, "rules": 1,
                             "category_share_pct": 100.0}])
    assert programmes.gender_labels(["0001", "0002", "0003"], classes, "en") == ["nueva · 2", "Mainstream", ""]


def test_every_gender_key_has_a_translation():
    from domain.gender import CATEGORIES, DEFINITIONS, LIO_LABELS, MARKERS
    from domain.i18n import TEXT
    for c in CATEGORIES:
        assert f"gcat.{c}" in TEXT
    for m in MARKERS:
        assert f"gmark.{m}" in TEXT
    for x in LIO_LABELS:
        assert f"glio.{x}" in TEXT
    for d in DEFINITIONS:
        assert f"gdef.{d}" in TEXT and f"gdef.{d}.short" in TEXT


def test_dashboard_gender_reads_on_both_backends(store, tmp_path):
    """store.gender_programmes.gender_programmes / gender_by_programme and the cache identity, on DuckDB
    and PostgreSQL: `etl classify` must change the identity (it writes no load)."""
    from etl.classify import classify
    from etl.load import load_file
    from store import gender_programmes, status
    assert load_file(fixtures.write(tmp_path / "2010-Gasto.csv", budget_rows()), settings=store).status == "loaded"
    classify(gender_fixture.write_rules(tmp_path / "rules.csv"), settings=store, loaded_by="tests")
    df = gender_programmes.gender_programmes(2010, "E", settings=store)
    assert [(r.key, r.rule_id, r.marker, r.weight, r.pim) for r in df.itertuples()] == [
        ("0002", "R-SMN-OLD", 2, 100.0, 2500 * M), ("0080", "R-VIOL", 2, 100.0, 1000 * M),
        ("0080", "R-0080", 1, 40.0, 400 * M), ("0024", "sin_revisar", None, 0.0, 150 * M)]
    assert df.iloc[0]["conditions"] == "programa_name~/materno neonatal/"
    assert df.iloc[0]["name"] == "SALUD MATERNO NEONATAL"
    by = gender_programmes.gender_by_programme(2010, "all", settings=store)
    assert by.set_index("key").loc["0080", "category_share_pct"] == pytest.approx(1000 / 1400 * 100)
    before = status.store_identity(store)
    classify(gender_fixture.write_rules(tmp_path / "v2.csv", gender_fixture.edited("R-0080", **EDIT)),
             settings=store, loaded_by="tests")
    assert status.store_identity(store) != before
