"""Readers see a published store whole, and see the next one as soon as it is published."""
from __future__ import annotations

from decimal import Decimal

import fixtures
import sqlalchemy as sa

from etl.load import load_file
from store.engine import read_engine
from store.read import totals
from store.schema import budget_line


def _pim(settings) -> Decimal:
    return Decimal(totals("programa", 2010, settings=settings).set_index("key").loc["0080", "pim"])


def test_reader_sees_new_version_while_an_old_connection_is_open(store, tmp_path):
    load_file(fixtures.write(tmp_path / "a.csv", fixtures.year_rows(2010, pim="10")), settings=store)
    assert _pim(store) == Decimal("10")
    with read_engine(store).connect() as old:     # a request still running on the old version
        load_file(fixtures.write(tmp_path / "b.csv", fixtures.year_rows(2010, pim="20")), settings=store)
        # the old reader keeps a consistent view of what it started with (DuckDB: its version)
        old_sum = old.execute(sa.select(sa.func.sum(budget_line.c.pim))).scalar()
        assert Decimal(old_sum) in (Decimal("10"), Decimal("20"))
        assert _pim(store) == Decimal("20")         # new requests see the new version
    assert _pim(store) == Decimal("20")


def test_duckdb_store_is_a_link_to_one_version(duck_store, tmp_path):
    for pim in ("1", "2", "3"):
        load_file(fixtures.write(tmp_path / f"{pim}.csv", fixtures.year_rows(2010, pim=pim)), settings=duck_store)
    path = duck_store.duckdb_path
    assert path.is_symlink()
    versions = sorted(p.name for p in path.parent.glob(f".{path.name}.v*"))
    assert versions == [path.resolve().name]
    assert _pim(duck_store) == Decimal("3")


def test_every_publish_changes_the_publish_id(store, tmp_path):
    from store.engine import publish_id
    load_file(fixtures.write(tmp_path / "a.csv", fixtures.year_rows(2010, pim="1")), settings=store)
    first = publish_id(store)
    assert first
    load_file(fixtures.write(tmp_path / "a.csv", fixtures.year_rows(2010, pim="1")), settings=store)  # unchanged
    assert publish_id(store) == first
    load_file(fixtures.write(tmp_path / "b.csv", fixtures.year_rows(2010, pim="2")), settings=store)
    assert publish_id(store) not in ("", first)


def test_dispose_read_engines_forgets_only_the_stores_asked_for(store, tmp_path):
    from store.engine import dispose_read_engines
    load_file(fixtures.write(tmp_path / "a.csv", fixtures.year_rows(2010, pim="1")), settings=store)
    first = read_engine(store)
    assert read_engine(store) is first                        # pooled
    dispose_read_engines(store.database_url + "-another-store")
    assert read_engine(store) is first
    dispose_read_engines(store.database_url)
    second = read_engine(store)
    assert second is not first
    dispose_read_engines()
    assert read_engine(store) is not second
    assert _pim(store) == Decimal("1")
