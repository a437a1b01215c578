"""`python -m etl` gender commands, run as users run them; and the default rules on the demo data."""
from __future__ import annotations

import subprocess
import sys

import fixtures
from conftest import ROOT, snapshot
from gender_fixture import budget_rows, edited, write_rules

from etl.load import load_file


def _etl(*args, check=True):
    p = subprocess.run([sys.executable, "-m", "etl", *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    if check:
        assert p.returncode == 0, p.stderr
    return p


def _classified(settings, tmp_path):
    assert load_file(fixtures.write(tmp_path / "g.csv", budget_rows()), settings=settings).status == "loaded"
    rules = write_rules(tmp_path / "rules.csv")
    out = _etl("classify", "--rules", rules, "--by", "ana").stdout
    assert "rule set 2 (rules.csv" in out and "loaded by ana" in out and "new version" in out
    assert "sin_revisar 1" in out
    return rules


def test_gender_summary_csv(store, tmp_path):
    _classified(store, tmp_path)
    lines = _etl("gender-summary", "--format", "csv").stdout.splitlines()
    assert lines == ["definition,pia,pim,devengado",
                     "strict,2900.00,3500.00,2150.50",
                     "weighted,3586.65,4259.98,2698.59",
                     "broad,4500.00,5300.00,3420.75"]
    y = _etl("gender-summary", "--year", "2012", "--format", "csv").stdout.splitlines()
    assert y[1:] == ["strict,0.00,0.00,0.00", "weighted,166.65,199.98,149.99", "broad,500.00,600.00,450.00"]
    assert "weighted" in _etl("gender-summary").stdout


def test_totals_by_gender_category_and_marker(duck_store, tmp_path):
    _classified(duck_store, tmp_path)
    cat = _etl("totals", "--by", "categoria_genero", "--format", "csv").stdout.splitlines()
    assert cat == ["key,name,pia,pim,devengado,execution_pct",
                   "especifico,Específico de género / Gender-specific,2900.00,3500.00,2150.50,61.44",
                   "general,General (transversal) / Mainstream,1650.00,1860.00,1325.25,71.25",
                   "sin_revisar,Sin revisar / Unreviewed,100.00,150.00,40.10,26.73"]
    mk = _etl("totals", "--by", "marcador_genero", "--year", "2010", "--format", "csv").stdout.splitlines()
    assert [line.split(",")[0] for line in mk] == ["key", "2", "1", "0", "sin_revisar"]
    assert mk[2] == "1,Significativo / Significant,1100.00,1200.00,820.25,68.35"
    p = _etl("totals", "--by", "categoria_genero", "--source", "consulta", check=False)
    assert p.returncode == 2 and "--source gasto" in p.stderr


def test_coverage_and_versions(duck_store, tmp_path):
    _classified(duck_store, tmp_path)
    out = _etl("rules", "coverage").stdout
    assert "unreviewed (no rule matched): 1.1% of devengado, 2 budget lines, all years" in out
    csv_out = _etl("rules", "coverage", "--year", "2010", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "category,name,lines,pim,devengado,share_pim_pct,share_devengado_pct"
    assert csv_out[-1].startswith("sin_revisar,Sin revisar / Unreviewed,2,150.00,40.10,")
    versions = _etl("rules", "versions").stdout.splitlines()
    assert len(versions) == 2 and versions[1].startswith("*    2") and "ana" in versions[1]


def test_diff_lists_the_edit_and_the_money_that_moved(duck_store, tmp_path):
    _classified(duck_store, tmp_path)
    new = write_rules(tmp_path / "edit.csv", edited("R-VASO", category="especifico", marker=2, weight=100))
    preview = _etl("rules", "diff", new).stdout
    assert "new: file" in preview and "(not loaded)" in preview
    assert "R-VASO: category: general -> especifico" in preview
    assert "general -> especifico: 1 line combinations, PIA 800.00, PIM 800.00, devengado 700.00" in preview
    assert "rules added (0)" in preview and "rules removed (0)" in preview
    _etl("classify", "--rules", new)
    applied = _etl("rules", "diff").stdout
    assert "old: rule set 2" in applied and "new: rule set 3" in applied and "(active)" in applied
    assert "strict    pia 2900.00 -> 3700.00" in applied
    assert _etl("rules", "diff", "2", "3").stdout == applied
    p = _etl("rules", "diff", "1", "9", check=False)
    assert p.returncode == 1 and "no rule set version 9" in p.stderr


def test_broken_rule_file_exits_non_zero_and_changes_nothing(store, tmp_path):
    _classified(store, tmp_path)
    before = snapshot(store)
    bad = write_rules(tmp_path / "bad.csv", edited("R-VASO", weight=101))
    p = _etl("classify", "--rules", bad, check=False)
    assert p.returncode == 1
    assert p.stderr.startswith("REFUSED bad.csv: gender rules refused, nothing changed")
    assert "rule R-VASO (line 7): weight 101 is outside 0-100" in p.stderr
    assert snapshot(store) == before


def test_classify_without_a_store_says_so(duck_store):
    p = _etl("classify", check=False)
    assert p.returncode == 1 and "no store yet" in p.stderr
    assert not duck_store.duckdb_path.exists()


def test_default_rules_classify_a_demo_year_without_ties(duck_store, tmp_path):
    """The starting rule set against the demo generator: no tie, nothing unreviewed, the
    programmes docs/domain.md §6 names get the proposed classification."""
    from demo.generate import write_year
    from store.gender import coverage, line_rules
    f = tmp_path / "DEMO-2011-Gasto.csv"
    write_year(f, 2011)          # 2011: the year the demo adds 0080
    r = load_file(f, settings=duck_store, demo=True)
    assert r.status == "loaded", r.message
    cov = coverage(2011, settings=duck_store).set_index("category")
    assert cov.loc["sin_revisar", "lines"] == 0
    expected = {"0002": ("especifico", 2), "0080": ("especifico", 2), "0001": ("general", 1), "0004": ("general", 1),
                "0006": ("general", 0)}
    for programa, (category, marker) in expected.items():
        df = line_rules(2011, [programa], settings=duck_store)
        assert set(zip(df["category"], df["marker"])) == {(category, marker)}, programa
    expected_rules = {"9001": {"UE-1232-PNCVFS", "UE-1428-JUNTOS", "UE-1087-MUJER", "CAT-9001"},
                      "9002": {"ACT-VASO-DE-LECHE", "UE-WAWAWASI", "UE-1091-SIS", "CAT-9002"}}
    for programa, rule_ids in expected_rules.items():
        assert rule_ids <= set(line_rules(2011, [programa], settings=duck_store)["rule_id"]), programa
