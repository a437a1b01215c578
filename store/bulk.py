"""Bulk insert of Arrow batches: the only dialect-specific write path.

Row-by-row inserts take seconds per 20k rows on DuckDB; DuckDB scans a registered Arrow
batch directly and PostgreSQL takes CSV through COPY.
"""
from __future__ import annotations

import io
from typing import Iterable

import pyarrow as pa
import pyarrow.csv as pacsv
import sqlalchemy as sa


def insert_batches(conn: sa.Connection, table: sa.Table, batches: Iterable[pa.RecordBatch | pa.Table]) -> int:
    """Insert batches whose column names match `table`; return rows inserted."""
    total = 0
    raw = conn.connection.driver_connection
    for batch in batches:
        if batch.num_rows == 0:
            continue
        cols = list(batch.schema.names)
        col_sql = ", ".join(f'"{c}"' for c in cols)
        if conn.dialect.name == "duckdb":
            name = f"_batch_{id(batch)}"
            raw.register(name, batch)
            try:
                raw.execute(f'INSERT INTO "{table.name}" ({col_sql}) SELECT {col_sql} FROM {name}')
            finally:
                raw.unregister(name)
        else:
            buf = io.BytesIO()
            pacsv.write_csv(batch, buf, pacsv.WriteOptions(include_header=False, quoting_style="all_valid"))
            with raw.cursor() as cur:
                with cur.copy(f'COPY "{table.name}" ({col_sql}) FROM STDIN (FORMAT csv)') as copy:
                    copy.write(buf.getvalue())
        total += batch.num_rows
    return total
