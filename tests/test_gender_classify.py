"""Gender classification on the store, on both backends: precedence, ties, year ranges, name
patterns, weights, the three totals, one rule edit, broken rule files, unreviewed lines."""
from __future__ import annotations

from decimal import Decimal

import fixtures
import pandas as pd
import pytest
import sqlalchemy as sa
from conftest import snapshot
from gender_fixture import (
    BASE_RULES,
    EXPECTED_RULE,
    LINES,
    budget_rows,
    edited,
    key_of,
    write_rules,
)

from domain.gender_rules import RuleError
from etl.classify import classify
from etl.load import load_file
from store.engine import read_engine
from store.gender import (
    coverage,
    gender_summary,
    gender_totals,
    line_rules,
    rule_diff,
    rule_sets,
)
from store.schema import line_class

D = Decimal


def _load(store, tmp_path, names=None, file="2010-Gasto.csv"):
    f = fixtures.write(tmp_path / file, budget_rows(names))
    r = load_file(f, settings=store)
    assert r.status == "loaded", r.message
    return r


def _classes(store) -> dict:
    """(fiscal_year, programa, sec_ejec, actividad) -> (rule_id, category, marker, weight)."""
    c = line_class.c
    with read_engine(store).connect() as conn:
        got = conn.execute(sa.select(c.fiscal_year, c.programa, c.sec_ejec, c.actividad, c.rule_id, c.category,
                                     c.marker, c.weight)).fetchall()
    return {tuple(r[:4]): (r[4], r[5], r[6], D(r[7])) for r in got}


@pytest.fixture
def classified(store, tmp_path):
    """The fixture budget loaded and classified with BASE_RULES."""
    _load(store, tmp_path)
    classify(write_rules(tmp_path / "rules.csv"), settings=store, loaded_by="tests")
    return store


def test_every_line_gets_the_most_specific_rule(classified):
    got = _classes(classified)
    assert {name: got[key_of(name)][0] for name in LINES} == EXPECTED_RULE
    assert len(got) == len(LINES)      # one row per distinct key, nothing else


def test_a_code_beats_a_name_and_more_codes_beat_fewer(classified, tmp_path):
    # R-NAME (name, 1) matches A and B but loses to R-0080 (code, 2) and R-VIOL (2 codes, 4)
    got = _classes(classified)
    assert got[key_of("A")][:3] == ("R-VIOL", "especifico", 2)
    assert got[key_of("B")][:3] == ("R-0080", "general", 1)
    # without the code rules, the name rule classifies both
    rules = [r for r in BASE_RULES if r["id"] not in ("R-VIOL", "R-0080")]
    classify(write_rules(tmp_path / "r2.csv", rules), settings=classified)
    got = _classes(classified)
    assert got[key_of("A")][0] == got[key_of("B")][0] == "R-NAME"


def test_equally_specific_matches_are_refused_naming_both_and_change_nothing(classified, tmp_path):
    before = snapshot(classified)
    # R-UNIT (sec_ejec, 2) ties R-0080 (programa, 2) on line A once R-VIOL (4) is gone
    rules = edited("R-VIOL", _remove=True) + [
        {**BASE_RULES[1], "id": "R-UNIT", "programa": "", "sec_ejec": "1232"}]
    with pytest.raises(RuleError) as exc:
        classify(write_rules(tmp_path / "tie.csv", rules), settings=classified)
    msg = str(exc.value)
    assert "R-0080" in msg and "R-UNIT" in msg and "equally specific" in msg
    assert "2010" in msg and "1232" in msg          # an example budget line
    assert snapshot(classified) == before


def test_a_tie_below_the_winner_is_not_an_error(classified, tmp_path):
    # R-UNIT and R-0080 (both 2) both match A, but R-VIOL (4), listed after them, wins there
    rules = BASE_RULES[1:] + [{**BASE_RULES[1], "id": "R-UNIT", "programa": "", "sec_ejec": "1232"}, BASE_RULES[0]]
    classify(write_rules(tmp_path / "r.csv", rules), settings=classified)
    assert _classes(classified)[key_of("A")][0] == "R-VIOL"


