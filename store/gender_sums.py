"""line_class summed for the Género page: the Género depth reads (store/gender_depth.py,
store.gender_programmes.programme_table) sum a year's ~300,000 line_class keys on every cold
click; these two tables hold the same sums at the grains those reads group by (store/schema.py
gender_sum_rule: a few hundred rows a year; gender_sum_line: the gender lines only).

Written in the write that changes line_class: etl/classify.py's apply_classification calls
refresh for the years it classified; every write ends with reconcile (store/summaries.py), which
rebuilds the years whose line count differs from line_class's, and a store without them gets
them whole at its next write (ensure). Reads use them only when the store holds this VERSION and
the summaries are not disabled (store.summaries.disabled: tests compare both answers,
tests/test_gender_reads_exact.py). Every amount is a plain SUM of line_class amounts, and the
reads multiply by marker and weight, which are in both grains, so the answers are the same.
"""
from __future__ import annotations

import weakref

import sqlalchemy as sa

from domain.codes import MAIN_STAGES
from store import summaries
from store.schema import (
    GENDER_SUM_SPREAD,
    gender_sum_line,
    gender_sum_rule,
    line_class,
    store_info,
)

VERSION = "1"                  # store_info 'gender_sums': bump when the grains change
_KEY = "gender_sums"
_ready: weakref.WeakKeyDictionary[sa.Engine, bool] = weakref.WeakKeyDictionary()


def refresh(conn: sa.Connection, years: list[int] | None = None) -> None:
    """Rebuild both tables for `years` (None: all) from line_class, inside the caller's write."""
    c = line_class
    sums = [sa.func.sum(c.c.lines).label("lines"), *[sa.func.sum(c.c[a]).label(a) for a in MAIN_STAGES]]
    spread = [(sa.func.min if end == "min" else sa.func.max)(c.c[d]).label(f"{d}_{end}")
              for d in GENDER_SUM_SPREAD for end in ("min", "max")]
    for table, extra, where in ((gender_sum_rule, spread, []), (gender_sum_line, [], [c.c.marker.in_([1, 2])])):
        grain = [c.c[col.name] for col in table.c
                 if col.name in c.c and col.name != "lines" and col.name not in MAIN_STAGES]
        select = sa.select(*grain, *extra, *sums).where(*where).group_by(*grain)
        summaries.replace_years(conn, table, [*[g.name for g in grain], *[e.name for e in extra], "lines",
                                              *MAIN_STAGES], select, c.c.fiscal_year, years)
    summaries.stamp(conn, _KEY, VERSION)


def ensure(conn: sa.Connection) -> None:
    """A store written before these tables (or of another VERSION) gets them whole."""
    if conn.execute(sa.select(store_info.c.value).where(store_info.c.key == _KEY)).scalar() != VERSION:
        refresh(conn, None)


def outdated(conn: sa.Connection) -> list[str]:
    """[_KEY] when the store lacks these tables or holds another VERSION (etl upgrade builds them)."""
    found = conn.execute(sa.select(store_info.c.value).where(store_info.c.key == _KEY)).scalar()
    return [] if found == VERSION else [_KEY]


def reconcile(conn: sa.Connection) -> list[int]:
    """Years whose line count differs from line_class's are rebuilt (a writer of line_class that
    did not call refresh). A reclassification keeps the counts: apply_classification refreshes."""
    c, r = line_class, gender_sum_rule
    lines = {int(y): int(n) for y, n in conn.execute(
        sa.select(c.c.fiscal_year, sa.func.sum(c.c.lines)).group_by(c.c.fiscal_year)).all()}
    summed = {int(y): int(n) for y, n in conn.execute(
        sa.select(r.c.fiscal_year, sa.func.sum(r.c.lines)).group_by(r.c.fiscal_year)).all()}
    stale = sorted(y for y in set(lines) | set(summed) if lines.get(y, 0) != summed.get(y, 0))
    if stale:
        refresh(conn, stale)
    return stale


def source(conn: sa.Connection, table: sa.Table) -> sa.Table:
    """`table` (gender_sum_rule or gender_sum_line) when the store holds it and summaries are on;
    else line_class, which has every column the reads use under the same names."""
    if not summaries._enabled.get():
        return line_class
    engine = conn.engine
    if not _ready.get(engine):
        if conn.execute(sa.select(store_info.c.value).where(store_info.c.key == _KEY)).scalar() != VERSION:
            return line_class
        _ready[engine] = True
    return table
