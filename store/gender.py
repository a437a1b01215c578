"""Read functions for gender-sensitive budgeting: the three totals, category and marker totals,
coverage, the rule-set versions, what a rule edit changes, and which rule classified a line.

line_class holds one row per distinct key of the budget lines with the key's classification
and its summed PIA, PIM and devengado (etl/classify.py rewrites both together), so questions
filtered on key columns (year, level, pliego, unit, programme, product, activity, function)
are answered from it alone, without joining millions of lines. Other filters (department,
source, genérica, ...) join budget_line to it; a line without a row (a store built before the
rules existed) then counts as unreviewed. Amounts come back as Decimals, as in
store.read.totals, so the CLI and the pages agree to the cent.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from domain.codes import LEVELS, MAIN_STAGES
from domain.gender import (
    CATEGORIES,
    DEFINITIONS,
    MARKERS,
    MATCH_DIMENSIONS,
    UNREVIEWED,
    label,
)
from domain.gender_rules import FIELDS, Rule, RuleError, match, read_rules
from settings import Settings
from store import summaries
from store.engine import read_engine
from store.read import DRILL_COLUMNS, GROUPS, _filtered, _frame, _pct, latest_names
from store.rule_sets import active_rule_set_id, fetch_keys, fetch_names, rows, rules_of
from store.schema import (
    GENDER_SUM_GRAIN,
    LINE_CLASS_KEYS,
    budget_line,
    gender_rule,
    gender_rule_set,
    gender_sum,
    line_class,
)

__all__ = [
    "GENDER_GROUPS",
    "gender_summary", "gender_totals", "coverage", "rule_sets", "rules", "line_rules", "rule_diff", "RuleDiff",
    "classification_version",
]

GENDER_GROUPS = ("categoria_genero", "marcador_genero")
CATEGORY_ORDER = tuple(CATEGORIES)
MARKER_ORDER = tuple(MARKERS)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class _Source:
    """Where a query reads: line_class alone, or budget lines joined to it."""
    table: object
    cols: object                  # column collection for filters (key or fact columns)
    amount: dict
    lines: object                 # the number of budget lines, as an aggregate
    category: object
    marker: object                # SmallInteger, NULL when unreviewed
    weight: object

    @property
    def c(self):
        """The filter columns, as a table's .c (for store.read._filtered)."""
        return self.cols

    @property
    def marker_key(self):
        return sa.func.coalesce(sa.cast(self.marker, sa.String), UNREVIEWED)


_c, _b = line_class, budget_line
_KEYED = _Source(_c, _c.c, {a: _c.c[a] for a in MAIN_STAGES}, sa.func.sum(_c.c.lines), _c.c.category, _c.c.marker,
                 _c.c.weight)
_JOINED = _Source(_b.outerjoin(_c, sa.and_(*(_b.c[k] == _c.c[k] for k in LINE_CLASS_KEYS))), _b.c,
                  {a: _b.c[a] for a in MAIN_STAGES}, sa.func.count(), sa.func.coalesce(_c.c.category, UNREVIEWED),
                  _c.c.marker, sa.func.coalesce(_c.c.weight, 0))


# The joined lines summed by year, level, programme, department and classification, built at
# publish time (store/summaries.py refresh_gender): answers the department filters exactly.
_g = gender_sum
_SUMMED = _Source(_g, _g.c, {a: _g.c[a] for a in MAIN_STAGES}, sa.func.sum(_g.c.lines), _g.c.category, _g.c.marker,
                  _g.c.weight)


def _column(key: str) -> str:
    return GROUPS.get(key, key)


def summed_ready(settings: Settings | None) -> bool:
    """gender_sum may answer (the store has it and summaries are not disabled)."""
    return summaries.gender_ready(read_engine(settings))


def _source(filters: dict | None, settings: Settings | None = None) -> _Source:
    """line_class alone for key filters; gender_sum when its grain holds the filters; else the join."""
    filters = filters or {}
    if all(k in GENDER_GROUPS or _column(k) in LINE_CLASS_KEYS for k in filters):
        return _KEYED
    if all(k in GENDER_GROUPS or _column(k) in GENDER_SUM_GRAIN for k in filters) and summed_ready(settings):
        return _SUMMED
    return _JOINED


