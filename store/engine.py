"""Engines for reading and the one way to write: an atomic transaction.

DuckDB allows one writer per file across processes and readers must open read-only, so a
write copies the published version, changes the copy and publishes it by swapping the store
path (a symlink) to it with os.replace: the app keeps reading the old version until the new
one is complete. Each version has its own file name, so DuckDB's per-path instance cache can
never hand a pooled reader connection the previous version. On PostgreSQL a write is one
transaction, serialised by an advisory lock; MVCC gives readers the same guarantee.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from settings import Settings, get_settings
from store import gender_sums, summaries
from store.errors import SchemaMismatch, StoreMissing, StoreUnreachable
from store.migrations import stored_version, upgrade
from store.schema import SCHEMA_VERSION, metadata, store_info

_read_engines: dict[tuple, sa.Engine] = {}
_read_lock = threading.Lock()


def read_engine(settings: Settings | None = None) -> sa.Engine:
    """An engine on the published store; a new one after the ETL swapped the file."""
    s = settings or get_settings()
    if not s.is_duckdb:
        key = (s.database_url,)
    else:
        key = (s.database_url, _published_file(s))
    with _read_lock:
        engine = _read_engines.get(key)
        if engine is None:
            for old_key in [k for k in _read_engines if k[0] == key[0]]:
                _read_engines.pop(old_key).dispose()
            if s.is_duckdb:
                engine = _duckdb_reader(key[1], pool_size=4, max_overflow=8)
            else:
                # pre_ping: after a server restart, pooled connections are replaced, not reused
                engine = sa.create_engine(s.database_url, pool_pre_ping=True)
                sa.event.listen(engine, "handle_error", _unreachable)
            try:
                _check_version(engine)
            except (SchemaMismatch, StoreUnreachable):
                engine.dispose()
                raise
            _read_engines[key] = engine
        return engine


def _unreachable(ctx: sa.engine.ExceptionContext) -> None:
    """A PostgreSQL server that cannot be reached becomes StoreUnreachable (pages say so and
    retry), not an OperationalError traceback. Other errors pass unchanged."""
    if ctx.is_disconnect or isinstance(ctx.sqlalchemy_exception, sa.exc.OperationalError):
        raise StoreUnreachable(f"the database does not answer ({type(ctx.original_exception).__name__})") \
            from ctx.original_exception


def dispose_read_engines(url_prefix: str | None = None) -> None:
    """Forget (and dispose of) the pooled read engines of the stores whose URL starts with
    url_prefix (all when None): for tests that drop a database or play a new process."""
    with _read_lock:
        for key in [k for k in _read_engines if url_prefix is None or k[0].startswith(url_prefix)]:
            _read_engines.pop(key).dispose()


def _published_file(s: Settings) -> str:
    """The version file behind a DuckDB store path (StoreMissing when there is none)."""
    if not s.duckdb_path.exists():
        raise StoreMissing(f"no store at {s.duckdb_path}")
    return os.path.realpath(s.duckdb_path)


def _duckdb_reader(version_file: str, **pool) -> sa.Engine:
    """A read-only engine on one DuckDB version file: the file, not the symlink, so a pooled
    connection stays on its version."""
    return sa.create_engine(f"duckdb:///{version_file}", connect_args={"read_only": True}, **pool)


def _schema_version(conn: sa.Connection) -> str | None:
    """The stored schema version; None without a store_info table (PostgreSQL before the first load)."""
    return stored_version(conn) if sa.inspect(conn).has_table(store_info.name) else None


def _check_version(engine: sa.Engine) -> None:
    """When a process first opens the store (DuckDB: each published version): a store of another
    schema version is refused with what to run, not left to fail later on a missing column."""
    with engine.connect() as conn:
        found = _schema_version(conn)
    if found is not None and found != SCHEMA_VERSION:
        raise SchemaMismatch(found, SCHEMA_VERSION)


def store_exists(settings: Settings | None = None) -> bool:
    s = settings or get_settings()
    if s.is_duckdb:
        return s.duckdb_path.exists()
    try:
        with read_engine(s).connect() as conn:
            return sa.inspect(conn).has_table("load_history")
    except SchemaMismatch:
        return True
    except sa.exc.OperationalError:
        return False


def unchecked_engine(settings: Settings | None = None) -> sa.Engine:
    """A read-only look at the published store whatever its schema version (for `etl upgrade`
    and tests); the caller disposes of it. The app and the CLI use read_engine."""
    s = settings or get_settings()
    if not s.is_duckdb:
        return sa.create_engine(s.database_url, poolclass=NullPool)
    return _duckdb_reader(_published_file(s), poolclass=NullPool)


def stored_schema_version(settings: Settings | None = None) -> str:
    """The store's schema version, read without the version check read_engine makes."""
    s = settings or get_settings()
    engine = unchecked_engine(s)
    try:
        with engine.connect() as conn:
            found = _schema_version(conn)
    finally:
        engine.dispose()
    if found is None:
        raise StoreMissing(f"no store at {sa.engine.make_url(s.database_url).render_as_string(hide_password=True)}")
    return found