def test_the_order_of_the_rules_in_the_file_does_not_matter(classified, tmp_path):
    before = _classes(classified)
    classify(write_rules(tmp_path / "reversed.csv", BASE_RULES[::-1]), settings=classified)
    assert _classes(classified) == before


def test_year_ranges_select_the_rule_of_each_year(classified, tmp_path):
    got = _classes(classified)
    assert got[key_of("C")][0] == "R-SMN-OLD"      # 2010: name rule, years -2011
    assert got[key_of("F")][0] == "R-SMN-NEW"      # 2012: code rule, years 2012-
    # a range that excludes a year leaves its lines unreviewed
    classify(write_rules(tmp_path / "r.csv", edited("R-SMN-NEW", year_from=2013)), settings=classified)
    got = _classes(classified)
    assert got[key_of("F")][:3] == ("sin_revisar", "sin_revisar", None)
    assert got[key_of("C")][0] == "R-SMN-OLD"


def test_name_patterns_use_that_years_name_without_case_or_accents(store, tmp_path):
    renamed = dict(EJECUTORA_NOMBRE="PROGRAMA NACIONAL PARA LA PREVENCION Y ERRADICACION DE LA VIOLENCIA - AURORA")
    rows = (fixtures.march_line(2010, "10", "10", "10") +              # unit 1232 named PNCVFS in 2010
            fixtures.march_line(2019, "20", "20", "20", **renamed) +   # ... and AURORA in 2019
            fixtures.march_line(2010, "30", "30", "30", **dict(SEC_EJEC="1441", EJECUTORA_NOMBRE="ASISTENCIA SOLIDARIA PENSION 65")))
    load_file(fixtures.write(tmp_path / "g.csv", rows), settings=store)
    rules = [
        {**BASE_RULES[0], "id": "R-AURORA", "programa": "", "sec_ejec": "", "sec_ejec_name": "aurora"},
        {**BASE_RULES[0], "id": "R-P65", "programa": "", "sec_ejec": "", "sec_ejec_name": "pensión 65"},
        {**BASE_RULES[0], "id": "R-ANCHOR", "programa": "", "sec_ejec": "",
         "actividad_name": "^CENTROS EMERGENCIA"},           # anchored: the name starts with ATENCION
    ]
    classify(write_rules(tmp_path / "r.csv", rules), settings=store)
    got = {(k[0], k[2]): v[0] for k, v in _classes(store).items()}
    assert got == {(2010, "1232"): "sin_revisar", (2019, "1232"): "R-AURORA", (2010, "1441"): "R-P65"}


def test_three_totals_match_hand_computed_values(classified):
    s = gender_summary(settings=classified).set_index("definition")
    assert list(s.index) == ["strict", "weighted", "broad"]
    # strict = A + C; broad = A + B + C + D + F; weighted = A + .4 B + C + .5 D + .3333 F
    assert tuple(s.loc["strict", ["pia", "pim", "devengado"]]) == (D("2900"), D("3500"), D("2150.50"))
    assert tuple(s.loc["broad", ["pia", "pim", "devengado"]]) == (D("4500"), D("5300"), D("3420.75"))
    # devengado: 350.50 + 48.10 + 1800 + 350 + 149.985 = 2698.585 -> 2698.59 (half up)
    assert tuple(s.loc["weighted", ["pia", "pim", "devengado"]]) == (D("3586.65"), D("4259.98"), D("2698.59"))
    y = gender_summary(2010, settings=classified).set_index("definition")
    assert tuple(y.loc["weighted", ["pia", "pim", "devengado"]]) == (D("3420.00"), D("4060.00"), D("2548.60"))
    assert tuple(y.loc["broad", ["pia", "pim", "devengado"]]) == (D("4000"), D("4700"), D("2970.75"))
    # filters narrow the lines (here: the SIS unit only)
    f = gender_summary(filters={"ejecutora": "1091"}, settings=classified).set_index("definition")
    assert f.loc["strict", "devengado"] == D("1800") and f.loc["weighted", "pim"] == D("2699.98")


