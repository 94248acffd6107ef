"""The built-in fixes for the reading layer's findings (PL002, PL004).

Each fixer reads the data path of a problem, the scalar's text as written, and
what the schema or the file expects there; it never reads a message. A fix is
`safe` when it can only mean what the author meant (`5,000` -> `5000`,
`Promotion` -> `promotion`), `unsafe` when it is a guess (a typo's closest word).
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from planlint.schema import navigate as plan_schema
from planlint.api import Document, Problem, closest
from planlint.fixes import SAFE, UNSAFE, Edit, Fix, Lines
from planlint.messages import builtin_message
from planlint.schema.messages import iso_date, option_in_chinese

_NUMBERISH = re.compile(r"^[-+]?[0-9][0-9_,]*$")
_BOOL_WORDS = {"yes", "no", "on", "off", "true", "false", "y", "n"}
# Text that reads back as itself when written plain, in block and flow context.
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*$")
_RESERVED = re.compile(r"^(~|null|true|false|yes|no|on|off|y|n|[-+.0-9].*)$", re.IGNORECASE)


class Scalar:
    """A scalar as written: its range, source slice, and how it is quoted."""

    def __init__(self, doc: Document, lines: Lines, path: Tuple[Any, ...], at: str = "value") -> None:
        self.ok = False
        if not doc.positions.has_key(path) or (at == "value" and doc.positions.source_text(path) is None):
            return  # a mapping or list where a value belongs: no text edit can say what was meant
        span = doc.positions.locate(path, at)
        if span.end_line is None or span.end_line != span.line:
            return  # a multi-line scalar is left alone
        start, end = lines.offset(span.line, span.column), lines.offset(span.end_line, span.end_column)
        if start is None or end is None:
            return
        self.span, self.raw = span, lines.text[start:end]
        self.quote = self.raw[:1] if self.raw[:1] in "'\"" and len(self.raw) >= 2 else ""
        self.value = self.raw[1:-1] if self.quote else self.raw
        # Escapes would make the slice differ from the value: leave such scalars alone.
        self.ok = not (self.quote == '"' and "\\" in self.value) and not (self.quote == "'" and "''" in self.value)

    def edit(self, value: str, keep_quotes: bool = True, literal: bool = False) -> Edit:
        """Write `value` in place of this scalar, in its quoting style when it has one;
        `literal`: `value` is YAML already (a number, a date) and replaces a plain scalar as is."""
        if self.quote == '"' and keep_quotes:
            text = json.dumps(value, ensure_ascii=False)
        elif self.quote == "'" and keep_quotes:
            text = "'" + value.replace("'", "''") + "'"
        else:
            text = value if literal else as_yaml_text(value)
        s = self.span
        return Edit(text, s.line, s.column, s.end_line or s.line, s.end_column or s.column)


def as_yaml_text(value: str) -> str:
    """`value` as a YAML scalar that reads back as the same text."""
    if _PLAIN_SAFE.match(value) and not _RESERVED.match(value) and value == value.strip():
        return value
    return json.dumps(value, ensure_ascii=False)


# A fix reads the schema and the file around its finding: a hostile file with
# 20,000 unknown keys would make that quadratic. Beyond this many, findings come
# without a fix (they still stand; a person fixes the first thousand first).
MAX_FIXED_PROBLEMS = 1_000


@dataclass
class FileTables:
    """What the fixes of one file share, made once and dropped with it: its lines, the
    keys written in each mapping (one mapping of 20,000 unknown keys is read once, not
    per key), and each reference field's ids by spelling (80,000 tiers were 2 s)."""

    doc: Document
    lines: Lines
    present: Dict[Tuple[Any, ...], Set[str]] = field(default_factory=dict)  # mapping path -> keys written
    known: Dict[str, Dict[str, set]] = field(default_factory=dict)  # field -> id -> spellings
    spellings: Dict[str, Dict[str, Set[str]]] = field(default_factory=dict)  # field -> spelling -> ids


