"""The social protection network: read, validate and publish data/network/programmes.yaml.

The YAML is curated by hand from the seed report (Table 1, Appendix 1), so this module is
strict: an unknown key is a typo that would silently drop a fact, a bad category or regex
would break the pages later. The first problem refuses the whole file and names the
programme and the YAML line; a refused file never reaches the store. A valid file replaces
the programme tables whole (one atomic write); the coverage table is left alone, but the
load is refused if it would orphan coverage rows (their programme or unit disappears).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
import yaml

from domain.codes import FIRST_FACT_YEAR, LANGS, LAST_YEAR, SEXES
from domain.errors import LoadRefused
from domain.network import CURRENCIES, MATCHERS, NETWORK_CATEGORIES, is_count_unit
from etl.curated_csv import read_nonempty
from etl.publish import Written, publish_once
from etl.result import LoadResult, run_load
from settings import PROJECT_ROOT, Settings, get_settings
from store.schema import (
    coverage,
    programme,
    programme_budget_link,
    programme_category,
    programme_fact,
    network_figure,
    reference_source,
)

DEFAULT_PATH = PROJECT_ROOT / "data" / "network" / "programmes.yaml"
FORMAT = "network"

TOP_KEYS = {"source", "categories", "programmes"}
# Figures about the network as a whole (PpR's share of the budget, MIMDES' protective share),
# each with its report section; optional.
OPTIONAL_TOP_KEYS = {"context_figures"}
FIGURE_KEYS = {"value", "printed", "unit", "year", "section", "what_es", "what_en"}
CATEGORY_KEYS = {"id", "label_es", "label_en", "definition_es", "definition_en", "subtypes"}
SUBTYPE_KEYS = {"id", "label_es", "label_en", "definition_es", "definition_en"}
TEXT_BASES = ("institution", "objectives", "gender_objectives", "targeting", "target_population", "gender_design",
              "linkages", "results")
TEXT_FIELDS = tuple(f"{f}_{lang}" for f in TEXT_BASES for lang in LANGS)
PROGRAMME_KEYS = {"id", "acronym", "name_es", "name_en", "category", "subtype", "subtype_label_es",
                  "subtype_label_en", "start_year", *TEXT_FIELDS, "coverage", "budget",
                  "share_social_budget_2009_pct", "share_social_budget_note_es", "share_social_budget_note_en",
                  "name_added_by_project", "sources", "contradictions", "budget_links"}
REQUIRED_KEYS = ("id", "name_es", "name_en", "category", "subtype")
COVERAGE_KEYS = {"value", "printed", "unit", "sex", "date", "section", "note_es", "note_en", "contradicts"}
BUDGET_KEYS = {"amount", "printed", "currency", "year", "what_es", "what_en", "section"}
CONTRADICTION_KEYS = {"what_es", "what_en", "values", "note_es", "note_en"}
CONTRADICTION_VALUE_KEYS = {"printed", "section"}
LINK_KEYS = {"years", "sec_ejec", "programa", "pliego", "name_pattern", "successor", "note_es", "note_en"}

SLUG_RE = re.compile(r"^[a-z][a-z0-9_]*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2})?(/\d{4}(-\d{2})?)?$")
CODE_RE = re.compile(r"^\d{1,7}$")


# ---------------------------------------------------------------- YAML with line numbers

class _Mapping(dict):
    line: int = 0


class _Loader(yaml.SafeLoader):
    """SafeLoader that remembers each mapping's line and refuses duplicate keys."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    pairs = loader.construct_pairs(node, deep=True)
    seen: set = set()
    for (key, _), (key_node, _) in zip(pairs, node.value):
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    m = _Mapping(pairs)
    m.line = node.start_mark.line + 1
    return m


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# ---------------------------------------------------------------- the validated dataset

