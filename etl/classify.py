"""Apply the gender rules to the budget lines: one classification per distinct key.

A rule tests at most seven columns of a line (the fiscal year and gender_rules.MATCH_DIMENSIONS)
and the names of those codes, so the distinct combinations of those columns (far fewer than
lines; the level of government rides along, it follows from the pliego) are classified in
memory with numpy and stored in line_class with their summed amounts: every budget line joins
to exactly one row, and the pages can total by gender without touching the lines. All writes
happen inside the caller's write transaction, so readers see the old or the new
classification, never a mix, and a refused rule set changes nothing.
"""
from __future__ import annotations

import getpass
import io
import os
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import sqlalchemy as sa

from etl import history
from etl.gender_rules import (DEFAULT_RULES, MATCH_DIMENSIONS, UNREVIEWED, Rule, RuleError, RuleSet, build_rules,
                              compile_pattern, fold, read_rules)
from settings import Settings, get_settings
from store.bulk import insert_batches
from store.engine import StoreMissing, store_exists, write_transaction
from store.schema import LINE_CLASS_KEYS, budget_line, code_name, gender_rule, gender_rule_set, line_class, rule_set_id_seq

BATCH_ROWS = 250_000
MAX_REPORTED_TIES = 20


class RuleConflict(RuleError):
    """Two equally specific rules match the same budget lines: never resolved silently."""


@dataclass
class Classified:
    rule_set_id: int
    new_version: bool
    keys: int
    by_category: dict[str, int] = field(default_factory=dict)   # distinct keys per category


def current_user() -> str:
    try:
        return os.environ.get("GSB_USER") or getpass.getuser()
    except Exception:       # no login name (some containers)
        return "unknown"


# --- reading what the rules need -------------------------------------------------------------

def fetch_arrow(conn: sa.Connection, stmt, types: dict[str, pa.DataType]) -> pa.Table:
    """Run a Core select and return Arrow: DuckDB hands Arrow over, PostgreSQL streams COPY CSV."""
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    raw = conn.connection.driver_connection
    if conn.dialect.name == "duckdb":
        table = raw.sql(sql).to_arrow_table()
    else:
        buf = io.BytesIO()
        with raw.cursor() as cur:
            with cur.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv, HEADER)") as copy:
                for chunk in copy:
                    buf.write(chunk)
        buf.seek(0)
        table = pacsv.read_csv(buf, convert_options=pacsv.ConvertOptions(
            column_types=types, strings_can_be_null=False, quoted_strings_can_be_null=False))
    return table.cast(pa.schema([(name, types[name]) for name in table.column_names]))


KEY_TYPES = {"fiscal_year": pa.int16(), "nivel_gobierno": pa.string(), **{d: pa.string() for d in MATCH_DIMENSIONS}}
SUM_TYPES = {"lines": pa.int64(), **{c: pa.decimal128(38, 2) for c in ("pia", "pim", "devengado")}}


def fetch_keys(conn: sa.Connection, years: list[int] | None = None) -> pa.Table:
    """The distinct LINE_CLASS_KEYS of budget_line, with their line count and PIA, PIM, devengado."""
    b = budget_line
    cols = [b.c[k] for k in LINE_CLASS_KEYS]
    sums = [sa.func.count().label("lines"), *[sa.func.sum(b.c[c]).label(c) for c in ("pia", "pim", "devengado")]]
    stmt = sa.select(*cols, *sums).group_by(*cols)
    if years is not None:
        stmt = stmt.where(b.c.fiscal_year.in_([int(y) for y in years]))
    return fetch_arrow(conn, stmt, {**KEY_TYPES, **SUM_TYPES})


def fetch_names(conn: sa.Connection, years: list[int] | None = None) -> dict[str, dict[tuple[int, str], str]]:
    """dimension -> {(fiscal_year, code): name without accents} for the columns rules test."""
    n = code_name
    stmt = sa.select(n.c.fiscal_year, n.c.dimension, n.c.code, n.c.name).where(n.c.dimension.in_(MATCH_DIMENSIONS))
    if years is not None:
        stmt = stmt.where(n.c.fiscal_year.in_([int(y) for y in years]))
    out: dict[str, dict[tuple[int, str], str]] = {d: {} for d in MATCH_DIMENSIONS}
    for year, dim, code, name in conn.execute(stmt):
        out[dim][(int(year), code)] = fold(name or "")
    return out


# --- matching --------------------------------------------------------------------------------

