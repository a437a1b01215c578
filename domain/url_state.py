"""Page state lives in the URL query (?year=2010&level=R&programme=0001&path=...&lang=en).

So a copied address reproduces the view (permalinks for reports), the back button steps
through filter changes, and any server process can answer any request. Pages turn the query
into a validated state dict with `page_state` (the Red page: `network_state`), and controls
write it back with `search_for`.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

from domain.codes import DEFAULT_LANG, LANGS, LEVEL_CHOICES
from domain.network import NETWORK_CATEGORIES

METRICS = ("devengado", "pim", "avance", "per_capita", "per_woman", "gender_share")
# Regiones: which of the three gender totals (domain.gender.DEFINITIONS) `gender_share` divides.
GENDER_CHOICES = {"estricto": "strict", "ponderado": "weighted", "amplio": "broad"}
MAX_COMPARED = 4          # departments side by side on the Regiones page (comparar=08.15.21)
_DEPARTMENT = re.compile(r"^\d{2}$")
# Red de protección social: money per inhabitant or per woman, in nominal soles or soles of
# domain.codes.REAL_BASE_YEAR (Lima CPI).
INDICATORS = ("habitante", "mujer")
PRICES = ("nominal", "real")
# Programas: `por` = how the rows under the drill path are grouped: the next level down (the
# default) or a level further down, skipping those between (e.g. the executing units of a whole
# programme); `apartar` = whether charts of programmes set 9001/9002 aside (default yes).
DRILL_VIEWS = ("siguiente", "producto", "actividad", "ejecutora")
SET_ASIDE = ("si", "no")
_PROGRAMME_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# Keys that travel between pages (the navbar keeps them); the rest belong to one page.
GLOBAL_KEYS = ("year", "level", "precios", "lang")
# Every key a page may put in the URL, in the order they are written. Page-only keys:
# por, apartar (Programas); programa_red, categoria, indicador (Red de protección social); programa,
# departamento, programa_red (Informe, /informe); genero, departamento, comparar (Regiones). precios is
# global (the navbar's switch, components/prices.py).
ORDER = ("year", "level", "programme", "metric", "genero", "path", "por", "apartar", "programa_red", "categoria",
         "indicador", "precios", "programa", "departamento", "comparar", "lang")
# A key at its default value is left out of the URL (shorter permalinks, one URL per view).
DEFAULTS = {"lang": DEFAULT_LANG, "metric": "devengado", "indicador": INDICATORS[0], "precios": PRICES[0],
            "genero": "ponderado", "por": DRILL_VIEWS[0], "apartar": SET_ASIDE[0]}


def parse_search(search: str | None) -> dict[str, str]:
    """'?a=1&b=2' -> {'a': '1', 'b': '2'} (last value wins)."""
    return dict(parse_qsl((search or "").lstrip("?"), keep_blank_values=False))


def page_state(query: dict, years: list[int] | None = None) -> dict:
    """A clean state from raw query values: unknown or malformed values fall back to defaults.

    `years` are the fiscal years in the store; the default year is the latest one."""
    years = years or []
    try:
        year = int(query.get("year", ""))
    except (TypeError, ValueError):
        year = None
    if year not in years:
        year = years[-1] if years else None
    level = query.get("level") if query.get("level") in LEVEL_CHOICES else "all"
    lang = query.get("lang") if query.get("lang") in LANGS else DEFAULT_LANG
    metric = query.get("metric") if query.get("metric") in METRICS else "devengado"
    path = [p for p in str(query.get("path") or "").split(".") if p.strip()][:3]
    programme = str(query.get("programme") or "").strip()
    programme = "" if programme == "all" else programme
    prices = query.get("precios") if query.get("precios") in PRICES else PRICES[0]
    return {"year": year, "level": level, "lang": lang, "metric": metric, "path": path,
            "programme": programme, "precios": prices}


def network_state(query: dict, years: list[int] | None = None) -> dict:
    """page_state plus the Red page's keys: programa_red, categoria, indicador."""
    state = page_state(query, years)
    pid = str(query.get("programa_red") or "").strip().lower()
    state["programa_red"] = pid if _PROGRAMME_ID.match(pid) else ""
    state["categoria"] = query.get("categoria") if query.get("categoria") in NETWORK_CATEGORIES else "all"
    state["indicador"] = query.get("indicador") if query.get("indicador") in INDICATORS else INDICATORS[0]
    return state


def regions_state(query: dict, years: list[int] | None = None) -> dict:
    """page_state plus the Regiones page's keys: genero (estricto|ponderado|amplio), departamento
    (an INEI code, '' = the map) and comparar (up to MAX_COMPARED codes, a list; '.' in the URL).
    Codes are checked for shape here; whether a department exists is the page's business."""
    state = page_state(query, years)
    state["genero"] = query.get("genero") if query.get("genero") in GENDER_CHOICES else DEFAULTS["genero"]
    dept = str(query.get("departamento") or "").strip()
    state["departamento"] = dept if _DEPARTMENT.match(dept) else ""
    raw = query.get("comparar") or ""
    parts = raw if isinstance(raw, (list, tuple)) else str(raw).split(".")
    codes: list[str] = []
    for p in (str(p).strip() for p in parts):
        if _DEPARTMENT.match(p) and p not in codes:
            codes.append(p)
    state["comparar"] = codes[:MAX_COMPARED]
    return state


def programmes_state(query: dict, years: list[int] | None = None) -> dict:
    """page_state plus the Programas page's keys: por (DRILL_VIEWS), apartar (SET_ASIDE)."""
    state = page_state(query, years)
    state["por"] = query.get("por") if query.get("por") in DRILL_VIEWS else DRILL_VIEWS[0]
    state["apartar"] = query.get("apartar") if query.get("apartar") in SET_ASIDE else SET_ASIDE[0]
    return state


def search_for(state: dict, **changes) -> str:
    """The query string for `state` with `changes` applied; defaults are left out.

    The drill path is joined with '.', which needs no escaping (codes are digits)."""
    merged = {**state, **changes}
    out = {}
    for key in ORDER:
        value = merged.get(key)
        if key in ("path", "comparar") and isinstance(value, (list, tuple)):
            value = ".".join(value)
        if value in (None, "", "all") or DEFAULTS.get(key) == value:
            continue
        out[key] = value
    return "?" + urlencode(out) if out else ""


def global_search(search: str | None) -> str:
    """Only the keys that travel between pages (year, level, precios, lang), from a raw query string."""
    return search_for({k: v for k, v in parse_search(search).items() if k in GLOBAL_KEYS})
