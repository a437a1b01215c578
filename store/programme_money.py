"""Read functions for the money MEF records for a social protection programme: the budget lines
its links find (data/network/programmes.yaml), its cost per beneficiary and its spending per
inhabitant or per woman by department.

Apart from the programmes' own reads (store/programmes.py) because these are the ones that
scan budget_line. Amounts are floats in nominal soles unless a column says `_real` (soles of a
base year, Lima CPI: store/reference.py). Aggregation runs in SQL; only the per-programme name
patterns run in Python (Python regex, the syntax programmes.yaml is validated with; PostgreSQL's
and DuckDB's regex dialects differ, e.g. on \\b), against the names of one year's executing
units, products and activities, a few thousand strings at most.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import pandas as pd
import sqlalchemy as sa

from domain.codes import DEPARTMENTS, MAIN_STAGES, NATIONAL
from domain.network import CODE_MATCHERS, is_count_unit
from domain.text import ascii_fold
from settings import Settings
from store.engine import read_engine
from store.gender import gender_summary
from store.programmes import (
    _coverage_stmt,
    _decimals_to_float,
    _finish_coverage,
    _float,
)
from store.read import _filtered, _rows
from store.reference import real_series
from store.schema import (
    budget_line,
    code_name,
    population,
    programme,
    programme_budget_link,
)

# code_name dimensions whose names a link's name_pattern is searched in.
NAME_DIMENSIONS = ("sec_ejec", "producto_proyecto", "actividad")
ALL_UNITS = "all"
COST_COLUMNS = ["year", "department", "department_name", "sex", "unit", "source", "beneficiaries", "devengado",
                "cost_per_beneficiary"]


# ---------------------------------------------------------------- which budget lines

@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _links(conn: sa.Connection, programme_id: str, include_successors: bool) -> list:
    """The programme's budget links of every year, in file order (SUCCESSOR links only if asked)."""
    L = programme_budget_link
    stmt = sa.select(L).where(L.c.programme_id == programme_id).order_by(L.c.seq)
    if not include_successors:
        stmt = stmt.where(L.c.successor.is_(False))
    return conn.execute(stmt).mappings().all()


def _match_conditions(conn: sa.Connection, links, years) -> dict[int, tuple]:
    """Per fiscal year: (WHERE clause over budget_line for that year or None, description of the
    links used). One code_name query for all the years whose links have name patterns."""
    t = budget_line
    conds, used, patterns = {}, {}, {}
    for y in (int(y) for y in years):
        conds[y], used[y], patterns[y] = [], [], []
        for link in (k for k in links if k["year_from"] <= y <= k["year_to"]):
            for col in CODE_MATCHERS:
                if link[col]:
                    conds[y].append(sa.func.ltrim(t.c[col], "0") == link[col])
                    used[y].append(f"{col} {link[col]}")
            if link["name_pattern"]:
                patterns[y].append(link["name_pattern"])
                used[y].append(f"name ~ {link['name_pattern']}")
    searched = sorted(y for y, p in patterns.items() if p)
    names: dict[int, list] = {}
    if searched:
        for fy, dim, code, name in conn.execute(
                sa.select(code_name.c.fiscal_year, code_name.c.dimension, code_name.c.code, code_name.c.name).where(
                    code_name.c.fiscal_year.in_(searched), code_name.c.dimension.in_(NAME_DIMENSIONS))):
            names.setdefault(int(fy), []).append((dim, code, name))
    for y in searched:
        regexes = [_compiled(p) for p in patterns[y]]
        codes: dict[str, set[str]] = {}
        for dim, code, name in names.get(y, ()):
            plain = ascii_fold(name or "")
            if any(rx.search(name or "") or rx.search(plain) for rx in regexes):
                codes.setdefault(dim, set()).add(code)
        for dim, found in sorted(codes.items()):
            conds[y].append(t.c[dim].in_(sorted(found)))
    return {y: ((sa.or_(*conds[y]) if conds[y] else None), "; ".join(used[y])) for y in conds}


def _match_condition(conn: sa.Connection, programme_id: str, year: int, include_successors: bool):
    """(WHERE clause over budget_line for that year or None, description of the links used)."""
    return _match_conditions(conn, _links(conn, programme_id, include_successors), [year])[int(year)]


def _spending(conn, programme_id: str, year: int, include_successors: bool, by_department: bool):
    cond, used = _match_condition(conn, programme_id, year, include_successors)
    if cond is None:
        return None, used
    t = budget_line
    cols = [sa.func.sum(t.c[a]).label(a) for a in MAIN_STAGES] + [sa.func.count().label("matched_rows")]
    if by_department:
        stmt = (sa.select(t.c.departamento_meta.label("department"), *cols)
                .where(t.c.fiscal_year == int(year), cond).group_by(t.c.departamento_meta)
                .order_by(t.c.departamento_meta))     # a hash aggregate's order is arbitrary
    else:
        stmt = sa.select(*cols).where(t.c.fiscal_year == int(year), cond)
    return _rows(conn, stmt), used


# ---------------------------------------------------------------- money of a programme

