"""The data of one dashboard view, independent of any file format: what a take-away (the Excel
brief, the printable report) needs to say what the page says.

`view_for(query)` takes the page's URL keys (plus `page`), validates them exactly as the pages
do (domain/url_state.py), and reads through the same store read functions the page's callbacks
call (exports/reads.py), so every number matches the screen. Amounts are Decimals to the
centavo; percentages are fractions (0.833 = 83.3 %), the way spreadsheets store them.
"""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pandas as pd

from domain.codes import (
    DEFAULT_LANG,
    LANGS,
    LEVEL_CHOICES,
    MAIN_STAGES,
    NATIONAL,
    REAL_BASE_YEAR,
)
from domain.gender import CATEGORIES, DEFINITIONS, UNREVIEWED
from domain.i18n import code_label, gender_class_label, money_units, prices_in_words, report_section, t, unit_label
from domain.network import NETWORK_CATEGORIES
from domain.url_state import (
    DRILL_VIEWS,
    SET_ASIDE,
    INDICATORS,
    METRICS,
    PRICES,
    GENDER_CHOICES,
    network_state,
    page_state,
    regions_state,
    search_for,
)
from exports import reads, results
from exports.reads import cents
from store import (
    budget,
    gender,
    gender_programmes,
    programme_money,
    programmes,
    reference,
    regions,
    status,
)
from store.engine import StoreMissing

__all__ = ["PAGES", "QUERY_KEYS", "View", "Table", "Column", "Chart", "KeyFigure", "GenderView", "Sources",
           "BriefError", "StoreMissing", "view_for", "query_problems", "normal_query"]

# page slug -> the page's path in the app (pages/*.py register_page)
PAGES = {"resumen": "/", "programas": "/programas", "regiones": "/regiones", "genero": "/genero", "red": "/red"}
PAGE_TEXTS = {"resumen": "overview", "programas": "programmes", "regiones": "regions", "genero": "gender",
              "red": "red"}
QUERY_KEYS = ("page", "year", "level", "path", "por", "apartar", "programme", "metric", "genero", "departamento",
              "comparar", "programa_red", "categoria", "indicador", "precios", "lang")
TOP_PROGRAMMES = 10          # pages/overview.py TOP_N
MAX_BARS = 25                # pages/programmes.py MAX_BARS
EXTERIOR = "98"              # no shape on the map (components/figures.department_map)

MONEY, PERCENT, COUNT, NUMBER, TEXT = "money", "percent", "count", "number", "text"


class BriefError(ValueError):
    """A query a take-away cannot be made from (unknown page, no budget lines loaded)."""


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = TEXT                 # money | percent | count | number | text
    total: bool = False              # a SUBTOTAL(109) in the totals row
    ratio: tuple[str, str] | None = None   # percent total = SUBTOTAL(numerator) / SUBTOTAL(denominator)


@dataclass
class Table:
    key: str                         # stable id: charts name the table they draw
    sheet: str                       # the data sheet's name (in the view's language)
    title: str
    frame: pd.DataFrame
    columns: list[Column]
    note: str = ""

    @property
    def has_totals(self) -> bool:
        return any(c.total or c.ratio for c in self.columns)


@dataclass(frozen=True)
class Chart:
    """A chart of the page, drawn from a table's cells.

    kind: col (vertical bars), bar (horizontal, first row on top), combo (bars of the first
    series, lines of the others). by_rows: each table row is a series and the `series` columns
    are the categories (the gender totals by budget stage)."""
    title: str
    table: str
    category: str
    series: tuple[str, ...]
    kind: str = "col"
    rows: int | None = None          # only the first n rows (a top-n chart)
    units: str = ""
    millions: bool = True            # a money axis shown in S/ millions
    by_rows: bool = False


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: object
    kind: str
    note: str = ""


@dataclass
class GenderView:
    scope: str                       # which filters the gender figures follow, in words
    tables: list[Table]              # three totals, by category, by marker, rules in view
    version: dict | None             # active rule set: id, sha256, loaded_at, loaded_by, file_name
    unreviewed: Decimal | None


@dataclass
class Sources:
    loads: pd.DataFrame              # id, file_name, format, fiscal_years, sha256 (12), finished_at, is_demo
    is_demo: bool
    reference: pd.DataFrame          # dataset, file, citation: the reference series the view uses
    report_sections: list[tuple[str, str]] = field(default_factory=list)   # (programme, sections)


@dataclass
class View:
    page: str
    lang: str
    year: int
    state: dict
    title: str
    filters: list[tuple[str, str]]
    key_figures: list[KeyFigure]
    tables: list[Table]
    charts: list[Chart]
    gender: GenderView
    sources: Sources
    url: str                         # the page's path and query string (the permalink without host)
    notes: list[str] = field(default_factory=list)
    results: Table | None = None     # result indicators beside the money (exports/results.py)

    def table(self, key: str) -> Table:
        for tb in [*self.tables, *self.gender.tables]:
            if tb.key == key:
                return tb
        raise KeyError(key)


# ---------------------------------------------------------------- the query

def normal_query(query: dict) -> dict[str, str]:
    """The URL keys as strings, blanks dropped (a CLI's None, a URL's empty value)."""
    return {str(k): str(v).strip() for k, v in (query or {}).items() if v is not None and str(v).strip() != ""}


def _state(query: dict[str, str], years: list[int]) -> dict:
    if query.get("page") == "regiones":
        return regions_state(query, years)
    return network_state(query, years) if query.get("page") == "red" else page_state(query, years)


