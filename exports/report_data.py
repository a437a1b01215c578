"""The data of a printable report (/informe, `python -m etl report`): a budget programme, a
department of the meta or a social protection programme in one fiscal year, with every source
its figures come from.

Dash-free, like store/: plain dicts of DataFrames and floats (nominal soles), so the page
(pages/report.py), a file export or a later exports/views.py can all use it. Which words and
columns a chart or table gets is the page's business (components/report.py); here a chart or
table is an id, its rows and the roles of the sources it rests on.
"""
from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd

from domain.codes import ALL, DEFAULT_LANG, DEPARTMENTS, MAIN_STAGES, NATIONAL, REAL_BASE_YEAR
from exports import results
from store import budget, gender, programme_money, programmes, reference, status
from store.read import load_history_frame, totals

KINDS = ("programa", "departamento", "programa_red")
PATH = "/informe"     # where the dashboard serves the report (pages/report.py)
TOP_N = 10            # bars in a "largest" chart
MAX_ROWS = 25         # rows in a printed table (largest PIM first); the report says how many it left out
SHA_PREFIX = 12

# Source roles, in the order the numbered list gives them.
ROLES = ("budget", "rules", "report", "coverage", "population", "cpi", "exchange_rate")


def report_search(kind: str, code: str, year: int | None, lang: str = DEFAULT_LANG, prices: str = "nominal") -> str:
    """'?programa=0001&year=2011' (&precios=real&lang=en): the report's URL scheme, which every page
    links to and `python -m etl report` prints; kind '' gives the chooser's address."""
    query = {kind: code} if kind else {}
    if year is not None:
        query["year"] = int(year)
    if prices == "real":
        query["precios"] = "real"
    if lang != DEFAULT_LANG:
        query["lang"] = lang
    return "?" + urlencode(query) if query else ""


def _num(v) -> float | None:
    return None if v is None or v != v else float(v)


def _money(pia, pim, devengado) -> dict:
    pia, pim, dev = _num(pia), _num(pim), _num(devengado)
    return {"pia": pia, "pim": pim, "devengado": dev,
            "avance_pct": dev / pim * 100 if pim and dev is not None else None}


def _budget_rows(df: pd.DataFrame) -> pd.DataFrame:
    """store.read.totals (Decimals) as key, name, pia, pim, devengado, avance_pct floats,
    largest PIM first."""
    out = pd.DataFrame({"key": [str(k) for k in df["key"]], "name": [str(n or "") for n in df["name"]]})
    for c in MAIN_STAGES:
        out[c] = [_num(v) or 0.0 for v in df[c]]
    out["avance_pct"] = [d / p * 100 if p else None for d, p in zip(out["devengado"], out["pim"])]
    return out.sort_values(["pim", "devengado", "key"], ascending=[False, False, True]).reset_index(drop=True)


def _by(by: str, year: int, filters: dict) -> pd.DataFrame:
    return _budget_rows(totals(by, year, filters=filters))


def _table(table_id: str, rows: pd.DataFrame, sources=("budget",), limit: int | None = MAX_ROWS) -> dict:
    """A table of the report: its first `limit` rows and how many there are in all."""
    return {"id": table_id, "rows": rows.head(limit).reset_index(drop=True) if limit else rows,
            "total_rows": len(rows), "sources": tuple(sources)}


def _chart(chart_id: str, kind: str, rows: pd.DataFrame, sources=("budget",)) -> dict:
    """kind: bars (horizontal PIM/devengado), columns (vertical), monthly (execution curve)."""
    return {"id": chart_id, "kind": kind, "rows": rows.reset_index(drop=True), "sources": tuple(sources)}


# ---------------------------------------------------------------- sources

def _loads() -> dict[int, dict]:
    df = load_history_frame()
    out = {}
    for r in df.to_dict("records"):
        finished = r["finished_at"]
        out[int(r["id"])] = {
            "load_id": int(r["id"]), "file_name": r["file_name"], "format": r["format"],
            "sha256": str(r["sha256"])[:SHA_PREFIX], "status": r["status"], "is_demo": bool(r["is_demo"]),
            "fiscal_years": r["fiscal_years"] if isinstance(r["fiscal_years"], str) else "",
            "date": finished.strftime("%Y-%m-%d") if finished is not None and finished == finished else ""}
    return out