def test_totals_by_category_and_marker_add_up_to_the_budget(classified):
    cat = gender_totals("categoria_genero", settings=classified).set_index("key")
    assert list(cat.index) == ["especifico", "general", "sin_revisar"]
    assert tuple(cat.loc["especifico", ["pia", "pim", "devengado"]]) == (D("2900"), D("3500"), D("2150.50"))
    assert tuple(cat.loc["general", ["pia", "pim", "devengado"]]) == (D("1650"), D("1860"), D("1325.25"))
    assert tuple(cat.loc["sin_revisar", ["pia", "pim", "devengado"]]) == (D("100"), D("150"), D("40.10"))
    assert cat.loc["sin_revisar", "name"] == "Sin revisar / Unreviewed"
    mk = gender_totals("marcador_genero", settings=classified).set_index("key")
    assert list(mk.index) == ["2", "1", "0", "sin_revisar"]
    assert tuple(mk.loc["1", ["pia", "pim", "devengado"]]) == (D("1600"), D("1800"), D("1270.25"))
    assert tuple(mk.loc["0", ["pia", "pim", "devengado"]]) == (D("50"), D("60"), D("55"))
    assert sum(cat["devengado"]) == sum(mk["devengado"]) == D("3515.85")
    assert mk.loc["2", "execution_pct"] == pytest.approx(61.44)


def test_unreviewed_lines_are_counted_and_shown(classified):
    cov = coverage(settings=classified).set_index("category")
    assert cov.loc["sin_revisar", "lines"] == 2                 # E: its month-0 and March rows
    assert cov.loc["sin_revisar", "devengado"] == D("40.10")
    assert cov.loc["sin_revisar", "share_devengado_pct"] == pytest.approx(40.10 / 3515.85 * 100, abs=0.01)
    assert cov.loc["especifico", "devengado"] == D("2150.50")
    assert coverage(2012, settings=classified).set_index("category").loc["sin_revisar", "lines"] == 0
    which = line_rules(2010, ["0024"], settings=classified)
    assert list(which["rule_id"]) == ["sin_revisar"] and which["marker"].isna().all()


def test_line_rules_say_which_rule_classified_a_drill_path(classified):
    df = line_rules(2010, ["0080"], settings=classified).set_index("rule_id")
    assert set(df.index) == {"R-VIOL", "R-0080"}
    assert df.loc["R-VIOL", "rationale"] == "test rule R-VIOL"
    assert df.loc["R-VIOL", "conditions"] == "sec_ejec=1232, programa=0080"
    assert D(df.loc["R-0080", "pim"]) == D("400")
    assert set(line_rules(2010, ["9002"], level="M", settings=classified)["rule_id"]) == {"R-VASO", "R-9002"}
    assert line_rules(2010, ["9002"], level="E", settings=classified).empty


def test_line_rules_level_all_is_every_level(classified):
    """domain.codes.ALL ("all") means no level filter, as in gender_programmes."""
    every = line_rules(2010, settings=classified)
    assert not every.empty
    pd.testing.assert_frame_equal(line_rules(2010, level="all", settings=classified), every)
    nine = line_rules(2010, ["9002"], level="all", settings=classified)
    assert set(nine["rule_id"]) == {"R-VASO", "R-9002"}


def test_line_rules_and_gender_programmes_agree_on_conditions(classified):
    from store.gender_programmes import gender_programmes
    progs = gender_programmes(2010, settings=classified)
    for programa, rule_id, conditions in zip(progs["key"], progs["rule_id"], progs["conditions"]):
        got = line_rules(2010, [programa], settings=classified).set_index("rule_id")
        assert got.loc[rule_id, "conditions"] == conditions