def budget_split(programme_id: str, year: int, *, include_successors: bool = False,
                 settings: Settings | None = None) -> pd.DataFrame:
    """Where a network programme's money sits in the budget: the matched lines summed by budget
    programme, product/project and executing unit (Juntos: programme 0005's product 3000111 and
    unit 1428), largest PIM first. Columns: programa, producto, sec_ejec, pia, pim, devengado.
    The rows add up to budget_for_programme's totals (a line matched by several links counts once)."""
    t = budget_line
    with read_engine(settings).connect() as conn:
        cond, _ = _match_condition(conn, programme_id, year, include_successors)
        if cond is None:
            return pd.DataFrame(columns=["programa", "producto", "sec_ejec", *MAIN_STAGES])
        stmt = (sa.select(t.c.programa, t.c.producto_proyecto.label("producto"), t.c.sec_ejec,
                          *[sa.func.sum(t.c[a]).label(a) for a in MAIN_STAGES])
                .where(t.c.fiscal_year == int(year), cond)
                .group_by(t.c.programa, t.c.producto_proyecto, t.c.sec_ejec))
        df = _rows(conn, stmt)
    df = _decimals_to_float(df, MAIN_STAGES)
    return df.sort_values(["pim", "devengado", "programa"], ascending=[False, False, True]).reset_index(drop=True)


def budget_for_programme(programme_id: str, year: int, *, include_successors: bool = False,
                         by_department: bool = False, settings: Settings | None = None) -> pd.DataFrame:
    """PIA, PIM and devengado of the budget lines a programme's links match in a fiscal year.

    A line matched by several links counts once. Links marked SUCCESSOR (a later programme,
    e.g. Cuna Más for Wawa Wasi) are left out unless include_successors.
    Columns: programme_id, year, pia, pim, devengado, matched_rows (budget_line rows matched,
    month rows included: 0 = nothing found), links (what was searched); with by_department,
    also `department` (DEPARTAMENTO_META), one row per department. Amounts are None when no
    link applies to that year or no line matched.
    """
    with read_engine(settings).connect() as conn:
        df, used = _spending(conn, programme_id, year, include_successors, by_department)
    if by_department and df is None:
        df = pd.DataFrame(columns=["department", *MAIN_STAGES, "matched_rows"])
    elif not by_department and (df is None or not int(df["matched_rows"].iloc[0] or 0)):
        df = pd.DataFrame([{**{a: None for a in MAIN_STAGES}, "matched_rows": 0}])
    df = _decimals_to_float(df, MAIN_STAGES)
    df.insert(0, "programme_id", programme_id)
    df.insert(1, "year", int(year))
    df["matched_rows"] = [int(v or 0) for v in df["matched_rows"]]
    df["links"] = used
    return df.reset_index(drop=True)


def cost_per_beneficiary(programme_id: str, year: int, unit: str | None = None, *,
                         include_successors: bool = False, settings: Settings | None = None) -> pd.DataFrame:
    """Devengado / beneficiaries for each coverage row of that year counted in people or things.

    unit: which count; None = the programme's headline unit (programme.headline_unit, e.g.
    households for Juntos: a cost per community facilitator means little); ALL_UNITS = every
    count unit. Percentages and targets are always skipped (they are not counts). A national
    row (PE) is set against all the programme's matched spending, a department row against the
    spending with that DEPARTAMENTO_META. cost_per_beneficiary is None when the spending is missing (no link
    or no matched line) or the count is 0; no coverage row for that year gives an empty frame.
    Columns: year, department, department_name, sex, unit, source, beneficiaries, devengado,
    cost_per_beneficiary (soles per unit counted).
    """
    with read_engine(settings).connect() as conn:
        if unit is None:
            unit = conn.execute(sa.select(programme.c.headline_unit).where(programme.c.id == programme_id)).scalar()
            if unit is None:        # the programme has no count at all: nothing to divide by
                return pd.DataFrame(columns=COST_COLUMNS)
        cov = _finish_coverage(_rows(conn, _coverage_stmt(programme_id, year, None if unit == ALL_UNITS else unit)))
        cov = cov[cov["unit"].map(is_count_unit).astype(bool)] if not cov.empty else cov
        total, by_dept = None, {}
        if not cov.empty:
            # One query: the national total is the sum of the department rows (every matched
            # line is in exactly one, 98 EXTERIOR included), summed as Decimals like SQL's SUM
            # (NULL only when every row's devengado is NULL; no rows = nothing matched).
            dep, _ = _spending(conn, programme_id, year, include_successors, True)
            if dep is not None and not dep.empty:
                amounts = [v for v in dep["devengado"] if v is not None and v == v]
                total = _float(sum(amounts, Decimal(0))) if amounts else None
                by_dept = {d: _float(v) for d, v in zip(dep["department"], dep["devengado"])}
    out = cov.rename(columns={"value": "beneficiaries"})[COST_COLUMNS[:-2]].copy()
    out["devengado"] = pd.Series([total if d == NATIONAL else by_dept.get(d) for d in out["department"]],
                                 index=out.index, dtype=object)
    out["cost_per_beneficiary"] = _divide(out["devengado"], out["beneficiaries"])
    return out.reset_index(drop=True)


