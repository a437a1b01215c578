"""Load one input file into the store: stage, then publish in one atomic write.

Everything that can fail (reading, validating, summing) happens in a private staging
database first; the store is touched only inside `write_transaction`, so a refused, failed
or killed load leaves it exactly as it was.
"""
from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

import duckdb
import sqlalchemy as sa

from domain.codes import STAGES
from domain.errors import LoadRefused
from domain.mef_format import GRAIN
from etl import consulta, department_list, gasto, history
from etl.classify import apply_classification
from etl.errors import write_reject_report
from etl.publish import Writer, Written, publish_once
from etl.result import LoadResult, run_load
from etl.source_file import open_source, sha256_of
from etl.spreadsheet import XLSX_SUFFIXES
from settings import Settings, get_settings
from store import summaries
from store.bulk import insert_batches
from store.schema import budget_line, code_name, consulta_export, consulta_label, consulta_line, load_history
from store.schema import department_list as department_list_table

BATCH_ROWS = 250_000


def detect_format(path: Path) -> str:
    """consulta_amigable for spreadsheets and CA-style CSVs, department_list for Parquet, mef_gasto otherwise."""
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "consulta_amigable"
    if suffix == ".parquet":
        return "department_list"
    if suffix == ".csv" and path.exists() and consulta.looks_like_consulta_csv(path):
        return "consulta_amigable"
    return "mef_gasto"


def load_file(path: Path | str, *, settings: Settings | None = None, demo: bool = False,
              progress: bool = False, reject_dir: Path | None = None, year: int | None = None) -> LoadResult:
    """Load a file; never raises for bad input, returns status 'refused' with the reason."""
    s = settings or get_settings()
    path = Path(path)
    workroot = s.data_dir / "tmp"
    workroot.mkdir(parents=True, exist_ok=True)

    def body(started) -> LoadResult:
        fmt = detect_format(path)
        with tempfile.TemporaryDirectory(dir=workroot) as tmp:
            tmpdir = Path(tmp)
            if fmt == "consulta_amigable":
                return _load_consulta(path, s, started, demo, reject_dir, year)
            if fmt == "department_list":
                return _load_department_list(path, s, started, demo)
            src = open_source(path, tmpdir)      # starts hashing in the background
            # In memory (spilling to tmpdir past etl_memory): the staged groups are never needed on
            # disk, and a database file would be written and checkpointed for nothing.
            con = duckdb.connect(":memory:", config={
                "memory_limit": s.etl_memory, "temp_directory": str(tmpdir / "spill"),
                "preserve_insertion_order": False})
            try:
                staged = gasto.stage(src, con, progress=progress)

                def prepare() -> Writer:
                    report = write_reject_report(staged.rejects, path.name, src.sha256,
                                                 reject_dir or s.data_dir / "rejects")
                    return partial(_write_gasto, con, staged, report)

                return publish_once(path.name, src.sha256, "mef_gasto", s, started, prepare, demo=demo)
            finally:
                con.close()

    return run_load(path, s, body)


def _write_gasto(con, staged: gasto.StagedGasto, report, conn: sa.Connection, load_id: int) -> Written:
    """The file's fiscal years replace those years' lines (MEF publishes whole-year files)."""
    years = staged.years
    grain = [c for c, _, _ in GRAIN]
    amounts = list(STAGES)
    conn.execute(budget_line.delete().where(budget_line.c.fiscal_year.in_(years)))
    conn.execute(code_name.delete().where(code_name.c.fiscal_year.in_(years)))
    facts = con.sql(
        f"SELECT CAST({load_id} AS INTEGER) AS load_id, fiscal_year, month, {', '.join(grain)}, "
        f"{', '.join(f'CAST({a} AS DECIMAL(18,2)) AS {a}' for a in amounts)} FROM agg"
    ).to_arrow_reader(BATCH_ROWS)
    insert_batches(conn, budget_line, facts)
    names_sql = " UNION ALL ".join(
        f"SELECT fiscal_year, '{col}' AS dimension, {col} AS code, "
        f"regexp_replace(trim(any_value({col}__name)), '\\s+', ' ', 'g') AS name "
        f"FROM agg WHERE {col}__name IS NOT NULL AND trim({col}__name) <> '' GROUP BY fiscal_year, {col}"
        for col in grain)
    insert_batches(conn, code_name, con.sql(names_sql).to_arrow_reader(BATCH_ROWS))
    history.retire_orphaned(conn, "mef_gasto", budget_line)
    summaries.refresh(conn, years)            # in the same write: readers never see them apart
    apply_classification(conn, years=years)   # gender rules: the new lines get classified too
    return Written("mef_gasto", staged.rows_loaded, staged.rows_rejected, years, reject_report=report,
                   replaces_scope=False)


def _load_consulta(path: Path, s: Settings, started, demo, reject_dir: Path | None = None,
                   year: int | None = None) -> LoadResult:
    if not path.exists():
        raise LoadRefused(path.name, "file not found")
    sha = sha256_of(path)

    def prepare() -> Writer:
        export = consulta.read_export(path, year=year)
        # Two exports with the same breakdown can hold different filters (Salud vs Educación by
        # department), so an export replaces only a former export of the same name and breakdown.
        scope = f"consulta_amigable:{export.breakdown}:{path.stem.lower()}"

        def write(conn: sa.Connection, load_id: int) -> Written:
            old = sa.select(load_history.c.id).where(load_history.c.scope == scope,
                                                     load_history.c.status == "loaded")
            for table in (consulta_line, consulta_label):
                conn.execute(table.delete().where(table.c.load_id.in_(old), table.c.fiscal_year.in_(export.years)))
            conn.execute(consulta_export.delete().where(
                consulta_export.c.load_id.not_in(sa.select(consulta_line.c.load_id).distinct())))
            insert_batches(conn, consulta_line, [export.table_with_load_id(load_id)])
            insert_batches(conn, consulta_label, [export.labels_with_load_id(load_id)])
            conn.execute(consulta_export.insert().values(
                load_id=load_id, levels=">".join(lv for lv, _ in export.levels),
                filters="; ".join(export.filters) or None, as_of=export.as_of, total_line=export.total_line))
            history.retire_orphaned(conn, "consulta_amigable", consulta_line)
            return Written(scope, export.rows, 0, export.years, breakdown=export.breakdown, replaces_scope=False)
        return write

    return publish_once(path.name, sha, "consulta_amigable", s, started, prepare, demo=demo)


def _load_department_list(path: Path, s: Settings, started, demo) -> LoadResult:
    if not path.exists():
        raise LoadRefused(path.name, "file not found")
    sha = sha256_of(path)

    def prepare() -> Writer:
        data = department_list.read_department_list(path)
        scope = f"department_list:{path.stem.lower()}"

        def write(conn: sa.Connection, load_id: int) -> Written:
            old = sa.select(load_history.c.id).where(load_history.c.scope == scope,
                                                     load_history.c.status == "loaded")
            conn.execute(department_list_table.delete().where(department_list_table.c.load_id.in_(old)))
            conn.execute(department_list_table.insert(), [
                {"load_id": load_id, "code": code, "name": label} for _, code, label in data.rows])
            # Replaces the scope's earlier loads whole.
            return Written(scope, len(data.rows), note="all codes are INEI department codes")
        return write

    return publish_once(path.name, sha, "department_list", s, started, prepare, demo=demo)
