"""Apply the gender rules to the budget lines: one classification per distinct key.

A rule tests at most seven columns of a line (the fiscal year and domain.gender.MATCH_DIMENSIONS)
and the names of those codes, so the distinct combinations of those columns (far fewer than
lines; the level of government rides along, it follows from the pliego) are classified in
memory with numpy and stored in line_class with their summed amounts: every budget line joins
to exactly one row, and the pages can total by gender without touching the lines. All writes
happen inside the caller's write transaction, so readers see the old or the new
classification, never a mix, and a refused rule set changes nothing.
"""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pyarrow as pa
import sqlalchemy as sa

from domain.gender import UNREVIEWED
from domain.gender_rules import RuleSet, match, read_rules
from etl import history
from settings import DEFAULT_RULES, Settings, get_settings
from store import gender_sums, summaries
from store.bulk import insert_batches
from store.engine import StoreMissing, store_exists, write_transaction
from store.rule_sets import (
    SUM_TYPES,
    active_rule_set_id,
    fetch_keys,
    fetch_names,
    rows,
    rules_of,
)
from store.schema import (
    LINE_CLASS_KEYS,
    gender_rule,
    gender_rule_set,
    line_class,
    rule_set_id_seq,
)

BATCH_ROWS = 250_000


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
    summaries.refresh_gender(conn, years)     # the gender sums by department follow the new classes
    gender_sums.refresh(conn, years)          # the Género page's sums, in the same write
    counts = np.bincount(winner + 1, minlength=len(rules) + 1)
    by_category: dict[str, int] = {}
    for i, c in enumerate(counts):
        cat = UNREVIEWED if i == 0 else rules[i - 1].category
        by_category[cat] = by_category.get(cat, 0) + int(c)
    return Classified(set_id, new, keys.num_rows, by_category)


def classify(rules_path=None, *, settings: Settings | None = None, loaded_by: str | None = None) -> Classified:
    """`python -m etl classify`: read the rule file, then re-classify every line atomically."""
    s = settings or get_settings()
    rule_set = read_rules(rules_path or DEFAULT_RULES)   # a broken file is refused before the store is opened
    if not store_exists(s):
        raise StoreMissing("no store yet: run `python -m etl demo` or `python -m etl load FILE` first")
    with write_transaction(s) as conn:
        result = apply_classification(conn, rule_set=rule_set, loaded_by=loaded_by)
    return result
