"""The sequence every loader ends with, written once: unchanged? -> write transaction -> the
loader's rows -> load_history row.

A loader reads and checks its file first (a problem raises LoadRefused, which run_load logs).
publish_once then answers 'unchanged' for content already loaded, or writes it in one atomic
write. The loader's writer puts its rows in the store under the new load id and says what it
wrote (a Written); the load_history row and the LoadResult are both made from that, so the two
cannot disagree.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import sqlalchemy as sa

from etl import history
from etl.result import LoadResult, unchanged
from settings import Settings
from store.engine import write_transaction


@dataclass
class Written:
    """What a writer put in the store under its load id."""
    scope: str                       # load_history.scope
    rows: int                        # rows loaded
    rejected: int = 0                # rows left out (listed in reject_report)
    years: list[int] = field(default_factory=list)
    note: str | None = None          # load_history.message; None: "ok", or "N rows rejected"
    message: str = "ok"              # LoadResult.message
    breakdown: str | None = None
    reject_report: Path | None = None
    replaces_scope: bool = True      # False: the writer retired what it replaced (history.retire_orphaned)
    fiscal_years: bool = True        # False: `years` are not fiscal years and stay out of load_history


Writer = Callable[[sa.Connection, int], Written]


def publish(conn: sa.Connection, name: str, sha: str, fmt: str, started: dt.datetime, write: Writer, *,
            demo: bool = False) -> LoadResult:
    """Inside a write transaction: a new load id, write(conn, load_id), then its load_history row."""
    load_id = history.next_load_id(conn)
    w = write(conn, load_id)
    note = w.note if w.note is not None else (f"{w.rejected} rows rejected" if w.rejected else "ok")
    history.record(conn, load_id=load_id, file_name=name, sha256=sha, fmt=fmt, scope=w.scope,
                   breakdown=w.breakdown, years=w.years if w.fiscal_years else None, rows_loaded=w.rows,
                   rows_rejected=w.rejected, started=started, is_demo=demo, message=note,
                   reject_report=w.reject_report, retire_scope=w.replaces_scope)
    return LoadResult(name, "loaded", w.message, load_id=load_id, years=w.years, rows_read=w.rows + w.rejected,
                      rows_loaded=w.rows, rows_rejected=w.rejected, reject_report=w.reject_report)


def publish_once(name: str, sha: str, fmt: str, settings: Settings, started: dt.datetime,
                 prepare: Callable[[], Writer], *, demo: bool = False,
                 check: Callable[[sa.Connection], None] | None = None) -> LoadResult:
    """'unchanged' if a load of this format holds this sha256; else prepare() (the work worth doing
    only for new content; it may refuse) gives the writer, published in one write transaction.

    check(conn) runs first inside that transaction, for what can change between reading the store
    and writing it; a refusal there takes no load id (PostgreSQL sequences do not roll back).
    """
    done = unchanged(name, sha, fmt, settings)
    if done is not None:
        return done
    write = prepare()
    with write_transaction(settings) as conn:
        if check is not None:
            check(conn)
        result = publish(conn, name, sha, fmt, started, write, demo=demo)
    return result