def attach(problems: List[Tuple[str, Problem]], doc: Document, budget: int = MAX_FIXED_PROBLEMS
           ) -> List[Tuple[str, Problem]]:
    """The problems, with a fix added where a built-in fixer knows one (to the first
    `budget` of them)."""
    if not any(code in _FIXERS and p.fix is None for code, p in problems):
        return problems
    tables = FileTables(doc, Lines(doc.text))
    out = []
    for code, problem in problems:
        fixer = _FIXERS.get(code)
        if fixer is not None and problem.fix is None and problem.path and problem.position is None and budget > 0:
            budget -= 1
            try:
                fix = fixer(problem, tables)
            except (ValueError, TypeError, KeyError, IndexError, RecursionError):
                fix = None  # no fix is better than a crash: the finding still stands
            if fix is not None:
                problem = Problem(problem.path, problem.message, problem.at, problem.position, fix)
        out.append((code, problem))
    return out


def _schema_fix(problem: Problem, tables: FileTables) -> Optional[Fix]:
    if problem.at == "key":
        return _key_fix(problem, tables)
    if _reference_field(problem.path) in _REFERENCES:  # a name or mis-cased id where an id belongs
        return _reference_fix(problem, tables)
    scalar = Scalar(tables.doc, tables.lines, problem.path)
    if not scalar.ok:
        return None
    schemas = plan_schema.at(tables.doc.data, problem.path)
    for fixer in (_integer_fix, _text_fix, _date_fix, _enum_fix):
        fix = fixer(scalar, schemas)
        if fix is not None:
            return fix
    return None


def _integer_fix(scalar: Scalar, schemas: List[dict]) -> Optional[Fix]:
    if not plan_schema.expects(schemas, "integer") or not _NUMBERISH.match(scalar.value):
        return None
    digits = scalar.value.replace(",", "").replace("_", "")
    number = str(int(digits, 10))
    if scalar.quote == "" and number == scalar.value:
        return None
    return Fix(builtin_message("fix_write", value=number), (scalar.edit(number, keep_quotes=False, literal=True),), SAFE)


def _text_fix(scalar: Scalar, schemas: List[dict]) -> Optional[Fix]:
    if scalar.quote or scalar.value.lower() not in _BOOL_WORDS:
        return None
    if not any(plan_schema.fits_schema(s, scalar.value) for s in schemas if "string" in plan_schema.types_of(s)):
        return None
    return Fix(builtin_message("fix_quote", value=scalar.value), (scalar.edit(scalar.value),), SAFE)


def _date_fix(scalar: Scalar, schemas: List[dict]) -> Optional[Fix]:
    if not plan_schema.is_date(schemas):
        return None
    iso = iso_date(scalar.value)  # the message's hint and the fix read dates alike
    return Fix(builtin_message("fix_date", date=iso), (scalar.edit(iso, literal=True),), SAFE) if iso else None


def _enum_fix(scalar: Scalar, schemas: List[dict]) -> Optional[Fix]:
    options = plan_schema.enum_options(schemas)
    if not options or scalar.value in options:
        return None
    same_case = [o for o in options if o.lower() == scalar.value.strip().lower()]
    if len(same_case) == 1:
        return Fix(builtin_message("fix_write", value=same_case[0]), (scalar.edit(same_case[0]),), SAFE)
    close = difflib.get_close_matches(scalar.value, options, n=2, cutoff=0.6)
    meant = option_in_chinese(scalar.value, options)
    if meant is not None:
        return Fix(builtin_message("fix_write_meant", value=meant, written=scalar.value.strip()), (scalar.edit(meant),), UNSAFE)
    if len(close) == 1:
        return Fix(builtin_message("fix_write_guess", value=close[0]), (scalar.edit(close[0]),), UNSAFE)
    return None