@dataclass
class Network:
    file_name: str
    sha256: str
    citation: str
    programmes: list[dict] = field(default_factory=list)     # rows for `programme` (without load_id)
    figures: list[dict] = field(default_factory=list)        # rows for `network_figure`
    categories: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    units: dict[str, set[str]] = field(default_factory=dict)   # programme id -> its coverage units

    @property
    def ids(self) -> set[str]:
        return {p["id"] for p in self.programmes}


class _Checker:
    """Raises LoadRefused naming the file, the YAML line and the programme."""

    def __init__(self, name: str):
        self.name = name
        self.where = ""
        self.line: int | None = None

    def fail(self, reason: str, node=None):
        line = getattr(node, "line", None) or self.line
        raise LoadRefused(self.name, f"{self.where}{reason}", line=line)

    def mapping(self, value, what: str, allowed: set[str], node=None) -> _Mapping:
        if not isinstance(value, dict):
            self.fail(f"{what} must be a mapping (key: value), found {type(value).__name__}", node)
        unknown = sorted(set(value) - allowed, key=str)
        if unknown:
            self.fail(f"{what}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})", value)
        return value

    def text(self, value, what: str, node, required: bool = False) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(f"{what} is required", node)
            return None
        if not isinstance(value, str):
            self.fail(f"{what} must be text, found {value!r}", node)
        return value.strip()

    def texts(self, node, field: str, what: str, required: bool = False) -> dict[str, str | None]:
        """`field_es` and `field_en`: the app shows one language, so each text comes in both or
        in neither (a note only in English would vanish from the Spanish page)."""
        out = {f"{field}_{lang}": self.text(node.get(f"{field}_{lang}"), f"{what}: {field}_{lang}", node, required)
               for lang in LANGS}
        given = [k for k, v in out.items() if v is not None]
        if len(given) == 1:
            missing = next(k for k in out if k not in given)
            self.fail(f"{what}: {given[0]} is given but {missing} is missing (every text in both languages)", node)
        return out

    def number(self, value, what: str, node, minimum: float | None = None, maximum: float | None = None,
               required: bool = False) -> Decimal | None:
        if value is None:
            if required:
                self.fail(f"{what} is required", node)
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(f"{what} must be a number, found {value!r}", node)
        if value != value or value in (float("inf"), float("-inf")):
            self.fail(f"{what} must be a finite number, found {value!r}", node)
        if minimum is not None and value < minimum:
            self.fail(f"{what} {value!r} is below {minimum}", node)
        if maximum is not None and value > maximum:
            self.fail(f"{what} {value!r} is above {maximum}", node)
        return Decimal(str(value))

    def year(self, value, what: str, node, required: bool = False) -> int | None:
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not FIRST_FACT_YEAR <= value <= LAST_YEAR:
            self.fail(f"{what} must be a year between {FIRST_FACT_YEAR} and {LAST_YEAR}, found {value!r}", node)
        return value

    def items(self, value, what: str, node) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(f"{what} must be a list, found {type(value).__name__}", node)
        return value


