"""The Género page's depth: which programmes (the three totals per programme), the totals by LIO
line, the treemap's rows, the series over years, the execution alerts, prices and the rules'
English rationale. Read functions on DuckDB and PostgreSQL (`store` fixture); callbacks on a
DuckDB store built through the real loader and classifier.

tests/gender_fixture.py's lines, in S/ millions, with BASE_RULES:
    line  year  programa  unit    level  PIA    PIM    devengado  rule       category    marker weight lio
    A     2010  0080      1232    E       900   1000    350.50    R-VIOL     especifico  2      100   violencia
    B     2010  0080      1428    E       300    400    120.25    R-0080     general     1       40   violencia
    C     2010  0002      1091    E      2000   2500   1800.00    R-SMN-OLD  especifico  2      100   salud
    D     2010  9002      300001  M       800    800    700.00    R-VASO     general     1       50   proteccion_...
    E     2010  0024      1232    E       100    150     40.10    (none)     sin_revisar
    G     2010  9002      300001  M        50     60     55.00    R-9002     general     0        0   no_relacionado
    F     2012  0002      1091    E       500    600    450.00    R-SMN-NEW  general     1    33.33   salud
A, B and E share product and activity (the base row's); D is activity 5001103 VASO DE LECHE.
2010 budget: PIM 4910, devengado 3065.85, avance 62.4409 %.
"""
from __future__ import annotations

from decimal import Decimal

import fixtures
import gender_fixture
import pytest
from app_stores import build_stores, switch
from dash_tree import find, text

import app  # noqa: F401  (registers the pages and their callbacks)
from domain.url_state import page_state
from pages import gender as gp

M = 1_000_000
BASE = fixtures.BASE_ROW
PACE_2010 = 3065.85 / 4910 * 100          # 62.4409 %
CPI_2009, CPI_2010, CPI_2012 = 69.4351, 70.4971, 75.5365   # data/reference/cpi_lima.csv (BCRP, Lima)


def _rounded(rows) -> list[tuple]:
    """Rows of a read with amounts rounded to the centavo of a million (S/ millions, 2 decimals)."""
    return [tuple(round(v, 4) if isinstance(v, float) else v for v in r) for r in rows]


def _rules_with_english() -> list[dict]:
    """BASE_RULES, R-VIOL with an English rationale (the others have none)."""
    return [{**r, "rationale_en": "test rule R-VIOL in English"} if r["id"] == "R-VIOL" else r
            for r in gender_fixture.BASE_RULES]


def _load(root, settings=None):
    from etl.classify import classify
    from etl.load import load_file
    rows = []                                        # the fixture's amounts are S/ millions
    for year, pia, pim, dev, keys in gender_fixture.LINES.values():
        rows += fixtures.march_line(year, *(str(Decimal(v) * M) for v in (pia, pim, dev)), **keys)
    assert load_file(fixtures.write(root / "Gasto.csv", rows), settings=settings).status == "loaded"
    classify(gender_fixture.write_rules(root / "rules.csv", _rules_with_english()), settings=settings,
             loaded_by="tests")


# ---------------------------------------------------------------- read functions, both backends

