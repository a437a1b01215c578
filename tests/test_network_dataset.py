"""The curated network dataset (data/network/programmes.yaml): Table 1 as printed, contradictions,
the `etl network` listing, and programmes.yaml validation."""
from __future__ import annotations

import csv
import io

import pytest
from conftest import snapshot
from network_data import programmes, seed_fixture, write_yaml

from etl.network import DEFAULT_PATH, load_network, read_programmes
from etl.reference import seed
from store.programmes import coverage_by_department, network_table, programme_detail

# Every programme of the seed report's Table 1 (seed text: section 3.1, "Table 1: Social
# protection network in Peru"), with the coverage figure the table prints, copied from the
# seed text by hand. None = Table 1 prints no coverage for it.
TABLE_1 = {
    "juntos": ["431,974 households"],
    "pin": ["580,000 children under 3", "150,000 pregnant and lactating women"],
    "vaso_de_leche": ["Around 5 million beneficiaries"],
    "social_pensions": ["9.6% and 31.5% of economically active population (EAP) was affiliated to SNP and SPP "
                        "in 2007"],
    "cem": ["Receives an average of 30,000 annual cases"],
    "demuna": None,
    "inabif": ["In 2008, around 2500 children and teenagers per month received attention in protection homes"],
    "essalud": ["17.4% of the population is covered by ESSALUD"],
    "sis": ["In 2006, over 11 million people were affiliated to SIS"],
    "construyendo_peru": ["271,564 jobs between January 2006 and April 2009",
                          "around 5% of households with children under 18"],
    "agro_rural": ["Agro Rural will initially cover 1000 rural districts", "PRONAMACHCS reaches 140,000 rural "
                   "households", "MARENASS, 25,044 women", "35,730 men"],
    "lio": None,
    "gender_quota": None,
    "projoven": ["July 2007-June 2008, 25,000 (53% women)"],
    "revalora_peru": None,
    "wawa_wasi": ["In 2008, 53,000 girls and boys received attention", "in 6795 Wawa Wasis"],
    "pronama": ["1.3 million, particularly women, in learning circles to date"],
}

# (programme, unit, sex, year) -> value, for a sample of Table 1 figures as numbers.
TABLE_1_VALUES = {
    ("juntos", "households", "T", 2009): 431974,
    ("vaso_de_leche", "beneficiaries", "T", 2009): 5_000_000,
    ("wawa_wasi", "children", "T", 2008): 53000,
    ("wawa_wasi", "centres", "T", 2008): 6795,
    ("construyendo_peru", "jobs", "T", 2009): 271564,
    ("agro_rural", "persons_trained", "F", 2008): 25044,
    ("agro_rural", "persons_trained", "M", 2008): 35730,
    ("pronama", "learners", "T", 2009): 1_300_000,
    ("sis", "affiliates", "T", 2006): 11_000_000,
}


@pytest.fixture
def seeded(store):
    results = seed(store)
    assert all(r.status == "loaded" for r in results), [(r.file, r.message) for r in results]
    return store


def test_every_table_1_programme_is_there_with_its_figure_as_printed(seeded):
    table = network_table("en", settings=seeded).set_index("id")
    assert set(TABLE_1) <= set(table.index)
    assert set(table.index[table["in_table_1"]]) == set(TABLE_1)
    for pid, printed in TABLE_1.items():
        detail = programme_detail(pid, settings=seeded)
        figures = detail["coverage_printed"]
        got = list(figures[figures["section"] == "Table 1"]["printed"].drop_duplicates())
        assert got == (printed or []), pid
        if printed:
            assert table.loc[pid, "coverage_printed"] == "; ".join(printed)
            assert table.loc[pid, "coverage_section"] == "Table 1"
    assert table.loc["juntos", "category"] == "protective"
    assert table.loc["essalud", "category_label"] == "Preventive"
    assert table.loc["juntos", "share_social_budget_2009_pct"] == pytest.approx(8.2)


def test_table_1_figures_are_in_the_coverage_table(seeded):
    for (pid, unit, sex, year), value in TABLE_1_VALUES.items():
        rows = coverage_by_department(pid, year, unit, settings=seeded)
        rows = rows[(rows["sex"] == sex) & (rows["department"] == "PE")
                    & rows["source"].str.endswith("Table 1")]
        assert list(rows["value"]) == [value], (pid, unit, rows)


