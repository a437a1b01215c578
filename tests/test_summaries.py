"""Summary tables (store/summaries.py): every read function gives exactly the fact table's answer,
on both backends, across years, levels, drill paths and filters; the summaries are really used;
they follow each load in the same write; and statements a summary could change stay on budget_line.
"""
from __future__ import annotations

import fixtures
import pandas as pd
import pytest
import sqlalchemy as sa

from domain.codes import ALL, LEVELS
from store import summaries
from store.schema import SUMMARY_TABLES, budget_line, line_class

YEARS = (2010, 2011, 2012)                       # 2012: no lines loaded
LEVEL_CHOICES = (ALL, *LEVELS)
PATHS = ((), ("0001",), ("0001", "3000001"), ("0001", "3000001", "5000001"), ("9002",))
FILTERS = ({}, {"nivel": "R"}, {"departamento": "15"}, {"programa": ["0001", "9001"]},
           {"ejecutora": "1428", "departamento": ["05", "98"]}, {"fuente": "1"}, {"generica": "3"},
           {"sector": "39", "nivel": "M"}, {"departamento": "99"})


@pytest.fixture
def sample(store):
    fixtures.build_sample_store(store.data_dir)
    return store


def _calls(settings):
    """(description, thunk) for every read function over the budget lines, with a grid of arguments."""
    from store import (
        budget,
        gender,
        gender_depth,
        gender_programmes,
        programme_money,
        programmes,
        read,
        status,
    )
    ids = list(programmes.programme_list(settings=settings)["id"])
    assert "juntos" in ids                                    # its links match the sample's unit 1428
    out = [("store_summary", lambda: status.store_summary(settings)),
           *[(f"gender_series {lv}", lambda lv=lv: gender_depth.gender_series(lv, settings)) for lv in LEVEL_CHOICES],
           ("sources", lambda: status.sources(None, settings)),
           ("budget_by_year", lambda: programme_money.budget_by_year(settings=settings)),
           ("budget_by_year real", lambda: programme_money.budget_by_year(base_year=2011, settings=settings)),
           ("gender coverage", lambda: gender.coverage(None, settings))]
    for y in YEARS:
        out += [(f"sources {y}", lambda y=y: status.sources(y, settings)),
                (f"programme_names {y}", lambda y=y: budget.programme_names(y, settings)),
                (f"gender coverage {y}", lambda y=y: gender.coverage(y, settings))]
        for lv in LEVEL_CHOICES:
            out += [(f"overview_kpis {y} {lv}", lambda y=y, lv=lv: budget.overview_kpis(y, lv, settings)),
                    (f"by_level {y} {lv}", lambda y=y, lv=lv: budget.by_level(y, lv, settings)),
                    (f"by_programme {y} {lv}", lambda y=y, lv=lv: budget.by_programme(y, lv, settings)),
                    (f"programme_table {y} {lv}",
                     lambda y=y, lv=lv: gender_programmes.programme_table(y, lv, settings)),
                    (f"lio_totals {y} {lv}", lambda y=y, lv=lv: gender_depth.lio_totals(y, lv, settings)),
                    (f"gender_tree {y} {lv}", lambda y=y, lv=lv: gender_depth.gender_tree(y, lv, settings)),
                    (f"execution_alerts {y} {lv}",
                     lambda y=y, lv=lv: gender_depth.execution_alerts(y, lv, settings=settings)),
                    (f"gender_programmes {y} {lv}",
                     lambda y=y, lv=lv: gender_programmes.gender_programmes(y, lv, settings)),
                    (f"gender_by_programme {y} {lv}",
                     lambda y=y, lv=lv: gender_programmes.gender_by_programme(y, lv, settings))]
            for prog in (None, "0001", "9001"):
                out += [(f"monthly {y} {lv} {prog}",
                         lambda y=y, lv=lv, p=prog: budget.monthly_execution(y, lv, p, settings)),
                        (f"by_department {y} {lv} {prog}",
                         lambda y=y, lv=lv, p=prog: budget.by_department(y, lv, p, settings))]
            for path in PATHS:
                out += [(f"drill {y} {lv} {path}", lambda y=y, lv=lv, p=path: budget.drill(y, lv, p, settings)),
                        (f"drill_names {y} {path}", lambda y=y, p=path: budget.drill_names(y, p, settings)),
                        (f"line_rules {y} {lv} {path}",
                         lambda y=y, lv=lv, p=path: gender.line_rules(y, p, lv, settings=settings))]
        for f in FILTERS:
            for by in ("programa", "departamento", "nivel", "ejecutora", "actividad", "generica"):
                out.append((f"totals {by} {y} {f}", lambda y=y, f=f, by=by: read.totals(by, y, filters=f,
                                                                                       settings=settings)))
            for by in gender.GENDER_GROUPS:
                out.append((f"gender_totals {by} {y} {f}",
                            lambda y=y, f=f, by=by: gender.gender_totals(by, y, f, settings)))
            out += [(f"gender_summary {y} {f}", lambda y=y, f=f: gender.gender_summary(y, f, settings)),
                    (f"per inhabitant {y} {f}",
                     lambda y=y, f=f: programme_money.spending_per_inhabitant(y, f, settings=settings)),
                    (f"per woman {y} {f}", lambda y=y, f=f: programme_money.spending_per_woman(y, f, settings=settings)),
                    (f"budget_by_year {f}", lambda f=f: programme_money.budget_by_year(filters=f, settings=settings))]
        for pid in ids:
            out += [(f"budget_for_programme {pid} {y}",
                     lambda y=y, p=pid: programme_money.budget_for_programme(p, y, settings=settings)),
                    (f"budget_for_programme {pid} {y} by dept", lambda y=y, p=pid: programme_money.budget_for_programme(
                        p, y, by_department=True, include_successors=True, settings=settings)),
                    (f"cost_per_beneficiary {pid} {y}",
                     lambda y=y, p=pid: programme_money.cost_per_beneficiary(p, y, settings=settings)),
                    (f"programme_gender_summary {pid} {y}",
                     lambda y=y, p=pid: programme_money.programme_gender_summary(p, y, settings=settings)),
                    (f"per inhabitant {pid} {y}", lambda y=y, p=pid: programme_money.spending_per_inhabitant(
                        y, programme_id=p, settings=settings))]
    for pid in ids:
        out.append((f"budget_by_year {pid}",
                    lambda p=pid: programme_money.budget_by_year(programme_id=p, base_year=2010, settings=settings)))
    return out


