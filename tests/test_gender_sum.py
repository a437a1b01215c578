"""gender_sum (store/summaries.py refresh_gender): the Regiones gender reads and the department
filters of store.gender answer exactly as the joined budget lines, on both backends, across
years, levels, programmes, definitions and prices; the table follows loads, classifications and
writers that forget it; a store without it reads the join until its next write. Also
violence_results: one read of the links, the scatter built once, the same answer as before."""
from __future__ import annotations

from decimal import Decimal

import fixtures
import pytest
import regions_data
import sqlalchemy as sa
from gender_fixture import edited, write_rules
from test_summaries import _same

from domain.codes import ALL, LEVELS
from store import gender, regions, summaries
from store.schema import gender_sum

D = Decimal


@pytest.fixture
def spy(monkeypatch):
    """The statements that read gender_sum."""
    seen: list[str] = []
    frame = regions._frame

    def watch(stmt, settings):
        if "gender_sum" in str(stmt):
            seen.append("gender_sum")
        return frame(stmt, settings)
    monkeypatch.setattr(regions, "_frame", watch)
    monkeypatch.setattr(gender, "_frame", watch)
    return seen


def _calls(settings, years, departments, programmes):
    out = []
    for y in years:
        for lv in (ALL, *LEVELS):
            for prog in programmes:
                for genero in ("estricto", "ponderado", "amplio"):
                    out.append((f"gender_by_department {y} {lv} {prog} {genero}", lambda y=y, lv=lv, p=prog, g=genero:
                                regions.gender_by_department(y, lv, p, g, settings)))
                for prices in ("nominal", "real"):
                    out.append((f"department_metrics {y} {lv} {prog} {prices}", lambda y=y, lv=lv, p=prog, pr=prices:
                                regions.department_metrics(y, lv, p, "ponderado", pr, settings)))
            for d in departments:
                out.append((f"department_gender {y} {lv} {d}",
                            lambda y=y, lv=lv, d=d: regions.department_gender(y, d, lv, "real", settings)))
        for f in ({"departamento": "15"}, {"departamento": ["05", "98"], "nivel": "R"},
                  {"departamento": "15", "programa": "0001", "categoria_genero": "especifico"},
                  {"departamento": "15", "marcador_genero": ["2", "sin_revisar"]}):
            out.append((f"gender_summary {y} {f}", lambda y=y, f=f: gender.gender_summary(y, f, settings)))
            for by in gender.GENDER_GROUPS:
                out.append((f"gender_totals {by} {y} {f}", lambda y=y, f=f, by=by: gender.gender_totals(by, y, f, settings)))
    return out


def _compare(calls, spy):
    for what, call in calls:
        with summaries.disabled():
            expected = call()
        got = call()
        _same(got, expected, what)
    assert len(spy) >= len(calls) // 2          # not vacuous: the summed table answered


def test_regions_gender_reads_answer_exactly_as_the_joined_lines(store, tmp_path, spy):
    regions_data.build(store, tmp_path / "fx")
    _compare(_calls(store, (2009, 2010, 2011), ("15", "05", "09", "98"), (None, "0001", "0002")), spy)


def test_on_the_sample_store_too(store, spy):
    fixtures.build_sample_store(store.data_dir)
    _compare(_calls(store, (2010, 2011, 2012), ("15", "05", "98", "99"), (None, "0001", "9001")), spy)


def test_hand_computed_through_the_summed_table(store, tmp_path, spy):
    """tests/test_regions_reads.py's values (tests/regions_data.py), now read from gender_sum."""
    regions_data.build(store, tmp_path / "fx")
    g = regions.gender_by_department(2010, genero="ponderado", settings=store).set_index("key")
    assert g.loc["15", "gender_devengado"] == D(980_000 + 980_000 + 49_000)   # 100 % of L1, 50 % of L2, L8
    assert g.loc["05", "gender_devengado"] == D(295_000)                      # 50 % of L3
    assert spy == ["gender_sum"]


def _gender_rows(settings):
    from store.engine import read_engine
    with read_engine(settings).connect() as conn:
        return conn.execute(sa.select(gender_sum.c.fiscal_year, sa.func.sum(gender_sum.c.lines))
                            .group_by(gender_sum.c.fiscal_year).order_by(gender_sum.c.fiscal_year)).all()


def test_the_table_follows_a_new_classification(store, tmp_path, spy):
    """tests/test_gender_classify.py's rule edit: R-VASO becomes specific (marker 2), moving line D's
    devengado 700 into strict: 2150.50 -> 2850.50 (every line is in department 15)."""
    from etl.classify import classify
    from etl.load import load_file
    from gender_fixture import budget_rows
    r = load_file(fixtures.write(tmp_path / "2010-Gasto.csv", budget_rows(None)), settings=store)
    assert r.status == "loaded", r.message
    classify(write_rules(tmp_path / "rules.csv"), settings=store, loaded_by="tests")

    def strict():
        s = gender.gender_summary(filters={"departamento": "15"}, settings=store).set_index("definition")
        return s.loc["strict", "devengado"]
    assert strict() == D("2150.50")
    classify(write_rules(tmp_path / "edit.csv", edited("R-VASO", category="especifico", marker=2, weight=100)),
             settings=store, loaded_by="tests")
    assert strict() == D("2850.50") and "gender_sum" in spy
    with summaries.disabled():
        assert strict() == D("2850.50")