def test_depth_reads_on_both_backends(store, tmp_path):
    from store import gender_depth, gender_programmes
    _load(tmp_path, store)

    lio = gender_depth.lio_totals(2010, settings=store).set_index("key")
    assert list(lio.index) == ["salud", "violencia", "proteccion_inclusion_social", "no_relacionado", "sin_revisar"]
    assert lio.loc["violencia", ["strict_devengado", "weighted_devengado", "broad_devengado"]].tolist() == \
        pytest.approx([350.5 * M, (350.5 + 0.4 * 120.25) * M, 470.75 * M])          # A; A + 40 % B; A + B
    assert lio.loc["violencia", ["strict_pim", "weighted_pim", "broad_pim"]].tolist() == \
        pytest.approx([1000 * M, 1160 * M, 1400 * M])
    assert lio.loc["proteccion_inclusion_social", ["strict_devengado", "weighted_devengado", "broad_devengado"]
                   ].tolist() == pytest.approx([0, 350 * M, 700 * M])                 # D: marker 1, 50 %
    assert lio["devengado"].sum() == pytest.approx(3065.85 * M)                       # every line once
    assert gender_depth.lio_totals(2010, "M", settings=store)["key"].tolist() == \
        ["proteccion_inclusion_social", "no_relacionado"]

    table = gender_programmes.programme_table(2010, settings=store)
    got = [(r.key, r.name, r.strict / M, r.weighted / M, r.broad / M, r.pia / M, r.pim / M, r.devengado / M,
            r.rules) for r in table.itertuples()]
    assert _rounded(got) == _rounded([
        ("0002", "SALUD MATERNO NEONATAL", 1800, 1800, 1800, 2000, 2500, 1800, "R-SMN-OLD"),
        ("0080", BASE["PROGRAMA_PPTO_NOMBRE"], 350.5, 398.6, 470.75, 1200, 1400, 470.75, "R-VIOL, R-0080"),
        ("9002 · 5001103", "VASO DE LECHE", 0, 350, 700, 800, 800, 700, "R-VASO"),       # the rule tests the activity
        ("0024", "PREVENCION Y CONTROL DEL CANCER", 0, 0, 0, 100, 150, 40.1, "sin_revisar"),
        ("9002 · UE 300001", "MUNICIPALIDAD PROVINCIAL DE CHACHAPOYAS", 0, 0, 0, 50, 60, 55, "R-9002")])
    assert table["avance_pct"].tolist() == pytest.approx([72.0, 470.75 / 1400 * 100, 87.5, 40.1 / 150 * 100,
                                                          55 / 60 * 100])
    assert table["pim"].sum() == pytest.approx(4910 * M)                                # the rows add up
    assert table.loc[1, "rationale_en"] == "test rule R-VIOL in English" and table.loc[0, "rationale_en"] == ""
    assert list(table["unit"]) == ["", "", "", "", ""]          # no 9001/9002 rule here tests a unit

    spread = gender_programmes.unit_spread(2010, ("1232", "1428", "300001"), settings=store)
    assert _rounded((r.unit, r.programa, r.pim / M) for r in spread.itertuples()) == (
        [("1232", "0024", 150), ("1232", "0080", 1000), ("1428", "0080", 400), ("300001", "9002", 860)])

    tree = gender_depth.gender_tree(2010, settings=store)
    assert _rounded((r.category, r.programa, r.producto, r.weighted / M, r.broad / M) for r in tree.itertuples()) \
        == _rounded([("especifico", "0002", "3033172", 1800, 1800),
                       ("especifico", "0080", BASE["PRODUCTO_PROYECTO"], 350.5, 350.5),
                       ("general", "0080", BASE["PRODUCTO_PROYECTO"], 48.1, 120.25),
                       ("general", "9002", "3999999", 350, 700)])                 # E and G (no gender money) left out

    series = gender_depth.gender_series(settings=store)
    assert series["fiscal_year"].tolist() == [2010, 2012]
    assert series["weighted_devengado"].tolist() == pytest.approx([2548.6 * M, 450 * 0.3333 * M])
    assert series["strict_share_pct"].tolist() == pytest.approx([2150.5 / 3065.85 * 100, 0])
    assert series["broad_share_pct"].tolist() == pytest.approx([2970.75 / 3065.85 * 100, 100])

    alerts = gender_depth.execution_alerts(2010, settings=store)
    assert alerts["pace_pct"] == pytest.approx(PACE_2010) and alerts["through_month"] == 3
    a = alerts["alerts"]           # A 35.05 % and B 30.06 % lag; C 72 % and D 87.5 % do not; G is marker 0
    assert _rounded((r.programa, r.producto, r.actividad, r.category, r.marker, r.pim / M) for r in a.itertuples()) \
        == ([("0080", BASE["PRODUCTO_PROYECTO"], BASE["ACTIVIDAD_ACCION_OBRA"], "especifico", 2, 1000),
                       ("0080", BASE["PRODUCTO_PROYECTO"], BASE["ACTIVIDAD_ACCION_OBRA"], "general", 1, 400)])
    assert a["gap_pts"].tolist() == pytest.approx([PACE_2010 - 35.05, PACE_2010 - 30.0625])
    # local governments: pace (700 + 55) / 860 = 87.79 %; D at 87.5 % lags by 0.29 points only
    assert gender_depth.execution_alerts(2010, "M", settings=store)["alerts"].empty
    only_d = gender_depth.execution_alerts(2010, "M", margin_pts=0, settings=store)["alerts"]
    assert only_d["actividad"].tolist() == ["5001103"] and only_d["gap_pts"].tolist() == pytest.approx(
        [755 / 860 * 100 - 87.5])