def match(rules: tuple[Rule, ...] | list[Rule], keys: pa.Table, names: dict, source: str = "rules") -> np.ndarray:
    """For each key row, the index of the most specific matching rule (-1: none).

    Raises RuleConflict naming both rules when the most specific matches of a key tie."""
    n = keys.num_rows
    years = keys.column("fiscal_year").to_numpy().astype(np.int64) if n else np.zeros(0, np.int64)
    encoded: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    pairs: dict[str, tuple[np.ndarray, list[str]]] = {}
    name_hits: dict[tuple[str, str], np.ndarray] = {}

    def codes_of(dim):
        if dim not in encoded:
            arr = pc.dictionary_encode(keys.column(dim).combine_chunks())
            encoded[dim] = (arr.indices.to_numpy(zero_copy_only=False),
                            np.array(arr.dictionary.to_pylist(), dtype=object))
        return encoded[dim]

    def names_match(dim, pattern):
        if (dim, pattern) not in name_hits:
            if dim not in pairs:       # (year, code) pairs are few: test each name once
                idx, uniq = codes_of(dim)
                k = max(len(uniq), 1)
                pair_ids, inverse = np.unique(years * k + idx, return_inverse=True)
                lookup = names.get(dim, {})
                pairs[dim] = (inverse.reshape(-1), [lookup.get((int(p // k), uniq[p % k]), "") for p in pair_ids])
            inverse, pair_names = pairs[dim]
            rx = compile_pattern(pattern)
            hits = np.fromiter((rx.search(s) is not None for s in pair_names), bool, len(pair_names))
            name_hits[(dim, pattern)] = hits[inverse]
        return name_hits[(dim, pattern)]

    best = np.full(n, -1, np.int32)
    best_spec = np.full(n, -1, np.int16)
    tie = np.full(n, -1, np.int32)
    for r, rule in enumerate(rules):
        m = np.ones(n, bool)
        if rule.year_from is not None:
            m &= years >= rule.year_from
        if rule.year_to is not None:
            m &= years <= rule.year_to
        for dim, codes in rule.codes:
            if not m.any():
                break
            idx, uniq = codes_of(dim)
            m &= np.isin(uniq, list(codes))[idx] if len(uniq) else False
        for dim, pattern in rule.patterns:
            if not m.any():
                break
            m &= names_match(dim, pattern)
        if not m.any():
            continue
        spec = rule.specificity
        better = m & (best_spec < spec)
        equal = m & (best_spec == spec)
        tie[equal] = r
        best[better], best_spec[better], tie[better] = r, spec, -1
    clash = np.nonzero(tie >= 0)[0]
    if len(clash):
        raise RuleConflict(source, _tie_problems(rules, keys, best, tie, clash))
    return best


def _tie_problems(rules, keys, best, tie, clash) -> list[str]:
    found: dict[tuple[int, int], list[int]] = {}
    for row in clash:
        a, b = sorted((int(best[row]), int(tie[row])), key=lambda i: rules[i].id)
        found.setdefault((a, b), []).append(int(row))
    problems = []
    for (a, b), rows in sorted(found.items(), key=lambda kv: (rules[kv[0][0]].id, rules[kv[0][1]].id)):
        if len(problems) == MAX_REPORTED_TIES:
            problems.append(f"... and {len(found) - MAX_REPORTED_TIES} more pairs of rules")
            break
        ra, rb = rules[a], rules[b]
        ex = keys.slice(rows[0], 1).to_pylist()[0]
        example = f"{ex['fiscal_year']} " + " ".join(f"{d} {ex[d]}" for d in MATCH_DIMENSIONS)
        problems.append(
            f"rules {ra.id} (line {ra.line}: {ra.conditions()}) and {rb.id} (line {rb.line}: {rb.conditions()}) "
            f"are equally specific ({ra.specificity}) and both match {len(rows)} budget-line "
            f"combination{'s' if len(rows) > 1 else ''}, e.g. {example}: add a rule that combines both "
            f"conditions, or narrow one of them")
    return problems


def result_table(rules, keys: pa.Table, winner: np.ndarray, rule_set_id: int) -> pa.Table:
    """keys + the winning rule's result; the 'sin_revisar' default where no rule matched."""
    take = pa.array(winner.astype(np.int32) + 1)
    pick = {
        "rule_id": pa.array([UNREVIEWED] + [r.id for r in rules], pa.string()),
        "category": pa.array([UNREVIEWED] + [r.category for r in rules], pa.string()),
        "marker": pa.array([None] + [r.marker for r in rules], pa.int16()),
        "weight": pa.array([Decimal(0)] + [r.weight for r in rules], pa.decimal128(5, 2)),
        "lio_line": pa.array([UNREVIEWED] + [r.lio_line for r in rules], pa.string()),
    }
    out = keys.select([*LINE_CLASS_KEYS, *SUM_TYPES])
    out = out.append_column("rule_set_id", pa.array(np.full(keys.num_rows, rule_set_id, np.int32)))
    for name, values in pick.items():
        out = out.append_column(name, values.take(take))
    return out


# --- rule-set versions -----------------------------------------------------------------------

def rows(conn: sa.Connection, stmt) -> list:
    """Every row, fetched: DuckDB refuses an Arrow query while an earlier result is still open."""
    return conn.execute(stmt).fetchall()


def active_rule_set_id(conn: sa.Connection) -> int | None:
    found = rows(conn, sa.select(gender_rule_set.c.id).where(gender_rule_set.c.active.is_(True)))
    return int(found[0][0]) if found else None


def rules_of(conn: sa.Connection, rule_set_id: int) -> tuple[Rule, ...]:
    """A stored version's rules, validated again by the same code that read the file."""
    g = gender_rule
    stored = conn.execute(sa.select(g).where(g.c.rule_set_id == rule_set_id).order_by(g.c.line)).mappings().all()
    records = []
    for row in stored:
        rec = {k: ("" if v is None else str(v)) for k, v in row.items()}
        rec["id"] = rec.pop("rule_id")
        records.append((int(row["line"]), rec))
    return build_rules(records, f"rule set {rule_set_id}")


def store_rule_set(conn: sa.Connection, rule_set: RuleSet, loaded_by: str) -> tuple[int, bool]:
    """Make `rule_set` the active version; a new version unless it is the active one's bytes."""
    s = gender_rule_set
    found = rows(conn, sa.select(s.c.id, s.c.sha256).where(s.c.active.is_(True)))
    if found and found[0].sha256 == rule_set.sha256:
        return int(found[0].id), False
    new_id = int(rows(conn, sa.select(rule_set_id_seq.next_value()))[0][0])
    conn.execute(s.update().where(s.c.active.is_(True)).values(active=False))
    conn.execute(s.insert().values(id=new_id, file_name=rule_set.file_name, sha256=rule_set.sha256,
                                   content=rule_set.content, rule_count=len(rule_set.rules),
                                   loaded_at=history.now(), loaded_by=loaded_by, active=True))
    conn.execute(gender_rule.insert(), [{"rule_set_id": new_id, **r.as_row()} for r in rule_set.rules])
    return new_id, True


# --- applying --------------------------------------------------------------------------------

def apply_classification(conn: sa.Connection, *, years: list[int] | None = None, rule_set: RuleSet | None = None,
                         loaded_by: str | None = None) -> Classified:
    """Classify the budget lines of `years` (None: all) inside the caller's write transaction.

    With `rule_set`, that set first becomes the active version and every year is classified
    again. Without it the active version is used; a store with no version yet gets the
    default file (rules/gender_rules.csv), so a fresh store comes classified. Raises RuleError
    (a LoadRefused) when rules tie on the data; the caller's transaction then changes nothing."""
    set_id = None if rule_set is not None else active_rule_set_id(conn)
    if rule_set is None and set_id is None:
        rule_set = read_rules(DEFAULT_RULES)
        loaded_by = loaded_by or f"{current_user()} (default rules, first classification)"
    new = False
    if rule_set is not None:
        years = None
        set_id, new = store_rule_set(conn, rule_set, loaded_by or current_user())
        rules, source = rule_set.rules, rule_set.file_name
    else:
        rules, source = rules_of(conn, set_id), f"rule set {set_id}"
    keys = fetch_keys(conn, years)
    winner = match(rules, keys, fetch_names(conn, years), source)
    delete = line_class.delete()
    if years is not None:
        delete = delete.where(line_class.c.fiscal_year.in_([int(y) for y in years]))
    conn.execute(delete)
    insert_batches(conn, line_class, result_table(rules, keys, winner, set_id).to_batches(BATCH_ROWS))
    counts = np.bincount(winner + 1, minlength=len(rules) + 1)
    by_category: dict[str, int] = {}
    for i, c in enumerate(counts):
        cat = UNREVIEWED if i == 0 else rules[i - 1].category
        by_category[cat] = by_category.get(cat, 0) + int(c)
    return Classified(set_id, new, keys.num_rows, by_category)


def classify(rules_path=None, *, settings: Settings | None = None, loaded_by: str | None = None) -> Classified:
    """`python -m etl classify`: read the rule file, then re-classify every line atomically."""
    s = settings or get_settings()
    rule_set = read_rules(rules_path)           # a broken file is refused before the store is opened
    if not store_exists(s):
        raise StoreMissing("no store yet: run `python -m etl demo` or `python -m etl load FILE` first")
    with write_transaction(s) as conn:
        result = apply_classification(conn, rule_set=rule_set, loaded_by=loaded_by)
    return result
