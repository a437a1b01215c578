"""Read and validate the gender classification rules (rules/gender_rules.csv).

The rules are data that MIMP/MEF officials and advocates edit in a spreadsheet, so this module
is strict and says exactly what is wrong, where: a rule file is either valid as a whole or
refused as a whole, and a refused file never reaches the store. rules/README.md documents the
columns; this module is the executable version of that page.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable, Mapping

from etl.errors import LoadRefused
from settings import PROJECT_ROOT

DEFAULT_RULES = PROJECT_ROOT / "rules" / "gender_rules.csv"

# Budget-line columns a rule can test, coarse to fine. Each has a code column (exact codes,
# several separated by "|") and a <dimension>_name column (a regular expression searched in
# the MEF name of that code for the line's fiscal year).
MATCH_DIMENSIONS = ("pliego", "sec_ejec", "programa", "producto_proyecto", "actividad", "funcion")
NAME_COLUMNS = tuple(f"{d}_name" for d in MATCH_DIMENSIONS)
# Digits per code, as MEF writes them: spreadsheets drop leading zeros ("0080" -> "80"), so a
# code of the wrong width is refused instead of silently matching nothing.
CODE_WIDTHS = {"pliego": (3, 3), "sec_ejec": (1, 6), "programa": (4, 4), "producto_proyecto": (7, 7),
               "actividad": (7, 7), "funcion": (2, 2)}
CODE_POINTS, NAME_POINTS = 2, 1     # specificity: a code identifies exactly, a name approximately

FIELDS = ("id", "year_from", "year_to", *MATCH_DIMENSIONS, *NAME_COLUMNS,
          "category", "marker", "weight", "lio_line", "rationale", "source", "author", "date")
REQUIRED = ("id", "category", "marker", "weight", "lio_line", "rationale", "source", "author", "date")

# Budlender & Sharp (1998) categories (docs/domain.md §6), plus the default for lines no rule matched.
UNREVIEWED = "sin_revisar"
CATEGORIES: dict[str, tuple[str, str]] = {
    "especifico": ("Específico de género", "Gender-specific"),
    "igualdad_oportunidades": ("Igualdad de oportunidades en el servicio público",
                               "Equal opportunity in the public service"),
    "general": ("General (transversal)", "Mainstream"),
    UNREVIEWED: ("Sin revisar", "Unreviewed"),
}
# OECD-DAC gender equality policy marker.
MARKERS: dict[str, tuple[str, str]] = {
    "2": ("Principal", "Principal"),
    "1": ("Significativo", "Significant"),
    "0": ("No orientado", "Not targeted"),
    UNREVIEWED: ("Sin revisar", "Unreviewed"),
}
# The ten policy lines of the Equal Opportunities Law (LIO, Ley 28983, 2007) as MEF mapped them
# in 2008 (docs/domain.md §6), and "not related".
LIO_LINES: dict[str, tuple[str, str]] = {
    "normas_politicas": ("Normas y políticas", "Norms and policies"),
    "estadisticas": ("Estadísticas", "Statistics"),
    "proteccion_inclusion_social": ("Protección e inclusión social", "Protection and social inclusion"),
    "violencia": ("Violencia", "Violence"),
    "derechos_economicos": ("Derechos económicos", "Economic rights"),
    "derecho_trabajo": ("Derecho al trabajo", "Right to work"),
    "salud": ("Salud", "Health"),
    "educacion": ("Educación", "Education"),
    "justicia": ("Justicia", "Justice"),
    "derechos_politicos": ("Derechos políticos", "Political rights"),
    "no_relacionado": ("No relacionado", "Not related"),
}

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")
YEAR_RANGE = (2000, 2100)


class RuleError(LoadRefused):
    """The rule file (or rule set) is refused; the active classification is unchanged."""

    def __init__(self, file: str, problems: list[str], head: str = "gender rules refused, nothing changed"):
        self.problems = problems
        head += f" ({len(problems)} problems)" if len(problems) > 1 else ""
        super().__init__(file, head + ":\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class Rule:
    id: str
    line: int                                   # line in the file (header = 1)
    year_from: int | None
    year_to: int | None
    codes: tuple[tuple[str, tuple[str, ...]], ...]   # (dimension, codes) for each code condition
    patterns: tuple[tuple[str, str], ...]            # (dimension, regex) for each name condition
    category: str
    marker: int
    weight: Decimal                              # percent, 0-100
    lio_line: str
    rationale: str
    source: str
    author: str
    date: str                                    # ISO yyyy-mm-dd

    @property
    def specificity(self) -> int:
        """Code conditions count 2, name patterns 1; the fiscal-year range does not count."""
        return CODE_POINTS * len(self.codes) + NAME_POINTS * len(self.patterns)

    def conditions(self) -> str:
        parts = [f"{d}={'|'.join(c)}" for d, c in self.codes] + [f"{d}_name~/{p}/" for d, p in self.patterns]
        return ", ".join(parts)

    def as_row(self) -> dict:
        """The rule as stored in gender_rule (codes joined with '|', absent = None)."""
        codes, patterns = dict(self.codes), dict(self.patterns)
        row = {"rule_id": self.id, "line": self.line, "year_from": self.year_from, "year_to": self.year_to}
        row.update({d: ("|".join(codes[d]) if d in codes else None) for d in MATCH_DIMENSIONS})
        row.update({f"{d}_name": patterns.get(d) for d in MATCH_DIMENSIONS})
        row.update(category=self.category, marker=self.marker, weight=self.weight, lio_line=self.lio_line,
                   rationale=self.rationale, source=self.source, author=self.author, date=self.date,
                   specificity=self.specificity)
        return row


@dataclass(frozen=True)
class RuleSet:
    file_name: str
    sha256: str
    content: str
    rules: tuple[Rule, ...]


def fold(text: str) -> str:
    """Names and patterns are compared without accents ("PENSIÓN" = "PENSION")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def compile_pattern(pattern: str) -> re.Pattern:
    return re.compile(fold(pattern), re.IGNORECASE)


