"""Every store read the exports make, in one module: when store/dashboard.py and store/network.py
are split, only the imports below change (the function names stay).

Amounts for spreadsheets are Decimals to the centavo: where a read function of the pages returns
floats, the same SQL is asked through store.read.totals (what store.dashboard.drill and
by_department call), or the float is turned back into its exact centavos (`cents`).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from domain.codes import LEVELS, MAIN_STAGES, NATIONAL
from store import dashboard, gender, network
from store.engine import StoreMissing
from store.read import DRILL_LEVELS, totals

__all__ = [
    "StoreMissing", "DRILL_LEVELS", "CENT", "cents", "level_filters", "drill_exact", "departments_exact",
    "levels_exact",
    # store.dashboard
    "store_summary", "sources", "load_history", "overview_kpis", "monthly_execution", "drill_names",
    "programme_names", "gender_programmes", "gender_by_programme", "network_categories",
    # store.gender
    "gender_summary", "gender_totals", "classification_version", "rule_sets", "line_rules",
    # store.network
    "network_table", "programme_detail", "budget_for_programme", "budget_by_year", "cost_per_beneficiary",
    "spending_per_inhabitant", "spending_per_woman", "to_real_soles", "soles_to_usd", "usd_to_soles",
    "reference_sources", "NATIONAL",
]

store_summary = dashboard.store_summary
sources = dashboard.sources
load_history = dashboard.load_history
overview_kpis = dashboard.overview_kpis
monthly_execution = dashboard.monthly_execution
drill_names = dashboard.drill_names
programme_names = dashboard.programme_names
gender_programmes = dashboard.gender_programmes
gender_by_programme = dashboard.gender_by_programme
network_categories = dashboard.network_categories

gender_summary = gender.gender_summary
gender_totals = gender.gender_totals
classification_version = gender.classification_version
rule_sets = gender.rule_sets
line_rules = gender.line_rules

network_table = network.network_table
programme_detail = network.programme_detail
budget_for_programme = network.budget_for_programme
budget_by_year = network.budget_by_year
cost_per_beneficiary = network.cost_per_beneficiary
spending_per_inhabitant = network.spending_per_inhabitant
spending_per_woman = network.spending_per_woman
to_real_soles = network.to_real_soles
soles_to_usd = network.soles_to_usd
usd_to_soles = network.usd_to_soles
reference_sources = network.reference_sources

CENT = Decimal("0.01")


def cents(value) -> Decimal | None:
    """An amount in soles as an exact Decimal to the centavo; None when missing.

    A float that a read function made with float(Decimal) is the nearest double to a sum of
    centavos, so rounding it to two places gives those centavos back exactly for any amount
    below 7 x 10^13 soles (a double's spacing there is under half a centavo)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, Decimal):
        return value.quantize(CENT, ROUND_HALF_UP)
    return Decimal(repr(float(value))).quantize(CENT, ROUND_HALF_UP)


def level_filters(level: str | None, **more) -> dict:
    """store.read filters for a level of government (E, R, M; anything else = every level) and
    other GROUPS keys (empty values dropped): the filters store.dashboard builds."""
    filters = {k: v for k, v in more.items() if v not in (None, "")}
    if level in LEVELS:
        filters["nivel"] = level
    return filters


def _exact(df: pd.DataFrame) -> pd.DataFrame:
    """store.read.totals' frame: key, name, pia, pim, devengado as Decimals, avance as a fraction."""
    out = pd.DataFrame({"key": [str(k) for k in df["key"]], "name": [str(n or "") for n in df["name"]]})
    for c in MAIN_STAGES:
        out[c] = pd.Series([cents(v) or Decimal("0.00") for v in df[c]], dtype=object)
    out["avance"] = pd.Series([d / p if p else None for d, p in zip(out["devengado"], out["pim"])], dtype=object)
    return out


def drill_exact(year: int, level: str | None, path: tuple[str, ...] | list[str] = (), settings=None) -> pd.DataFrame:
    """store.dashboard.drill in Decimals: the same totals() call, the same order (PIM, devengado
    largest first, then key)."""
    path = tuple(path)
    filters = level_filters(level, **dict(zip(DRILL_LEVELS, path)))
    df = _exact(totals(DRILL_LEVELS[len(path)], year, filters=filters, settings=settings))
    if df.empty:
        return df
    order = sorted(range(len(df)), key=lambda i: (-df["pim"][i], -df["devengado"][i], df["key"][i]))
    return df.iloc[order].reset_index(drop=True)


def departments_exact(year: int, level: str | None, programa: str | None = None, settings=None) -> pd.DataFrame:
    """store.dashboard.by_department in Decimals (by department code, 98 Exterior last)."""
    df = _exact(totals("departamento", year, filters=level_filters(level, programa=programa), settings=settings))
    return df.sort_values("key").reset_index(drop=True)


def levels_exact(year: int, level: str | None, settings=None) -> pd.DataFrame:
    """store.dashboard.by_level in Decimals (E, R, M in that order), as `etl totals --by nivel`."""
    df = _exact(totals("nivel", year, filters=level_filters(level), settings=settings))
    order = {k: i for i, k in enumerate(LEVELS)}
    return df.sort_values("key", key=lambda s: s.map(order)).reset_index(drop=True)
