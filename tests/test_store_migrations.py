"""A store written by an older version of the code: refused with what to run, upgraded in one
atomic step by `python -m etl upgrade`, nothing lost; a store from a newer version is left alone."""
from __future__ import annotations

import fixtures
import pandas as pd
import pytest
import sqlalchemy as sa
from conftest import snapshot
from network_data import programmes, seed_fixture, write_yaml

from store.schema import SCHEMA_VERSION

# What schema version 1 looked like, from a current store: the inverse of store/migrations.py
# STEPS["5"] (no English rule rationale), STEPS["4"] (no inferred years, share notes, added names) and STEPS["2"] (single-language texts, no `contradicts`).
TO_V1 = [
    "ALTER TABLE gender_rule DROP COLUMN rationale_en",
    "ALTER TABLE coverage DROP COLUMN year_inferred",
    "ALTER TABLE programme DROP COLUMN share_note_es",
    "ALTER TABLE programme DROP COLUMN share_note_en",
    "ALTER TABLE programme DROP COLUMN name_added",
    "DROP TABLE network_figure",
    "ALTER TABLE programme ADD COLUMN institution VARCHAR",
    "UPDATE programme SET institution = institution_en",
    "ALTER TABLE programme DROP COLUMN institution_es",
    "ALTER TABLE programme DROP COLUMN institution_en",
    "ALTER TABLE programme_fact ADD COLUMN what VARCHAR",
    "ALTER TABLE programme_fact ADD COLUMN note VARCHAR",
    "UPDATE programme_fact SET what = what_en, note = note_en",
    *[f"ALTER TABLE programme_fact DROP COLUMN {c}" for c in ("what_es", "what_en", "note_es", "note_en",
                                                                "contradicts")],
    "ALTER TABLE programme_budget_link ADD COLUMN note VARCHAR",
    "UPDATE programme_budget_link SET note = note_en",
    "ALTER TABLE programme_budget_link DROP COLUMN note_es",
    "ALTER TABLE programme_budget_link DROP COLUMN note_en",
    "UPDATE store_info SET value = '1' WHERE key = 'schema_version'",
]


def _write_sql(settings, statements) -> None:
    from store.engine import write_transaction
    with write_transaction(settings) as conn:
        for sql in statements:
            conn.exec_driver_sql(sql)


def _columns(settings, table: str) -> set[str]:
    from store.engine import unchecked_engine
    engine = unchecked_engine(settings)
    try:
        with engine.connect() as conn:
            return set(conn.exec_driver_sql(f'SELECT * FROM "{table}" LIMIT 0').keys())
    finally:
        engine.dispose()


@pytest.fixture
def old_store(store, tmp_path):
    """Budget lines, the network fixture and its coverage, then taken back to schema 1."""
    from etl.load import load_file
    from store.read import totals
    seed_fixture(store, tmp_path / "fx")
    f = fixtures.write(tmp_path / "2010-Gasto.csv", fixtures.year_rows(2010, pim="5000", devengado=("1200", "800")))
    assert load_file(f, settings=store).status == "loaded"
    budget = totals("sector", settings=store)
    _write_sql(store, TO_V1)
    assert "institution" in _columns(store, "programme")
    _new_process()
    return store, budget


def _new_process() -> None:
    """Forget the pooled read engines, as a process started with the new code would have none."""
    from store.engine import dispose_read_engines
    dispose_read_engines()


def test_an_old_store_is_refused_with_what_to_run(old_store, capsys):
    from etl.__main__ import main
    from store.engine import read_engine
    from store.errors import SchemaMismatch
    settings, _ = old_store
    before = snapshot(settings)
    with pytest.raises(SchemaMismatch, match=rf"schema version 1, this version of the code needs {SCHEMA_VERSION}: "
                                             r"run `python -m etl upgrade`"):
        read_engine(settings)
    assert main(["status"]) == 1
    assert "python -m etl upgrade" in capsys.readouterr().err
    assert snapshot(settings) == before


def test_the_page_says_to_upgrade_not_to_build_a_demo(old_store):
    from dash_tree import text

    from components.layout import store_missing
    message = text(store_missing("es", "red"))
    assert "esquema 1" in message and "python -m etl upgrade" in message and "etl demo" not in message
    assert "schema 1" in text(store_missing("en", "red"))