def _where(stmt, src: _Source, year=None, filters: dict | None = None):
    """store.read._filtered plus categoria_genero / marcador_genero. Unlike _filtered, an empty
    list is no filter here (there it matches nothing), and values compare as text (fiscal_year
    as int)."""
    gender_cols = {"categoria_genero": src.category, "marcador_genero": src.marker_key}
    plain = {}
    for key, value in (filters or {}).items():
        if value in (None, "") or (isinstance(value, (list, tuple, set)) and not value):
            continue
        values = list(value) if isinstance(value, (list, tuple, set)) else [value]
        values = [int(v) for v in values] if key == "fiscal_year" else [str(v) for v in values]
        if key in gender_cols:
            stmt = stmt.where(gender_cols[key].in_(values))
        else:
            plain[key] = values
    return _filtered(stmt, src, year, plain)


def _dec(v) -> Decimal:
    return Decimal(0) if v is None else Decimal(v)


def gender_summary(year: int | None = None, filters: dict | None = None,
                   settings: Settings | None = None, *, where=None) -> pd.DataFrame:
    """Rows strict, weighted, broad with PIA, PIM, devengado and their share of the total.

    strict = lines with marker 2; weighted = sum of amount x weight%; broad = marker 1 or 2.
    where: one more condition over budget_line's columns, for a selection no filter dict can
    say (a network programme's budget links, store/network.py programme_gender_summary)."""
    src = _source(filters, settings) if where is None else _JOINED
    cols = []
    for a in MAIN_STAGES:
        amt = src.amount[a]
        cols += [sa.func.sum(sa.case((src.marker == 2, amt), else_=0)).label(f"strict_{a}"),
                 sa.func.sum(amt * src.weight).label(f"weighted_{a}"),
                 sa.func.sum(sa.case((src.marker.in_([1, 2]), amt), else_=0)).label(f"broad_{a}"),
                 sa.func.sum(amt).label(f"total_{a}")]
    stmt = _where(sa.select(*cols).select_from(src.table), src, year, filters)
    row = _frame(stmt if where is None else stmt.where(where), settings).iloc[0]
    out = []
    for d, words in DEFINITIONS.items():
        rec = {"definition": d, "label_es": words["es"], "label_en": words["en"]}
        for a in MAIN_STAGES:
            v = _dec(row[f"{d}_{a}"])
            rec[a] = (v / 100).quantize(CENT, ROUND_HALF_UP) if d == "weighted" else v
        for a in ("pim", "devengado"):
            rec[f"share_{a}_pct"] = _pct(rec[a], _dec(row[f"total_{a}"]), 2)
        out.append(rec)
    return pd.DataFrame(out)


def gender_totals(by: str, year: int | None = None, filters: dict | None = None,
                  settings: Settings | None = None) -> pd.DataFrame:
    """Like store.read.totals, grouped by gender category or by marker: key, name, pia, pim,
    devengado, execution_pct. Every line is in exactly one group, so the rows add up to the budget."""
    if by not in GENDER_GROUPS:
        raise ValueError(f"by must be one of {GENDER_GROUPS}, not {by!r}")
    src = _source(filters, settings)
    key = src.category if by == "categoria_genero" else src.marker_key
    stmt = sa.select(key.label("key"), *[sa.func.sum(src.amount[a]).label(a) for a in MAIN_STAGES]).select_from(src.table)
    df = _frame(_where(stmt, src, year, filters).group_by(key), settings)
    labels, order = (CATEGORIES, CATEGORY_ORDER) if by == "categoria_genero" else (MARKERS, MARKER_ORDER)
    df["name"] = [label(labels, k) for k in df["key"]]
    df = df.sort_values("key", key=lambda s: s.map({k: i for i, k in enumerate(order)})).reset_index(drop=True)
    df["execution_pct"] = [_pct(d, p, 2) for d, p in zip(df["devengado"], df["pim"])]
    for a in MAIN_STAGES:
        df[a] = df[a].astype(object)
    return df[["key", "name", *MAIN_STAGES, "execution_pct"]]


