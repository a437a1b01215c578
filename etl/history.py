"""load_history bookkeeping for every load, and the log of refused loads.

etl/publish.py takes a load id (next_load_id), has the loader write its rows and records the
load (record), all inside one write transaction. A load that replaces its scope whole
(reference files, programmes.yaml, department lists) retires the earlier loads of that
scope; a load that replaces only part of what earlier loads hold (budget years, Consulta
Amigable years, coverage programme-years) retires the loads with no rows left
(retire_orphaned). Refusals never reach the store: they go to a log file.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa

from store.engine import StoreMissing, read_engine
from store.schema import load_history, load_id_seq


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def next_load_id(conn: sa.Connection) -> int:
    return conn.execute(load_id_seq.next_value()).scalar()


def record(conn: sa.Connection, *, load_id: int, file_name: str, sha256: str, fmt: str, scope: str,
           rows_loaded: int, started: dt.datetime, rows_rejected: int = 0, years: list[int] | None = None,
           message: str = "ok", is_demo: bool = False, breakdown: str | None = None,
           reject_report: Path | None = None, retire_scope: bool = True) -> None:
    """Insert the history row (rows read = loaded + rejected); retire_scope: the new load
    replaces every earlier one of its scope."""
    if retire_scope:
        conn.execute(load_history.update().where(
            load_history.c.scope == scope, load_history.c.status == "loaded").values(status="replaced"))
    conn.execute(load_history.insert().values(
        id=load_id, file_name=file_name, sha256=sha256, format=fmt, scope=scope, breakdown=breakdown,
        fiscal_years=",".join(map(str, years)) if years else None, rows_read=rows_loaded + rows_rejected,
        rows_loaded=rows_loaded, rows_rejected=rows_rejected, started_at=started, finished_at=now(),
        status="loaded", is_demo=is_demo, message=message,
        reject_report=str(reject_report) if reject_report else None))


def retire_orphaned(conn: sa.Connection, fmt: str, table: sa.Table) -> None:
    """Loads of this format none of whose rows are left in `table` are 'replaced'."""
    still = sa.select(table.c.load_id).distinct()
    conn.execute(load_history.update().where(
        load_history.c.format == fmt, load_history.c.status == "loaded",
        load_history.c.id.not_in(still)).values(status="replaced"))


def loaded_with_sha(sha: str, fmt: str, settings, *, any_status: bool = False) -> int | None:
    """The load id of this content if a load of this format holds it (any_status: ever held it)."""
    try:
        with read_engine(settings).connect() as conn:
            if not sa.inspect(conn).has_table("load_history"):
                return None
            stmt = sa.select(load_history.c.id).where(load_history.c.sha256 == sha,
                                                      load_history.c.format == fmt)
            if not any_status:
                stmt = stmt.where(load_history.c.status == "loaded")
            return conn.execute(stmt.order_by(load_history.c.id.desc()).limit(1)).scalar()
    except StoreMissing:
        return None


def recent_refusals(s, n: int = 5) -> list[dict]:
    """The last refused loads (newest last), for `etl status`."""
    log = s.data_dir / "etl-refused.log"
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8").splitlines()[-n:]
    return [json.loads(line) for line in lines if line.strip()]


def log_refusal(s, path: Path, started, message: str) -> None:
    """Refusals go to a log file, not the store: a refused load leaves the store untouched."""
    try:
        s.data_dir.mkdir(parents=True, exist_ok=True)
        with open(s.data_dir / "etl-refused.log", "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"at": started.isoformat(), "file": str(path), "message": message},
                                ensure_ascii=False) + "\n")
    except OSError:
        pass