def _key_fix(problem: Problem, tables: FileTables) -> Optional[Fix]:
    mapping, key = problem.path[:-1], problem.path[-1]
    if not isinstance(key, str) or key == "<<" or key.startswith("x-"):
        return None
    scalar = Scalar(tables.doc, tables.lines, problem.path, at="key")
    if not scalar.ok:
        return None
    present = tables.present.get(mapping)
    if present is None:
        present = tables.present[mapping] = set(written_keys(tables.doc, mapping))
    candidates = sorted(plan_schema.allowed_keys(tables.doc.data, mapping) - present)
    if key in candidates or not candidates:
        return None
    near = [c for c in candidates if edit_distance(key, c) == 1]
    if len(near) == 1:
        return Fix(builtin_message("fix_rename", key=key, meant=near[0]), (scalar.edit(near[0], keep_quotes=False),), SAFE)
    if near:
        return None
    guess = _unique_closest(key, candidates)
    if guess is None:
        return None
    return Fix(builtin_message("fix_rename_guess", key=key, meant=guess), (scalar.edit(guess, keep_quotes=False),), UNSAFE)


def _unique_closest(word: str, candidates: List[str]) -> Optional[str]:
    ranked = sorted(((difflib.SequenceMatcher(None, word, c).ratio(), c) for c in candidates), reverse=True)
    if not ranked or ranked[0][0] < 0.6 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def written_keys(doc: Document, path: Tuple[Any, ...]) -> List[str]:
    """The keys the file writes in the mapping at `path`, repeated or not."""
    node = doc.positions.root
    for part in path:
        node = _child(node, part)
        if node is None:
            return []
    return [k.value for k, _ in getattr(node, "value", []) if hasattr(k, "value") and isinstance(k.value, str)]


def _child(node: Any, part: Any) -> Any:
    import yaml

    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        found = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part]
        return found[-1] if found else None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: a swap of two neighbours is one edit."""
    if abs(len(a) - len(b)) > 2:
        return 3
    prev2: List[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[len(b)]


def _reference_fix(problem: Problem, tables: FileTables) -> Optional[Fix]:
    scalar = Scalar(tables.doc, tables.lines, problem.path)
    name = _reference_field(problem.path)
    if not scalar.ok or not name:
        return None
    known = tables.known.get(name)
    if known is None:
        known = tables.known[name] = _make_known_references(tables.doc, name)
    if not known:
        return None
    value = " ".join(scalar.value.split())
    by_spelling = tables.spellings.get(name)
    if by_spelling is None:
        by_spelling = tables.spellings[name] = _references_by_spelling(known)
    exact = sorted(by_spelling.get(value.lower(), ()))
    if len(exact) == 1:
        return Fix(builtin_message("fix_write", value=exact[0]), (scalar.edit(exact[0]),), SAFE)
    guess = closest(value, list(known))
    if guess is None or guess == value:
        return None
    return Fix(builtin_message("fix_write_guess", value=guess), (scalar.edit(guess),), UNSAFE)


_REFERENCES = ("with", "review_with", "coordinates", "tier")


def _reference_field(path: Tuple[Any, ...]) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "")


def _references_by_spelling(known: Dict[str, set]) -> Dict[str, Set[str]]:
    """spelling -> the ids it surely means."""
    found: Dict[str, Set[str]] = {}
    for ref, names in known.items():
        for name in names:
            found.setdefault(name, set()).add(ref)
    return found


def _make_known_references(doc: Document, reference: str) -> Dict[str, set]:
    """id -> the spellings that surely mean it (the id, apart from case; a contact's name)."""
    def spellings(*words: Any) -> set:
        return {" ".join(w.split()).lower() for w in words if isinstance(w, str)}

    if reference in ("with", "review_with"):
        contacts = doc.index_by_id(("account", "contacts")) or {}
        return {cid: spellings(cid, c.get("name")) for cid, c in contacts.items() if isinstance(cid, str)}
    if reference == "coordinates":
        return {pid: spellings(pid) for pid in (doc.index_by_id(("plans",)) or {}) if isinstance(pid, str)}
    if reference == "tier":
        return {tier: spellings(tier) for tier in doc.tiers() or []}
    return {}


# A code added here is declared FIXABLE by its rule module.
_FIXERS: Dict[str, Callable[[Problem, FileTables], Optional[Fix]]] = {
    "PL002": _schema_fix,
    "PL004": _reference_fix,
}