def test_upgrade_migrates_reloads_the_curated_texts_and_keeps_the_budget(old_store, tmp_path, monkeypatch, capsys):
    from etl import network
    from etl.__main__ import main
    from store.engine import stored_schema_version
    from store.programmes import network_table, programme_detail
    from store.read import totals
    settings, budget = old_store
    # the yaml shipped with the new code: the fixture with its translations
    data = programmes()
    data["programmes"][0].update(institution_es="PCM – Secretaría Técnica de la CIAS",
                                 institution_en="PCM – Technical Secretariat of CIAS")
    monkeypatch.setattr(network, "DEFAULT_PATH", write_yaml(tmp_path / "programmes.yaml", data))
    assert main(["upgrade"]) == 0
    out = capsys.readouterr().out
    assert f"store schema upgraded: version 1 -> {SCHEMA_VERSION}" in out and "loaded programmes.yaml" in out
    assert stored_schema_version(settings) == SCHEMA_VERSION
    assert {"institution_es", "institution_en"} <= _columns(settings, "programme")
    assert "institution" not in _columns(settings, "programme")
    assert {"what_es", "note_en", "contradicts"} <= _columns(settings, "programme_fact")
    pd.testing.assert_frame_equal(totals("sector", settings=settings), budget)        # budget lines untouched
    assert network_table("es", settings=settings).set_index("id").loc["juntos", "institution"] == \
        "PCM – Secretaría Técnica de la CIAS"
    links = programme_detail("wawa_wasi", "es", settings=settings)["budget_links"]
    assert list(links["note"]) == ["Sin confirmar.", "Programa sucesor: Cuna Más."]
    # a second run changes nothing
    before = snapshot(settings)
    assert main(["upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert snapshot(settings) == before


def test_the_migration_alone_keeps_the_old_texts_in_both_languages(old_store):
    from store.engine import write_transaction
    from store.programmes import programme_detail
    settings, _ = old_store
    with write_transaction(settings):       # any write migrates first
        pass
    for lang in ("es", "en"):
        links = programme_detail("wawa_wasi", lang, settings=settings)["budget_links"]
        assert list(links["note"]) == ["Unconfirmed.", "Successor programme: Cuna Más."]


def test_a_failing_upgrade_leaves_the_old_store_as_it_was(old_store, monkeypatch):
    from store import migrations
    from store.engine import write_transaction
    settings, _ = old_store
    before = snapshot(settings)
    steps = {**migrations.STEPS, "2": [*migrations.STEPS["2"], "ALTER TABLE no_such_table ADD COLUMN x VARCHAR"]}
    monkeypatch.setattr(migrations, "STEPS", steps)
    with pytest.raises(sa.exc.DBAPIError):
        with write_transaction(settings):
            pass
    assert snapshot(settings) == before


def test_a_store_from_a_newer_version_is_left_alone(store, tmp_path, capsys):
    from etl.__main__ import main
    from store.engine import read_engine
    from store.errors import SchemaMismatch
    seed_fixture(store, tmp_path / "fx")
    _write_sql(store, [f"UPDATE store_info SET value = '{int(SCHEMA_VERSION) + 1}' WHERE key = 'schema_version'"])
    _new_process()
    before = snapshot(store)
    with pytest.raises(SchemaMismatch, match="newer than this code knows"):
        read_engine(store)
    assert main(["upgrade"]) == 1
    assert "update the code" in capsys.readouterr().err
    assert snapshot(store) == before


def test_consulta_exports_loaded_before_breakdowns_were_kept_are_migrated(store, tmp_path):
    """Schema 3: exports loaded under schema 2 get their labels (consulta_label) from the wide
    columns and their breakdown in today's level names, so `totals --source consulta` still finds them."""
    import consulta_fixtures as cf

    from etl.load import load_file
    from store.engine import write_transaction
    from store.read import load_history_frame, totals
    assert load_file(cf.write_export(tmp_path / "u.xlsx", cf.UNITS), settings=store).status == "loaded"
    _write_sql(store, ["DELETE FROM consulta_label", "DELETE FROM consulta_export",
                       "UPDATE load_history SET breakdown = 'nivel_gobierno>sector>pliego>sec_ejec', "
                       "scope = 'consulta_amigable:nivel_gobierno>sector>pliego>sec_ejec:u'",
                       *TO_V1[:5],       # and without what schemas 4 and 5 add
                       "UPDATE store_info SET value = '2' WHERE key = 'schema_version'"])
    _new_process()
    with write_transaction(store):
        pass
    got = totals("ejecutora", 2010, source="consulta", settings=store).set_index("key")
    assert sorted(got.index) == ["1232", "1428"] and float(got.loc["1428", "pim"]) == 1200500
    assert load_history_frame(store).loc[0, "breakdown"] == "nivel>sector>pliego>ejecutora"
    # the same file again is the same content: unchanged, not loaded twice
    assert load_file(tmp_path / "u.xlsx", settings=store).status == "unchanged"