def budget_sources(years: list[int] | None, loads: dict[int, dict] | None = None) -> list[dict]:
    """The MEF loads (file, sha256 prefix, date) whose lines make up those fiscal years (None: all)."""
    loads = _loads() if loads is None else loads
    src = status.sources(None)
    if years is not None:
        src = src[src["fiscal_year"].isin([int(y) for y in years])]
    ids = sorted({int(i) for i in src["load_id"]})
    return [{"role": "budget", **loads[i]} for i in ids if i in loads]


def rules_source() -> dict | None:
    """The active gender rule set: file, sha256 prefix, rule count, date loaded."""
    df = gender.rule_sets()
    active = df[df["active"].astype(bool)] if not df.empty else df
    if active.empty:
        return None
    r = active.iloc[-1]
    return {"role": "rules", "rule_set_id": int(r["id"]), "file_name": r["file_name"],
            "sha256": str(r["sha256"])[:SHA_PREFIX], "rule_count": int(r["rule_count"]),
            "date": r["loaded_at"].strftime("%Y-%m-%d") if r["loaded_at"] is not None else ""}


def reference_sources(datasets: tuple[str, ...], loads: dict[int, dict] | None = None, **extra) -> list[dict]:
    """Citations of the curated data sets used (population, cpi, exchange_rate, network), with the
    load of their file. `extra`: more keys per dataset, e.g. network={"sections": [...]}."""
    loads = _loads() if loads is None else loads
    refs = reference.reference_sources()
    by_file = {v["file_name"]: v for v in sorted(loads.values(), key=lambda v: v["load_id"])
               if v["status"] == "loaded"}
    out = []
    for d in datasets:
        row = refs[refs["dataset"] == d]
        if row.empty:
            continue
        r = row.iloc[0]
        load = by_file.get(r["file"], {})
        role = "report" if d == "network" else d
        out.append({"role": role, "dataset": d, "citation": r["citation"], "file_name": r["file"],
                    "sha256": load.get("sha256", ""), "date": load.get("date", ""), "load_id": load.get("load_id"),
                    **extra.get(d, {})})
    return out


def coverage_sources(rows: pd.DataFrame, loads: dict[int, dict] | None = None) -> list[dict]:
    """The loaded coverage tables, with the sources their rows for this programme name."""
    loads = _loads() if loads is None else loads
    files = [v for v in loads.values() if v["format"] == "coverage" and v["status"] == "loaded"]
    cited = list(dict.fromkeys(str(s) for s in rows["source"])) if not rows.empty else []
    return [{"role": "coverage", **f, "row_sources": cited} for f in files]


def _ordered(sources: list[dict]) -> list[dict]:
    rank = {r: i for i, r in enumerate(ROLES)}
    return sorted(sources, key=lambda s: rank.get(s["role"], len(ROLES)))


# ---------------------------------------------------------------- choices

def choices(year: int, lang: str = "es") -> dict[str, list[tuple[str, str]]]:
    """What a report can be about in that year: (code, label) per kind."""
    progs = budget.programme_names(year)
    depts = budget.by_department(year, ALL)
    net = programmes.network_table(lang)
    return {
        "programa": [(c, f"{c} {n}".strip()) for c, n in zip(progs["code"], progs["name"]) if c],
        "departamento": [(k, f"{k} {DEPARTMENTS.get(k, n)}".strip()) for k, n in zip(depts["key"], depts["name"])],
        "programa_red": [(i, f"{a} · {n}" if isinstance(a, str) and a else n)
                         for i, a, n in zip(net["id"], net["acronym"], net["name"])],
    }


# ---------------------------------------------------------------- the three kinds

def _gender(df: pd.DataFrame) -> pd.DataFrame:
    """gender_summary's rows as floats: definition, pia, pim, devengado, share_devengado_pct."""
    out = df[["definition"]].copy()
    for c in (*MAIN_STAGES, "share_pim_pct", "share_devengado_pct"):
        out[c] = [_num(v) for v in df[c]]
    return out


def programme_report(code: str, year: int, lang: str = "es") -> dict | None:
    """A budget programme (PROGRAMA_PPTO) in a year, every level of government; None when it has
    no lines that year."""
    filters = {"programa": code}
    head = _by("programa", year, filters)
    if head.empty:
        return None
    r = head.iloc[0]
    products = budget.drill(year, ALL, (code,))
    loads = _loads()
    sources = budget_sources([year], loads)
    rules = rules_source()
    return {
        "kind": "programa", "code": code, "year": int(year), "name": r["name"], "lang": lang,
        "money": _money(r["pia"], r["pim"], r["devengado"]),
        "charts": [
            _chart("levels", "columns", _by("nivel", year, filters)),
            _chart("monthly", "monthly", budget.monthly_execution(year, ALL, code)),
            _chart("products", "bars", products.head(TOP_N)),
        ],
        "tables": [
            _table("products", products),
            _table("activities", _by("actividad", year, filters)),
            _table("units", _by("ejecutora", year, filters)),
            _table("departments", _by("departamento", year, filters)),
        ],
        "gender": _gender(gender.gender_summary(year, filters)),
        "sources": _ordered(sources + ([rules] if rules else [])),
        "is_demo": any(s["is_demo"] for s in sources),
    }