def query_problems(query: dict, settings=None) -> list[str]:
    """What a strict client (the CLI) should refuse: values the pages would silently replace by
    their defaults. Empty when the query describes exactly one view."""
    q = normal_query(query)
    out = [f"unknown key {k!r}" for k in q if k not in QUERY_KEYS]
    page = q.get("page", "resumen")
    if page not in PAGES:
        return out + [f"page must be one of {', '.join(PAGES)}, not {page!r}"]
    years = status.store_summary(settings)["years"]
    if not years:
        return out + ["the store has no budget lines: load MEF files (python -m etl load) or build the demo"]
    if "year" in q and (not q["year"].isdigit() or int(q["year"]) not in years):
        out.append(f"year {q['year']!r} is not loaded (loaded: {', '.join(map(str, years))})")
    choices = {"level": LEVEL_CHOICES, "lang": LANGS, "metric": METRICS, "indicador": INDICATORS, "precios": PRICES,
               "categoria": ("all", *NETWORK_CATEGORIES), "genero": tuple(GENDER_CHOICES), "por": DRILL_VIEWS,
               "apartar": SET_ASIDE}
    for key, allowed in choices.items():
        if key in q and q[key] not in allowed:
            out.append(f"{key} must be one of {', '.join(allowed)}, not {q[key]!r}")
    state = _state(q, years)
    if "path" in q:
        parts = q["path"].split(".")
        if len(parts) > len(reads.DRILL_LEVELS) - 1 or not all(p.isalnum() for p in parts):
            out.append(f"path must be up to {len(reads.DRILL_LEVELS) - 1} codes joined with '.', not {q['path']!r}")
    if "programa_red" in q and not state.get("programa_red", "") and page == "red":
        out.append(f"programa_red {q['programa_red']!r} is not a programme id (lower-case letters, digits, _)")
    elif page == "red" and state.get("programa_red"):
        if programmes.programme_detail(state["programa_red"], state["lang"], settings=settings) is None:
            out.append(f"programa_red {state['programa_red']!r} is not in the loaded network")
    if page == "regiones" and state["programme"] and state["year"] in years:
        codes = set(budget.programme_names(state["year"], settings=settings)["code"])
        if state["programme"] not in codes:
            out.append(f"programme {state['programme']!r} has no lines in {state['year']}")
    return out


# ---------------------------------------------------------------- small helpers

def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _fraction(pct) -> float | None:
    """A percentage number (83.3) as a spreadsheet fraction (0.833)."""
    return None if pct is None or pct != pct else float(pct) / 100


def _ratio(num, den):
    return num / den if num is not None and den else None


def _money_columns(lang: str, pia: bool = True) -> list[Column]:
    cols = [Column("pia", t("col.pia", lang), MONEY, total=True)] if pia else []
    return cols + [Column("pim", t("col.pim", lang), MONEY, total=True),
                   Column("devengado", t("col.devengado", lang), MONEY, total=True),
                   Column("avance", t("col.avance", lang), PERCENT, ratio=("devengado", "pim"))]


def _sum(values) -> Decimal | None:
    """Decimal sum; None when any amount is unknown (e.g. real soles of a year without a CPI)."""
    values = list(values)
    return None if any(v is None for v in values) else sum(values, Decimal("0.00"))


def _money_figures(frame: pd.DataFrame, lang: str, pia: bool = True) -> list[KeyFigure]:
    sums = {a: _sum(frame[a]) if not frame.empty else Decimal("0.00") for a in MAIN_STAGES}
    out = [KeyFigure(t(a, lang), sums[a], MONEY, t(f"kpi.{a}.note", lang)) for a in MAIN_STAGES if pia or a != "pia"]
    out.append(KeyFigure(t("avance", lang), _ratio(sums["devengado"], sums["pim"]), PERCENT,
                         t("kpi.avance.note", lang)))
    return out


def _level_words(level: str, lang: str) -> tuple[str, str]:
    return t("filter.level", lang), t(f"level.{level}", lang)


