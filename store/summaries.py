"""Summary tables: budget_line summed to coarser grains, so a click does not scan the fact table.

Built in the write transaction that changes the lines (etl/load.py calls refresh for the years
it replaced; store.engine._prepare builds them whole for a store that has none; every write ends
with reconcile, which rebuilds the years whose line count no longer matches), so readers see
lines and summaries of the same version. Reads need no change: store.read._rows passes every
statement through `route`, which swaps budget_line for the smallest summary table holding every
column the statement uses, but only when the answer is provably the same: amounts appear only
inside SUM of an expression linear in them, count(*) becomes SUM(lines), and every select over
the lines aggregates, groups or is DISTINCT. Anything else (a new read function using month with
genérica, an AVG, a window over lines, ...) stays on budget_line and is still right, only slower.
tests/test_summaries.py compares every read function with and without the summaries.

line_class (one row per classified key, store/schema.py) gets the same treatment: line_class_sum
sums it per programme and classification, is rebuilt whole at the end of every write (a few
hundred rows from a few hundred thousand keys: it can never lag a load or a classification), and
the same rules route line_class statements to it (`lines` and the amounts only inside SUM,
count(*) becomes SUM(keys)).

gender_sum is budget_sum_mid joined to line_class and summed per year, level, programme, department
and classification (Regiones' gender share, a department's gender totals): it needs both the
lines and their classification, so refresh_gender runs after each classification (etl/classify.py),
for a store that lacks it (ensure), and in reconcile for any year whose line count moved. Its reads
ask gender_ready() and name the table themselves (store/gender.py, store/regions.py).
"""
from __future__ import annotations

import contextvars
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.sql import operators, visitors
from sqlalchemy.sql.elements import (
    BinaryExpression,
    BindParameter,
    Case,
    Cast,
    ColumnClause,
    Grouping,
    Label,
    Null,
    Over,
    TypeCoerce,
    UnaryExpression,
)
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import Alias, Join, Select

from domain.codes import MAIN_STAGES, STAGES
from domain.gender import UNREVIEWED
from store.schema import (
    GENDER_SUM_GRAIN,
    LINE_CLASS_KEYS,
    LINE_CLASS_SUM_GRAIN,
    SUMMARY_TABLES,
    budget_line,
    budget_sum_mid,
    budget_sum_small,
    gender_sum,
    line_class,
    line_class_sum,
    store_info,
)

SUMMARY_VERSION = "2"          # store_info 'summaries': bump when SUMMARY_GRAINS change (2: budget_sum_drill)
_KEY = "summaries"
CLASS_SUM_VERSION = "1"        # store_info 'line_class_sum': bump when LINE_CLASS_SUM_GRAIN changes
_CLASS_KEY = "line_class_sum"
GENDER_VERSION = "1"           # store_info 'gender_summaries': bump when gender_sum changes
_GENDER_KEY = "gender_summaries"
MONEY_COLUMNS = frozenset(STAGES)


@dataclass(frozen=True)
class _Fact:
    """A table whose statements may read smaller sums of it instead."""
    table: sa.Table
    money: frozenset               # additive columns: allowed only inside SUM
    count_column: str              # the summaries' column count(*) becomes SUM of
    summaries: tuple               # smallest first
    key: str                       # store_info key saying the summaries are there ...
    version: str                   # ... at this version
    refuse_with: tuple = ()        # statements also reading these tables stay as they are


BUDGET = _Fact(budget_line, MONEY_COLUMNS, "lines", SUMMARY_TABLES, _KEY, SUMMARY_VERSION)
CLASS = _Fact(line_class, frozenset({*MAIN_STAGES, "lines"}), "keys", (line_class_sum,), _CLASS_KEY,
              CLASS_SUM_VERSION, refuse_with=(budget_line.name,))
FACTS = (BUDGET, CLASS)
_FACT_OF = {t.name: f for f in FACTS for t in f.summaries}
# Functions of a line's own columns: the same value on every line a summary row sums.
SCALAR_FUNCTIONS = frozenset({"ltrim", "rtrim", "trim", "lower", "upper", "coalesce", "substr", "substring",
                              "length", "concat", "left", "right", "replace", "nullif"})