def read_rules(path: Path | str | None = None) -> RuleSet:
    """Parse and validate a rule file (CSV, UTF-8 or Excel's cp1252, ',' or ';')."""
    path = Path(path) if path is not None else DEFAULT_RULES
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleError(path.name, [f"cannot read the rule file: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return parse_rules(text, path.name, hashlib.sha256(raw).hexdigest())


def parse_rules(text: str, file_name: str = "gender_rules.csv", sha256: str | None = None) -> RuleSet:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise RuleError(file_name, ["the file is empty: it needs a header row and at least one rule"]) from None
    rows = []
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if values[0].strip().startswith("#"):          # a commented-out rule
            continue
        rows.append((line, values))
    problems = _header_problems(header, rows)
    if problems:
        raise RuleError(file_name, problems)
    records = []
    for line, values in rows:
        if len(values) > len(header):
            extra = [v for v in values[len(header):] if v.strip()]
            if extra:
                rid = values[0].strip() or f"line {line}"
                problems.append(f"rule {rid} (line {line}): {len(values)} cells but the header has "
                                f"{len(header)} columns (unknown field value {extra[0]!r})")
                continue
        records.append((line, dict(zip(header, (v.strip() for v in values)))))
    if problems:
        raise RuleError(file_name, problems)
    rules = build_rules(records, file_name)
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return RuleSet(file_name, digest, text, rules)


def _header_problems(header: list[str], rows) -> list[str]:
    problems = []
    seen = set()
    for i, col in enumerate(header):
        if col in seen:
            problems.append(f"column {col!r} appears twice in the header")
        seen.add(col)
        if col not in FIELDS:
            users = [v[0].strip() or f"line {line}" for line, v in rows if i < len(v) and v[i].strip()]
            used = f" (set by rule{'s' if len(users) > 1 else ''} {', '.join(users)})" if users else ""
            problems.append(f"unknown field {col!r}{used}; known fields: {', '.join(FIELDS)}")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        problems.append(f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    return problems


def build_rules(records: Iterable[tuple[int, Mapping[str, object]]], file_name: str) -> tuple[Rule, ...]:
    """Validate rule records (line, {field: value}); raise RuleError listing every problem."""
    problems: list[str] = []
    rules: list[Rule] = []
    ids: dict[str, int] = {}
    for line, rec in records:
        got = _build_rule(line, rec, problems)
        if got is None:
            continue
        if got.id in ids:
            problems.append(f"rule {got.id} (line {line}): id already used on line {ids[got.id]}")
            continue
        ids[got.id] = line
        rules.append(got)
    if not problems and not rules:
        problems.append("the file holds no rules")
    if not problems:
        problems.extend(static_overlaps(rules))
    if problems:
        raise RuleError(file_name, problems)
    return tuple(rules)


def _text(rec: Mapping[str, object], key: str) -> str:
    v = rec.get(key)
    return "" if v is None else str(v).strip()


def _build_rule(line: int, rec: Mapping[str, object], problems: list[str]) -> Rule | None:
    rid = _text(rec, "id")
    where = f"rule {rid or '(no id)'} (line {line})"
    before = len(problems)

    def bad(msg: str) -> None:
        problems.append(f"{where}: {msg}")

    if not rid:
        bad("the id is empty")
    elif rid == UNREVIEWED:
        bad(f"the id {UNREVIEWED!r} is reserved for lines no rule matched")
    elif not ID_RE.match(rid):
        bad(f"id {rid!r} must be 1-40 letters, digits, '.', '_' or '-'")
    for key in REQUIRED:
        if key != "id" and not _text(rec, key):
            bad(f"{key} is empty")

    years = []
    for key in ("year_from", "year_to"):
        raw = _text(rec, key)
        if not raw:
            years.append(None)
            continue
        try:
            y = int(float(raw)) if re.fullmatch(r"\d{4}(\.0+)?", raw) else int(raw)
        except ValueError:
            bad(f"{key} {raw!r} is not a year")
            years.append(None)
            continue
        if not YEAR_RANGE[0] <= y <= YEAR_RANGE[1]:
            bad(f"{key} {y} is outside {YEAR_RANGE[0]}-{YEAR_RANGE[1]}")
        years.append(y)
    year_from, year_to = years
    if year_from is not None and year_to is not None and year_from > year_to:
        bad(f"year range is reversed: year_from {year_from} > year_to {year_to}")

    codes = []
    for dim in MATCH_DIMENSIONS:
        raw = _text(rec, dim)
        if not raw:
            continue
        lo, hi = CODE_WIDTHS[dim]
        values = tuple(dict.fromkeys(c.strip() for c in raw.split("|")))
        for c in values:
            if not c.isdigit() or not lo <= len(c) <= hi:
                width = f"{lo}" if lo == hi else f"{lo}-{hi}"
                bad(f"{dim} code {c!r} must be {width} digits (spreadsheets drop leading zeros: "
                    f"format the column as text)")
        codes.append((dim, tuple(sorted(values))))
    patterns = []
    for dim in MATCH_DIMENSIONS:
        raw = _text(rec, f"{dim}_name")
        if not raw:
            continue
        try:
            compile_pattern(raw)
        except re.error as exc:
            bad(f"{dim}_name pattern {raw!r} does not compile: {exc}")
        patterns.append((dim, raw))
    if not codes and not patterns:
        bad("no match condition: set at least one code or name column (a catch-all rule would hide "
            "the unreviewed lines)")

    category = _text(rec, "category").lower()
    if category and category not in CATEGORIES or category == UNREVIEWED:
        bad(f"category {category!r} must be one of {', '.join(c for c in CATEGORIES if c != UNREVIEWED)}")
    marker_raw = _text(rec, "marker")
    marker = None
    if marker_raw:
        if marker_raw in ("0", "1", "2"):
            marker = int(marker_raw)
        else:
            bad(f"marker {marker_raw!r} must be 0, 1 or 2")
    weight = None
    weight_raw = _text(rec, "weight")
    if weight_raw:
        txt = weight_raw.rstrip("%").strip().replace(",", ".")
        try:
            weight = Decimal(txt)
            if not weight.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            bad(f"weight {weight_raw!r} is not a number (percent, 0-100)")
            weight = None
        else:
            if not Decimal(0) <= weight <= Decimal(100):
                bad(f"weight {weight_raw} is outside 0-100")
            elif weight != weight.quantize(Decimal("0.01")):
                bad(f"weight {weight_raw} has more than 2 decimals")
            weight = weight.quantize(Decimal("0.01"))
    lio = _text(rec, "lio_line").lower()
    if lio and lio not in LIO_LINES:
        bad(f"lio_line {lio!r} must be one of {', '.join(LIO_LINES)}")
    date = _text(rec, "date")
    iso = None
    if date:
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                iso = dt.datetime.strptime(date, fmt).date().isoformat()
                break
            except ValueError:
                pass
        if iso is None:
            bad(f"date {date!r} must be yyyy-mm-dd (or dd/mm/yyyy)")
    if len(problems) > before:
        return None
    return Rule(id=rid, line=line, year_from=year_from, year_to=year_to, codes=tuple(codes),
                patterns=tuple(patterns), category=category, marker=marker, weight=weight, lio_line=lio,
                rationale=_text(rec, "rationale"), source=_text(rec, "source"), author=_text(rec, "author"),
                date=iso)


def _years_overlap(a: Rule, b: Rule) -> bool:
    lo = max(a.year_from or YEAR_RANGE[0], b.year_from or YEAR_RANGE[0])
    hi = min(a.year_to or YEAR_RANGE[1], b.year_to or YEAR_RANGE[1])
    return lo <= hi


def static_overlaps(rules: Iterable[Rule]) -> list[str]:
    """Pairs of rules that would tie on any line both could match, whatever the data.

    Two rules overlap for sure when they test the same columns with the same name patterns,
    share at least one code in every code column, and their year ranges intersect. Other
    equal-specificity pairs (say programa=0080 and sec_ejec=1232) can only tie on real lines:
    classification finds those on the data and refuses too."""
    problems = []
    rules = list(rules)
    for i, a in enumerate(rules):
        for b in rules[i + 1:]:
            if a.specificity != b.specificity or dict(a.patterns) != dict(b.patterns):
                continue
            ca, cb = dict(a.codes), dict(b.codes)
            if ca.keys() != cb.keys() or not _years_overlap(a, b):
                continue
            if all(set(ca[d]) & set(cb[d]) for d in ca):
                shared = ", ".join(f"{d}={'|'.join(sorted(set(ca[d]) & set(cb[d])))}" for d in ca) or "same names"
                problems.append(
                    f"rules {a.id} (line {a.line}) and {b.id} (line {b.line}) are ambiguous: equally specific "
                    f"({a.specificity}) with overlapping conditions ({shared}; years "
                    f"{_span(a)} and {_span(b)}): make the year ranges or codes disjoint, or delete one")
    return problems


def _span(r: Rule) -> str:
    return f"{r.year_from or '…'}-{r.year_to or '…'}"
