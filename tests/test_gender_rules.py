"""Reading and validating rule files (no store), and the matcher on hand-built keys."""
from __future__ import annotations

from decimal import Decimal

import numpy as np
import pyarrow as pa
import pytest
from gender_fixture import BASE_RULES, edited, rules_text

from domain.gender import CATEGORIES, LIO_LINES
from domain.gender_rules import (
    FIELDS,
    RuleConflict,
    RuleError,
    match,
    parse_rules,
    read_rules,
)
from settings import DEFAULT_RULES


def _refused(text: str) -> str:
    with pytest.raises(RuleError) as exc:
        parse_rules(text, "t.csv")
    return str(exc.value)


def test_the_fixture_rules_parse_with_their_specificity():
    rs = parse_rules(rules_text(BASE_RULES), "t.csv")
    spec = {r.id: r.specificity for r in rs.rules}
    assert spec == {"R-VIOL": 4, "R-0080": 2, "R-NAME": 1, "R-SMN-OLD": 1, "R-SMN-NEW": 2, "R-VASO": 3, "R-9002": 2}
    vaso = next(r for r in rs.rules if r.id == "R-VASO")
    assert vaso.weight == Decimal("50.00") and vaso.marker == 1 and vaso.line == 7


def test_every_problem_is_listed_with_its_rule_and_line():
    rules = edited("R-VASO", weight="101", marker="3") + [{**BASE_RULES[0], "id": "R-X", "category": "women"}]
    msg = _refused(rules_text(rules))
    assert "rule R-VASO (line 7): weight 101 is outside 0-100" in msg
    assert "rule R-VASO (line 7): marker '3' must be 0, 1 or 2" in msg
    assert "rule R-X (line 9): category 'women'" in msg
    assert "3 problems" in msg and "nothing changed" in msg


@pytest.mark.parametrize("change, words", [
    (dict(programa="80"), "programa code '80' must be 4 digits"),          # Excel dropped the zeros
    (dict(sec_ejec="12a"), "sec_ejec code '12a'"),
    (dict(id="sin_revisar"), "reserved"),
    (dict(id="R 1"), "must be 1-40 letters"),
    (dict(programa="", sec_ejec=""), "no match condition"),
    (dict(weight="-1"), "outside 0-100"),
    (dict(weight="12.345"), "more than 2 decimals"),
    (dict(weight="half"), "not a number"),
    (dict(lio_line="mujeres"), "lio_line 'mujeres' must be one of"),
    (dict(date="27 Nov"), "date '27 Nov'"),
    (dict(rationale=""), "rationale is empty"),
    (dict(year_from="20x0"), "year_from '20x0' is not a year"),
])
def test_bad_values_are_named(change, words):
    msg = _refused(rules_text(edited("R-VIOL", **change)))
    assert words in msg and "(line 2)" in msg, msg


def test_duplicate_ids_and_missing_columns_are_refused():
    assert "id already used on line 2" in _refused(rules_text(BASE_RULES + [BASE_RULES[0]]))
    text = rules_text(BASE_RULES).replace(",rationale,", ",why,", 1)
    msg = _refused(text)
    assert "unknown field 'why' (set by rules R-VIOL" in msg and "missing column: rationale" in msg


def test_static_overlap_needs_same_columns_shared_codes_and_years():
    ok = BASE_RULES + [{**BASE_RULES[1], "id": "R-0080-2009", "programa": "0080|0081", "year_to": 2009}]
    with pytest.raises(RuleError) as exc:
        parse_rules(rules_text(ok), "t.csv")           # R-0080 has no year range: 2009 overlaps
    assert "R-0080 (line 3) and R-0080-2009" in str(exc.value)
    disjoint = edited("R-0080", year_from=2010) + [{**BASE_RULES[1], "id": "R-0080-2009", "year_to": 2009}]
    parse_rules(rules_text(disjoint), "t.csv")
    other_codes = BASE_RULES + [{**BASE_RULES[1], "id": "R-0081", "programa": "0081"}]
    parse_rules(rules_text(other_codes), "t.csv")


def test_excel_style_files_are_read(tmp_path):
    """Spanish Excel saves ';'-separated cp1252 (or UTF-8 with BOM), dd/mm/yyyy dates, '50,5' weights."""
    text = rules_text(edited("R-VASO", weight="50,5", date="27/11/2026", rationale="niñas – niños “CEM”"))
    semi = text.replace(",", ";").replace("50;5", "50,5")
    p = tmp_path / "excel.csv"
    p.write_bytes(semi.encode("cp1252"))
    rs = read_rules(p)
    vaso = next(r for r in rs.rules if r.id == "R-VASO")
    assert vaso.weight == Decimal("50.50") and vaso.date == "2026-11-27" and vaso.rationale == "niñas – niños “CEM”"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert len(read_rules(p).rules) == len(BASE_RULES)


def test_commented_and_blank_lines_are_skipped():
    text = rules_text(BASE_RULES).replace("R-9002,", "#R-9002,") + "\n,,,\n"
    assert [r.id for r in parse_rules(text).rules] == [r["id"] for r in BASE_RULES[:-1]]


def test_the_default_rule_file_is_valid_and_documented():
    rs = read_rules(DEFAULT_RULES)
    assert len(rs.rules) >= 30
    for r in rs.rules:
        assert r.rationale and r.source and r.author and r.date, r.id
        assert r.category in CATEGORIES and r.lio_line in LIO_LINES
    ids = {r.id for r in rs.rules}
    assert {"PP-0002", "PP-VIOLENCIA", "UE-1232-PNCVFS", "UE-1428-JUNTOS", "CAT-9001", "CAT-9002"} <= ids
    assert open(DEFAULT_RULES, encoding="utf-8").readline().strip() == ",".join(FIELDS)
    assert len(LIO_LINES) == 11                       # the ten LIO lines and "not related"


def _keys(*rows):
    cols = ("fiscal_year", "pliego", "sec_ejec", "programa", "producto_proyecto", "actividad", "funcion")
    return pa.table({c: pa.array([r[i] for r in rows], pa.int16() if i == 0 else pa.string())
                     for i, c in enumerate(cols)})


def test_match_picks_the_most_specific_and_reports_ties():
    rules = parse_rules(rules_text(BASE_RULES), "t.csv").rules
    keys = _keys((2010, "039", "1232", "0080", "3000223", "5001631", "23"),
                 (2010, "001", "1428", "0080", "3000223", "5001631", "23"),
                 (2012, "135", "1091", "0002", "3033172", "5000043", "20"),
                 (2010, "039", "1232", "0024", "3000001", "5000001", "20"))
    names = {"programa": {(2010, "0080"): "LUCHA CONTRA LA VIOLENCIA FAMILIAR"}}
    got = [rules[i].id if i >= 0 else None for i in match(rules, keys, names)]
    assert got == ["R-VIOL", "R-0080", "R-SMN-NEW", None]
    tie = [r for r in rules if r.id != "R-VIOL"] + list(parse_rules(rules_text(
        [{**BASE_RULES[1], "id": "R-UNIT", "programa": "", "sec_ejec": "1232"}]), "u.csv").rules)
    with pytest.raises(RuleConflict) as exc:
        match(tie, keys, names, "u.csv")
    assert "R-0080" in str(exc.value) and "R-UNIT" in str(exc.value) and "1 budget-line combination" in str(exc.value)
    assert match(rules, _keys(), {}).shape == (0,) and np.all(match(rules, _keys(), {}) == -1)