def test_contradictions_keep_both_values_with_their_sections(seeded):
    contra = programme_detail("juntos", "en", settings=seeded)["contradictions"]
    fieldwork = contra[contra["what"].str.contains("fieldwork districts")]
    assert sorted(zip(fieldwork["printed"], fieldwork["section"])) == [
        ("756 and 585", "4.1"), ("772 and 599", "Table A3.2")]
    printed = programme_detail("juntos", settings=seeded)["coverage_printed"]
    district = {(int(v), s) for v, s in zip(printed["value"], printed["section"]) if v in (756, 585, 772, 599)}
    assert district == {(756, "4.1"), (585, "4.1"), (772, "Table A3.2"), (599, "Table A3.2")}
    jobs = coverage_by_department("construyendo_peru", 2009, "jobs", settings=seeded)
    assert sorted(zip(jobs["value"], jobs["source"])) == [
        (271564, "ODI 2010 report, Table 1"), (283336, "ODI 2010 report, Appendix 1")]


def test_network_csv_lists_one_row_per_programme(seeded, capsys):
    from etl.__main__ import main
    assert main(["network", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out)))
    header = out.splitlines()[0].split(",")
    assert header[:6] == ["id", "acronym", "name_es", "name_en", "category", "subtype"]
    assert {"target_population_es", "coverage_printed", "coverage_section"} <= set(header)
    assert len(rows) == len({r["id"] for r in rows}) == len(read_programmes(DEFAULT_PATH).programmes)
    juntos = next(r for r in rows if r["id"] == "juntos")
    assert juntos["acronym"] == "JUNTOS" and juntos["category"] == "protective"
    assert juntos["coverage_printed"] == "431,974 households" and juntos["coverage_section"] == "Table 1"
    assert "JUNTOS" in juntos["name_es"] and juntos["target_population_es"].startswith("Hogares")


def test_network_without_store_says_what_to_run(duck_store, capsys):
    from etl.__main__ import main
    assert main(["network"]) == 1
    assert "python -m etl reference" in capsys.readouterr().err


# ---------------------------------------------------------------- programmes.yaml validation

def _juntos(data) -> dict:
    return next(p for p in data["programmes"] if p["id"] == "juntos")


def _break(kind: str) -> dict:
    data = programmes()
    j = _juntos(data)
    if kind == "unknown_key":
        j["coverage_figure"] = "431,974"
    elif kind == "duplicate_id":
        data["programmes"].append(dict(j))
    elif kind == "category":
        j["category"] = "protection"
    elif kind == "subtype":
        j["subtype"] = "social_services"
    elif kind == "sex":
        j["coverage"][0]["sex"] = "W"
    elif kind == "negative":
        j["coverage"][0]["value"] = -1
    elif kind == "percent":
        j["coverage"][1]["value"] = 106
    elif kind == "regex":
        j["budget_links"] = [{"years": [2005, 2011], "name_pattern": "JUNTOS(", "note_es": "x", "note_en": "x"}]
    elif kind == "two_matchers":
        j["budget_links"][0]["programa"] = "0049"
    elif kind == "years":
        j["budget_links"][0]["years"] = [2026, 2012]
    elif kind == "coverage_key":
        j["coverage"][0]["valor"] = 1
    elif kind == "one_language":
        j["coverage"][0]["note_es"] = "Solo en castellano."
    elif kind == "institution_one_language":
        j["institution_en"] = "PCM"
    elif kind == "successor":
        j["budget_links"][0]["successor"] = "yes"
    elif kind == "contradiction":
        j["contradictions"] = [{"what_es": "x", "what_en": "x", "values": [{"printed": "1", "section": "4"}]}]
    return data


@pytest.mark.parametrize("kind,words", [
    ("unknown_key", "unknown key 'coverage_figure'"),
    ("duplicate_id", "duplicate id"),
    ("category", "category 'protection' is not one of"),
    ("subtype", "subtype 'social_services' is not a subtype of 'protective'"),
    ("sex", "sex 'W' is not one of F, M, T"),
    ("negative", "below 0"),
    ("percent", "percentage above 100"),
    ("regex", "not a valid regular expression"),
    ("two_matchers", "exactly one of"),
    ("years", "run backwards"),
    ("coverage_key", "unknown key 'valor'"),
    ("contradiction", "at least two values"),
    ("one_language", "coverage 1: note_es is given but note_en is missing"),
    ("institution_one_language", "institution_en is given but institution_es is missing"),
    ("successor", "successor must be true or false, found 'yes'"),
])
def test_yaml_errors_name_the_programme(tmp_path, kind, words):
    from domain.errors import LoadRefused
    path = write_yaml(tmp_path / "programmes.yaml", _break(kind))
    with pytest.raises(LoadRefused) as err:
        read_programmes(path)
    msg = str(err.value)
    assert "programme 'juntos'" in msg and words in msg and msg.startswith("programmes.yaml, line "), msg