def test_one_rule_edit_moves_exactly_the_expected_money(classified, tmp_path):
    before = _classes(classified)
    cat_before = gender_totals("categoria_genero", settings=classified).set_index("key")
    new_file = write_rules(tmp_path / "edit.csv", edited("R-VASO", category="especifico", marker=2, weight=100))
    preview = rule_diff(None, new_file, settings=classified)          # before applying: active vs file
    classify(new_file, settings=classified, loaded_by="tests")
    applied = rule_diff(settings=classified)                          # previous version vs active
    for d in (preview, applied):
        assert d.added.empty and d.removed.empty
        assert set(d.changed["rule_id"]) == {"R-VASO"}
        assert set(d.changed["field"]) == {"category", "marker", "weight"}
        moved = d.moved.to_dict("records")
        assert moved == [{"from_category": "general", "to_category": "especifico", "lines": 1,
                          "pia": D("800"), "pim": D("800"), "devengado": D("700")}]
        t = d.totals.set_index("definition")
        assert (t.loc["strict", "devengado_old"], t.loc["strict", "devengado_new"]) == (D("2150.50"), D("2850.50"))
        assert (t.loc["weighted", "pim_old"], t.loc["weighted", "pim_new"]) == (D("4259.98"), D("4659.98"))
        assert t.loc["broad", "pia_old"] == t.loc["broad", "pia_new"] == D("4500")
    after = _classes(classified)
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {key_of("D")}                                  # nothing else moved
    cat_after = gender_totals("categoria_genero", settings=classified).set_index("key")
    assert cat_after.loc["especifico", "devengado"] - cat_before.loc["especifico", "devengado"] == D("700")
    assert cat_before.loc["general", "devengado"] - cat_after.loc["general", "devengado"] == D("700")
    assert cat_after.loc["sin_revisar", "devengado"] == cat_before.loc["sin_revisar", "devengado"]


def test_rule_diff_reports_added_and_removed_rules(classified, tmp_path):
    rules = edited("R-9002", _remove=True) + [{**BASE_RULES[6], "id": "R-9002-NEW", "marker": 1, "weight": 10}]
    d = rule_diff(None, write_rules(tmp_path / "r.csv", rules), settings=classified)
    assert list(d.added["rule_id"]) == ["R-9002-NEW"] and list(d.removed["rule_id"]) == ["R-9002"]
    assert d.moved.empty                                  # same category: no money moves between categories
    t = d.totals.set_index("definition")
    assert t.loc["broad", "devengado_new"] - t.loc["broad", "devengado_old"] == D("55")
    assert t.loc["weighted", "devengado_new"] - t.loc["weighted", "devengado_old"] == D("5.50")


BROKEN = {
    # fault -> (how to break BASE_RULES, words the message must hold)
    "unknown_field": (lambda p: write_rules(p, edited("R-0080", programme="0080"), extra_columns=("programme",)),
                      ("programme", "R-0080", "unknown field")),
    "weight_101": (lambda p: write_rules(p, edited("R-VASO", weight=101)), ("R-VASO", "101", "0-100")),
    "reversed_years": (lambda p: write_rules(p, edited("R-SMN-NEW", year_from=2013, year_to=2012)),
                       ("R-SMN-NEW", "reversed")),
    "ambiguous_overlap": (lambda p: write_rules(p, BASE_RULES + [{**BASE_RULES[1], "id": "R-0080-BIS"}]),
                          ("R-0080", "R-0080-BIS", "ambiguous")),
    "bad_regex": (lambda p: write_rules(p, edited("R-VASO", actividad_name="vaso (de leche")),
                  ("R-VASO", "does not compile")),
}


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_a_broken_rule_file_is_refused_and_changes_nothing(classified, tmp_path, fault):
    make, words = BROKEN[fault]
    before = snapshot(classified)
    with pytest.raises(RuleError) as exc:
        classify(make(tmp_path / "broken.csv"), settings=classified)
    for w in words:
        assert w in str(exc.value), (fault, str(exc.value))
    assert snapshot(classified) == before


def test_a_failure_while_writing_leaves_the_old_classification(classified, tmp_path, monkeypatch):
    import etl.classify as cl
    before = snapshot(classified)

    def boom(*a, **k):
        raise RuntimeError("disk full")
    monkeypatch.setattr(cl, "insert_batches", boom)     # after line_class was emptied in the transaction
    with pytest.raises(RuntimeError):
        classify(write_rules(tmp_path / "r.csv", edited("R-VASO", weight=20)), settings=classified)
    assert snapshot(classified) == before