_enabled: contextvars.ContextVar[bool] = contextvars.ContextVar("gsb_summaries", default=True)
_ready: weakref.WeakKeyDictionary[sa.Engine, set] = weakref.WeakKeyDictionary()
_gender_ready: weakref.WeakKeyDictionary[sa.Engine, bool] = weakref.WeakKeyDictionary()


# ---------------------------------------------------------------- writing

def refresh(conn: sa.Connection, years: list[int] | None = None) -> None:
    """Rebuild the summaries of `years` (None: all) from budget_line, inside the caller's write.
    gender_sum also needs the lines' classification: the classification that follows a load
    rebuilds it (etl/classify.py), and reconcile does for any year whose line count changed."""
    b = budget_line
    for table in SUMMARY_TABLES:
        grain = [c.name for c in table.c if c.name != "lines" and c.name not in MONEY_COLUMNS]
        select = sa.select(*[b.c[g] for g in grain], sa.func.count().label("lines"),
                           *[sa.func.sum(b.c[a]).label(a) for a in STAGES]).group_by(*[b.c[g] for g in grain])
        replace_years(conn, table, [*grain, "lines", *STAGES], select, b.c.fiscal_year, years)
    stamp(conn, _KEY, SUMMARY_VERSION)


def refresh_gender(conn: sa.Connection, years: list[int] | None = None) -> None:
    """Rebuild gender_sum for `years` (None: all) from budget_sum_mid joined to line_class, inside
    the caller's write. budget_sum_mid's grain holds every line_class key and the department, so
    its rows join exactly as the lines do; called by refresh (new lines) and by every
    classification (etl/classify.py: new line_class rows for the same lines)."""
    mid, c = budget_sum_mid, line_class
    join = mid.outerjoin(c, sa.and_(*(mid.c[k] == c.c[k] for k in LINE_CLASS_KEYS)))
    category = sa.func.coalesce(c.c.category, UNREVIEWED)
    weight = sa.func.coalesce(c.c.weight, 0)
    keys = [*(mid.c[g] for g in GENDER_SUM_GRAIN), category, c.c.marker, weight]
    select = (sa.select(*keys, sa.func.sum(mid.c.lines), *[sa.func.sum(mid.c[a]) for a in MAIN_STAGES])
              .select_from(join).group_by(*keys))
    replace_years(conn, gender_sum, [*GENDER_SUM_GRAIN, "category", "marker", "weight", "lines", *MAIN_STAGES],
                  select, mid.c.fiscal_year, years)
    stamp(conn, _GENDER_KEY, GENDER_VERSION)


def replace_years(conn: sa.Connection, table: sa.Table, columns: list[str], select: sa.Select,
                  source_year: sa.ColumnElement, years: list[int] | None) -> None:
    """`table`'s rows of `years` (None: all) replaced by `select`'s, the way every summary is rebuilt."""
    delete = table.delete()
    if years is not None:
        years = [int(y) for y in years]
        delete = delete.where(table.c.fiscal_year.in_(years))
        select = select.where(source_year.in_(years))
    conn.execute(delete)
    conn.execute(table.insert().from_select(columns, select))


def stamp(conn: sa.Connection, key: str, version: str) -> None:
    """Record in store_info that the summaries under `key` are at `version` (readers check it)."""
    if conn.execute(sa.select(store_info.c.value).where(store_info.c.key == key)).scalar() != version:
        conn.execute(store_info.delete().where(store_info.c.key == key))
        conn.execute(store_info.insert().values(key=key, value=version))