def coverage(year: int | None = None, settings: Settings | None = None) -> pd.DataFrame:
    """Per category: budget lines, PIM and devengado and their shares; 'sin_revisar' is the part no
    rule has classified yet (always present, 0 when everything is reviewed)."""
    src = _KEYED
    stmt = sa.select(src.category.label("category"), src.lines.label("lines"),
                     *[sa.func.sum(src.amount[a]).label(a) for a in ("pim", "devengado")]).select_from(src.table)
    df = _frame(_where(stmt, src, year).group_by(src.category), settings)
    got = {r.category: r for r in df.itertuples()}
    total = {a: sum((_dec(getattr(r, a)) for r in got.values()), Decimal(0)) for a in ("pim", "devengado")}
    rows = []
    for cat in CATEGORY_ORDER:
        r = got.get(cat)
        if r is None and cat != UNREVIEWED:
            continue
        rec = {"category": cat, "name": label(CATEGORIES, cat), "lines": int(r.lines) if r else 0}
        for a in ("pim", "devengado"):
            rec[a] = _dec(getattr(r, a)) if r else Decimal(0)
            rec[f"share_{a}_pct"] = _pct(rec[a], total[a], 2)
        rows.append(rec)
    return pd.DataFrame(rows)


def rule_sets(settings: Settings | None = None) -> pd.DataFrame:
    """Every rule-set version ever loaded, oldest first (the audit trail)."""
    s = gender_rule_set
    return _frame(sa.select(s.c.id, s.c.file_name, s.c.sha256, s.c.rule_count, s.c.loaded_at, s.c.loaded_by,
                            s.c.active).order_by(s.c.id), settings)


def classification_version(settings: Settings | None = None) -> str:
    """The active rule set ('id:sha256', '' when none): part of a cache key, since `etl classify`
    changes totals without a new load (on PostgreSQL nothing else tells)."""
    s = gender_rule_set
    df = _frame(sa.select(s.c.id, s.c.sha256).where(s.c.active.is_(True)), settings)
    return "" if df.empty else f"{df['id'][0]}:{df['sha256'][0]}"


def rules(rule_set_id: int | None = None, settings: Settings | None = None) -> pd.DataFrame:
    """The rules of one version (default: the active one), in file order."""
    g, s = gender_rule, gender_rule_set
    which = (sa.select(s.c.id).where(s.c.active.is_(True)).scalar_subquery() if rule_set_id is None
             else sa.literal(int(rule_set_id)))
    cols = [c for c in g.c if c.name != "rule_set_id"]
    return _frame(sa.select(g.c.rule_set_id, *cols).where(g.c.rule_set_id == which).order_by(g.c.line), settings)


def rule_rows(year: int, level: str | None = None, path: tuple[str, ...] | list[str] = (), *,
              by_programme: bool = False, rule_columns: tuple[str, ...] = ("rationale", "source")):
    """The SELECT behind line_rules and store.gender_programmes.gender_programmes: line_class of a year
    summed per rule (and per programa with by_programme, which also adds the programme's `name`),
    within a level of government (E, R, M; anything else, e.g. "all", is every level) and a
    drill path (programa, producto, actividad, ejecutora codes), outer-joined to the rule's row:
    `rule_columns` and its conditions as rule_<dimension> / rule_<dimension>_name (see
    rule_conditions). Unordered."""
    g, c = gender_rule, line_class
    grouped = [*([c.c.programa] if by_programme else []), c.c.rule_id, c.c.rule_set_id, c.c.category,
               c.c.marker, c.c.weight, c.c.lio_line]
    stmt = sa.select(*grouped, sa.func.sum(c.c.lines).label("lines"),
                     *[sa.func.sum(c.c[a]).label(a) for a in MAIN_STAGES]).where(c.c.fiscal_year == int(year))
    for col, code in zip(DRILL_COLUMNS, path):
        stmt = stmt.where(c.c[col] == code)
    if level in LEVELS:
        stmt = stmt.where(c.c.nivel_gobierno == level)
    inner = stmt.group_by(*grouped).subquery()
    joined = inner.outerjoin(g, sa.and_(g.c.rule_set_id == inner.c.rule_set_id, g.c.rule_id == inner.c.rule_id))
    cols = [inner, *[g.c[x] for x in rule_columns], *[g.c[d].label(f"rule_{d}") for d in MATCH_DIMENSIONS],
            *[g.c[f"{d}_name"].label(f"rule_{d}_name") for d in MATCH_DIMENSIONS]]
    if by_programme:
        names = latest_names("programa", year)
        joined = joined.outerjoin(names, names.c.code == inner.c.programa)
        cols.append(names.c.name)
    return sa.select(*cols).select_from(joined)


RULE_CONDITION_COLUMNS = (*[f"rule_{d}" for d in MATCH_DIMENSIONS], *[f"rule_{d}_name" for d in MATCH_DIMENSIONS])