def read_programmes(path: Path | str = DEFAULT_PATH) -> Network:
    """Parse and validate the whole file; raise LoadRefused at the first problem."""
    path = Path(path)
    name = path.name
    raw = read_nonempty(path)
    try:
        data = yaml.load(raw, Loader=_Loader)   # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LoadRefused(name, f"not valid YAML: {problem}", line=mark.line + 1 if mark else None) from None
    c = _Checker(name)
    top = c.mapping(data, "the top level", TOP_KEYS | OPTIONAL_TOP_KEYS)
    for key in sorted(TOP_KEYS):
        if key not in top:
            c.fail(f"top-level key {key!r} is missing", top)
    source = c.mapping(top["source"], "source", set(top["source"] or {}) | {"citation"}, top)
    citation = c.text(source.get("citation"), "source.citation", source, required=True)
    net = Network(file_name=name, sha256=hashlib.sha256(raw).hexdigest(), citation=citation)
    subtypes = _categories(c, top["categories"], net)
    for position, fig in enumerate(c.items(top.get("context_figures") or [], "context_figures", top)):
        fig = c.mapping(fig, f"context figure #{position + 1}", FIGURE_KEYS)
        what = f"context figure #{position + 1}"
        net.figures.append({"position": position,
                            "value": c.number(fig.get("value"), f"{what} value", fig),
                            "printed": c.text(fig.get("printed"), f"{what} printed", fig, required=True),
                            "unit": c.text(fig.get("unit"), f"{what} unit", fig, required=True),
                            "year": c.text(str(fig["year"]) if fig.get("year") is not None else None,
                                           f"{what} year", fig),
                            "section": c.text(fig.get("section"), f"{what} section", fig, required=True),
                            **c.texts(fig, "what", what, required=True)})
    seen: dict[str, int] = {}
    for position, prog in enumerate(c.items(top["programmes"], "programmes", top)):
        c.where, c.line = "", getattr(prog, "line", None)
        prog = c.mapping(prog, f"programme #{position + 1}", set(prog) if isinstance(prog, dict) else set())
        pid = prog.get("id")
        if not isinstance(pid, str) or not SLUG_RE.match(pid):
            c.fail(f"programme #{position + 1}: id must be a lowercase slug (a-z, 0-9, _), found {pid!r}", prog)
        c.where = f"programme {pid!r}: "
        c.mapping(prog, "the programme", PROGRAMME_KEYS)
        if pid in seen:
            c.fail(f"duplicate id (first defined at line {seen[pid]})", prog)
        seen[pid] = prog.line
        _programme(c, prog, position, subtypes, net)
    if not net.programmes:
        c.where = ""
        c.fail("no programmes", top)
    return net


def _categories(c: _Checker, value, net: Network) -> dict[str, set[str]]:
    subtypes: dict[str, set[str]] = {}
    position = 0
    for cat in c.items(value, "categories", None):
        cat = c.mapping(cat, "a category", CATEGORY_KEYS)
        cid = cat.get("id")
        if cid not in NETWORK_CATEGORIES:
            c.fail(f"category id {cid!r} is not one of {', '.join(NETWORK_CATEGORIES)}", cat)
        if cid in subtypes:
            c.fail(f"category {cid!r} is defined twice", cat)
        subtypes[cid] = set()
        rows = [(cid, "", cat)]
        for sub in c.items(cat.get("subtypes"), f"category {cid!r} subtypes", cat):
            sub = c.mapping(sub, f"a subtype of {cid!r}", SUBTYPE_KEYS)
            sid = sub.get("id")
            if not isinstance(sid, str) or not SLUG_RE.match(sid) or sid in subtypes[cid]:
                c.fail(f"category {cid!r}: subtype id {sid!r} is not a new lowercase slug", sub)
            subtypes[cid].add(sid)
            rows.append((cid, sid, sub))
        for cid_, sid, node in rows:
            net.categories.append({
                "category": cid_, "subtype": sid, "position": position,
                "label_es": c.text(node.get("label_es"), "label_es", node, required=True),
                "label_en": c.text(node.get("label_en"), "label_en", node, required=True),
                "definition_es": c.text(node.get("definition_es"), "definition_es", node),
                "definition_en": c.text(node.get("definition_en"), "definition_en", node)})
            position += 1
    missing = [k for k in NETWORK_CATEGORIES if k not in subtypes]
    if missing:
        c.fail(f"categories: {', '.join(missing)} missing (need all of {', '.join(NETWORK_CATEGORIES)})")
    return subtypes