def test_rule_set_versions_are_kept(classified, tmp_path):
    v = rule_sets(classified)          # 1: the default file at the first load, 2: the fixture's rules
    assert list(v["id"]) == [1, 2] and list(v["active"]) == [False, True]
    assert list(v["file_name"]) == ["gender_rules.csv", "rules.csv"] and v["loaded_by"][1] == "tests"
    f2 = tmp_path / "rules.csv"
    classify(f2, settings=classified, loaded_by="tests")             # same bytes: re-applied, no new version
    assert len(rule_sets(classified)) == 2
    classify(write_rules(tmp_path / "r3.csv", edited("R-VASO", weight=20)), settings=classified, loaded_by="ana")
    classify(f2, settings=classified, loaded_by="luis")             # back to the fixture's file: a new version
    v = rule_sets(classified)
    assert list(v["id"]) == [1, 2, 3, 4] and list(v["active"]) == [False, False, False, True]
    assert list(v["loaded_by"])[1:] == ["tests", "ana", "luis"]
    assert v["sha256"][1] == v["sha256"][3] != v["sha256"][2]
    assert _classes(classified)[key_of("D")][3] == D("50")
    assert rule_diff(3, 4, settings=classified).changed.to_dict("records") == [
        {"rule_id": "R-VASO", "field": "weight", "old": D("20.00"), "new": D("50.00")}]


def test_a_load_classifies_its_lines_with_the_active_rules(classified, tmp_path):
    before = _classes(classified)
    rows = fixtures.march_line(2011, "5", "5", "5", **LINES["D"][4])     # D's key, in a new year
    assert load_file(fixtures.write(tmp_path / "y2011.csv", rows), settings=classified).status == "loaded"
    got = _classes(classified)
    assert got.pop((2011,) + key_of("D")[1:])[0] == "R-VASO"
    assert got == before                                            # the other years are untouched
    assert len(rule_sets(classified)) == 2                          # no new version for a load


def test_a_fresh_store_gets_the_default_rules_on_its_first_load(store, tmp_path):
    _load(store, tmp_path, ["A", "C"])
    v = rule_sets(store)
    assert list(v["file_name"]) == ["gender_rules.csv"] and bool(v["active"][0])
    got = _classes(store)
    assert got[key_of("C")][1:3] == ("especifico", 2)               # SALUD MATERNO NEONATAL 2010
    assert got[key_of("A")][1:3] == ("especifico", 2)               # LUCHA CONTRA LA VIOLENCIA FAMILIAR


def test_a_load_that_would_tie_is_refused_and_changes_nothing(store, tmp_path):
    _load(store, tmp_path, ["B"])
    rules = edited("R-VIOL", _remove=True) + [{**BASE_RULES[1], "id": "R-UNIT", "programa": "", "sec_ejec": "1232"}]
    classify(write_rules(tmp_path / "tie.csv", rules), settings=store)   # no 0080 line at 1232 yet: no tie
    before = snapshot(store)
    r = load_file(fixtures.write(tmp_path / "2011.csv", fixtures.march_line(2011, "1", "1", "1")), settings=store)
    assert r.status == "refused"
    assert "R-0080" in r.message and "R-UNIT" in r.message
    assert snapshot(store) == before


def test_filters_on_keys_and_on_other_columns_give_the_same_totals(classified):
    """Key filters read line_class's sums; others (department) join the budget lines."""
    import pandas as pd
    keyed = gender_summary(2010, settings=classified)
    joined = gender_summary(2010, filters={"departamento": "15"}, settings=classified)   # every line is in 15
    pd.testing.assert_frame_equal(keyed, joined)
    for by in ("categoria_genero", "marcador_genero"):
        pd.testing.assert_frame_equal(gender_totals(by, settings=classified),
                                      gender_totals(by, filters={"fuente": "1"}, settings=classified))
    muni = gender_totals("marcador_genero", filters={"nivel": "M"}, settings=classified).set_index("key")
    assert list(muni.index) == ["1", "0"] and muni.loc["1", "devengado"] == D("700")
    assert gender_summary(filters={"departamento": "01"}, settings=classified)["pim"].sum() == 0
    only = gender_summary(filters={"categoria_genero": "especifico", "departamento": "15"}, settings=classified)
    assert only.set_index("definition").loc["broad", "devengado"] == D("2150.50")