def rule_conditions(row) -> str:
    """What a rule tests, as rules/gender_rules.csv writes it: 'programa=0002, sec_ejec_name~/JUNTOS/'
    (as domain.gender_rules.Rule.conditions does). `row` maps rule_rows' rule_<dimension> and
    rule_<dimension>_name columns; missing or empty ones (no rule: unreviewed lines) are skipped."""
    def given(col):
        v = row.get(col)
        return v if isinstance(v, str) and v else None
    parts = [f"{d}={given('rule_' + d)}" for d in MATCH_DIMENSIONS if given("rule_" + d)]
    parts += [f"{d}_name~/{given(f'rule_{d}_name')}/" for d in MATCH_DIMENSIONS if given(f"rule_{d}_name")]
    return ", ".join(parts)


def line_rules(year: int, path: tuple[str, ...] | list[str] = (), level: str | None = None,
               settings: Settings | None = None) -> pd.DataFrame:
    """Which rules classified the lines under a drill path (programa, producto, actividad,
    ejecutora codes, as in store.budget.drill), with the rule's reasons and the money.
    level: E, R or M; None or "all" (domain.codes.ALL) = every level."""
    stmt = rule_rows(year, level, path, rule_columns=("year_from", "year_to", "rationale", "source", "author", "date"))
    got = stmt.selected_columns
    df = _frame(stmt.order_by(got.pim.desc(), got.rule_id), settings)
    df["conditions"] = [rule_conditions(r) for r in df.to_dict("records")]
    return df.drop(columns=list(RULE_CONDITION_COLUMNS))


# --- what a rule edit changes ----------------------------------------------------------------

@dataclass
class RuleDiff:
    old: dict                 # version: id (None for a file not loaded), file_name, sha256, loaded_at, loaded_by
    new: dict
    added: pd.DataFrame       # rule_id, conditions, category, marker, weight, lio_line
    removed: pd.DataFrame
    changed: pd.DataFrame     # rule_id, field, old, new
    moved: pd.DataFrame       # from_category, to_category, lines, pia, pim, devengado (only moves)
    totals: pd.DataFrame      # definition, pia_old, pia_new, pim_old, pim_new, devengado_old, devengado_new


_COMPARED = [f for f in FIELDS if f != "id"]
CANNOT = "cannot compare rule sets"


def rule_diff(old: int | str | Path | None = None, new: int | str | Path | None = None,
              year: int | None = None, settings: Settings | None = None) -> RuleDiff:
    """Compare two rule sets on the loaded budget lines: rules added, changed, removed, and the
    money that moves between categories. A version is a rule-set id or a rule file path; the
    defaults are the version before the active one (old) and the active one (new). With one
    side a file, this previews an edit before `etl classify` applies it."""
    with read_engine(settings).connect() as conn:
        active = active_rule_set_id(conn)
        if new is None:
            new = active
        if old is None:
            if new is None:
                raise RuleError("rules diff", ["no rule set loaded yet: run `python -m etl classify`"], CANNOT)
            old = rows(conn, sa.select(sa.func.max(gender_rule_set.c.id)).where(
                gender_rule_set.c.id < int(new)))[0][0] if _is_version(new) else active
            if old is None:
                raise RuleError("rules diff", [f"rule set {new} is the first version: nothing to compare"], CANNOT)
        (old_info, old_rules), (new_info, new_rules) = (_version(conn, v) for v in (old, new))
        years = [int(year)] if year is not None else None
        keys = fetch_keys(conn, years)
        names = fetch_names(conn, years)
    winner_old = match(old_rules, keys, names, _version_label(old_info))
    winner_new = match(new_rules, keys, names, _version_label(new_info))
    added, removed, changed = _rule_changes(old_rules, new_rules)
    moved = _moved(keys, old_rules, winner_old, new_rules, winner_new)
    totals = pd.DataFrame([{"definition": d, **{f"{a}_{side}": v[d][a] for side, v in
                                                 (("old", _three(keys, old_rules, winner_old)),
                                                  ("new", _three(keys, new_rules, winner_new)))
                                                 for a in MAIN_STAGES}} for d in DEFINITIONS])
    return RuleDiff(old_info, new_info, added, removed, changed, moved, totals)


def _is_version(v) -> bool:
    return isinstance(v, int) or (isinstance(v, str) and v.isdigit())