def _programme(c: _Checker, p: _Mapping, position: int, subtypes: dict[str, set[str]], net: Network) -> None:
    pid = p["id"]
    for key in REQUIRED_KEYS:
        if p.get(key) in (None, ""):
            c.fail(f"{key} is required", p)
    if p["category"] not in NETWORK_CATEGORIES:
        c.fail(f"category {p['category']!r} is not one of {', '.join(NETWORK_CATEGORIES)}", p)
    if p["subtype"] not in subtypes[p["category"]]:
        c.fail(f"subtype {p['subtype']!r} is not a subtype of {p['category']!r} "
               f"({', '.join(sorted(subtypes[p['category']]))})", p)
    sources = c.items(p.get("sources"), "sources", p)
    if not all(isinstance(s, (str, int, float)) for s in sources):
        c.fail("sources must be a list of report sections", p)
    sources = [str(s) for s in sources]

    cov_rows = []
    for seq, item in enumerate(c.items(p.get("coverage"), "coverage", p)):
        what = f"coverage {seq + 1}"
        item = c.mapping(item, what, COVERAGE_KEYS, p)
        unit = item.get("unit")
        if not isinstance(unit, str) or not SLUG_RE.match(unit):
            c.fail(f"{what}: unit must be a lowercase slug, found {unit!r}", item)
        sex = item.get("sex")
        if sex not in SEXES:
            c.fail(f"{what}: sex {sex!r} is not one of F, M, T", item)
        date = item.get("date")
        if date is not None and (not isinstance(date, (str, int)) or not DATE_RE.match(str(date))):
            c.fail(f"{what}: date {date!r} is not YYYY, YYYY-MM or from/to", item)
        row = _fact(pid, "coverage", seq)
        row.update(value=c.number(item.get("value"), f"{what}: value", item, minimum=0),
                   printed=c.text(item.get("printed"), f"{what}: printed", item, required=True),
                   unit=unit, sex=sex, date=None if date is None else str(date),
                   section=c.text(item.get("section"), f"{what}: section", item, required=True),
                   contradicts=c.text(item.get("contradicts"), f"{what}: contradicts", item),
                   **c.texts(item, "note", what))
        if row["value"] is not None and unit.startswith("percent_") and row["value"] > 100:
            c.fail(f"{what}: a percentage above 100 ({item.get('value')!r})", item)
        cov_rows.append(row)
        net.units.setdefault(pid, set()).add(unit)
    net.units.setdefault(pid, set())
    net.facts.extend(cov_rows)

    for seq, item in enumerate(c.items(p.get("budget"), "budget", p)):
        what = f"budget {seq + 1}"
        item = c.mapping(item, what, BUDGET_KEYS, p)
        currency = item.get("currency")
        if currency is not None and currency not in CURRENCIES:
            c.fail(f"{what}: currency {currency!r} is not USD, PEN or null (a percentage)", item)
        row = _fact(pid, "budget", seq)
        row.update(value=c.number(item.get("amount"), f"{what}: amount", item, minimum=0, required=True),
                   printed=c.text(item.get("printed"), f"{what}: printed", item, required=True),
                   currency=currency, year=c.year(item.get("year"), f"{what}: year", item),
                   **c.texts(item, "what", what),
                   section=c.text(item.get("section"), f"{what}: section", item, required=True))
        net.facts.append(row)

    for seq, item in enumerate(c.items(p.get("contradictions"), "contradictions", p)):
        what = f"contradiction {seq + 1}"
        item = c.mapping(item, what, CONTRADICTION_KEYS, p)
        head = _fact(pid, "contradiction", seq)
        head.update(**c.texts(item, "what", what, required=True), **c.texts(item, "note", what))
        values = c.items(item.get("values"), f"{what}: values", item)
        if len(values) < 2:
            c.fail(f"{what}: a contradiction needs at least two values, each with its section", item)
        net.facts.append(head)
        for i, v in enumerate(values, start=1):
            v = c.mapping(v, f"{what}: value {i}", CONTRADICTION_VALUE_KEYS, item)
            row = _fact(pid, "contradiction", seq, i)
            row.update(what_es=head["what_es"], what_en=head["what_en"],
                       printed=c.text(v.get("printed"), f"{what}: value {i} printed", v, required=True),
                       section=c.text(v.get("section"), f"{what}: value {i} section", v, required=True))
            net.facts.append(row)

    for seq, item in enumerate(c.items(p.get("budget_links"), "budget_links", p)):
        net.links.append(_link(c, pid, seq, item, p))

    table1 = [r for r in cov_rows if r["section"] == "Table 1"]
    headline = table1 or cov_rows[:1]
    printed = list(dict.fromkeys(r["printed"] for r in headline))
    count_units = [r["unit"] for r in table1 + cov_rows if is_count_unit(r["unit"]) and r["value"] is not None]
    row = {
        "id": pid, "position": position,
        "acronym": c.text(p.get("acronym"), "acronym", p),
        "name_es": c.text(p["name_es"], "name_es", p, required=True),
        "name_en": c.text(p["name_en"], "name_en", p, required=True),
        "category": p["category"], "subtype": p["subtype"],
        "subtype_label_es": c.text(p.get("subtype_label_es"), "subtype_label_es", p),
        "subtype_label_en": c.text(p.get("subtype_label_en"), "subtype_label_en", p),
        "start_year": c.year(p.get("start_year"), "start_year", p),
        **{k: v for f in TEXT_BASES for k, v in c.texts(p, f, "programme").items()},
        "share_social_budget_2009_pct": c.number(p.get("share_social_budget_2009_pct"),
                                                 "share_social_budget_2009_pct", p, minimum=0, maximum=100),
        "share_note_es": c.text(p.get("share_social_budget_note_es"), "share_social_budget_note_es", p),
        "share_note_en": c.text(p.get("share_social_budget_note_en"), "share_social_budget_note_en", p),
        "name_added": _flag(c, p, "name_added_by_project"),
        "sources": "; ".join(sources) or None,
        "in_table_1": "Table 1" in sources,
        "coverage_printed": "; ".join(printed) or None,
        "coverage_section": headline[0]["section"] if headline else None,
        "headline_unit": count_units[0] if count_units else None,
    }
    net.programmes.append(row)


