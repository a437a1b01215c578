"""The Género page's depth reads (store/gender_depth.py; programme_table and unit_spread of
store/gender_programmes.py) stay exact after the cold-read work of issue 11: the same answers with
and without the summary tables, on both backends (`store` fixture), across years, levels and
margins; the alerts' SQL pre-filter drops no lagging line, even one right at the threshold; and
the last month with devengado is taken from monthly sums (a month whose entries cancel out does
not count).
"""
from __future__ import annotations

import math
from decimal import Decimal

import fixtures
import gender_fixture
import pandas as pd
import pytest
import sqlalchemy as sa
from test_summaries import _same

from domain.codes import ALL, LEVELS
from store import summaries

YEARS = (2010, 2011, 2012)                       # tests/fixtures.py sample_rows: 2010, 2011; 2012 empty
MARGINS = (-100.0, 0.0, 2.0, 15.0)


@pytest.fixture
def sample(store):
    fixtures.build_sample_store(store.data_dir)
    return store


def _calls(settings):
    from store import gender_depth as gd
    from store import gender_programmes as gp
    out = [(f"gender_series {lv}", lambda lv=lv: gd.gender_series(lv, settings)) for lv in (ALL, *LEVELS)]
    for y in YEARS:
        for lv in (ALL, *LEVELS):
            units = tuple(u for u in gp.programme_table(y, lv, settings)["unit"] if u) + ("1428",)
            out += [(f"programme_table {y} {lv}", lambda y=y, lv=lv: gp.programme_table(y, lv, settings)),
                    (f"unit_spread {y} {lv}", lambda y=y, lv=lv, u=units: gp.unit_spread(y, u, lv, settings)),
                    (f"lio_totals {y} {lv}", lambda y=y, lv=lv: gd.lio_totals(y, lv, settings)),
                    (f"gender_tree {y} {lv}", lambda y=y, lv=lv: gd.gender_tree(y, lv, settings))]
            out += [(f"execution_alerts {y} {lv} {m}",
                     lambda y=y, lv=lv, m=m: gd.execution_alerts(y, lv, m, settings)) for m in MARGINS]
    return out


def test_depth_reads_answer_the_same_with_and_without_summaries(sample, used, monkeypatch):
    from store import gender_sums
    read_from: set[str] = set()
    source = gender_sums.source
    monkeypatch.setattr(gender_sums, "source", lambda conn, t: read_from.add(source(conn, t).name) or source(conn, t))
    for what, call in _calls(sample):
        with summaries.disabled():
            expected = call()
        got = call()
        if isinstance(got, dict):
            assert got.keys() == expected.keys(), what
            for k in got:
                _same(got[k], expected[k], f"{what} {k}")
        else:
            _same(got, expected, what)
    assert "budget_sum_small" in used          # the alerts' last month with devengado: a summary answers it
    assert read_from == {"gender_sum_rule", "gender_sum_line", "line_class"}    # both ways were compared


def _plain_alerts(settings, year, level, margin) -> tuple[float | None, list[tuple]]:
    """The alerts worked out in pandas from line_class's rows as stored: no SQL grouping or filter."""
    from store.engine import read_engine
    from store.schema import line_class
    with read_engine(settings).connect() as conn:
        rows = pd.DataFrame([tuple(r) for r in conn.execute(sa.select(line_class).where(
            line_class.c.fiscal_year == year))], columns=list(line_class.c.keys()))
    if level != ALL:
        rows = rows[rows["nivel_gobierno"] == level]
    pim, dev = sum(rows["pim"], Decimal(0)), sum(rows["devengado"], Decimal(0))
    pace = float(dev) / float(pim) * 100 if pim else None
    if pace is None:
        return None, []
    keys = ["programa", "producto_proyecto", "actividad", "category", "marker"]
    lines = rows[rows["marker"].isin([1, 2])].groupby(keys, as_index=False)[["pim", "devengado"]].agg(
        lambda s: sum(s, Decimal(0)))
    out = []
    for r in lines.itertuples(index=False):
        if r.pim and float(r.devengado) / float(r.pim) * 100 < pace - margin:
            out.append((r.programa, r.producto_proyecto, r.actividad, r.category, int(r.marker), float(r.pim)))
    return pace, sorted(out, key=lambda x: (-x[5], x[0], x[1], x[2]))


def test_alerts_prefilter_drops_no_lagging_line(sample):
    """Against a plain recomputation, with margins that put a line exactly on the threshold (it
    is not an alert: the test is strictly below) and a hair inside it (it is)."""
    from store import gender_depth as gd
    checked = on_edge = 0
    for y in (2010, 2011):
        for lv in (ALL, *LEVELS):
            pace, _ = _plain_alerts(sample, y, lv, 0.0)
            lines = gd.execution_alerts(y, lv, -1000.0, sample)["alerts"]     # every line with a PIM
            edges = [pace - a for a in lines["avance_pct"][:3]]
            for margin in (*MARGINS, *edges, *[e - 1e-9 for e in edges]):
                got = gd.execution_alerts(y, lv, margin, sample)
                plain_pace, expected = _plain_alerts(sample, y, lv, margin)
                assert got["pace_pct"] == plain_pace
                a = got["alerts"]
                assert [(r.programa, r.producto, r.actividad, r.category, r.marker, r.pim)
                        for r in a.itertuples()] == expected, (y, lv, margin)
                checked += len(expected)
            on_edge += len(edges)
    assert checked > 100 and on_edge >= 12          # not vacuous