def test_yaml_syntax_and_duplicate_keys_give_a_line(tmp_path):
    from domain.errors import LoadRefused
    good = write_yaml(tmp_path / "programmes.yaml", programmes()).read_text()
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.replace("  acronym: JUNTOS\n", "  acronym: JUNTOS\n  acronym: JUNTOS2\n", 1))
    with pytest.raises(LoadRefused, match=r"bad.yaml, line \d+: not valid YAML: duplicate key 'acronym'"):
        read_programmes(bad)
    bad.write_text(good.replace("programmes:\n", "programmes:\n  - [unclosed\n", 1))
    with pytest.raises(LoadRefused, match=r"bad.yaml, line \d+: not valid YAML"):
        read_programmes(bad)


def test_the_projects_programmes_yaml_is_valid():
    net = read_programmes(DEFAULT_PATH)
    assert len(net.ids) == len(net.programmes) >= len(TABLE_1)
    assert all(link["name_pattern"] or link["sec_ejec"] or link["programa"] or link["pliego"] for link in net.links)


def test_bad_yaml_or_orphaned_coverage_leaves_the_store_unchanged(store, tmp_path):
    seed_fixture(store, tmp_path / "fx")
    before = snapshot(store)
    r = load_network(write_yaml(tmp_path / "programmes.yaml", _break("sex")), settings=store)
    assert r.status == "refused" and "programme 'juntos'" in r.message
    assert snapshot(store) == before
    # Dropping a programme the coverage table still uses would orphan its rows: refused too.
    data = programmes()
    data["programmes"] = [p for p in data["programmes"] if p["id"] != "cem"]
    r = load_network(write_yaml(tmp_path / "programmes.yaml", data), settings=store)
    assert r.status == "refused" and "programme 'cem' is no longer in programmes.yaml" in r.message, r.message
    assert snapshot(store) == before
    # A valid change is published, and the same file twice changes nothing.
    data = programmes()
    _juntos(data)["name_en"] = "Juntos (renamed)"
    path = write_yaml(tmp_path / "programmes.yaml", data)
    assert load_network(path, settings=store).status == "loaded"
    assert programme_detail("juntos", settings=store)["programme"]["name_en"] == "Juntos (renamed)"
    after = snapshot(store)
    assert load_network(path, settings=store).status == "unchanged"
    assert snapshot(store) == after


# ---- the audit's corrections (issue "Data truth") -----------------------------------------------

def test_construyendo_peru_says_why_women_are_the_majority_as_the_report_does(seeded):
    p = programme_detail("construyendo_peru", "en", settings=seeded)["programme"]
    assert "mainly because of women's own demand for the work" in p["gender_design_en"]
    assert "partly because" not in p["gender_design_en"]
    assert "sobre todo por la propia demanda de trabajo de las mujeres" in p["gender_design_es"]
    assert "7" in p["sources"].split("; ")          # section 7, the conclusions


def test_juntos_link_with_pronama_is_a_working_one(seeded):
    p = programme_detail("juntos", "en", settings=seeded)["programme"]
    assert "Weak or early links with PRONAMA" not in p["linkages_en"]
    assert "With PRONAMA, under Crecer, there is a working link" in p["linkages_en"]
    assert "Links with Mi Chacra Productiva and Agro Rural are, in the report's words, still embryonic or " \
           "non-existent" in p["linkages_en"]


def test_the_empowerment_contradiction_is_recorded_with_its_sections(seeded):
    contra = programme_detail("juntos", "en", settings=seeded)["contradictions"]
    emp = contra[contra["what"] == "Whether Juntos' design considers women's empowerment"]
    assert list(emp["section"]) == ["Appendix 1", "4.4", "Executive summary"]
    assert emp["printed"].iloc[0].startswith("Programme design considers the empowerment of women")


def test_table_a32_states_both_readings_and_which_is_used(seeded):
    contra = programme_detail("juntos", "en", settings=seeded)["contradictions"]
    note = contra[contra["what"].str.contains("fieldwork districts")]["note"].iloc[0]
    assert "(a) By the rural-household totals" in note and "(b) By the distance" in note
    assert "puts Chiara at 1 hour and Los Morochucos at 2.5 hours" in note
    assert note.endswith("The dataset uses reading (a).")


