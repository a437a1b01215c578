"""Read, validate and match the gender classification rules (rules/gender_rules.csv).

The rules are data that MIMP/MEF officials and advocates edit in a spreadsheet, so this module
is strict and says exactly what is wrong, where: a rule file is either valid as a whole or
refused as a whole, and a refused file never reaches the store. rules/README.md documents the
columns; this module is the executable version of that page. `match` is the one matcher: `etl classify`
applies it to the store, and the rule-diff read (store/gender.py) previews an edit with it.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable, Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from domain.errors import LoadRefused
from domain.gender import (
    CATEGORIES,
    LIO_LINES,
    MATCH_DIMENSIONS,
    NAME_COLUMNS,
    UNREVIEWED,
)
from domain.text import fold

# Digits per code, as MEF writes them: spreadsheets drop leading zeros ("0080" -> "80"), so a
# code of the wrong width is refused instead of silently matching nothing.
CODE_WIDTHS = {"pliego": (3, 3), "sec_ejec": (1, 6), "programa": (4, 4), "producto_proyecto": (7, 7),
               "actividad": (7, 7), "funcion": (2, 2)}
CODE_POINTS, NAME_POINTS = 2, 1     # specificity: a code identifies exactly, a name approximately

FIELDS = ("id", "year_from", "year_to", *MATCH_DIMENSIONS, *NAME_COLUMNS,
          "category", "marker", "weight", "lio_line", "rationale", "rationale_en", "source", "author", "date")
REQUIRED = ("id", "category", "marker", "weight", "lio_line", "rationale", "source", "author", "date")

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")
RULE_YEARS = (2000, 2100)
MAX_REPORTED_TIES = 20


class RuleError(LoadRefused):
    """The rule file (or rule set) is refused; the active classification is unchanged."""

    def __init__(self, file: str, problems: list[str], head: str = "gender rules refused, nothing changed"):
        self.problems = problems
        head += f" ({len(problems)} problems)" if len(problems) > 1 else ""
        super().__init__(file, head + ":\n  " + "\n  ".join(problems))


class RuleConflict(RuleError):
    """Two equally specific rules match the same budget lines: never resolved silently."""


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
    rationale_en: str = ""                       # the rationale in English (optional column; the page
                                                 # falls back to the Spanish one)

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
                   rationale=self.rationale, rationale_en=self.rationale_en or None, source=self.source,
                   author=self.author, date=self.date, specificity=self.specificity)
        return row


@dataclass(frozen=True)
class RuleSet:
    file_name: str
    sha256: str
    content: str
    rules: tuple[Rule, ...]


def compile_pattern(pattern: str) -> re.Pattern:
    return re.compile(fold(pattern), re.IGNORECASE)


def read_rules(path: Path | str) -> RuleSet:
    """Parse and validate a rule file (CSV, UTF-8 or Excel's cp1252, ',' or ';')."""
    path = Path(path)
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
        if not RULE_YEARS[0] <= y <= RULE_YEARS[1]:
            bad(f"{key} {y} is outside {RULE_YEARS[0]}-{RULE_YEARS[1]}")
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
                date=iso, rationale_en=_text(rec, "rationale_en"))


def _years_overlap(a: Rule, b: Rule) -> bool:
    lo = max(a.year_from or RULE_YEARS[0], b.year_from or RULE_YEARS[0])
    hi = min(a.year_to or RULE_YEARS[1], b.year_to or RULE_YEARS[1])
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


# --- matching on budget-line keys --------------------------------------------------------------------------------

def match(rules: tuple[Rule, ...] | list[Rule], keys: pa.Table, names: dict, source: str = "rules") -> np.ndarray:
    """For each key row, the index of the most specific matching rule (-1: none).

    Raises RuleConflict naming both rules when the most specific matches of a key tie."""
    n = keys.num_rows
    years = keys.column("fiscal_year").to_numpy().astype(np.int64) if n else np.zeros(0, np.int64)
    encoded: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    pairs: dict[str, tuple[np.ndarray, list[str]]] = {}
    name_hits: dict[tuple[str, str], np.ndarray] = {}

    def codes_of(dim):
        if dim not in encoded:
            arr = pc.dictionary_encode(keys.column(dim).combine_chunks())
            encoded[dim] = (arr.indices.to_numpy(zero_copy_only=False),
                            np.array(arr.dictionary.to_pylist(), dtype=object))
        return encoded[dim]

    def names_match(dim, pattern):
        if (dim, pattern) not in name_hits:
            if dim not in pairs:       # (year, code) pairs are few: test each name once
                idx, uniq = codes_of(dim)
                k = max(len(uniq), 1)
                pair_ids, inverse = np.unique(years * k + idx, return_inverse=True)
                lookup = names.get(dim, {})
                pairs[dim] = (inverse.reshape(-1), [lookup.get((int(p // k), uniq[p % k]), "") for p in pair_ids])
            inverse, pair_names = pairs[dim]
            rx = compile_pattern(pattern)
            hits = np.fromiter((rx.search(s) is not None for s in pair_names), bool, len(pair_names))
            name_hits[(dim, pattern)] = hits[inverse]
        return name_hits[(dim, pattern)]

    best = np.full(n, -1, np.int32)
    best_spec = np.full(n, -1, np.int16)
    tie = np.full(n, -1, np.int32)
    for r, rule in enumerate(rules):
        m = np.ones(n, bool)
        if rule.year_from is not None:
            m &= years >= rule.year_from
        if rule.year_to is not None:
            m &= years <= rule.year_to
        for dim, codes in rule.codes:
            if not m.any():
                break
            idx, uniq = codes_of(dim)
            m &= np.isin(uniq, list(codes))[idx] if len(uniq) else False
        for dim, pattern in rule.patterns:
            if not m.any():
                break
            m &= names_match(dim, pattern)
        if not m.any():
            continue
        spec = rule.specificity
        better = m & (best_spec < spec)
        equal = m & (best_spec == spec)
        tie[equal] = r
        best[better], best_spec[better], tie[better] = r, spec, -1
    clash = np.nonzero(tie >= 0)[0]
    if len(clash):
        raise RuleConflict(source, _tie_problems(rules, keys, best, tie, clash))
    return best


def _tie_problems(rules, keys, best, tie, clash) -> list[str]:
    found: dict[tuple[int, int], list[int]] = {}
    for row in clash:
        a, b = sorted((int(best[row]), int(tie[row])), key=lambda i: rules[i].id)
        found.setdefault((a, b), []).append(int(row))
    problems = []
    for (a, b), rows in sorted(found.items(), key=lambda kv: (rules[kv[0][0]].id, rules[kv[0][1]].id)):
        if len(problems) == MAX_REPORTED_TIES:
            problems.append(f"... and {len(found) - MAX_REPORTED_TIES} more pairs of rules")
            break
        ra, rb = rules[a], rules[b]
        ex = keys.slice(rows[0], 1).to_pylist()[0]
        example = f"{ex['fiscal_year']} " + " ".join(f"{d} {ex[d]}" for d in MATCH_DIMENSIONS)
        problems.append(
            f"rules {ra.id} (line {ra.line}: {ra.conditions()}) and {rb.id} (line {rb.line}: {rb.conditions()}) "
            f"are equally specific ({ra.specificity}) and both match {len(rows)} budget-line "
            f"combination{'s' if len(rows) > 1 else ''}, e.g. {example}: add a rule that combines both "
            f"conditions, or narrow one of them")
    return problems