def _same(a, b, what):
    if isinstance(a, dict):            # execution_alerts: figures and a frame
        assert a.keys() == b.keys(), what
        for k in a:
            _same(a[k], b[k], f"{what} {k}")
    elif isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=what)
        for col in a.columns:          # and the same Python types (Decimal stays Decimal, int stays int)
            assert [type(v) for v in a[col]] == [type(v) for v in b[col]], (what, col)
    else:
        assert a == b, what


def test_every_read_function_answers_exactly_as_the_fact_table(sample, used):
    calls = _calls(sample)
    assert len(calls) > 700
    for what, call in calls:
        with summaries.disabled():
            expected = call()
        got = call()
        _same(got, expected, what)
    # not vacuous: most statements went to a summary, every kind was used (line_class_sum: Género)
    assert len(used) > 500 and set(used) == {t.name for t in SUMMARY_TABLES} | {"line_class_sum"}


def test_reads_go_to_the_smallest_summary_that_has_their_columns(sample, used):
    from store import budget, programme_money
    budget.overview_kpis(2010, "E", sample)
    budget.monthly_execution(2010, "R", "0001", sample)
    budget.by_department(2011, ALL, "0001", sample)
    assert used == ["budget_sum_small"] * 3
    used.clear()
    budget.drill(2010, ALL, ("0001",), sample)           # producto_proyecto: not in the small one
    budget.drill(2010, "R", ("0001", "3000001"), sample, by="ejecutora")
    assert used == ["budget_sum_drill"] * 2
    used.clear()
    programme_money.budget_for_programme("juntos", 2010, settings=sample)    # unit codes: the drill grain
    assert used and set(used) == {"budget_sum_drill"}
    used.clear()
    programme_money.budget_for_programme("juntos", 2010, by_department=True, settings=sample)
    assert used and set(used) == {"budget_sum_mid"}
    used.clear()
    from store import read
    read.totals("generica", 2010, settings=sample)        # genérica is in no summary
    read.totals("programa", 2010, filters={"fuente": "1"}, settings=sample)
    assert used == []


def _summary_rows(settings) -> dict[str, list[tuple]]:
    from store.engine import read_engine
    with read_engine(settings).connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(sa.select(t))) for t in SUMMARY_TABLES}