def _flag(c: _Checker, node, key: str) -> bool:
    value = node.get(key, False)
    if not isinstance(value, bool):
        c.fail(f"{key} must be true or false, found {value!r}", node)
    return value


def _fact(pid: str, kind: str, seq: int, item: int = 0) -> dict:
    return {"programme_id": pid, "kind": kind, "seq": seq, "item": item, "value": None, "printed": None,
            "unit": None, "sex": None, "date": None, "year": None, "currency": None, "what_es": None,
            "what_en": None, "section": None, "contradicts": None, "note_es": None, "note_en": None}


def _link(c: _Checker, pid: str, seq: int, item, node) -> dict:
    what = f"budget link {seq + 1}"
    item = c.mapping(item, what, LINK_KEYS, node)
    years = item.get("years")
    if (not isinstance(years, list) or len(years) != 2
            or not all(isinstance(y, int) and not isinstance(y, bool) for y in years)):
        c.fail(f"{what}: years must be [from, to], found {years!r}", item)
    y0 = c.year(years[0], f"{what}: first year", item, required=True)
    y1 = c.year(years[1], f"{what}: last year", item, required=True)
    if y0 > y1:
        c.fail(f"{what}: years [{y0}, {y1}] run backwards", item)
    given = [m for m in MATCHERS if item.get(m) not in (None, "")]
    if len(given) != 1:
        c.fail(f"{what}: give exactly one of {', '.join(MATCHERS)} (found {', '.join(given) or 'none'})", item)
    matcher = given[0]
    raw = item[matcher]
    if matcher == "name_pattern":
        if not isinstance(raw, str):
            c.fail(f"{what}: name_pattern must be text, found {raw!r}", item)
        try:
            re.compile(raw, re.IGNORECASE)
        except re.error as exc:
            c.fail(f"{what}: name_pattern {raw!r} is not a valid regular expression ({exc})", item)
        value = raw
    else:
        value = str(raw).strip()
        if isinstance(raw, bool) or not CODE_RE.match(value):
            c.fail(f"{what}: {matcher} must be a numeric code, found {raw!r}", item)
        value = value.lstrip("0") or "0"   # codes compare as numbers: "0049" == "49"
    successor = item.get("successor", False)
    if not isinstance(successor, bool):
        c.fail(f"{what}: successor must be true or false, found {successor!r}", item)
    return {"programme_id": pid, "seq": seq, "year_from": y0, "year_to": y1, "sec_ejec": None,
            "programa": None, "pliego": None, "name_pattern": None, matcher: value,
            "successor": successor, **c.texts(item, "note", what)}