def department_report(code: str, year: int, lang: str = "es") -> dict | None:
    """A department of the meta (DEPARTAMENTO_META: where the spending lands) in a year, every
    level of government; None for an unknown code or a department without lines that year."""
    if code not in DEPARTMENTS:
        return None
    filters = {"departamento": code}
    head = _by("departamento", year, filters)
    if head.empty:
        return None
    r = head.iloc[0]
    programmes = _by("programa", year, filters)
    loads = _loads()
    sources = budget_sources([year], loads)
    rules = rules_source()
    per = programme_money.spending_per_inhabitant(year, filters)
    mine = per[per["department"] == code] if not per.empty else per
    extra, used = {}, []
    if not mine.empty and mine.iloc[0]["population"]:
        p = mine.iloc[0]
        extra = {"population": int(p["population"]), "per_inhabitant": _num(p["per_inhabitant"])}
        used = reference_sources(("population",), loads)
    return {
        "kind": "departamento", "code": code, "year": int(year), "name": DEPARTMENTS[code],   # INEI's name: files differ
        "lang": lang, "money": _money(r["pia"], r["pim"], r["devengado"]), **extra,
        "charts": [
            _chart("programmes", "bars", programmes.head(TOP_N)),
            _chart("levels", "columns", _by("nivel", year, filters)),
        ],
        "tables": [
            _table("programmes", programmes),
            _table("units", _by("ejecutora", year, filters)),
        ],
        "gender": _gender(gender.gender_summary(year, filters)),
        "sources": _ordered(sources + ([rules] if rules else []) + used),
        "is_demo": any(s["is_demo"] for s in sources),
    }


def network_report(programme_id: str, year: int, lang: str = "es") -> dict | None:
    """A programme of the social protection network (data/network/programmes.yaml): the money its
    budget links find in MEF lines in the year and in every loaded year, its coverage as the
    seed report prints it and as the coverage table has it. None for an unknown id."""
    detail = programmes.programme_detail(programme_id, lang)
    if detail is None:
        return None
    p = detail["programme"]
    loads = _loads()
    has_links = not detail["budget_links"].empty
    budget = programme_money.budget_for_programme(programme_id, year).iloc[0]
    by_year = programme_money.budget_by_year(programme_id=programme_id) if has_links else pd.DataFrame()
    years = pd.DataFrame({"key": [str(y) for y in by_year.get("fiscal_year", [])], "name": ""})
    for c in MAIN_STAGES:
        years[c] = [_num(v) or 0.0 for v in by_year.get(c, [])]
    years["avance_pct"] = [d / q * 100 if q else None for d, q in zip(years["devengado"], years["pim"])]
    by_dept = programme_money.budget_for_programme(programme_id, year, by_department=True) if has_links else None
    depts = pd.DataFrame(columns=["key", "name", *MAIN_STAGES, "avance_pct"])
    if by_dept is not None and not by_dept.empty:
        depts = pd.DataFrame({"key": by_dept["department"].astype(str),
                              "name": [DEPARTMENTS.get(d, d) for d in by_dept["department"]]})
        for c in MAIN_STAGES:
            depts[c] = [_num(v) or 0.0 for v in by_dept[c]]
        depts["avance_pct"] = [d / q * 100 if q else None for d, q in zip(depts["devengado"], depts["pim"])]
        depts = depts.sort_values(["pim", "devengado", "key"], ascending=[False, False, True])
    cost = programme_money.cost_per_beneficiary(programme_id, year)
    national = cost[cost["department"] == NATIONAL] if not cost.empty else cost
    printed, cov = detail["coverage_printed"], detail["coverage"]
    sections = [s for s in dict.fromkeys([*(str(p.get("sources") or "").split("; ")), *printed["section"]]) if s]
    # money only where links find lines: then the MEF loads and the rules behind the gender totals
    sources = budget_sources([int(y) for y in by_year["fiscal_year"]], loads) if has_links else []
    rules = rules_source() if has_links else None
    return {
        "kind": "programa_red", "code": programme_id, "year": int(year), "lang": lang,
        "name": p[f"name_{lang}"], "acronym": p.get("acronym") or "",
        "category": p.get(f"category_label_{lang}") or p.get("category") or "",
        "institution": p.get(f"institution_{lang}") or "",
        "has_links": has_links, "links": budget["links"], "matched_rows": int(budget["matched_rows"]),
        "money": _money(budget["pia"], budget["pim"], budget["devengado"]),
        "cost": None if national.empty else national.iloc[0].to_dict(),
        "charts": [
            _chart("years", "columns", years),
            _chart("departments", "bars", depts.head(TOP_N)),
        ] if has_links else [],
        "tables": [
            _table("coverage", cov, ("coverage",), limit=None),
            _table("coverage_printed", printed, ("report",), limit=None),
        ],
        "gender": _gender(programme_money.programme_gender_summary(programme_id, year)) if has_links else None,
        "sources": _ordered(sources + ([rules] if rules else []) + coverage_sources(cov, loads)
                            + reference_sources(("network",), loads, network={"sections": sections})),
        "is_demo": any(s["is_demo"] for s in sources),
    }