def test_a_writer_that_forgets_the_table_is_caught_by_the_write(store):
    """Lines copied in SQL (as benchmarks/bench_classify.py does): reconcile rebuilds the year."""
    from store.engine import write_transaction
    from store.schema import budget_line
    fixtures.build_tiny_store(store.data_dir)
    assert _gender_rows(store) == [(2010, 10), (2011, 2)]     # tests/fixtures.py TINY_LINES: 10 and 2 lines
    b = budget_line
    with write_transaction(store) as conn:
        cols = [c for c in b.c if c.name != "fiscal_year"]
        conn.execute(b.insert().from_select([c.name for c in cols] + ["fiscal_year"],
                                            sa.select(*cols, sa.literal(2013, sa.SmallInteger))
                                            .where(b.c.fiscal_year == 2011)))
    assert _gender_rows(store) == [(2010, 10), (2011, 2), (2013, 2)]
    g = regions.gender_by_department(2013, genero="amplio", settings=store)
    with summaries.disabled():
        _same(g, regions.gender_by_department(2013, genero="amplio", settings=store), "2013")
    assert list(g["key"]) == ["15"] and g["devengado"][0] == D(500)    # 2011's one devengado line: 500


def test_a_store_without_the_table_reads_the_join_until_its_next_write(store, monkeypatch, spy):
    from store.engine import dispose_read_engines, write_transaction
    from store.schema import store_info
    fixtures.build_tiny_store(store.data_dir)
    with monkeypatch.context() as mp:
        mp.setattr(summaries, "reconcile", lambda conn: [])
        with write_transaction(store) as conn:          # play a store written before gender_sum
            conn.execute(gender_sum.delete())
            conn.execute(store_info.delete().where(store_info.c.key == "gender_summaries"))
    dispose_read_engines()
    g = regions.gender_by_department(2010, genero="amplio", settings=store).set_index("key")
    assert spy == [] and g.loc["15", "devengado"] == D(800)     # 200 + 600 (tests/fixtures.py TINY_LINES)
    with write_transaction(store):
        pass
    assert _gender_rows(store) == [(2010, 10), (2011, 2)]
    dispose_read_engines()
    g2 = regions.gender_by_department(2010, genero="amplio", settings=store).set_index("key")
    assert spy == ["gender_sum"]
    _same(g2, g, "before and after")


def test_violence_results_reads_the_links_once_and_answers_as_before(store, tmp_path, monkeypatch):
    """The old answer: programme_results of the programme, links reordered headline first, points
    of the headline (store/indicators.py before this change)."""
    from pathlib import Path

    from etl.reference import seed
    from fixtures import _load, write
    from fixtures import row as mef_row
    from store import indicators
    rows = [mef_row(ANO_EJE="2010", MES_EJE="3", MONTO_DEVENGADO=v, DEPARTAMENTO_META=d,
                    DEPARTAMENTO_META_NOMBRE=n) for v, d, n in (("3000000", "08", "CUSCO"), ("500000", "01", "AMAZONAS"))]
    Path(store.data_dir).mkdir(parents=True, exist_ok=True)
    _load(write(Path(store.data_dir) / "v.csv", rows), demo=False)      # programme 0080 (fixtures.BASE_ROW)
    seed(store)
    old = indicators.programme_results("0080", "LUCHA CONTRA LA VIOLENCIA FAMILIAR", 2010, settings=store)
    reads = []
    links = indicators._programme_links
    monkeypatch.setattr(indicators, "_programme_links", lambda *a: reads.append(1) or links(*a))
    found = indicators.violence_results(2010, settings=store)
    assert reads == [1]
    assert list(found["links"]["indicator"])[0] == "violencia_pareja"
    expected = old["links"].set_index("indicator").loc[list(found["links"]["indicator"])].reset_index()
    _same(found["links"], expected, "links")
    assert list(found["series"]) == list(old["series"])
    for ind, frame in old["series"].items():
        _same(found["series"][ind], frame, ind)
    points = indicators.spending_per_target("0080", 2010, "violencia_pareja", settings=store)
    _same(found["points"], points, "points")
    assert (found["code"], found["headline"]) == ("0080", "violencia_pareja")
    assert found["points"].set_index("department").loc["08", "devengado"] == 3_000_000
    monkeypatch.setattr(indicators, "_programme_links", lambda *a: links(*a).iloc[0:0])
    assert indicators.violence_results(2010, settings=store) is None        # no link: no programme
