"""store/programme_figures.py: the Red page's arithmetic on the reads it caches, on frames shaped
like those reads return (object columns, None for missing money), results worked out by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from store import programme_figures as pf


def _obj(values) -> pd.Series:
    return pd.Series(values, dtype=object)


BUDGET = pd.DataFrame({"programme_id": ["juntos"], "year": [2010], "pia": _obj([18e6]), "pim": _obj([20e6]),
                       "devengado": _obj([15e6]), "matched_rows": [3], "links": ["sec_ejec 1428"]})
COST = pd.DataFrame({"department": ["PE", "05"], "department_name": ["PERÚ", "AYACUCHO"], "unit": ["households"] * 2,
                     "source": ["x", "y"], "beneficiaries": _obj([100_000.0, 40_000.0]),
                     "devengado": _obj([15e6, 10e6]), "cost_per_beneficiary": _obj([150.0, 250.0])})


def test_headline_amounts_in_either_prices_and_in_dollars():
    assert pf.headline_amounts(BUDGET, 0.9, False) == {"pia": 18e6, "pim": 20e6, "devengado": 15e6,
                                                       "avance_pct": 75.0}
    real = pf.headline_amounts(BUDGET, 0.5, True)            # avance % does not depend on prices
    assert real == {"pia": 9e6, "pim": 10e6, "devengado": 7.5e6, "avance_pct": 75.0}
    assert set(pf.headline_amounts(BUDGET, None, True).values()) == {None, 75.0}    # no CPI: no real soles
    nothing = BUDGET.assign(pia=_obj([None]), pim=_obj([None]), devengado=_obj([None]))
    assert pf.headline_amounts(nothing, 1.0, False)["avance_pct"] is None
    assert pf.amounts_in_dollars(BUDGET, 0.25) == {"pia": 4.5e6, "pim": 5e6, "devengado": 3.75e6}


def test_national_against_department_costs():
    national = pf.national_cost(COST, 0.5, True)
    assert (national["beneficiaries"], national["cost_per_beneficiary"], national["cost"]) == (100_000.0, 150.0, 75.0)
    assert pf.national_cost(COST, 0.5, False)["cost"] == 150.0
    assert pf.national_cost(COST[COST["department"] != "PE"], 0.5, False) is None
    depts = pf.department_costs(COST, 0.5, True)
    assert list(zip(depts["department"], depts["devengado"], depts["cost"])) == [("05", 5e6, 125.0)]
    assert list(pf.department_costs(COST, 0.5, False)["cost"]) == [250.0]       # nominal: as read
    assert list(pf.department_costs(COST, None, True)["cost"]) == [None]
    assert pf.department_costs(COST[COST["department"] == "PE"], 0.5, True).empty


def test_per_person_and_by_year():
    per = pd.DataFrame({"department": ["05", "09"], "department_name": ["A", "H"], "devengado": _obj([10.0, 0.0]),
                        "population": [5, 2], "per_inhabitant": _obj([2.0, 0.0]), "per_woman": _obj([4.0, 0.0])})
    shown = pf.per_person(per, "mujer", 0.5, True)
    assert list(shown["value"]) == [2.0, 0.0] and list(shown["devengado"]) == [5.0, 0.0]
    assert list(pf.per_person(per, "habitante", 0.5, False)["value"]) == [2.0, 0.0]
    assert pf.per_person(per.assign(devengado=_obj([0.0, None])), "habitante", 1.0, False).empty
    by_year = pd.DataFrame({"fiscal_year": [2010, 2011], "pim": [20.0, 0.0], "devengado": [15.0, 0.0],
                            "pim_real": _obj([10.0, None]), "devengado_real": _obj([7.5, None])})
    real = pf.years_in_prices(by_year, True)
    assert list(real["pim"]) == [10.0, 0.0] and list(real["devengado"]) == [7.5, 0.0]   # no CPI: drawn as 0
    assert real["avance_pct"].iloc[0] == pytest.approx(75.0) and pd.isna(real["avance_pct"].iloc[1])
    assert list(pf.years_in_prices(by_year, False)["pim"]) == [20.0, 0.0]