def test_alerts_exclude_the_line_on_the_threshold_and_include_it_just_inside(sample):
    from store import gender_depth as gd
    lines = gd.execution_alerts(2010, ALL, -1000.0, sample)
    first = lines["alerts"].iloc[0]                    # largest PIM
    pace, avance = lines["pace_pct"], first["avance_pct"]
    margin = pace - avance
    while pace - margin > avance:                      # the float margin whose threshold is the avance itself
        margin = math.nextafter(margin, math.inf)
    while pace - margin < avance:
        margin = math.nextafter(margin, -math.inf)
    assert pace - margin == avance
    key = (first["programa"], first["producto"], first["actividad"], first["category"])

    def keys(m):
        return {(r.programa, r.producto, r.actividad, r.category)
                for r in gd.execution_alerts(2010, ALL, m, sample)["alerts"].itertuples()}
    assert key not in keys(margin) and key in keys(margin - 1e-9)


def test_through_month_is_the_last_month_whose_devengado_does_not_net_to_zero(store, tmp_path):
    """tests/gender_fixture.py's 2010 lines (devengado in March) plus a May entry of +10 on line A
    and -10 on line C: May's devengado sums to 0, so the alerts run through March; the pace is
    unchanged (3065.85 / 4910)."""
    from etl.classify import classify
    from etl.load import load_file
    from store import gender_depth as gd
    M = 1_000_000
    rows = []
    for year, pia, pim, dev, keys in gender_fixture.LINES.values():
        rows += fixtures.march_line(year, *(str(Decimal(v) * M) for v in (pia, pim, dev)), **keys)
    rows += [fixtures.row(ANO_EJE=2010, MES_EJE=5, MONTO_DEVENGADO="10", MONTO_GIRADO="10"),
             fixtures.row(ANO_EJE=2010, MES_EJE=5, MONTO_DEVENGADO="-10", MONTO_GIRADO="-10",
                          **gender_fixture.LINES["C"][4])]
    assert load_file(fixtures.write(tmp_path / "Gasto.csv", rows), settings=store).status == "loaded"
    classify(gender_fixture.write_rules(tmp_path / "rules.csv", gender_fixture.BASE_RULES), settings=store,
             loaded_by="tests")
    got = gd.execution_alerts(2010, settings=store)
    assert got["through_month"] == 3
    assert got["pace_pct"] == pytest.approx(3065.85 / 4910 * 100)


def _sum_rows(settings, table) -> list[tuple]:
    from store.engine import read_engine
    with read_engine(settings).connect() as conn:
        return sorted(tuple(r) for r in conn.execute(sa.select(table)))


def test_gender_sums_follow_the_classification_in_the_same_write(store, tmp_path):
    """tests/gender_fixture.py, S/ millions: the local-government 2010 lines are D (9002, unit
    300001, activity 5001103, R-VASO, PIM 800) and G (9002, unit 300001, activity 5001401, R-9002,
    PIM 60); each is two budget lines (months 0 and 3). Then the rules without R-VASO: D is no
    longer under R-VASO in either table, and the sums still cover every line."""
    from etl.classify import classify
    from store import gender_sums
    from store.engine import read_engine
    from store.schema import gender_sum_line, gender_sum_rule, line_class
    M = 1_000_000
    rows = []
    for year, pia, pim, dev, keys in gender_fixture.LINES.values():
        rows += fixtures.march_line(year, *(str(Decimal(v) * M) for v in (pia, pim, dev)), **keys)
    from etl.load import load_file
    assert load_file(fixtures.write(tmp_path / "Gasto.csv", rows), settings=store).status == "loaded"
    classify(gender_fixture.write_rules(tmp_path / "rules.csv", gender_fixture.BASE_RULES), settings=store,
             loaded_by="tests")
    names = [c.name for c in gender_sum_rule.c]
    local = [dict(zip(names, r)) for r in _sum_rows(store, gender_sum_rule) if r[1] == "M"]
    assert [(r["fiscal_year"], r["programa"], r["rule_id"], r["sec_ejec_min"], r["sec_ejec_max"], r["actividad_min"],
             r["actividad_max"], r["lines"], r["pim"]) for r in local] == [
        (2010, "9002", "R-9002", "300001", "300001", "5001401", "5001401", 2, 60 * M),
        (2010, "9002", "R-VASO", "300001", "300001", "5001103", "5001103", 2, 800 * M)]
    gender_lines = _sum_rows(store, gender_sum_line)             # marker 1 or 2 only: A, B, C, D, F
    assert sorted((r[0], r[2], r[4], int(r[6]), r[8]) for r in gender_lines) == sorted([
        (2010, "0080", fixtures.BASE_ROW["ACTIVIDAD_ACCION_OBRA"], 2, 2), (2010, "0080",
         fixtures.BASE_ROW["ACTIVIDAD_ACCION_OBRA"], 1, 2), (2010, "0002", "5000043", 2, 2),
        (2010, "9002", "5001103", 1, 2), (2012, "0002", "5000043", 1, 2)])
    with read_engine(store).connect() as conn:
        assert gender_sums.source(conn, gender_sum_rule) is gender_sum_rule
    without = [r for r in gender_fixture.BASE_RULES if r["id"] != "R-VASO"]
    classify(gender_fixture.write_rules(tmp_path / "rules2.csv", without), settings=store, loaded_by="tests")
    after = _sum_rows(store, gender_sum_rule)
    assert "R-VASO" not in {r[4] for r in after}
    assert ("9002", "5001103") not in {(r[2], r[4]) for r in _sum_rows(store, gender_sum_line)}
    total = sum(r[names.index("lines")] for r in after)
    assert total == sum(r[list(line_class.c.keys()).index("lines")] for r in _sum_rows(store, line_class)) == 14