def test_summaries_follow_each_load_in_the_same_write(store, tmp_path, used):
    """Hand-computed: tiny store 2010 (4 keys, 10 lines), then a file replacing 2011 alone."""
    from store import budget
    fixtures.build_tiny_store(store.data_dir)
    small = _summary_rows(store)["budget_sum_small"]
    # 2010 E 0001 15: month 0 (PIA 1000, PIM 1200), month 3 (200), month 12 (600): one line each
    e_0001 = [r for r in small if r[0] == 2010 and r[3] == "E" and r[4] == "0001"]
    assert [(r[2], r[6], r[7], r[8], r[12]) for r in e_0001] == [
        (0, 1, 1000, 1200, 0), (3, 1, 0, 0, 200), (12, 1, 0, 0, 600)]
    assert sum(r[6] for r in small) == 12              # every line counted once (2010: 10, 2011: 2)
    load_id_2011 = {r[1] for r in small if r[0] == 2011}
    # a new 2011 file: 2011 becomes PIM 5000 devengado 700 in department 01; 2010 unchanged
    path = tmp_path / "2011-Gasto.csv"
    fixtures.write_tiny_csv(path, [(2011, "R", "0002", "3000003", "5000004", "0900", "01", "4000", "5000",
                                    {4: "300", 5: "400"})])
    fixtures._load(path, demo=False)
    after = _summary_rows(store)["budget_sum_small"]
    assert [r for r in after if r[0] == 2010] == [r for r in small if r[0] == 2010]
    y2011 = [(r[2], r[3], r[4], r[5], r[6], r[8], r[12]) for r in after if r[0] == 2011]
    assert y2011 == [(0, "R", "0002", "01", 1, 5000, 0), (4, "R", "0002", "01", 1, 0, 300),
                     (5, "R", "0002", "01", 1, 0, 400)]
    assert {r[1] for r in after if r[0] == 2011} != load_id_2011
    k = budget.overview_kpis(2011, ALL, store).iloc[0]
    assert (k.pim, k.devengado) == (5000, 700) and used == ["budget_sum_small"]


def test_a_store_without_summaries_reads_the_lines_until_its_next_write(store, used, monkeypatch):
    """A store written before this code: reads stay right (on budget_line); its next write builds them."""
    from store import budget
    from store.engine import write_transaction
    from store.schema import store_info
    fixtures.build_tiny_store(store.data_dir)
    with monkeypatch.context() as mp:
        mp.setattr(summaries, "reconcile", lambda conn: [])
        with write_transaction(store) as conn:      # play the old store: no summaries, no flag
            for t in SUMMARY_TABLES:
                conn.execute(t.delete())
            conn.execute(store_info.delete().where(store_info.c.key == "summaries"))
    assert all(not rows for rows in _summary_rows(store).values())
    k = budget.overview_kpis(2010, ALL, store).iloc[0]
    assert (k.pia, k.pim, k.devengado) == (1800, 2000, 1160) and used == []    # tests/fixtures.py TINY_LINES
    with write_transaction(store):                  # any write (a reference load, a classification)
        pass
    assert sum(r[6] for r in _summary_rows(store)["budget_sum_small"]) == 12
    k = budget.overview_kpis(2010, ALL, store).iloc[0]
    assert (k.pia, k.pim, k.devengado) == (1800, 2000, 1160) and used == ["budget_sum_small"]


def test_upgrade_rebuilds_summaries_of_an_older_version(store, monkeypatch, capsys):
    """New code with another summary grain (SUMMARY_VERSION): `etl upgrade` builds them at once,
    instead of pages reading the lines until the next load."""
    from etl.__main__ import main
    from store.engine import write_transaction
    from store.schema import store_info
    fixtures.build_tiny_store(store.data_dir)
    with monkeypatch.context() as mp:
        mp.setattr(summaries, "reconcile", lambda conn: [])
        with write_transaction(store) as conn:      # play a store of the previous version
            for t in SUMMARY_TABLES:
                conn.execute(t.delete())
            conn.execute(store_info.update().where(store_info.c.key == "summaries").values(value="1"))
    assert main(["upgrade"]) == 0
    assert "summary tables rebuilt: summaries" in capsys.readouterr().out
    assert sum(r[6] for r in _summary_rows(store)["budget_sum_drill"]) == 12    # tests/fixtures.py TINY_LINES
    assert main(["upgrade"]) == 0
    assert "rebuilt" not in capsys.readouterr().out


