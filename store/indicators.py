"""Read functions for results indicators beside the money (data/indicators/SOURCES.md).

Indicators come back one row per method and year, so a caller draws one line per method and a
method break never becomes one line. Spending per target person divides a programme's
devengado in a department by the people the indicator is about (children 0-4, women 15-49,
women, inhabitants), from INEI's projections for that year.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.codes import ALL, NATIONAL
from domain.indicators import target_group
from domain.text import fold
from settings import Settings
from store.budget import by_department
from store.engine import read_engine
from store.read import _rows
from store.schema import indicator_link, indicator_value, population, population_group

VALUE_COLUMNS = ["indicator", "method", "department", "area", "year", "value", "unit", "lower_is_better",
                 "referential", "source", "source_table"]


def _values(stmt, settings) -> pd.DataFrame:
    with read_engine(settings).connect() as conn:
        df = _rows(conn, stmt)
    if df.empty:
        return pd.DataFrame(columns=VALUE_COLUMNS)
    df["value"] = df["value"].astype(float)
    df["year"] = df["year"].astype(int)
    return df


def indicator_list(settings: Settings | None = None) -> pd.DataFrame:
    """What the store holds: indicator, method, unit, first and last year, number of departments."""
    t = indicator_value.c
    stmt = (sa.select(t.indicator, t.method, t.unit, sa.func.min(t.year).label("first_year"),
                      sa.func.max(t.year).label("last_year"),
                      sa.func.count(sa.distinct(t.department)).label("departments"))
            .group_by(t.indicator, t.method, t.unit).order_by(t.indicator, t.method))
    with read_engine(settings).connect() as conn:
        return _rows(conn, stmt)


def indicator_series(indicator: str, department: str = NATIONAL, area: str = "total", *,
                     settings: Settings | None = None) -> pd.DataFrame:
    """One department's values by year, one row per (method, year), oldest first."""
    t = indicator_value.c
    stmt = (sa.select(*(getattr(t, c) for c in VALUE_COLUMNS))
            .where(t.indicator == indicator, t.department == department, t.area == area)
            .order_by(t.method, t.year))
    return _values(stmt, settings)


def indicator_by_department(indicator: str, year: int, area: str = "total", method: str | None = None, *,
                            settings: Settings | None = None) -> pd.DataFrame:
    """Every area code's value in one year (departments, PE, and Lima's halves LM/LR where printed).

    With several methods in that year and no `method`, the newest-named one is not guessed:
    every method comes back and the caller picks."""
    t = indicator_value.c
    stmt = (sa.select(*(getattr(t, c) for c in VALUE_COLUMNS))
            .where(t.indicator == indicator, t.year == int(year), t.area == area))
    if method is not None:
        stmt = stmt.where(t.method == method)
    return _values(stmt.order_by(t.method, t.department), settings)


def _programme_links(year: int, settings) -> pd.DataFrame:
    """Every programme link that covers `year` (one read, matched in Python by callers)."""
    t = indicator_link.c
    stmt = (sa.select(t.indicator, t.target, t.name_pattern, t.first_year, t.last_year, t.reason)
            .where(t.kind == "programme", t.first_year <= int(year), t.last_year >= int(year)))
    with read_engine(settings).connect() as conn:
        return _rows(conn, stmt)


def _matching(links: pd.DataFrame, code: str, name: str) -> pd.DataFrame:
    """The links a programme answers: its code or, for years whose codes changed, its name (the
    link's folded words)."""
    folded = fold(name or "").upper()
    keep = [(r.target == code) or (bool(r.name_pattern) and r.name_pattern in folded) for r in links.itertuples()]
    out = links[keep] if len(links) else links
    return out.drop_duplicates("indicator").reset_index(drop=True)[["indicator", "reason", "first_year", "last_year"]]


def links_for_programme(code: str, name: str, year: int, *, settings: Settings | None = None) -> pd.DataFrame:
    """The indicators a budget programme aims at in `year`: its code or, for years whose codes
    changed, its name (the link's folded words), within the link's years."""
    return _matching(_programme_links(year, settings), code, name)


def links_for_network(programme_id: str, year: int | None = None, *, settings: Settings | None = None) -> pd.DataFrame:
    t = indicator_link.c
    stmt = sa.select(t.indicator, t.reason, t.first_year, t.last_year).where(t.kind == "network",
                                                                          t.target == programme_id)
    if year is not None:
        stmt = stmt.where(t.first_year <= int(year), t.last_year >= int(year))
    with read_engine(settings).connect() as conn:
        return _rows(conn, stmt.order_by(t.indicator))


