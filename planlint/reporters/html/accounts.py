"""The accounts table of the directors' report: one row per linted file, its CSV, and
the landing summary (the worst accounts, the rule that costs the most points)."""
from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple
from urllib.parse import quote

from planlint.api import visible
from planlint.directors.compare import norm_path
from planlint.model import Finding, Result
from planlint.directors.portfolio import cost, health, weights

SEVERITIES = ("error", "warning", "info")
# Columns of counts: file and format (PL0xx), the five mistakes (PL1xx-PL5xx), best practice (PL6xx, PL7xx).
GROUPS = ("0", "1", "2", "3", "4", "5", "bp")


def group_of(code: str) -> str:
    digit = code[2:3] if code.startswith("PL") else ""
    if digit in ("6", "7"):
        return "bp"
    return digit if digit in GROUPS else "0"


def best_practice_enabled(result: Result, rules: Any = None) -> bool:
    """An opt-in rule of the pack is enabled. PL603, PL605 and PL704 run by default
    (opt-in): they show the column only when they find something."""
    return any(group_of(code) == "bp" and not getattr((rules or {}).get(code), "on_by_default", False)
               for code in result.options)


@dataclass
class Row:
    index: int            # the file's place in the run, for anchors
    path: str
    name: str
    id: str
    account_class: str
    manager: str
    operational: int
    project: int
    counts: Dict[str, Tuple[int, str]]  # group -> (count, worst severity)
    severities: Dict[str, int]
    score: int
    previous: Optional[int] = None       # --compare: the score in the earlier report
    new: int = 0
    findings: List[Finding] = field(default_factory=list)
    due: int = 0  # items of `planlint due` in the next 30 days, overdue ones included

    @property
    def change(self) -> Optional[int]:
        return None if self.previous is None else self.score - self.previous


def worst(findings: Sequence[Finding]) -> str:
    return min((f.severity.value for f in findings), key=SEVERITIES.index, default="")


def rows(result: Result) -> List[Row]:
    """Every linted file, worst score first (the order without JavaScript)."""
    weight = weights(result.score)
    by_path: Dict[str, List[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    due = Counter(item.path for item in result.due)
    table = []
    for index, path in enumerate(result.files):
        facts, found = result.facts.get(path), by_path.get(path, [])
        groups: Dict[str, List[Finding]] = defaultdict(list)
        for finding in found:
            groups[group_of(finding.code)].append(finding)
        plans = facts.plans if facts else ()
        row = Row(index, path, visible((facts and (facts.name or facts.id)) or path),
                  visible((facts and facts.id) or ""), visible((facts and facts.account_class) or ""),
                  visible((facts and facts.manager) or ""),
                  sum(p.type == "operational" for p in plans), sum(p.type == "project" for p in plans),
                  {g: (len(groups[g]), worst(groups[g])) for g in GROUPS},
                  dict(Counter(f.severity.value for f in found)),
                  health((f.severity.value for f in found), weight), findings=found, due=due[path])
        trend = result.trend
        if trend is not None:
            before = trend.previous.get(norm_path(path), [])
            row.previous = health((entry["severity"] for entry in before), weight)
            row.new = sum(f in trend.new for f in found)
        table.append(row)
    return sorted(table, key=lambda r: (r.score, -r.severities.get("error", 0), r.name.lower(), r.path))


def costliest_rule(result: Result) -> Optional[Tuple[str, str, int, int, int]]:
    """(code, name, points, findings, accounts) of the rule that costs the most points."""
    weight = weights(result.score)
    points: Counter = Counter()
    files: Dict[str, set] = defaultdict(set)
    names: Dict[str, str] = {}
    for finding in result.findings:
        points[finding.code] += cost(finding.severity.value, weight)
        files[finding.code].add(finding.path)
        names[finding.code] = finding.name
    if not points or max(points.values()) == 0:
        return None
    code = min(points, key=lambda c: (-points[c], c))
    count = sum(f.code == code for f in result.findings)
    return code, names[code], points[code], count, len(files[code])


# A spreadsheet runs a cell that starts with one of these as a formula; opened with
# `;` or tab as separator (Excel's default in much of Europe), every piece between
# separators is a cell of its own, so each piece is checked, not only the first.
_FORMULA_START = re.compile(r"(^|[;,\t])(?=[=+\-@\t\r])")


def csv_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula is kept as text (OWASP's CSV-injection
    rule: a `'` before it); numbers planlint counted stay numbers."""
    return _FORMULA_START.sub(r"\1'", value) if isinstance(value, str) else value


def csv_text(table: Sequence[Row], header: Sequence[str], show_bp: bool, trend: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)  # quoted: no separator splits a cell
    writer.writerow([csv_cell(name) for name in header])
    for row in table:
        counts = [row.counts[g][0] for g in GROUPS if g != "bp" or show_bp]
        cells = [row.name, row.id, row.account_class, row.manager, row.operational, row.project, *counts, row.due,
                 row.score]
        if trend:
            cells.append("" if row.change is None else row.change)
        writer.writerow([csv_cell(cell) for cell in cells])
    return out.getvalue()


def csv_href(text: str) -> str:
    """A `data:` URL (no network); the byte-order mark lets spreadsheets read Chinese names."""
    return "data:text/csv;charset=utf-8," + quote("\ufeff" + text, safe="")