def test_statements_a_summary_could_change_stay_on_the_lines():
    b, c = budget_line, line_class
    refused = [
        sa.select(sa.func.max(b.c.pim)),                               # max of a line, not of a sum
        sa.select(sa.func.avg(b.c.pim)),
        sa.select(sa.func.sum(b.c.pim + 1)),                           # +1 per line
        sa.select(sa.func.sum(sa.case((b.c.pim > 0, b.c.pim), else_=0))),   # condition on an amount
        sa.select(sa.func.sum(sa.case((b.c.programa == "0001", 1), else_=0))),  # counts lines
        sa.select(b.c.programa).where(b.c.fiscal_year == 2010),         # a row per line
        sa.select(b.c.programa, b.c.pim).group_by(b.c.programa, b.c.pim),
        sa.select(sa.func.count(b.c.programa)),
        sa.select(sa.func.count()).where(b.c.fiscal_year == 2010),      # unlabelled: its name would change
        sa.select(sa.func.sum(c.c.lines)).select_from(b.join(c, b.c.pliego == c.c.pliego)),
        sa.select(sa.func.sum(b.c.pim).over(partition_by=b.c.programa)),
        sa.select(sa.func.string_agg(b.c.programa, ",")),
    ]
    for stmt in refused:
        assert summaries._plan(stmt) is None, str(stmt)
    ok = sa.select(sa.func.count().label("n"), sa.func.sum(-b.c.pim * 2 - b.c.devengado / 3).label("x"),
                   sa.func.sum(sa.func.coalesce(b.c.pim, 0) * sa.func.coalesce(c.c.weight, 0)).label("w"),
                   sa.func.max(b.c.programa).label("p")).select_from(
        b.outerjoin(c, b.c.pliego == c.c.pliego)).where(b.c.month == 3)
    used, counts = summaries._plan(ok)
    assert used == {"pim", "devengado", "pliego", "programa", "month"} and len(counts) == 1


def test_a_writer_that_forgets_the_summaries_is_caught_by_the_write(store, used):
    """benchmarks/bench_classify.py fills budget_line in SQL: the write's reconcile rebuilds that year."""
    from store import budget
    from store.engine import write_transaction
    fixtures.build_tiny_store(store.data_dir)
    b = budget_line
    with write_transaction(store) as conn:          # 2011's lines copied as 2013, summaries untouched
        cols = [c for c in b.c if c.name != "fiscal_year"]
        conn.execute(b.insert().from_select([c.name for c in cols] + ["fiscal_year"],
                                            sa.select(*cols, sa.literal(2013, sa.SmallInteger))
                                            .where(b.c.fiscal_year == 2011)))
    k = budget.overview_kpis(2013, ALL, store).iloc[0]
    assert (k.pia, k.pim, k.devengado) == (2000, 2000, 500) and used == ["budget_sum_small"]   # as 2011
    assert sum(r[6] for r in _summary_rows(store)["budget_sum_small"] if r[0] == 2013) == 2


def test_line_class_sum_follows_a_classification_and_a_load(sample, tmp_path, used):
    """A new rule set (etl classify) and a new load each rewrite line_class; the Género reads on
    line_class_sum still answer exactly as line_class itself, and really read line_class_sum."""
    from gender_fixture import write_rules

    from etl.classify import classify
    from store import gender, gender_depth, gender_programmes

    def reads():
        out = []
        for y in YEARS:
            for lv in LEVEL_CHOICES:
                out += [gender_programmes.gender_programmes(y, lv, sample), gender.gender_summary(y, {"nivel": lv}, sample),
                        gender.gender_totals("marcador_genero", y, {"nivel": lv}, sample),
                        gender_depth.lio_totals(y, lv, sample)]
        return out

    def same():
        used.clear()
        got = reads()
        assert "line_class_sum" in used
        with summaries.disabled():
            expected = reads()
        for i, (a, b) in enumerate(zip(got, expected)):
            _same(a, b, f"read {i}")
        return got

    before = same()
    classify(write_rules(tmp_path / "rules.csv"), settings=sample, loaded_by="tests")
    after = same()
    assert any(not a.equals(b) for a, b in zip(before, after))      # the classification changed answers
    path = tmp_path / "2011-Gasto.csv"
    fixtures.write_tiny_csv(path, [(2011, "R", "0002", "3000003", "5000004", "0900", "01", "4000", "5000",
                                    {4: "300", 5: "400"})])
    fixtures._load(path, demo=False)
    same()