def target_population(group: str, year: int, *, settings: Settings | None = None) -> pd.DataFrame:
    """department ('00' national), population of the group in `year` (empty when not loaded)."""
    if group in ("women", "inhabitants"):
        sex = "F" if group == "women" else "T"
        stmt = (sa.select(population.c.department, population.c.population)
                .where(population.c.year == int(year), population.c.sex == sex))
    else:
        g = population_group.c
        stmt = sa.select(g.department, g.population).where(g.year == int(year), g.group_name == group)
    with read_engine(settings).connect() as conn:
        df = _rows(conn, stmt)
    df["population"] = df["population"].astype("int64") if not df.empty else df["population"]
    return df.sort_values("department").reset_index(drop=True)


def spending_per_target(programa: str, year: int, indicator: str, *, level: str | None = ALL,
                        area: str = "total", method: str | None = None,
                        settings: Settings | None = None) -> pd.DataFrame:
    """The scatter's points: per department, the programme's devengado, the indicator's target
    population, devengado per person, and the indicator's value in the same year (None where the
    survey has no value that year). Departments without people (98 Exterior) are left out."""
    group = target_group(indicator)
    money = by_department(year, level, programa=programa, settings=settings)[["key", "devengado"]]
    money = money.rename(columns={"key": "department"})
    people = target_population(group, year, settings=settings)
    out = money.merge(people[people["department"] != "00"], on="department", how="inner")
    out["per_person"] = [d / p if p else None for d, p in zip(out["devengado"], out["population"])]
    values = indicator_by_department(indicator, year, area, method, settings=settings)
    if method is None and values["method"].nunique() > 1:
        values = values[values["method"] == sorted(values["method"].unique())[0]]
    by = dict(zip(values["department"], values["value"]))
    ref = dict(zip(values["department"], values["referential"]))
    out["value"] = [by.get(d) for d in out["department"]]
    out["referential"] = [bool(ref.get(d, False)) for d in out["department"]]
    out.insert(1, "group", group)
    return out.reset_index(drop=True)


def programme_results(code: str, name: str, year: int, department: str = NATIONAL, *, level: str | None = ALL,
                      settings: Settings | None = None) -> dict:
    """What the Programas page and a department profile show beside a programme's money: its
    links, each linked indicator's series in `department` (all methods), and the scatter's
    points for the first (headline) indicator in `year`."""
    links = links_for_programme(code, name, year, settings=settings)
    series = {ind: indicator_series(ind, department, settings=settings) for ind in links["indicator"]}
    headline = next((ind for ind in links["indicator"] if not series[ind].empty), None)
    points = (spending_per_target(code, year, headline, level=level, settings=settings) if headline
              else pd.DataFrame())
    return {"links": links, "series": series, "headline": headline, "points": points}


VIOLENCE_HEADLINE = "violencia_pareja"


def violence_results(year: int, *, level: str | None = ALL, settings: Settings | None = None) -> dict | None:
    """For the Género page: the budget programme of `year` that aims at partner violence (by
    code or name, links.csv; the largest by devengado when several), with programme_results'
    keys plus "code" and "name" (headline: partner violence, first among the links); None when
    no loaded programme aims at it. The links are read once and the scatter's points built once
    (programme_results would read them again and build its own headline's points first)."""
    from store.budget import by_programme
    all_links = _programme_links(year, settings)          # read once, matched per programme
    if not (all_links["indicator"] == VIOLENCE_HEADLINE).any():
        return None
    progs = by_programme(year, level, settings=settings)
    for r in progs.sort_values("devengado", ascending=False).itertuples():
        links = _matching(all_links, r.key, r.name)
        if VIOLENCE_HEADLINE not in set(links["indicator"]):
            continue
        series = {ind: indicator_series(ind, NATIONAL, settings=settings) for ind in links["indicator"]}
        ordered = [VIOLENCE_HEADLINE] + [i for i in links["indicator"] if i != VIOLENCE_HEADLINE]
        links = links.set_index("indicator").loc[ordered].reset_index()
        points = spending_per_target(r.key, year, VIOLENCE_HEADLINE, level=level, settings=settings)
        return {"links": links, "series": series, "headline": VIOLENCE_HEADLINE, "points": points,
                "code": r.key, "name": r.name}
    return None


VIOLENCE_INDICATORS = ("violencia_pareja", "violencia_fis_sex_12m", "feminicidios")


def violence_series(*, settings: Settings | None = None) -> dict[str, pd.DataFrame]:
    """The national violence-against-women series the store holds (indicator -> series)."""
    out = {ind: indicator_series(ind, settings=settings) for ind in VIOLENCE_INDICATORS}
    return {k: v for k, v in out.items() if not v.empty}