def _markdown_plain(text: str) -> str:
    """Citations are stored as Markdown (**series**, `file`): plain words for a spreadsheet."""
    return re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)|`", "", text or "")


# ---------------------------------------------------------------- the pages

def _resumen(state: dict, lang: str, settings) -> dict:
    year, level = state["year"], state["level"]
    levels = reads.levels_exact(year, level, settings)
    levels["name"] = [t(f"level.{k}", lang) for k in levels["key"]]
    kpis = budget.overview_kpis(year, level, settings)
    monthly = budget.monthly_execution(year, level, None, settings)
    programmes = reads.drill_exact(year, level, (), settings)
    months = t("months", lang).split(",")
    month_frame = pd.DataFrame({
        "month": [months[int(m) - 1] for m in monthly["month"]],
        "devengado": pd.Series([cents(v) for v in monthly["devengado"]], dtype=object),
        "devengado_acum": pd.Series([cents(v) for v in monthly["devengado_acum"]], dtype=object),
        "pim": pd.Series([cents(v) for v in monthly["pim"]], dtype=object),
        "avance_acum": pd.Series([_fraction(v) for v in monthly["avance_acum_pct"]], dtype=object)})
    figures = _money_figures(levels, lang)
    if not kpis.empty:
        figures.append(KeyFigure(t("ppr_share", lang), _fraction(kpis["ppr_share_pct"].iloc[0]), PERCENT,
                                 t("kpi.ppr.note", lang)))
    key_col = Column("key", t("col.key", lang))
    tables = [
        Table("levels", t("brief.sheet.levels", lang), t("overview.by_level", lang) + f" · {year}", levels,
              [key_col, Column("name", t("filter.level", lang)), *_money_columns(lang)]),
        Table("monthly", t("brief.sheet.monthly", lang), t("overview.monthly", lang) + f" · {year}", month_frame,
              [Column("month", t("brief.col.month", lang)), Column("devengado", t("monthly", lang), MONEY, total=True),
               Column("devengado_acum", t("cumulative", lang), MONEY), Column("pim", t("col.pim", lang), MONEY),
               Column("avance_acum", t("brief.col.avance_acum", lang), PERCENT)]),
        Table("programmes", t("brief.sheet.programmes", lang), t("brief.programmes.all", lang) + f" · {year}",
              programmes, [key_col, Column("name", t("col.name", lang)), *_money_columns(lang)]),
    ]
    units = t("units.millions", lang)
    charts = [
        Chart(t("overview.by_level", lang) + f" · {year}", "levels", "name", ("pim", "devengado"), "col", units=units),
        Chart(t("overview.monthly", lang) + f" · {year}", "monthly", "month", ("devengado", "devengado_acum", "pim"),
              "combo", units=units),
        Chart(t("overview.top", lang) + f" · {year}", "programmes", "name", ("pim", "devengado"), "bar",
              rows=TOP_PROGRAMMES, units=units),
    ]
    return {"figures": figures, "tables": tables, "charts": charts, "filters": [_level_words(level, lang)]}


def _programas(state: dict, lang: str, settings) -> dict:
    year, level, path = state["year"], state["level"], list(state["path"])
    depth = len(path)
    rows = reads.drill_exact(year, level, path, settings)
    names = budget.drill_names(year, path, settings)
    level_name = t(f"drill.{reads.DRILL_LEVELS[depth]}", lang)
    columns = [Column("key", level_name), Column("name", t("col.name", lang)), *_money_columns(lang)]
    if depth == 0:
        classes = gender_programmes.gender_by_programme(year, level, settings)
        by_key = {r["key"]: r for r in classes.to_dict("records")}
        rows["gender"] = [gender_class_label(by_key.get(k), lang) for k in rows["key"]]
        columns.append(Column("gender", t("col.gender_class", lang)))
    crumbs = [t("programmes.all", lang)] + [f"{c} {n}".strip() for c, n in zip(path, names)]
    title = t("drill.chart", lang, level=level_name.lower()) + f" · {year}"
    chart_title = title + (f" ({t('programmes.top', lang, n=MAX_BARS, total=len(rows))})" if len(rows) > MAX_BARS
                           else "")
    table = Table("drill", level_name, title, rows, columns)
    return {"figures": _money_figures(rows, lang), "tables": [table],
            "charts": [Chart(chart_title, "drill", "name", ("pim", "devengado"), "bar", rows=MAX_BARS,
                             units=t("units.millions", lang))],
            "filters": [_level_words(level, lang), (t("programmes.breadcrumb", lang), " › ".join(crumbs))]}


def _regiones(state: dict, lang: str, settings) -> dict:
    year, level, metric = state["year"], state["level"], state["metric"]
    programme = state["programme"] or None
    rows = reads.departments_exact(year, level, programme, settings)
    rows = rows.rename(columns={"name": "department"})
    words = t("programme.all", lang)
    if programme:
        names = budget.programme_names(year, settings)
        found = names[names["code"] == programme]
        words = f"{programme} {found['name'].iloc[0] if not found.empty else ''}".strip()
    title = (t("regions.map", lang, metric=t(f"regions.metric.{metric}", lang)) + f" · {year}"
             + (f" · {programme}" if programme else ""))
    mapped = int((rows["key"] != EXTERIOR).sum()) if not rows.empty else 0
    series = "avance" if metric == "avance" else metric
    units = t("units.pct_pim", lang) if metric == "avance" else t("units.millions", lang)
    extra = []
    if metric in ("per_capita", "per_woman", "gender_share"):   # the Regiones map's own metrics (store/regions.py)
        found = regions.department_metrics(year, level, programme, state["genero"], settings=settings)
        found = found.set_index("key")
        series = "gender_share_pct" if metric == "gender_share" else metric
        values = [found[series].get(k) if k in found.index else None for k in rows["key"]]
        rows[series] = pd.Series([_fraction(v) for v in values] if metric == "gender_share" else values,
                                 index=rows.index, dtype=object)
        units = t("regions.units.gender_share" if metric == "gender_share" else
                  f"units.per.{'habitante' if metric == 'per_capita' else 'mujer'}", lang)
        extra = [Column(series, t(f"regions.metric.{metric}", lang) + f" ({units})",
                        PERCENT if metric == "gender_share" else NUMBER)]
    table = Table("departments", t("brief.sheet.departments", lang), t("regions.title", lang) + f" · {year}", rows,
                  [Column("key", t("col.key", lang)), Column("department", t("col.department", lang)),
                   *_money_columns(lang), *extra], note=t("brief.regions.note", lang))
    return {"figures": _money_figures(rows, lang), "tables": [table],
            "charts": [Chart(title, "departments", "department", (series,), "bar", rows=mapped, units=units,
                             millions=metric in ("devengado", "pim"))],
            "filters": [_level_words(level, lang), (t("filter.programme", lang), words),
                        (t("filter.metric", lang), t(f"regions.metric.{metric}", lang))]}


def _genero(state: dict, lang: str, settings) -> dict:
    year, level = state["year"], state["level"]
    df = gender_programmes.gender_programmes(year, level, settings)
    frame = pd.DataFrame({
        "key": [str(k) for k in df["key"]], "name": [_text(n) for n in df["name"]],
        "category": [code_label("gcat", c, lang) for c in df["category"]],
        "marker": [code_label("gmark", UNREVIEWED if m is None or m != m else m, lang) for m in df["marker"]],
        "weight": pd.Series([_fraction(w) for w in df["weight"]], dtype=object),
        "rule_id": [code_label("gcat", r, lang) if r == UNREVIEWED else _text(r) for r in df["rule_id"]],
        "rationale": [_text(x) for x in df["rationale"]], "conditions": [_text(x) for x in df["conditions"]],
        "lio": [code_label("glio", x, lang) for x in df["lio_line"]],
        "pim": pd.Series([cents(v) for v in df["pim"]], dtype=object),
        "devengado": pd.Series([cents(v) for v in df["devengado"]], dtype=object)})
    sets = gender.rule_sets(settings)
    versions = pd.DataFrame({
        "version": [str(i) for i in sets["id"]], "file_name": [_text(f) for f in sets["file_name"]],
        "sha256": [str(s)[:12] for s in sets["sha256"]], "rule_count": [int(n) for n in sets["rule_count"]],
        "loaded_at": [v.strftime("%Y-%m-%d %H:%M:%S") if v is not None and v == v else "" for v in sets["loaded_at"]],
        "loaded_by": [_text(b) for b in sets["loaded_by"]],
        "active": [t("yes" if a else "no", lang) for a in sets["active"]]}).iloc[::-1].reset_index(drop=True)
    tables = [
        Table("gender_programmes", t("brief.sheet.gender_programmes", lang), t("gender.programmes.title", lang)
              + f" · {year}", frame,
              [Column("key", t("col.key", lang)), Column("name", t("col.name", lang)),
               Column("category", t("col.gcategory", lang)), Column("marker", t("col.gmarker", lang)),
               Column("weight", t("col.weight", lang), PERCENT), Column("rule_id", t("col.rule", lang)),
               Column("rationale", t("col.rationale", lang)), Column("conditions", t("col.conditions", lang)),
               Column("lio", t("col.lio", lang)), Column("pim", t("col.pim", lang), MONEY, total=True),
               Column("devengado", t("col.devengado", lang), MONEY, total=True)],
              note=t("gender.programmes.hint", lang)),
        Table("rule_sets", t("brief.sheet.rule_sets", lang), t("gender.versions.title", lang), versions,
              [Column("version", t("col.version", lang)), Column("file_name", t("col.file", lang)),
               Column("sha256", t("col.sha", lang)), Column("rule_count", t("col.rule_count", lang), COUNT),
               Column("loaded_at", t("col.loaded_at", lang)), Column("loaded_by", t("col.loaded_by", lang)),
               Column("active", t("col.active", lang))]),
    ]
    units = t("units.millions", lang)
    charts = [
        Chart(t("gender.totals.title", lang) + f" · {year}", "g_totals", "label", MAIN_STAGES, "col", units=units,
              by_rows=True),
        Chart(t("gender.by_category", lang) + f" · {year}", "g_category", "name", ("pim", "devengado"), "col",
              units=units),
        Chart(t("gender.by_marker", lang) + f" · {year}", "g_marker", "name", ("pim", "devengado"), "col",
              units=units),
    ]
    return {"figures": None, "tables": tables, "charts": charts, "filters": [_level_words(level, lang)]}


def _ordered_network(table: pd.DataFrame) -> pd.DataFrame:
    """Programmes by category (protective ... transformative), then in the report's order
    (pages/network.py _ordered)."""
    rank = {c: i for i, c in enumerate(NETWORK_CATEGORIES)}
    out = table.assign(_rank=table["category"].map(rank).fillna(len(NETWORK_CATEGORIES)), _pos=range(len(table)))
    return out.sort_values(["_rank", "_pos"]).drop(columns=["_rank", "_pos"]).reset_index(drop=True)


def _sex_label(sex, lang: str) -> str:
    return t(f"sex.{sex}", lang) if sex in ("F", "M", "T") else _text(sex)


def _red(state: dict, lang: str, settings) -> dict:
    year, pid = state["year"], state.get("programa_red")
    real = state["precios"] == "real"
    table = _ordered_network(programmes.network_table(lang, settings))
    categories = programmes.network_categories(lang, settings)
    if state["categoria"] in NETWORK_CATEGORIES:
        table = table[table["category"] == state["categoria"]].reset_index(drop=True)
    net = pd.DataFrame({
        "category": [_text(c) for c in table["category_label"]], "acronym": [_text(a) for a in table["acronym"]],
        "name": [_text(n) for n in table["name"]], "institution": [_text(i) for i in table["institution"]],
        "target": [_text(x) for x in table["target_population"]],
        "coverage": [_text(c) for c in table["coverage_printed"]],
        "section": [report_section(s, lang) for s in table["coverage_section"]],
        "share": pd.Series([_fraction(v) for v in table["share_social_budget_2009_pct"]], dtype=object)})
    tables = [Table("network", t("brief.sheet.network", lang), t("red.table.title", lang), net,
                    [Column("category", t("col.category", lang)), Column("acronym", t("col.acronym", lang)),
                     Column("name", t("col.name", lang)), Column("institution", t("col.institution", lang)),
                     Column("target", t("col.target", lang)), Column("coverage", t("col.coverage_printed", lang)),
                     Column("section", t("col.section", lang)), Column("share", t("col.share2009", lang), PERCENT)],
                    note=t("red.source.table", lang))]
    cat_words = t("red.category.all", lang)
    if state["categoria"] in NETWORK_CATEGORIES:
        found = categories[categories["category"] == state["categoria"]]
        cat_words = found["label"].iloc[0] if not found.empty else state["categoria"]
    filters = [(t("red.filter.category", lang), cat_words)]
    sections = [(_text(a) or _text(n), report_section(s, lang)) for a, n, s in
                zip(table["acronym"], table["name"], table["coverage_section"]) if _text(s)]
    out = {"figures": [KeyFigure(t("brief.red.programmes", lang), len(net), COUNT)], "tables": tables, "charts": [],
           "filters": filters, "notes": [], "sections": sections,
           "reference": set(), "all_years": False}
    if not pid:
        out["notes"].append(t("red.none", lang))
        filters.append((t("red.filter.programme", lang), "—"))
        return out
    detail = programmes.programme_detail(pid, lang, settings)
    if detail is None:
        out["notes"].append(t("red.unknown", lang, id=pid))
        filters.append((t("red.filter.programme", lang), pid))
        return out
    p = detail["programme"]
    name = p[f"name_{lang}"]
    title = f"{p['acronym']} · {name}" if _text(p.get("acronym")) else name
    filters += [(t("red.filter.programme", lang), title), (t("red.indicator", lang), t(f"indicator.{state['indicador']}", lang))]
    out["sections"] = [(title, ", ".join(dict.fromkeys(report_section(s, lang)
                                                       for s in _text(p.get("sources")).split("; ") if s)))]
    record = [(t("red.institution", lang), _text(p.get(f"institution_{lang}"))),
              (t("red.start_year", lang), _text(p.get("start_year"))),
              (t("col.category", lang), _text(p.get(f"category_label_{lang}"))),
              (t("brief.red.subtype", lang), _text(p.get(f"subtype_label_{lang}")))]
    record += [(t(f"red.{f}", lang), _text(p.get(f"{f}_{lang}")) or t("red.not_given", lang))
               for f in ("objectives", "gender_objectives", "target_population", "targeting", "gender_design",
                         "linkages", "results")]
    tables.append(Table("record", t("brief.sheet.record", lang), title,
                        pd.DataFrame(record, columns=["field", "value"]),
                        [Column("field", t("col.field", lang)), Column("value", t("brief.col.text", lang))]))
    cov = detail["coverage_printed"]
    tables.append(Table("coverage_printed", t("brief.sheet.coverage", lang), t("red.coverage.title", lang),
                        pd.DataFrame({
                            "printed": [_text(x) for x in cov["printed"]],
                            "value": pd.Series([None if v is None or v != v else v for v in cov["value"]], dtype=object),
                            "unit": [unit_label(u, lang) for u in cov["unit"]],
                            "section": [report_section(s, lang) for s in cov["section"]],
                            "sex": [_sex_label(s, lang) for s in cov["sex"]], "date": [_text(d) for d in cov["date"]],
                            "contradicts": [report_section(c, lang) if _text(c) else "" for c in cov["contradicts"]],
                            "note": [_text(n) for n in cov["note"]]}),
                        [Column("printed", t("col.printed", lang)), Column("value", t("col.value", lang), NUMBER),
                         Column("unit", t("col.unit", lang)), Column("section", t("col.section", lang)),
                         Column("sex", t("col.sex", lang)), Column("date", t("col.date", lang)),
                         Column("contradicts", t("brief.col.contradicts", lang)), Column("note", t("col.note", lang))],
                        note=t("red.contradictions.body", lang) if not detail["contradictions"].empty else ""))
    contra = detail["contradictions"]
    if not contra.empty:
        tables.append(Table("contradictions", t("brief.sheet.contradictions", lang),
                            t("red.contradictions.title", lang),
                            pd.DataFrame({"what": [_text(w) for w in contra["what"]],
                                          "printed": [_text(x) for x in contra["printed"]],
                                          "section": [report_section(s, lang) for s in contra["section"]],
                                          "note": [_text(n) for n in contra["note"]]}),
                            [Column("what", t("col.what", lang)), Column("printed", t("col.printed", lang)),
                             Column("section", t("col.section", lang)), Column("note", t("col.note", lang))]))
    budget = detail["budget"]
    if not budget.empty:
        soles = [reference.usd_to_soles(a, int(y), settings) if c == "USD" and a is not None and y is not None
                 else (a if c == "PEN" else None)
                 for a, c, y in zip(budget["amount"], budget["currency"], budget["year"])]
        if (budget["currency"] == "USD").any():
            out["reference"].add("exchange_rate")
        tables.append(Table("budget_printed", t("brief.sheet.budget_printed", lang), t("red.budget_printed.title", lang),
                            pd.DataFrame({"printed": [_text(x) for x in budget["printed"]],
                                          "what": [_text(w) for w in budget["what"]],
                                          "year": [_text(y) for y in budget["year"]],
                                          "section": [report_section(s, lang) for s in budget["section"]],
                                          "currency": [_text(c) or "%" for c in budget["currency"]],
                                          "soles": pd.Series([cents(v) for v in soles], dtype=object)}),
                            [Column("printed", t("col.printed", lang)), Column("what", t("col.what", lang)),
                             Column("year", t("col.year", lang)), Column("section", t("col.section", lang)),
                             Column("currency", t("col.currency", lang)),
                             Column("soles", t("brief.col.soles_equiv", lang), MONEY)],
                            note=t("red.budget_printed.note", lang)))
    links = detail["budget_links"]
    tables.append(Table("links", t("brief.sheet.links", lang), t("red.links.title", lang), pd.DataFrame({
        "years": [f"{a}–{b}" for a, b in zip(links["year_from"], links["year_to"])],
        "link": [t(f"link.{m}", lang, code=c) if m else "" for m, c in zip(links["match"], links["code"])],
        "successor": [t("link.successor", lang) if s else t("no", lang) for s in links["successor"]],
        "note": [_text(n) for n in links["note"]]}),
        [Column("years", t("col.years", lang)), Column("link", t("col.link", lang)),
         Column("successor", t("col.successor", lang)), Column("note", t("col.note", lang))],
        note=t("red.links.body", lang)))
    if links.empty:
        out["notes"].append(t("red.links.none", lang))
        return out

    # money next to coverage (pages/network.py render_money)
    per_fn = programme_money.spending_per_woman if state["indicador"] == "mujer" else programme_money.spending_per_inhabitant
    with ThreadPoolExecutor(max_workers=3) as pool:     # side by side, as the page's cached_all
        jobs = [pool.submit(programme_money.budget_for_programme, pid, year, settings=settings),
                pool.submit(programme_money.budget_by_year, base_year=REAL_BASE_YEAR, programme_id=pid, settings=settings),
                pool.submit(programme_money.cost_per_beneficiary, pid, year, settings=settings),
                pool.submit(per_fn, year, None, programme_id=pid, settings=settings)]
        budget_now, by_year, cost, per = (j.result() for j in jobs)
    budget_now = budget_now.iloc[0]
    factor = reference.to_real_soles(1.0, year, REAL_BASE_YEAR, settings) if real else 1.0
    out["reference"].add("population")
    out["all_years"] = True
    if real:
        out["reference"].add("cpi")
    if not budget_now["links"]:
        out["notes"].append(t("red.no_links_year", lang, year=year))
    elif not budget_now["matched_rows"]:
        out["notes"].append(t("red.no_lines", lang, year=year))

    def scaled(v):
        return cents(None if v is None or factor is None else v * factor)

    amounts = pd.DataFrame([{a: scaled(budget_now[a]) if budget_now[a] is not None else Decimal("0.00")
                             for a in MAIN_STAGES}], dtype=object)
    figures = _money_figures(amounts, lang)
    if real:
        figures = [KeyFigure(f.label, f.value, f.kind, t("brief.red.real_note", lang)) if f.kind == MONEY else f
                   for f in figures]
    unit = p.get("headline_unit")
    national = cost[cost["department"] == NATIONAL] if not cost.empty else cost
    if isinstance(unit, str) and unit and not national.empty and national["cost_per_beneficiary"].iloc[0] is not None:
        r = national.iloc[0]
        figures.append(KeyFigure(t("red.cost", lang, unit=unit_label(unit, lang, singular=True)),
                                 scaled(r["cost_per_beneficiary"]), MONEY,
                                 t("red.cost.note", lang, n=f"{int(r['beneficiaries']):,} {unit_label(unit, lang)}",
                                   source=r["source"])))
    out["figures"] = figures
    stages = ("pim_real", "devengado_real") if real else ("pim", "devengado")
    years_frame = pd.DataFrame({
        "year": [str(y) for y in by_year["fiscal_year"]],
        "pim": pd.Series([cents(v) or Decimal("0.00") for v in by_year[stages[0]]], dtype=object),
        "devengado": pd.Series([cents(v) or Decimal("0.00") for v in by_year[stages[1]]], dtype=object)})
    years_frame["avance"] = pd.Series([_ratio(d, p) for d, p in zip(by_year["devengado"], by_year["pim"])],
                                      dtype=object)
    money_units = t("units.millions_real" if real else "units.millions", lang)
    tables.append(Table("by_year", t("brief.sheet.by_year", lang), t("red.years.title", lang), years_frame,
                        [Column("year", t("col.year", lang)), *_money_columns(lang, pia=False)], note=money_units))
    column = "per_inhabitant" if state["indicador"] == "habitante" else "per_woman"
    per_frame = pd.DataFrame({
        "department": [_text(d) for d in per["department"]], "name": [_text(n) for n in per["department_name"]],
        "devengado": pd.Series([scaled(v) for v in per["devengado"]], dtype=object),
        "population": [int(v) for v in per["population"]],
        "per": pd.Series([scaled(v) for v in per[column]], dtype=object)})
    per_units = t(f"units.per.{state['indicador']}.real" if real else f"units.per.{state['indicador']}", lang)
    per_title = t("red.map.title", lang, per=t(f"red.map.per.{state['indicador']}", lang), year=year)
    tables.append(Table("per_person", t("brief.sheet.per_person", lang), per_title, per_frame,
                        [Column("department", t("col.key", lang)), Column("name", t("col.department", lang)),
                         Column("devengado", t("col.devengado", lang), MONEY, total=True),
                         Column("population", t(f"col.population.{state['indicador']}", lang), COUNT, total=True),
                         Column("per", per_units, MONEY, ratio=("devengado", "population"))],
                        note=t("source.denominators", lang)))
    rows = cost[cost["department"] != NATIONAL] if not cost.empty else cost
    if not rows.empty:
        tables.append(Table("cost", t("brief.sheet.cost", lang), t("red.cost.by_department", lang), pd.DataFrame({
            "name": [_text(n) for n in rows["department_name"]],
            "beneficiaries": pd.Series([None if v is None or v != v else v for v in rows["beneficiaries"]], dtype=object),
            "unit": [unit_label(u, lang) for u in rows["unit"]],
            "devengado": pd.Series([scaled(v) for v in rows["devengado"]], dtype=object),
            "cost": pd.Series([scaled(v) for v in rows["cost_per_beneficiary"]], dtype=object),
            "source": [_text(s) for s in rows["source"]]}),
            [Column("name", t("col.department", lang)), Column("beneficiaries", t("col.beneficiaries", lang), NUMBER),
             Column("unit", t("col.unit", lang)), Column("devengado", t("col.devengado", lang), MONEY),
             Column("cost", t("col.cost", lang), MONEY), Column("source", t("col.source", lang))]))
    out["charts"] = [
        Chart(per_title, "per_person", "name", ("per",), "bar", units=per_units, millions=False),
        Chart(t("red.years.title", lang), "by_year", "year", ("pim", "devengado"), "col", units=money_units),
    ]
    return out


BUILDERS = {"resumen": _resumen, "programas": _programas, "regiones": _regiones, "genero": _genero, "red": _red}


# ---------------------------------------------------------------- gender and sources, on every view

def gender_scope(page: str, state: dict) -> tuple[str, dict, tuple[str, ...]]:
    """(level, store filters, drill path) the gender figures of a view follow: the page's own
    filters where the classification knows them (level, drill path, programme). A network
    programme's money is found by its links, so the Red page's gender figures are the year's."""
    level = state["level"]
    if page == "programas":
        path = tuple(state["path"])
        return level, reads.level_filters(level, **dict(zip(reads.DRILL_LEVELS, path))), path
    if page == "regiones" and state["programme"]:
        return level, reads.level_filters(level, programa=state["programme"]), (state["programme"],)
    if page == "red":
        return "all", {}, ()
    return level, reads.level_filters(level), ()


def _gender(year: int, page: str, state: dict, lang: str, settings) -> GenderView:
    """The Género sheet's figures; `scope` (words) is filled in once the page's filters are known."""
    level, filters, path = gender_scope(page, state)
    summary = gender.gender_summary(year, filters or None, settings)
    by_cat = gender.gender_totals("categoria_genero", year, filters or None, settings)
    by_marker = gender.gender_totals("marcador_genero", year, filters or None, settings)
    rules = gender.line_rules(year, tuple(path), level, settings)
    version = gender.classification_version(settings)
    info = None
    if version:
        sets = gender.rule_sets(settings)
        row = sets[sets["id"] == int(version.split(":")[0])]
        if not row.empty:
            r = row.iloc[0]
            info = {"id": int(r["id"]), "sha256": str(r["sha256"]), "file_name": _text(r["file_name"]),
                    "loaded_at": r["loaded_at"].strftime("%Y-%m-%d %H:%M:%S") if r["loaded_at"] is not None else "",
                    "loaded_by": _text(r["loaded_by"]), "rule_count": int(r["rule_count"])}
    money = [Column(a, t(f"col.{a}", lang), MONEY, total=True) for a in MAIN_STAGES]
    totals = pd.DataFrame({"label": [t(f"gdef.{d}", lang) for d in summary["definition"]],
                           **{a: pd.Series([cents(v) for v in summary[a]], dtype=object) for a in MAIN_STAGES},
                           "share": pd.Series([_fraction(v) for v in summary["share_devengado_pct"]], dtype=object)})

    def grouped(df, kind):
        return pd.DataFrame({"key": [_text(k) for k in df["key"]],
                             "name": [code_label(kind, k, lang) for k in df["key"]],
                             **{a: pd.Series([cents(v) or Decimal("0.00") for v in df[a]], dtype=object)
                                for a in MAIN_STAGES},
                             "avance": pd.Series([_ratio(cents(d), cents(p)) for d, p in zip(df["devengado"], df["pim"])],
                                                 dtype=object)})
    rules_frame = pd.DataFrame({
        "rule_id": [code_label("gcat", r, lang) if r == UNREVIEWED else _text(r) for r in rules["rule_id"]],
        "conditions": [_text(c) for c in rules["conditions"]],
        "category": [code_label("gcat", c, lang) for c in rules["category"]],
        "marker": [code_label("gmark", UNREVIEWED if m is None or m != m else int(m), lang) for m in rules["marker"]],
        "weight": pd.Series([_fraction(w) for w in rules["weight"]], dtype=object),
        "lio": [code_label("glio", x, lang) for x in rules["lio_line"]],
        "rationale": [_text(x) for x in rules["rationale"]], "source": [_text(x) for x in rules["source"]],
        "author": [_text(x) for x in rules["author"]], "date": [_text(x) for x in rules["date"]],
        "lines": [int(n) for n in rules["lines"]],
        **{a: pd.Series([cents(v) or Decimal("0.00") for v in rules[a]], dtype=object) for a in MAIN_STAGES}})
    unrev = by_cat[by_cat["key"] == UNREVIEWED]
    tables = [
        Table("g_totals", "", t("brief.gender.totals", lang), totals,
              [Column("label", t("col.definition", lang)), *[Column(a, t(f"col.{a}", lang), MONEY) for a in MAIN_STAGES],
               Column("share", t("brief.col.share_devengado", lang), PERCENT)], note=t("brief.gender.totals.note", lang)),
        Table("g_category", "", t("gender.by_category", lang) + f" · {year}", grouped(by_cat, "gcat"),
              [Column("key", t("col.key", lang)), Column("name", t("col.gcategory", lang)), *money,
               Column("avance", t("col.avance", lang), PERCENT, ratio=("devengado", "pim"))]),
        Table("g_marker", "", t("gender.by_marker", lang) + f" · {year}", grouped(by_marker, "gmark"),
              [Column("key", t("col.key", lang)), Column("name", t("col.gmarker", lang)), *money,
               Column("avance", t("col.avance", lang), PERCENT, ratio=("devengado", "pim"))]),
        Table("g_rules", "", t("brief.gender.rules", lang), rules_frame,
              [Column("rule_id", t("col.rule", lang)), Column("conditions", t("col.conditions", lang)),
               Column("category", t("col.gcategory", lang)), Column("marker", t("col.gmarker", lang)),
               Column("weight", t("col.weight", lang), PERCENT), Column("lio", t("col.lio", lang)),
               Column("rationale", t("col.rationale", lang)), Column("source", t("col.source", lang)),
               Column("author", t("brief.col.author", lang)), Column("date", t("col.date", lang)),
               Column("lines", t("col.lines", lang), COUNT, total=True), *money]),
    ]
    return GenderView("", tables, info, cents(unrev["devengado"].iloc[0]) if not unrev.empty else Decimal("0.00"))


def _source_reads(settings) -> tuple:
    return status.load_history(settings), reference.reference_sources(settings)


def _sources(summary: dict, raw: tuple, year: int, all_years: bool, reference: set, page: str) -> Sources:
    """The loads behind the view's lines (store_summary's loads of the year, or of every year for a
    chart over all years), the reference series it uses and, on the Red page, the curated network."""
    history, ref = raw
    by_year = summary["loads"]
    ids = {i for y, loads in by_year.items() if all_years or y == int(year) for i, _ in loads}
    wanted = set(reference) | ({"network"} if page == "red" else set())
    ref = ref[ref["dataset"].isin(wanted)].reset_index(drop=True)
    ref["citation"] = [_markdown_plain(c) for c in ref["citation"]]
    files = set(ref["file"])
    if page == "red":
        files |= set(history.loc[history["format"] == "coverage", "file_name"])
    pick = history[history["id"].isin(ids) | (history["file_name"].isin(files) & (history["status"] == "loaded"))]
    loads = pick[["id", "file_name", "format", "fiscal_years", "sha256", "finished_at", "is_demo"]]
    loads = loads.sort_values("id").reset_index(drop=True)
    return Sources(loads, bool(summary["is_demo"]), ref)


# ---------------------------------------------------------------- prices

def _year_factor(year: int, settings) -> Decimal | None:
    """CPI(REAL_BASE_YEAR) / CPI(year) as a Decimal (store.reference.price_factors); None without a CPI."""
    f = reference.price_factors([year], REAL_BASE_YEAR, settings)[int(year)]
    return None if f is None else Decimal(repr(f))


def _table_in_prices(table: Table, factor: Decimal | None, units: str) -> Table:
    """The money columns of a one-year table x factor (None: unknown, never the nominal amount)."""
    frame = table.frame.copy()
    for c in table.columns:
        if c.kind == MONEY and c.field in frame:
            frame[c.field] = pd.Series([None if v is None or factor is None or (isinstance(v, float) and v != v)
                                        else cents(Decimal(str(v)) * factor) for v in frame[c.field]],
                                       index=frame.index, dtype=object)
    return replace(table, frame=frame, note=f"{table.note} · {units}" if table.note else units)


def _in_prices(page: str, got: dict, gender: GenderView, state: dict, year: int, lang: str, settings) -> None:
    """Real soles (state["precios"] == "real") for every amount of a view, as the page shows them:
    the tables, key figures and gender sheet of the fiscal year x CPI(base) / CPI(year), the
    charts' units in words; the prices in the filter list either way. The Red page's money (by
    year, per person, cost) is worked out in real soles by _red itself."""
    got["filters"] = [*got["filters"], (t("prices.control", lang), prices_in_words(state["precios"], lang))]
    if state["precios"] != "real":
        return
    factor = _year_factor(year, settings)
    units = money_units("real", lang, millions=False)
    got.setdefault("reference", set()).add("cpi")
    if factor is None:
        got.setdefault("notes", []).append(t("prices.no_cpi", lang, years=year, base=REAL_BASE_YEAR))
    gender.tables = [_table_in_prices(tb, factor, units) for tb in gender.tables]
    gender.unreviewed = None if gender.unreviewed is None or factor is None else cents(gender.unreviewed * factor)
    if page == "red":
        return
    got["tables"] = [_table_in_prices(tb, factor, units) for tb in got["tables"]]
    if got["figures"] is not None:
        got["figures"] = [replace(f, value=None if f.value is None or factor is None else cents(f.value * factor),
                                  note=f"{f.note} · {units}" if f.note else units) if f.kind == MONEY else f
                          for f in got["figures"]]
    nominal = t("units.millions", lang)
    got["charts"] = [replace(c, units=money_units("real", lang)) if c.units == nominal else c for c in got["charts"]]


# ---------------------------------------------------------------- the view

def view_for(query: dict[str, str], settings=None) -> View:
    """The view the page at `query` shows (keys as in the URL, plus page=resumen|programas|
    regiones|genero|red). Unknown or malformed values fall back to the page's defaults, as on
    screen; `query_problems` lists them for a client that must refuse them instead.

    Raises StoreMissing without a store, BriefError for an unknown page or a store without
    budget lines."""
    q = normal_query(query)
    page = q.get("page", "resumen")
    if page not in PAGES:
        raise BriefError(f"page must be one of {', '.join(PAGES)}, not {page!r}")
    summary = status.store_summary(settings)
    years = summary["years"]
    if not years:
        raise BriefError("the store has no budget lines yet")
    state = _state(q, years)
    lang = state["lang"] if state["lang"] in LANGS else DEFAULT_LANG
    year = state["year"]
    with ThreadPoolExecutor(max_workers=2) as pool:    # DuckDB and PostgreSQL work outside the GIL
        gender_job = pool.submit(_gender, year, page, state, lang, settings)
        sources_job = pool.submit(_source_reads, settings)
        got = BUILDERS[page](state, lang, settings)
        gender, raw_sources = gender_job.result(), sources_job.result()
    _in_prices(page, got, gender, state, year, lang, settings)
    gender.scope = t("brief.gender.scope.red" if page == "red" else "brief.gender.scope", lang, year=year,
                     filters="; ".join(f"{k}: {v}" for k, v in got["filters"] if k != t("filter.metric", lang)))
    figures = got["figures"]
    if figures is None:         # the Género page: its cards are the three totals and the unreviewed money
        totals = gender.tables[0].frame
        figures = [KeyFigure(lbl, dev, MONEY, t("brief.gender.figure.note", lang)) for lbl, dev in
                   zip(totals["label"], totals["devengado"])]
        total_dev = sum(gender.tables[1].frame["devengado"], Decimal("0.00"))
        figures.append(KeyFigure(t("gender.unreviewed", lang), gender.unreviewed, MONEY,
                                 t("brief.gender.unreviewed.note", lang)))
        figures.append(KeyFigure(t("brief.gender.unreviewed.share", lang), _ratio(gender.unreviewed, total_dev),
                                 PERCENT))
        if state["precios"] == "real":
            units = money_units("real", lang, millions=False)
            figures = [replace(f, note=f"{f.note} · {units}") if f.kind == MONEY else f for f in figures]
    sources = _sources(summary, raw_sources, year, got.get("all_years", False), got.get("reference", set()), page)
    sources.report_sections = got.get("sections", [])
    search = search_for({k: v for k, v in state.items() if k != "lang"} | {"lang": lang})
    filters = [(t("filter.year", lang), str(year)), *got["filters"]]
    title = t(f"{PAGE_TEXTS[page]}.title", lang) + f" · {year}"
    return View(page, lang, year, state, title, filters, figures, got["tables"], got["charts"], gender, sources,
                PAGES[page] + search, got.get("notes", []), _results(page, state, lang, settings))


def _results(page: str, state: dict, lang: str, settings) -> Table | None:
    """The view's result indicators with their sources; the caveats go in the table's note."""
    path = state.get("path") or []
    names = dict(zip(path[:1], budget.drill_names(state["year"], path[:1], settings=settings))) if path else {}
    ids, department = results.indicators_for(page, state, names, settings=settings)
    frame = results.results_rows(ids, department, lang, settings=settings)
    if frame.empty:
        return None
    frame["year"] = frame["year"].astype(str)
    kinds = {"value": NUMBER}
    columns = [Column(f, h, kinds.get(f, TEXT)) for f, h in results.column_headers(lang)]
    return Table("results", t("results.sheet", lang), t("results.title", lang), frame, columns,
                 note=" ".join(results.caveats(lang)))


def categories_text(lang: str) -> list[tuple[str, str]]:
    """(category, what it means) for the method sheet."""
    return [(t(f"gcat.{c}", lang), t(f"gcat.{c}.body", lang)) for c in CATEGORIES]


def definitions_text(lang: str) -> list[tuple[str, str]]:
    """(three totals) for the method sheet."""
    return [(t(f"gdef.{d}", lang), t(f"gdef.{d}.body", lang)) for d in DEFINITIONS]
