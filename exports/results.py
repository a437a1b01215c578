"""Results indicators for the take-aways: the rows a brief's "Resultados" sheet and a report's
"Resultados" section carry, with their sources and the caveats (issue "Results beside the money").

Which indicators: a programme's links (Programas, a programme report), a network programme's
links (Red), the violence indicators (Género), a department's headline indicators (a Regiones
profile, a department report), or the headline set (Resumen). Each indicator comes back as the
national series plus, for a department, that department's series; one row per method and year,
so a method break stays two series in the sheet too.
"""
from __future__ import annotations

import pandas as pd

from domain.codes import DEPARTMENTS, NATIONAL
from domain.i18n import t
from domain.indicators import EXTRA_AREAS, METHODS, indicator_label
from store import indicators

REPORT_WINDOW = 5           # a report for year Y shows the indicators of Y-5 .. Y
HEADLINE = ("dci_menores5", "anemia_6_35", "pobreza_monetaria", "violencia_pareja")
VIOLENCE = ("violencia_pareja", "violencia_fis_sex_12m", "feminicidios", "casos_cem")
CAVEATS = ("results.caveat.association", "results.caveat.methods", "results.caveat.lima", "results.caveat.sex")
COLUMNS = ("indicator", "method", "place", "year", "value", "unit", "referential", "source")


def indicators_for(page: str, state: dict, names: dict | None = None, settings=None) -> tuple[list[str], str]:
    """(indicator ids, department code or '') a view's results are about."""
    names = names or {}
    year = state.get("year")
    if page in ("programas", "programa") and (state.get("path") or state.get("code")):
        code = (state.get("path") or [state.get("code")])[0]
        links = indicators.links_for_programme(code, names.get(code, ""), year, settings=settings)
        return list(links["indicator"]), ""
    if page in ("red", "programa_red") and (state.get("programa_red") or state.get("code")):
        links = indicators.links_for_network(state.get("programa_red") or state.get("code"), settings=settings)
        return list(dict.fromkeys(links["indicator"])), ""
    if page == "genero":
        return list(VIOLENCE), ""
    if page in ("regiones", "departamento"):
        dept = state.get("departamento") or state.get("code") or ""
        return list(HEADLINE), dept
    return list(HEADLINE), ""


def results_rows(ids: list[str], department: str, lang: str, settings=None, *,
                 years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Every value of the national series and of `department`'s (columns COLUMNS, in `lang`);
    `years` (first, last) keeps a window (a printed report stays short)."""
    frames = []
    places = [NATIONAL] + ([department] if department and department != NATIONAL else [])
    for ind in ids:
        for place in places:
            s = indicators.indicator_series(ind, place, settings=settings)
            if years is not None:
                s = s[(s["year"] >= years[0]) & (s["year"] <= years[1])]
            if s.empty:
                continue
            frames.append(pd.DataFrame({
                "indicator": indicator_label(ind, lang),
                "method": [METHODS.get(m, {}).get(lang, m) for m in s["method"]],
                "place": _place(place, lang), "year": s["year"].astype(int), "value": s["value"].astype(float),
                "unit": s["unit"],
                "referential": [t("results.referential", lang) if r else "" for r in s["referential"]],
                "source": [f"{src}{', ' + tb if tb else ''}" for src, tb in zip(s["source"], s["source_table"])]}))
    if not frames:
        return pd.DataFrame(columns=list(COLUMNS))
    return pd.concat(frames, ignore_index=True)


def _place(code: str, lang: str) -> str:
    if code == NATIONAL:
        return t("results.national", lang)
    return EXTRA_AREAS.get(code) or DEPARTMENTS.get(code, code)


def caveats(lang: str) -> list[str]:
    return [t(k, lang) for k in CAVEATS]


def column_headers(lang: str) -> list[tuple[str, str]]:
    return [(c, t(f"results.col.{c}", lang)) for c in COLUMNS]