# PostgreSQL only (build-if-missing in ensure): the network's budget links (store/programme_money.py)
# test codes as ltrim(col, '0') = code and name patterns as col IN (codes); with these, one year of
# a programme's lines is a bitmap index scan of budget_sum_mid instead of a scan of millions of rows
# (benchmarks/RESULTS.md, "cold reads at 10 M lines"). DuckDB scans it fast enough without.
PG_LINK_INDEXES = {
    "ix_budget_sum_mid_sec_ejec0": "ltrim(sec_ejec, '0')",
    "ix_budget_sum_mid_programa0": "ltrim(programa, '0')",
    "ix_budget_sum_mid_pliego0": "ltrim(pliego, '0')",
    "ix_budget_sum_mid_sec_ejec": "sec_ejec",
    "ix_budget_sum_mid_producto": "producto_proyecto",
    "ix_budget_sum_mid_actividad": "actividad",
}


def ensure(conn: sa.Connection) -> None:
    """A store written before the summaries existed (or of another SUMMARY_VERSION) gets them whole;
    on PostgreSQL, the budget-link indexes are created if missing."""
    if conn.execute(sa.select(store_info.c.value).where(store_info.c.key == _KEY)).scalar() != SUMMARY_VERSION:
        refresh(conn, None)
        refresh_gender(conn, None)
    elif conn.execute(sa.select(store_info.c.value).where(store_info.c.key == _GENDER_KEY)).scalar() != GENDER_VERSION:
        refresh_gender(conn, None)
    if conn.dialect.name == "postgresql":
        mid = budget_sum_mid.name
        for name, expr in PG_LINK_INDEXES.items():
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {mid} (fiscal_year, {expr})")


def refresh_line_class(conn: sa.Connection) -> None:
    """line_class_sum rebuilt whole from line_class, inside the caller's write."""
    c = line_class
    select = sa.select(*[c.c[g] for g in LINE_CLASS_SUM_GRAIN], sa.func.count().label("keys"),
                       sa.func.sum(c.c.lines).label("lines"), *[sa.func.sum(c.c[a]).label(a) for a in MAIN_STAGES]
                       ).group_by(*[c.c[g] for g in LINE_CLASS_SUM_GRAIN])
    conn.execute(line_class_sum.delete())
    conn.execute(line_class_sum.insert().from_select([*LINE_CLASS_SUM_GRAIN, "keys", "lines", *MAIN_STAGES], select))
    stamp(conn, _CLASS_KEY, CLASS_SUM_VERSION)


def reconcile(conn: sa.Connection) -> list[int]:
    """The safety net every write ends with: years whose line count differs from their summaries'
    (a writer that changed budget_line without calling refresh) are rebuilt, gender_sum too. Returns
    them. Writers that change amounts in place, keeping the count, must call refresh (and
    refresh_gender when line_class stays) themselves."""
    b, small = budget_line, budget_sum_small
    lines = dict(conn.execute(sa.select(b.c.fiscal_year, sa.func.count()).group_by(b.c.fiscal_year)).all())
    summed = {y: int(n) for y, n in conn.execute(
        sa.select(small.c.fiscal_year, sa.func.sum(small.c.lines)).group_by(small.c.fiscal_year)).all()}
    stale = sorted(y for y in set(lines) | set(summed) if lines.get(y, 0) != summed.get(y, 0))
    if stale:
        refresh(conn, stale)
    refresh_line_class(conn)        # loads and classifications both rewrite line_class: always rebuilt
    gendered = {y: int(n) for y, n in conn.execute(
        sa.select(gender_sum.c.fiscal_year, sa.func.sum(gender_sum.c.lines)).group_by(gender_sum.c.fiscal_year)).all()}
    behind = sorted(set(stale) | {y for y in set(lines) | set(gendered) if lines.get(y, 0) != gendered.get(y, 0)})
    if behind:
        refresh_gender(conn, behind)
    return stale


# ---------------------------------------------------------------- reading