def budget_by_year(*, base_year: int | None = None, filters: dict | None = None, programme_id: str | None = None,
                   include_successors: bool = False, settings: Settings | None = None) -> pd.DataFrame:
    """PIA, PIM and devengado per fiscal year (all loaded years), nominal and, with base_year, real.

    programme_id: only the lines the programme's links match in each year (a link applies to
    its own years only). Columns: fiscal_year, pia, pim, devengado [, cpi_factor, pia_real,
    pim_real, devengado_real].
    """
    t = budget_line
    with read_engine(settings).connect() as conn:
        stmt = _filtered(sa.select(t.c.fiscal_year, *[sa.func.sum(t.c[a]).label(a) for a in MAIN_STAGES]),
                         t, None, filters)
        if programme_id is not None:
            years = list(_rows(conn, sa.select(t.c.fiscal_year).distinct())["fiscal_year"])   # a summary answers
            found = _match_conditions(conn, _links(conn, programme_id, include_successors), years)
            per_year = [sa.and_(t.c.fiscal_year == y, found[int(y)][0]) for y in years
                        if found[int(y)][0] is not None]
            stmt = stmt.where(sa.or_(*per_year) if per_year else sa.false())
        df = _rows(conn, stmt.group_by(t.c.fiscal_year).order_by(t.c.fiscal_year))
    df = _decimals_to_float(df, MAIN_STAGES)
    df["fiscal_year"] = [int(y) for y in df["fiscal_year"]]
    return real_series(df, base_year, settings=settings) if base_year is not None else df
def programme_gender_summary(programme_id: str, year: int, *, include_successors: bool = False,
                             settings: Settings | None = None) -> pd.DataFrame:
    """store.gender.gender_summary (strict, weighted, broad) of the budget lines the programme's
    links match in a fiscal year, the lines budget_for_programme sums. All zero when no link
    applies or nothing matches."""
    with read_engine(settings).connect() as conn:
        cond, _ = _match_condition(conn, programme_id, year, include_successors)
    return gender_summary(year, settings=settings, where=cond if cond is not None else sa.false())


# ---------------------------------------------------------------- money per person

def _per_capita(year: int, sex: str, filters: dict | None, programme_id: str | None, include_successors: bool,
                settings: Settings | None) -> pd.DataFrame:
    t, pop = budget_line, population
    with read_engine(settings).connect() as conn:
        spend = _filtered(sa.select(t.c.departamento_meta.label("department"),
                                    sa.func.sum(t.c.devengado).label("devengado")), t, year, filters)
        if programme_id is not None:
            cond, _ = _match_condition(conn, programme_id, year, include_successors)
            spend = spend.where(cond if cond is not None else sa.false())
        spend = spend.group_by(t.c.departamento_meta).subquery()
        stmt = (sa.select(pop.c.department, spend.c.devengado, pop.c.population)
                .select_from(pop.outerjoin(spend, spend.c.department == pop.c.department))
                .where(pop.c.year == int(year), pop.c.sex == sex, pop.c.department != "00")
                .order_by(pop.c.department))
        df = _rows(conn, stmt)
        loaded = conn.execute(sa.select(t.c.fiscal_year).where(t.c.fiscal_year == int(year)).limit(1)).first()
    df.insert(1, "department_name", [DEPARTMENTS.get(d, d) for d in df["department"]])
    df = _decimals_to_float(df, ["devengado"])
    if loaded:      # a department without matching lines spent 0; a year not loaded is unknown (None)
        df["devengado"] = pd.Series([0.0 if v is None else v for v in df["devengado"]], index=df.index, dtype=object)
    df["population"] = [int(v) for v in df["population"]]
    return df


def _divide(amounts, people) -> pd.Series:
    return pd.Series([a / p if p and a is not None else None for a, p in zip(amounts, people)], dtype=object,
                     index=amounts.index)


def spending_per_inhabitant(year: int, filters: dict | None = None, *, programme_id: str | None = None,
                            include_successors: bool = False, settings: Settings | None = None) -> pd.DataFrame:
    """Devengado by department of the meta / INEI population (both sexes) of that year.

    filters: as store.read.totals (keys of store.read.GROUPS); programme_id: only the lines that
    programme's links match. 98 EXTERIOR has no population and is left out; the 25 departments
    are always there (devengado 0 where nothing was spent, None when no budget file of that year
    is loaded). Empty when the population table has no such year.
    Columns: department, department_name, devengado, population, per_inhabitant.
    """
    df = _per_capita(year, "T", filters, programme_id, include_successors, settings)
    df["per_inhabitant"] = _divide(df["devengado"], df["population"])
    return df


def spending_per_woman(year: int, filters: dict | None = None, *, programme_id: str | None = None,
                       include_successors: bool = False, settings: Settings | None = None) -> pd.DataFrame:
    """As spending_per_inhabitant, divided by the number of women (sex F).

    Columns: department, department_name, devengado, population (women), per_woman.
    """
    df = _per_capita(year, "F", filters, programme_id, include_successors, settings)
    df["per_woman"] = _divide(df["devengado"], df["population"])
    return df
