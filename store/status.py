"""Read functions about the store itself rather than its figures: whether it exists and can be
read, its identity (part of every cache key in components/data.py), which loads make up each
fiscal year (the charts' source line) and the load history the Datos page lists.

Apart from the budget reads because every page and the shell ask these first, before any figure.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from settings import Settings, get_settings
from store.engine import StoreMissing, publish_id, read_engine
from store.errors import SchemaMismatch, StoreUnreachable
from store.read import _frame, is_demo_store, load_history_frame
from store.schema import budget_line
from store.schema import load_history as history_table


def store_identity(settings: Settings | None = None) -> str:
    """A string that changes whenever anything is published: part of every cache key.

    DuckDB: each publish is a new version file behind the store path, so the resolved file's
    identity changes (a stat, no query). PostgreSQL: every write transaction stores a new
    publish_id (loads, `etl classify`, reference loads alike)."""
    s = settings or get_settings()
    if s.is_duckdb:
        try:
            st = s.duckdb_path.stat()
        except FileNotFoundError:
            raise StoreMissing(f"no store at {s.duckdb_path}") from None
        return f"duckdb:{s.duckdb_path}:{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"
    return f"{s.database_url.rsplit('@', 1)[-1]}:{publish_id(s)}"


def schema_problem(settings: Settings | None = None) -> SchemaMismatch | None:
    """Why a store that exists cannot be read (another schema version), for the page's message."""
    try:
        with read_engine(settings).connect():     # a pooled engine answers only if the server does
            pass
    except (SchemaMismatch, StoreUnreachable) as exc:
        return exc
    except StoreMissing:
        return None
    return None


def health(settings: Settings | None = None) -> dict:
    """For /healthz: the store's identity when it answers; raises StoreMissing (StoreUnreachable
    when the server does not answer, SchemaMismatch for another version) when it cannot serve."""
    s = settings or get_settings()
    identity = store_identity(s)
    summary = store_summary(s)
    backend = "duckdb" if s.is_duckdb else "postgresql"
    where = str(s.duckdb_path) if s.is_duckdb else sa.engine.make_url(s.database_url).render_as_string(
        hide_password=True)
    from store.schema import SCHEMA_VERSION
    return {"status": "ok", "backend": backend, "store": where, "identity": identity,
            "schema_version": SCHEMA_VERSION, "fiscal_years": summary["years"], "demo": summary["is_demo"]}


def store_summary(settings: Settings | None = None) -> dict:
    """What every page needs once per published store: the fiscal years with budget lines,
    the demo flag, and per year the loads its lines come from (for the charts' source line)."""
    src = sources(None, settings)
    by_year: dict[int, list[tuple[int, bool]]] = {}
    files: dict[int, tuple[str, str]] = {}         # load id -> (file name, load date dd/mm/yyyy)
    for r in src.itertuples():
        by_year.setdefault(int(r.fiscal_year), []).append((int(r.load_id), bool(r.is_demo)))
        when = pd.Timestamp(r.finished_at).strftime("%d/%m/%Y") if r.finished_at is not None else ""
        files[int(r.load_id)] = (str(r.file_name), when)
    return {"years": sorted(by_year), "is_demo": is_demo_store(settings), "loads": by_year, "files": files}


def sources(year: int | None, settings: Settings | None = None) -> pd.DataFrame:
    """The loads whose lines make up a fiscal year (all years when None)."""
    t = budget_line
    lines = sa.select(t.c.fiscal_year, t.c.load_id).distinct()
    if year is not None:
        lines = lines.where(t.c.fiscal_year == int(year))
    lines = lines.subquery()
    h = history_table
    stmt = (sa.select(lines.c.fiscal_year, h.c.id.label("load_id"), h.c.file_name, h.c.is_demo, h.c.finished_at)
            .select_from(h.join(lines, lines.c.load_id == h.c.id)).order_by(lines.c.fiscal_year, h.c.id))
    return _frame(stmt, settings)


def load_history(settings: Settings | None = None) -> pd.DataFrame:
    """The load history, newest first, with the columns the Datos page shows."""
    df = load_history_frame(settings)
    cols = ["id", "file_name", "format", "fiscal_years", "rows_read", "rows_loaded", "rows_rejected",
            "status", "sha256", "started_at", "finished_at", "is_demo", "message"]
    df = df[cols].copy()
    df["sha256"] = df["sha256"].str[:12]
    for c in ("started_at", "finished_at"):
        df[c] = [v.strftime("%Y-%m-%d %H:%M:%S") if v is not None and v == v else "" for v in df[c]]
    return df.sort_values("id", ascending=False).reset_index(drop=True)