def _mark_published(conn: sa.Connection) -> None:
    """A new id per successful write: caches key on it, on DuckDB and PostgreSQL alike."""
    conn.execute(store_info.delete().where(store_info.c.key == "publish_id"))
    conn.execute(store_info.insert().values(key="publish_id", value=uuid.uuid4().hex))


def publish_id(settings: Settings | None = None) -> str:
    """Changes whenever anything is published (a load, a reclassification, a reference load)."""
    with read_engine(settings).connect() as conn:
        return conn.execute(sa.select(store_info.c.value).where(store_info.c.key == "publish_id")).scalar() or ""


def _prepare(conn: sa.Connection) -> None:
    """Every write first brings the store to this code's schema (new tables, then migrations)."""
    metadata.create_all(conn)
    if stored_version(conn) is None:
        conn.execute(store_info.insert().values(key="schema_version", value=SCHEMA_VERSION))
    upgrade(conn)
    summaries.ensure(conn)
    gender_sums.ensure(conn)


@contextmanager
def write_transaction(settings: Settings | None = None) -> Iterator[sa.Connection]:
    """Yield a connection in a transaction; readers see all of it or none of it."""
    s = settings or get_settings()
    if s.is_duckdb:
        with _duckdb_write(s.duckdb_path) as conn:
            yield conn
        return
    engine = sa.create_engine(s.database_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(20100413)")
            _prepare(conn)
            yield conn
            summaries.reconcile(conn)
            gender_sums.reconcile(conn)
            _mark_published(conn)
    finally:
        engine.dispose()


def _version_files(path: Path) -> list[Path]:
    return list(path.parent.glob(f".{path.name}.v*"))


@contextmanager
def _duckdb_write(path: Path) -> Iterator[sa.Connection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)          # released by the OS if we are killed
        current = Path(os.path.realpath(path)) if path.exists() else None
        for stale in _version_files(path) + list(path.parent.glob(f".{path.name}.link-*")):
            if stale != current:                  # left by a writer that was killed
                stale.unlink(missing_ok=True)
        new = path.with_name(f".{path.name}.v{uuid.uuid4().hex[:12]}")
        if current is not None:
            shutil.copyfile(current, new)
        engine = sa.create_engine(f"duckdb:///{new}", poolclass=NullPool)
        published = False
        try:
            with engine.begin() as conn:
                _prepare(conn)
                yield conn
                summaries.reconcile(conn)
                gender_sums.reconcile(conn)
                _mark_published(conn)
            with engine.connect() as conn:
                conn.exec_driver_sql("CHECKPOINT")
            engine.dispose()
            with open(new, "rb+") as fh:
                os.fsync(fh.fileno())
            link = path.with_name(f".{path.name}.link-{uuid.uuid4().hex[:8]}")
            os.symlink(new.name, link)
            os.replace(link, path)                # the atomic publish
            published = True
            _fsync_dir(path.parent)
            if current is not None and current != path:
                current.unlink(missing_ok=True)   # open readers keep their inode
        finally:
            engine.dispose()
            if not published:
                new.unlink(missing_ok=True)
            Path(str(new) + ".wal").unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