# ---------------------------------------------------------------- publishing

def write_network(net: Network, conn: sa.Connection, load_id: int) -> Written:
    """Replace the programme tables with `net` (a writer for etl.publish)."""
    for table in (programme, programme_category, programme_fact, programme_budget_link, network_figure):
        conn.execute(table.delete())
    conn.execute(reference_source.delete().where(reference_source.c.dataset == FORMAT))
    conn.execute(programme.insert(), [{**p, "load_id": load_id} for p in net.programmes])
    conn.execute(programme_category.insert(), net.categories)
    if net.facts:
        conn.execute(programme_fact.insert(), net.facts)
    if net.links:
        conn.execute(programme_budget_link.insert(), net.links)
    if net.figures:
        conn.execute(network_figure.insert(), [{**f, "load_id": load_id} for f in net.figures])
    conn.execute(reference_source.insert().values(dataset=FORMAT, file=net.file_name, citation=net.citation,
                                                  load_id=load_id))
    n = len(net.programmes)
    return Written(FORMAT, n, note=f"{n} programmes", message=f"{n} programmes")   # replaces every earlier load


def check_coverage_integrity(conn: sa.Connection) -> None:
    """Every coverage row must still name a programme and one of its units."""
    f = programme_fact
    units = sa.select(f.c.programme_id, f.c.unit).where(f.c.kind == "coverage").distinct().subquery()
    stmt = (sa.select(coverage.c.programme_id, coverage.c.unit, sa.func.count().label("n"))
            .select_from(coverage.outerjoin(units, sa.and_(units.c.programme_id == coverage.c.programme_id,
                                                           units.c.unit == coverage.c.unit)))
            .where(units.c.unit.is_(None))
            .group_by(coverage.c.programme_id, coverage.c.unit).order_by(coverage.c.programme_id, coverage.c.unit))
    bad = conn.execute(stmt).fetchall()
    if bad:
        pid, unit, n = bad[0]
        known = conn.execute(sa.select(sa.func.count()).select_from(programme)
                             .where(programme.c.id == pid)).scalar()
        what = f"unit {unit!r} of programme {pid!r}" if known else f"programme {pid!r}"
        raise LoadRefused(DEFAULT_PATH.name, f"{what} is no longer in programmes.yaml but {n} coverage row(s) "
                                             f"use it; keep it in the YAML or reload the coverage table without it"
                                             f"{f' ({len(bad) - 1} more such cases)' if len(bad) > 1 else ''}")


def load_network(path: Path | str = DEFAULT_PATH, *, settings: Settings | None = None) -> LoadResult:
    """Load programmes.yaml; never raises for bad input (status 'refused' with the reason)."""
    s = settings or get_settings()
    path = Path(path)

    def body(started) -> LoadResult:
        net = read_programmes(path)

        def write(conn: sa.Connection, load_id: int) -> Written:
            written = write_network(net, conn, load_id)
            check_coverage_integrity(conn)
            return written

        return publish_once(path.name, net.sha256, FORMAT, s, started, lambda: write)

    return run_load(path, s, body)