BUILDERS = {"programa": programme_report, "departamento": department_report, "programa_red": network_report}


def report(kind: str, code: str, year: int, lang: str = "es", prices: str = "nominal") -> dict | None:
    """One of the three reports by kind (KINDS); None when there is nothing to report. Amounts in
    `prices` (state["precios"]): see in_prices. Every report carries its result indicators
    ("results": exports/results.py rows of the report year and the five before, maybe empty)."""
    data = BUILDERS[kind](code, year, lang)
    if data is None:
        return None
    ids, department = results.indicators_for(kind, {"code": code, "year": year}, {code: data.get("name", "")})
    data["results"] = results.results_rows(ids, department, lang,
                                           years=(int(year) - results.REPORT_WINDOW, int(year)))
    return in_prices(data, prices)


def _frame_in_prices(rows: pd.DataFrame, year: int, factors: dict, by_year: bool = False) -> pd.DataFrame:
    if not any(c in rows for c in reference.AMOUNT_COLUMNS):
        return rows
    if by_year:             # the network programme's money by year: the year is the key
        out = reference.in_prices(rows.assign(fiscal_year=[int(k) for k in rows["key"]]), "real", factors=factors)
        return out.drop(columns=["fiscal_year", "cpi_factor"])
    return reference.in_prices(rows, "real", year=year, factors=factors).drop(columns=["cpi_factor"])


def in_prices(data: dict, prices: str) -> dict:
    """The report's amounts in real soles of REAL_BASE_YEAR (x CPI(base) / CPI(year), Lima CPI)
    when prices == "real": key figures, per inhabitant, cost per beneficiary, charts, tables and
    gender totals; the CPI joins the sources. data["prices"] says which, data["no_cpi"] lists
    the years without a CPI (their amounts unknown, never nominal)."""
    out = {**data, "prices": "real" if prices == "real" else "nominal", "no_cpi": []}
    if out["prices"] != "real":
        return out
    year = int(data["year"])
    years = {year} | {int(k) for c in data["charts"] if c["id"] == "years" for k in c["rows"]["key"]}
    factors = reference.price_factors(years, REAL_BASE_YEAR)
    f = factors.get(year)

    def scaled(v):
        return None if v is None or f is None else v * f
    out["money"] = {k: (v if k == "avance_pct" else scaled(v)) for k, v in data["money"].items()}
    if data.get("per_inhabitant") is not None:
        out["per_inhabitant"] = scaled(data["per_inhabitant"])
    if data.get("cost"):
        out["cost"] = {**data["cost"], **{k: scaled(data["cost"].get(k)) for k in ("devengado", "cost_per_beneficiary")
                                           if k in data["cost"]}}
    out["charts"] = [{**c, "rows": _frame_in_prices(c["rows"], year, factors, by_year=c["id"] == "years"
                                                    and data["kind"] == "programa_red")} for c in data["charts"]]
    out["tables"] = [{**tb, "rows": _frame_in_prices(tb["rows"], year, factors)} for tb in data["tables"]]
    if data.get("gender") is not None:
        out["gender"] = _frame_in_prices(data["gender"], year, factors)
    out["no_cpi"] = sorted(y for y, v in factors.items() if v is None)
    out["sources"] = _ordered(data["sources"] + reference_sources(("cpi",)))
    return out
