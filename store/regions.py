"""Read functions for the Regiones page: one row per department with every map metric (money,
avance, per inhabitant, per woman, gender share), a department's rank, and the pieces of a
department profile (series, top programmes, gender totals, the network's coverage there).

Built on the reads other pages already trust, so the figures agree across the dashboard:
store.budget.by_department (money per DEPARTAMENTO_META), store.programme_money's
spending_per_inhabitant / spending_per_woman (INEI population of that year and sex),
store.gender (the three totals), store.reference (real soles, Lima CPI). Amounts are floats in
soles, nominal or, with prices="real", soles of domain.codes.REAL_BASE_YEAR; shares and avance
do not depend on prices.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import sqlalchemy as sa

from domain.codes import LEVELS, MAIN_STAGES, REAL_BASE_YEAR
from domain.url_state import GENDER_CHOICES
from settings import Settings
from store.budget import _totals_frame, by_department
from store.gender import _JOINED, _SUMMED, CENT, summed_ready
from store.gender import _where as _gender_where
from store.gender import gender_summary
from store.programme_money import budget_by_year, spending_per_inhabitant, spending_per_woman
from store.programmes import DEPARTMENT_NAMES, _decimals_to_float
from store.read import _frame, totals
from store.reference import to_real_soles
from store.schema import coverage, programme

EXTERIOR = "98"        # abroad: no population, no shape on the map, never ranked
MONEY = ("pia", "pim", "devengado")
METRIC_COLUMNS = {"devengado": "devengado", "pim": "pim", "avance": "avance_pct", "per_capita": "per_capita",
                  "per_woman": "per_woman", "gender_share": "gender_share_pct"}
COLUMNS = ["key", "name", *MONEY, "avance_pct", "population", "women", "per_capita", "per_woman",
           "gender_devengado", "gender_share_pct"]


def _filters(level: str | None, programa: str | None = None, departamento: str | None = None) -> dict:
    out = {"nivel": level} if level in LEVELS else {}
    if programa:
        out["programa"] = programa
    if departamento:
        out["departamento"] = departamento
    return out


def price_factor(year: int, prices: str, settings: Settings | None = None) -> float | None:
    """1.0 for nominal soles; CPI(base) / CPI(year) for real soles (None without both CPIs)."""
    return 1.0 if prices != "real" else to_real_soles(1.0, year, REAL_BASE_YEAR, settings)


def _scaled(values, factor: float | None) -> pd.Series:
    return pd.Series([None if v is None or v != v or factor is None else float(v) * factor for v in values],
                     dtype=object)


def gender_by_department(year: int, level: str | None = None, programa: str | None = None, genero: str = "ponderado",
                         settings: Settings | None = None) -> pd.DataFrame:
    """Devengado per DEPARTAMENTO_META under one gender definition (genero = estricto | ponderado |
    amplio, as store.gender.gender_summary counts them: marker 2; amount x weight; marker 1 or 2),
    with the whole devengado and the share. Columns: key, gender_devengado, devengado,
    gender_share_pct. Amounts as Decimals, to the cent, like gender_summary."""
    definition = GENDER_CHOICES[genero]
    src = _SUMMED if summed_ready(settings) else _JOINED      # gender_sum: the join summed at publish time
    amt = src.amount["devengado"]
    part = {"strict": sa.func.sum(sa.case((src.marker == 2, amt), else_=0)),
            "weighted": sa.func.sum(amt * src.weight),
            "broad": sa.func.sum(sa.case((src.marker.in_([1, 2]), amt), else_=0))}[definition]
    dept = src.c.departamento_meta
    stmt = sa.select(dept.label("key"), part.label("gender_devengado"), sa.func.sum(amt).label("devengado"))
    stmt = _gender_where(stmt.select_from(src.table), src, year, _filters(level, programa)).group_by(dept)
    df = _frame(stmt.order_by(dept), settings)
    gender = [Decimal(0) if v is None else Decimal(v) for v in df["gender_devengado"]]
    if definition == "weighted":
        gender = [(v / 100).quantize(CENT, ROUND_HALF_UP) for v in gender]
    df["gender_devengado"] = pd.Series(gender, index=df.index, dtype=object)
    df["devengado"] = pd.Series([Decimal(0) if v is None else Decimal(v) for v in df["devengado"]], index=df.index,
                                dtype=object)
    df["gender_share_pct"] = [float(g / d * 100) if d else None for g, d in zip(df["gender_devengado"],
                                                                             df["devengado"])]
    return df


def department_metrics(year: int, level: str | None = None, programa: str | None = None, genero: str = "ponderado",
                       prices: str = "nominal", settings: Settings | None = None) -> pd.DataFrame:
    """Every department with budget lines that year (98 Exterior included), key order, with PIA,
    PIM, devengado (in `prices`), avance %, INEI population (both sexes) and women, devengado per
    inhabitant and per woman (in `prices`), gender devengado under `genero` and its share.

    population / women are None where INEI has no figure for that year and department (98
    always): per_capita / per_woman are then None, never 0. Amounts are None with real prices
    when the year has no CPI."""
    filters = _filters(level, programa)
    money = by_department(year, level, programa, settings)
    people = spending_per_inhabitant(year, filters, settings=settings).set_index("department")
    women = spending_per_woman(year, filters, settings=settings).set_index("department")
    gender = gender_by_department(year, level, programa, genero, settings).set_index("key")
    factor = price_factor(year, prices, settings)
    out = pd.DataFrame({"key": list(money["key"]), "name": list(money["name"])})
    for m in MONEY:
        out[m] = _scaled(money[m], factor)
    out["avance_pct"] = pd.Series(list(money["avance_pct"]), dtype=object)

    def pick(frame, column):
        return pd.Series([frame[column].get(k) if k in frame.index else None for k in out["key"]], dtype=object)

    out["population"] = pick(people, "population")
    out["women"] = pick(women, "population")
    out["per_capita"] = _scaled(pick(people, "per_inhabitant"), factor)
    out["per_woman"] = _scaled(pick(women, "per_woman"), factor)
    out["gender_devengado"] = _scaled(pick(gender, "gender_devengado"), factor)
    out["gender_share_pct"] = pick(gender, "gender_share_pct")
    return out[COLUMNS]


def department_rank(metrics: pd.DataFrame, metric: str, key: str) -> tuple[int | None, int]:
    """(rank, out of) of a department among the departments with a value for `metric` in
    department_metrics' frame: 1 = the largest; equal values share the better rank. 98 Exterior
    is never ranked. rank None when the department has no value (e.g. no population)."""
    column = METRIC_COLUMNS[metric]
    ranked = metrics[(metrics["key"] != EXTERIOR) & metrics[column].notna()]
    values = {k: float(v) for k, v in zip(ranked["key"], ranked[column])}
    if key not in values:
        return None, len(values)
    return 1 + sum(1 for v in values.values() if v > values[key]), len(values)


def department_series(departamento: str, level: str | None = None, prices: str = "nominal",
                      settings: Settings | None = None) -> pd.DataFrame:
    """One department's PIA, PIM, devengado (in `prices`) and avance % per loaded fiscal year
    (store.programme_money.budget_by_year for its lines). Columns: fiscal_year, pia, pim,
    devengado, avance_pct."""
    by_year = budget_by_year(base_year=REAL_BASE_YEAR, filters=_filters(level, departamento=departamento),
                             settings=settings)
    out = pd.DataFrame({"fiscal_year": list(by_year["fiscal_year"])})
    for m in MONEY:
        out[m] = pd.Series(list(by_year[f"{m}_real" if prices == "real" else m]), dtype=object)
    out["avance_pct"] = [d / p * 100 if p and d is not None else None
                         for d, p in zip(by_year["devengado"], by_year["pim"])]
    return out


def top_programmes(year: int, departamento: str, level: str | None = None, prices: str = "nominal", n: int = 10,
                   settings: Settings | None = None) -> pd.DataFrame:
    """The `n` programmes with the largest PIM in a department (key, name, pia, pim, devengado in
    `prices`, avance_pct), largest first."""
    df = _totals_frame(totals("programa", year, filters=_filters(level, departamento=departamento),
                              settings=settings))
    df = df.sort_values(["pim", "devengado", "key"], ascending=[False, False, True]).head(n).reset_index(drop=True)
    factor = price_factor(year, prices, settings)
    for m in MONEY:
        df[m] = _scaled(df[m], factor)
    return df


def department_gender(year: int, departamento: str, level: str | None = None, prices: str = "nominal",
                      settings: Settings | None = None) -> pd.DataFrame:
    """store.gender.gender_summary (strict, weighted, broad) of one department's lines, amounts
    as floats in `prices`; shares unchanged."""
    df = gender_summary(year, filters=_filters(level, departamento=departamento), settings=settings)
    factor = price_factor(year, prices, settings)
    for a in MAIN_STAGES:
        df[a] = _scaled(df[a], factor)
    return df


def network_coverage(departamento: str, lang: str = "es", settings: Settings | None = None) -> pd.DataFrame:
    """The coverage table's rows for one department (every year, every programme of the network),
    newest year first, with the programme's name in `lang`. Columns: year, programme_id, programme,
    department_name, sex, value, unit, source, note."""
    c, p = coverage, programme
    name = p.c.name_en if lang == "en" else p.c.name_es
    stmt = (sa.select(c.c.year, c.c.programme_id, name.label("programme"), c.c.sex, c.c.value, c.c.unit,
                      c.c.source, c.c.note)
            .select_from(c.outerjoin(p, p.c.id == c.c.programme_id))
            .where(c.c.department == departamento)
            .order_by(c.c.year.desc(), p.c.position, c.c.unit, c.c.sex, c.c.source))
    df = _frame(stmt, settings)
    df.insert(3, "department_name", [DEPARTMENT_NAMES.get(departamento, departamento)] * len(df))
    df["year"] = [int(y) for y in df["year"]]
    return _decimals_to_float(df, ["value"])