def _version_label(info: dict) -> str:
    return f"rule set {info['id']}" if info.get("id") is not None else info["file_name"]


def _version(conn, v) -> tuple[dict, tuple[Rule, ...]]:
    if _is_version(v):
        s = gender_rule_set
        found = rows(conn, sa.select(s.c.id, s.c.file_name, s.c.sha256, s.c.loaded_at, s.c.loaded_by, s.c.active)
                     .where(s.c.id == int(v)))
        if not found:
            raise RuleError("rules diff", [f"no rule set version {v} (see `python -m etl rules versions`)"], CANNOT)
        return dict(found[0]._mapping), rules_of(conn, int(v))
    rs = read_rules(v)
    return {"id": None, "file_name": str(v), "sha256": rs.sha256, "loaded_at": None, "loaded_by": None,
            "active": False}, rs.rules


def _summary_row(r: Rule) -> dict:
    return {"rule_id": r.id, "conditions": r.conditions(), "years": f"{r.year_from or ''}-{r.year_to or ''}",
            "category": r.category, "marker": r.marker, "weight": r.weight, "lio_line": r.lio_line}


def _rule_changes(old: tuple[Rule, ...], new: tuple[Rule, ...]):
    o, n = {r.id: r for r in old}, {r.id: r for r in new}
    cols = ["rule_id", "conditions", "years", "category", "marker", "weight", "lio_line"]
    added = pd.DataFrame([_summary_row(n[i]) for i in n if i not in o], columns=cols)
    removed = pd.DataFrame([_summary_row(o[i]) for i in o if i not in n], columns=cols)
    changes = []
    for i in (i for i in n if i in o):
        a, b = o[i].as_row(), n[i].as_row()
        for f in _COMPARED:
            if a.get(f) != b.get(f):
                changes.append({"rule_id": i, "field": f, "old": a.get(f), "new": b.get(f)})
    return added, removed, pd.DataFrame(changes, columns=["rule_id", "field", "old", "new"])


def _picked(rules, winner, attr, default):
    values = [default] + [getattr(r, attr) for r in rules]
    return np.array(values, dtype=object)[winner + 1]


def _moved(keys: pa.Table, old_rules, w_old, new_rules, w_new) -> pd.DataFrame:
    cols = ["from_category", "to_category", "lines", *MAIN_STAGES]
    c_old = _picked(old_rules, w_old, "category", UNREVIEWED)
    c_new = _picked(new_rules, w_new, "category", UNREVIEWED)
    rows = np.nonzero(c_old != c_new)[0]
    if not len(rows):
        return pd.DataFrame(columns=cols)
    t = keys.select(list(MAIN_STAGES)).take(pa.array(rows))
    t = t.append_column("from_category", pa.array(c_old[rows].tolist())).append_column(
        "to_category", pa.array(c_new[rows].tolist()))
    g = t.group_by(["from_category", "to_category"]).aggregate(
        [("pia", "count"), *[(a, "sum") for a in MAIN_STAGES]]).to_pylist()
    out = [{"from_category": r["from_category"], "to_category": r["to_category"], "lines": r["pia_count"],
            **{a: r[f"{a}_sum"] for a in MAIN_STAGES}} for r in g]
    order = {k: i for i, k in enumerate(CATEGORY_ORDER)}
    out.sort(key=lambda r: (order[r["from_category"]], order[r["to_category"]]))
    return pd.DataFrame(out, columns=cols)


def _three(keys: pa.Table, rules, winner) -> dict[str, dict[str, Decimal]]:
    """strict / weighted / broad for one classification of the keys, exact to the cent."""
    marker = np.array([-1] + [r.marker for r in rules], dtype=np.int16)[winner + 1]
    weight = pa.array([Decimal(0)] + [r.weight for r in rules], pa.decimal128(5, 2)).take(pa.array(winner + 1))
    out = {d: {} for d in DEFINITIONS}
    for a in MAIN_STAGES:
        amt = keys.column(a).combine_chunks().cast(pa.decimal128(24, 2))
        out["strict"][a] = _dec(pc.sum(pc.filter(amt, pa.array(marker == 2))).as_py())
        out["broad"][a] = _dec(pc.sum(pc.filter(amt, pa.array(marker >= 1))).as_py())
        out["weighted"][a] = (_dec(pc.sum(pc.multiply(amt, weight)).as_py()) / 100).quantize(CENT, ROUND_HALF_UP)
    return out