def test_years_the_report_does_not_give_are_marked_inferred(seeded):
    def year_of(pid, unit, value):
        rows = coverage_by_department(pid, unit=unit, settings=seeded)
        r = rows[rows["value"] == value].iloc[0]
        return int(r["year"]), bool(r["year_inferred"])
    assert year_of("pronama", "learners_target", 2_500_000) == (2011, True)
    assert year_of("agro_protege", "persons_target", 1_500_000) == (2008, True)
    assert year_of("gender_quota", "percent_ministers_women", 40) == (2006, True)
    assert year_of("gender_quota", "percent_ministers_women", 19) == (2009, False)    # 'July 2009' is printed
    assert year_of("juntos", "households", 431_974) == (2009, False)
    # MARENASS: one Appendix 1 cell, dated by its (CGR, 2008): every figure of it in 2008, inferred
    agro = coverage_by_department("agro_rural", settings=seeded)
    marenass = agro[agro["note"].str.contains("MARENASS")]
    assert len(marenass) == 7 and set(marenass["year"]) == {2008} and marenass["year_inferred"].all()
    printed = programme_detail("pronama", settings=seeded)["coverage_printed"]
    assert printed[printed["value"] == 2_500_000]["date"].isna().all()      # the YAML says: not printed


def test_the_record_shows_the_inferred_year(seeded):
    from components.programme_record import programme_record
    from dash_tree import text
    detail = programme_detail("pronama", "es", settings=seeded)
    shown = text(programme_record(detail, [], "es", "red"))
    assert "2011 (año inferido)" in shown and "el informe no imprime el año de esa cifra" in shown
    detail = programme_detail("juntos", "en", settings=seeded)     # every Juntos year is printed
    shown = text(programme_record(detail, [None] * len(detail["budget"]), "en", "red"))
    assert "Programme record" in shown and "inferred year" not in shown


def test_labels_say_which_source_and_which_names_the_project_added(seeded):
    from components.programme_record import programme_record
    from dash_tree import text
    juntos = programme_detail("juntos", "en", settings=seeded)
    assert "Alcázar (2009b)" in juntos["programme"]["share_note"]
    assert "World Bank (2007)" in programme_detail("vaso_de_leche", "en", settings=seeded)["programme"]["share_note"]
    assert programme_detail("wawa_wasi", settings=seeded)["programme"]["share_note"] is None
    added = {pid for pid in ("juntos", "pronama", "construyendo_peru", "cem", "social_pensions", "wawa_wasi", "sis")
             if programme_detail(pid, settings=seeded)["programme"]["name_added"]}
    assert added == {"juntos", "pronama", "construyendo_peru", "cem", "social_pensions"}
    detail = programme_detail("juntos", "es", settings=seeded)
    es = text(programme_record(detail, [None] * len(detail["budget"]), "es", "red"))
    assert "Nombre oficial en castellano añadido por el proyecto" in es and "Alcázar (2009b)" in es


def test_the_network_page_carries_the_reports_context_figures(seeded):
    from components.network_table import context_figures
    from dash_tree import text
    from store.programmes import network_figures
    figs = network_figures("en", settings=seeded)
    got = [(v, y, s) for v, y, s in zip(figs["value"], figs["year"], figs["section"])]
    assert got[:2] == [(3.8, "2008", "3.1.1"), (8.3, "2009", "3.1.1")]
    assert figs["printed"].iloc[2].startswith("It is expected to increase to 50% to 70%") and figs["section"].iloc[2] == "3.1.1"
    assert (figs["value"].iloc[3], figs["section"].iloc[3]) == (84, "3.1.2")
    shown = text(context_figures(network_figures("es", settings=seeded), "es", "red"))
    assert "84% of the MIMDES budget is oriented to protective programmes" in shown and "sección 3.1.2" in shown


def test_no_internal_file_names_in_what_the_pages_show():
    """Curator texts the Red page shows (programmes, their figures, links and contradictions) name
    no file of this repository and no command: readers get words, maintainers the YAML comments."""
    import yaml

    def strings(node):
        if isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v)
        elif isinstance(node, str):
            yield node
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    shown = list(strings(data["programmes"])) + list(strings(data.get("context_figures", [])))
    for words in ("docs/", ".md", ".csv", ".yaml", "python -m", "DOMAIN"):
        bad = [s for s in shown if words in s]
        assert not bad, (words, bad[:2])