def test_rationale_en_migration_step(store, tmp_path):
    """A schema-4 store (gender_rule without rationale_en) is brought to 5 by the next write;
    its stored rules stay readable, without an English text."""
    from store.engine import dispose_read_engines, stored_schema_version, write_transaction
    from store.gender import rules
    _load(tmp_path, store)
    with write_transaction(store) as conn:          # back to schema 4's shape
        conn.exec_driver_sql("ALTER TABLE gender_rule DROP COLUMN rationale_en")
        conn.exec_driver_sql("UPDATE store_info SET value = '4' WHERE key = 'schema_version'")
    dispose_read_engines()
    with write_transaction(store):
        pass
    assert stored_schema_version(store) == "5"
    got = rules(settings=store)
    assert got.set_index("rule_id").loc["R-VIOL", "rationale"] == "test rule R-VIOL"
    assert got["rationale_en"].isna().all() and len(got) == len(gender_fixture.BASE_RULES)


# ---------------------------------------------------------------- callbacks

@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    def build(d, mp):
        import etl.classify
        from etl.reference import seed
        from settings import get_settings
        mp.setattr(etl.classify, "DEFAULT_RULES", gender_fixture.write_rules(d / "default.csv"))
        _load(d)
        seed(get_settings())
    return build_stores(tmp_path_factory, {"fx": build})


@pytest.fixture
def use(stores, monkeypatch):
    return switch(stores, monkeypatch, start="fx")


def state(**kw) -> dict:
    return page_state({"year": "2010", **kw}, [2010, 2012])


def test_which_programmes_table_money_first(use):
    view, *_ = gp.render_depth(state())
    grid = find(view, "gender-table-grid")
    fields = [c["field"] for c in grid.columnDefs]
    assert fields[:9] == ["key", "name", "strict", "weighted", "broad", "pia", "pim", "devengado", "avance_pct"]
    assert fields[-1] == "rationale_text"
    assert [c["headerName"] for c in grid.columnDefs][2:9] == ["Estricto", "Ponderado", "Amplio", "PIA", "PIM",
                                                               "Devengado", "Avance %"]
    rows = grid.rowData
    assert [r["key"] for r in rows] == ["0002", "0080", "9002 · 5001103", "0024", "9002 · UE 300001"]
    assert (rows[1]["weighted__txt"], rows[1]["avance_pct__txt"]) == ("398.6", "33.6 %")     # 470.75 / 1400
    assert rows[1]["rationale_text"] == "test rule R-VIOL"
    total = grid.dashGridOptions["pinnedBottomRowData"][0]
    assert (total["pim__txt"], total["strict__txt"], total["avance_pct__txt"]) == ("4,910.0", "2,150.5", "62.4 %")
    en = find(gp.render_depth(state(lang="en"))[0], "gender-table-grid").rowData
    assert en[1]["rationale_text"] == "test rule R-VIOL in English"       # the English text where there is one
    assert en[0]["rationale_text"] == "test rule R-SMN-OLD"               # else the Spanish one


def test_rules_table_rationale_in_the_interface_language(use):
    rows = find(gp.render_programmes(state(lang="en")), "gender-grid").rowData
    assert {r["rule_id"]: r["rationale"] for r in rows}["R-VIOL"] == "test rule R-VIOL in English"