@contextmanager
def disabled() -> Iterator[None]:
    """Reads go to budget_line itself (tests compare both answers)."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


def outdated(conn: sa.Connection) -> list[str]:
    """The summary tables this store lacks or holds at another version (built at its next write;
    `python -m etl upgrade` does that write at once)."""
    stamps = dict(conn.execute(sa.select(store_info.c.key, store_info.c.value)).all())
    wanted = {_KEY: SUMMARY_VERSION, _CLASS_KEY: CLASS_SUM_VERSION, _GENDER_KEY: GENDER_VERSION}
    return [key for key, version in wanted.items() if stamps.get(key) != version]


def _available(conn: sa.Connection, fact: _Fact = BUDGET) -> bool:
    """The store holds that fact's summaries at this version. Cached per engine only once true: a
    store gains them at its first write by this code and never loses them."""
    engine = conn.engine
    ready = _ready.setdefault(engine, set())
    if fact.key in ready:
        return True
    found = conn.execute(sa.select(store_info.c.value).where(store_info.c.key == fact.key)).scalar() == fact.version
    if found:
        ready.add(fact.key)
    return found


def gender_ready(engine: sa.Engine) -> bool:
    """gender_sum may answer: summaries enabled and the store holds it. Cached per engine once
    true (a store gains it at its first write by this code and never loses it)."""
    if not _enabled.get():
        return False
    if _gender_ready.get(engine):
        return True
    with engine.connect() as conn:
        found = conn.execute(sa.select(store_info.c.value)
                             .where(store_info.c.key == _GENDER_KEY)).scalar() == GENDER_VERSION
    if found:
        _gender_ready[engine] = True
    return found


def route(conn: sa.Connection, stmt):
    """stmt over the smallest summary table that gives exactly its answer; else stmt unchanged."""
    if not _enabled.get() or not isinstance(stmt, Select):
        return stmt
    for fact in FACTS:
        plan = _plan(stmt, fact)
        if plan is None:
            continue
        used, counts = plan
        for table in fact.summaries:
            if used <= set(table.c.keys()):
                return _rewrite(stmt, table, counts) if _available(conn, fact) else stmt
        return stmt
    return stmt


def _is_fact(el, fact: _Fact = BUDGET) -> bool:
    return isinstance(el, sa.TableClause) and not isinstance(el, Alias) and el.name == fact.table.name


def _fact_column(el, fact: _Fact = BUDGET) -> bool:
    return isinstance(el, ColumnClause) and _is_fact(getattr(el, "table", None), fact)


def _money(el, fact: _Fact = BUDGET) -> bool:
    return _fact_column(el, fact) and el.name in fact.money


def _reads_fact(select: Select, fact: _Fact = BUDGET) -> bool:
    def has(f) -> bool:
        return _is_fact(f, fact) or (isinstance(f, Join) and (has(f.left) or has(f.right)))
    return any(has(f) for f in select.get_final_froms())


def _children(el):
    return el.get_children()


class _Refuse(Exception):
    pass


def _name(fn: FunctionElement) -> str:
    return (getattr(fn, "name", "") or "").lower()


def _is_star_count(fn: FunctionElement) -> bool:
    args = list(fn.clauses)
    return _name(fn) == "count" and len(args) == 1 and isinstance(args[0], ColumnClause) \
        and args[0].is_literal and args[0].name == "*"


def _walk(el, visit) -> None:
    stack = [el]
    while stack:
        e = stack.pop()
        if visit(e) is not False:
            stack.extend(_children(e))


def _mentions(el, pred) -> bool:
    found = []
    _walk(el, lambda e: found.append(e) if pred(e) else None)
    return bool(found)


def _zero(el) -> bool:
    while isinstance(el, (Grouping, Label)):
        el = el.element
    return isinstance(el, Null) or (isinstance(el, BindParameter) and el.value in (0, None))


def _free(el, fact: _Fact = BUDGET) -> bool:
    return not _mentions(el, lambda e: _money(e, fact))


def _linear(el, fact: _Fact = BUDGET) -> bool:
    """el is a sum of amounts times factors that depend only on the line's other columns: its
    SUM over lines equals its SUM over their summary rows."""
    if _money(el, fact):
        return True
    if isinstance(el, (Label, Grouping)):
        return _linear(el.element, fact)
    if isinstance(el, (Cast, TypeCoerce)):
        return _linear(el.clause, fact)
    if isinstance(el, UnaryExpression):
        return el.operator is operators.neg and _linear(el.element, fact)
    if isinstance(el, BinaryExpression):
        op, left, right = el.operator, el.left, el.right
        if op in (operators.add, operators.sub):
            return _linear(left, fact) and _linear(right, fact)
        if op is operators.mul:
            return (_linear(left, fact) and _free(right, fact)) or (_free(left, fact) and _linear(right, fact))
        if op is operators.truediv:
            return _linear(left, fact) and _free(right, fact)
        return False
    if isinstance(el, Case):
        if el.value is not None and not _free(el.value, fact):
            return False
        branches = [r for _, r in el.whens] + ([el.else_] if el.else_ is not None else [])
        return (all(_free(c, fact) for c, _ in el.whens) and all(_linear(r, fact) or _zero(r) for r in branches)
                and any(_linear(r, fact) for r in branches))
    if isinstance(el, FunctionElement) and _name(el) == "coalesce":
        args = list(el.clauses)
        return bool(args) and _linear(args[0], fact) and all(_zero(a) for a in args[1:])
    return False


def _plan(stmt: Select, fact: _Fact = BUDGET) -> tuple[set[str], set[int]] | None:
    """(fact table columns used, ids of count(*) to become SUM(lines)), or None when the
    statement does not read the fact table (budget_line unless told) or a summary could change
    its answer."""
    used: set[str] = set()
    counts: set[int] = set()
    reads = False

    def visit_in(el, reading: bool):
        nonlocal reads
        if isinstance(el, Select):
            reading = _reads_fact(el, fact)
            if reading:
                reads = True
                if any(isinstance(c, FunctionElement) and _name(c) == "count" for c in el._raw_columns):
                    raise _Refuse("an unlabelled count(*): its column name would change")
                grouped = bool(el._group_by_clauses) or bool(el._distinct)
                if not grouped and not all(_mentions(c, _aggregate) for c in el.selected_columns):
                    raise _Refuse("a row per line")
            for child in _children(el):
                visit_in(child, reading)
            return
        if isinstance(el, Alias) and _is_fact(el.element, fact):
            raise _Refuse("an alias of the fact table")
        if isinstance(el, sa.TableClause):
            if el.name in fact.refuse_with:
                raise _Refuse(f"also reads {el.name}")
            return
        if _fact_column(el, fact):
            if el.name in fact.money:
                raise _Refuse(f"{el.name} outside SUM")
            used.add(el.name)
            return
        if reading and isinstance(el, Over):
            raise _Refuse("a window over lines")
        if reading and isinstance(el, FunctionElement):
            name = _name(el)
            if name == "sum":
                args = list(el.clauses)
                if len(args) != 1 or not _linear(args[0], fact):
                    raise _Refuse("SUM of something other than amounts")
                _walk(args[0], lambda e: used.add(e.name) if _fact_column(e, fact) else None)
                return
            if name == "count":
                if not _is_star_count(el):
                    raise _Refuse("count(column)")
                counts.add(id(el))
                return
            if name not in ("min", "max") and name not in SCALAR_FUNCTIONS:
                raise _Refuse(f"{name}() over lines")
        for child in _children(el):
            visit_in(child, reading)

    try:
        visit_in(stmt, False)
    except _Refuse:
        return None
    return (used, counts) if reads else None


def _aggregate(el) -> bool:
    return isinstance(el, FunctionElement) and _name(el) in ("sum", "count", "min", "max")


def _rewrite(stmt: Select, table: sa.Table, counts: set[int]) -> Select:
    fact = _FACT_OF[table.name]

    def replace(el):
        if _is_fact(el, fact):
            return table
        if _fact_column(el, fact):
            return table.c[el.name]
        if id(el) in counts:
            return sa.cast(sa.func.coalesce(sa.func.sum(table.c[fact.count_column]), 0), sa.BigInteger)
        return None
    return visitors.replacement_traverse(stmt, {}, replace)