def test_alerts_link_to_their_line_on_programas(use):
    _, alerts, *_ = gp.render_depth(state())
    words = text(alerts)
    assert "(62.4 %, hasta Mar)" in words
    links = [a for a in _links(alerts)]
    path = f"0080.{BASE['PRODUCTO_PROYECTO']}.{BASE['ACTIVIDAD_ACCION_OBRA']}"
    assert [a.href for a in links] == [f"/programas?year=2010&path={path}"] * 2
    assert "(27.4 puntos por debajo) · PIM 1,000.0 · devengado 350.5 · Específico de género · marcador 2" in words
    assert "Avance 30.1 % (32.4 puntos por debajo) · PIM 400.0" in words
    _, none, *_ = gp.render_depth(state(level="M"))
    assert "Ninguna línea de género va atrasada" in text(none)


def _links(tree):
    from dash import html
    out = []
    def walk(node):
        if isinstance(node, html.A):
            out.append(node)
        kids = getattr(node, "children", None)
        for k in kids if isinstance(kids, (list, tuple)) else [kids]:
            if k is not None and not isinstance(k, str):
                walk(k)
    walk(tree)
    return out


def test_lio_treemap_and_series_figures(use):
    _, _, lio, tree, series = gp.render_depth(state())
    assert list(lio.data[0].y) == ["Salud", "Violencia", "Protección e inclusión social"]
    assert list(lio.data[1].x) == pytest.approx([1800, 398.6, 350])                     # weighted, S/ millions
    assert list(lio.data[1].text) == ["1,800.0", "398.6", "350.0"]
    assert tree.data[0].type == "treemap"
    values = dict(zip(tree.data[0].ids, tree.data[0].values))
    assert values["especifico"] == pytest.approx(2150.5) and values["general"] == pytest.approx(398.1)
    assert values["general/9002/3999999"] == pytest.approx(350)
    assert [tr.name for tr in series.data if tr.showlegend is not False] == ["Estricto", "Ponderado", "Amplio"]
    assert list(series.data[0].x) == ["2010", "2012"] and list(series.data[0].y) == pytest.approx([2150.5, 0])


def test_small_categories_are_labelled(use):
    _, _, cats, _ = gp.render_totals(state())
    assert list(cats.data[1].text) == ["2,150.5", "875.2", "40.1"]               # devengado by category


def test_real_soles_everywhere_on_the_page(use):
    f = CPI_2009 / CPI_2010
    kpis, totals, cats, _ = gp.render_totals(state(precios="real"))
    assert find(kpis, "gender-kpi-strict").children.children[1].children == f"{2150.5 * f:,.1f}"   # 2,118.1
    assert "S/ millones de 2009 (IPC Lima)" in text(find(kpis, "gender-kpi-strict"))
    assert list(totals.data[0].y) == pytest.approx([2900 * f, 3500 * f, 2150.5 * f])
    assert "S/ millones de 2009" in text(totals.layout.title)
    view, alerts, lio, tree, series = gp.render_depth(state(precios="real"))
    row = find(view, "gender-table-grid").rowData[0]
    assert row["pim"] == pytest.approx(2500 * M * f) and row["avance_pct__txt"] == "72.0 %"
    assert list(lio.data[1].x) == pytest.approx([1800 * f, 398.6 * f, 350 * f])
    assert "PIM 984.9" in text(alerts)                                          # 1000 x 69.4351 / 70.4971
    # each year at its own CPI; 2012: weighted 450 x 33.33 % in soles of 2009
    assert list(series.data[2].y) == pytest.approx([2548.6 * f, 450 * 0.3333 * CPI_2009 / CPI_2012])
    rules = find(gp.render_programmes(state(precios="real")), "gender-grid").rowData
    assert rules[0]["pim"] == pytest.approx(2500 * M * f)


def test_one_year_says_so_instead_of_a_one_point_chart(use, monkeypatch):
    import pandas as pd

    from components import gender as gc
    one = pd.DataFrame([{"fiscal_year": 2010}])
    fig = gc.series_figure(one, "es", "t", "u", "s")
    assert "Solo hay un año fiscal cargado (2010)" in fig.layout.annotations[0].text
