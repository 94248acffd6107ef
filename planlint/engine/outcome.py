"""What one file's run yields (FileOutcome) under a run's Checks, and how a rule's
problem becomes a reported Finding: position, rule name, severity, plan, fix. The
per-file step, the cross-file step and `planlint due` all make findings here.
"""
from __future__ import annotations

import bisect
import functools
import datetime as dt
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, FrozenSet, List, Optional, Sequence, Tuple, Union

from planlint.api import DataPath, Problem, Text, format_path, visible
from planlint.errors import code_error
from planlint.model import Finding, Rule, Severity
from planlint.messages import builtin_message
from planlint.parse.loader import Limits
from planlint.parse.positions import Span

if TYPE_CHECKING:
    from planlint.directors.calendar import AccountFacts
    from planlint.directors.due import DueItem
    from planlint.suppress import Directive


@dataclass(frozen=True)
class Checks:
    """What every file of a run is checked with (picklable, for worker processes)."""

    rules: Tuple[Rule, ...]  # enabled rules, by code
    severity: Dict[str, Severity]
    options: Dict[str, dict]
    today: dt.date
    limits: Limits
    lang: str
    keep_text: bool = False  # an HTML report shows source lines
    keep_facts: bool = True  # account facts for the directors' report (HTML); 8 KB a plan
    keep_fixes: bool = True  # each finding's fix, for the reports that show it (reporters.needs_of)
    due_within: Optional[int] = None  # `planlint due`: keep what is due within this many days
    fixing: bool = False  # a --fix run's own lints: fixable rules are capped at MAX_WHEN_FIXING

    @functools.cached_property
    def fixable(self) -> FrozenSet[str]:
        return frozenset(rule.code for rule in self.rules if rule.fixable)

    @functools.cached_property
    def rule_names(self) -> Dict[str, str]:
        """Each rule's name by code: one table per run, not a scan of 40 rules for each
        of 80,000 findings (and nothing kept after the run, as a module's table was)."""
        return {rule.code: rule.name for rule in self.rules}


# ((data path, "value" or "key"), line, column, end line, end column) for each fact's
# value and key, one after the other: a Span in a dict each cost 5 MB more for 10,000
# files, which make a cross-file finding once in a while.
FlatSpans = Tuple[Any, ...]
# Where each plan entry stands, in file order, flat: (line, column, end line, plan id)
# for the first, then the next, ... (a tuple per plan cost 4 MB more for 10,000 files).
PlanExtents = Tuple[Any, ...]


@dataclass(slots=True)  # slots: a run keeps one per file, 10,000 for a large repository
class FileOutcome:
    path: str
    findings: List[Finding] = field(default_factory=list)  # not yet suppressed
    directives: List[Directive] = field(default_factory=list)
    plan_starts: Dict[int, str] = field(default_factory=dict)  # line -> `plans[i]`
    account: Optional[str] = None
    plan_extents: PlanExtents = ()
    facts: Dict[str, Sequence[Tuple[DataPath, Any]]] = field(default_factory=dict)  # code -> facts
    spans: FlatSpans = ()  # where each fact stands
    text: Optional[str] = None
    errors: List[str] = field(default_factory=list)
    account_facts: Optional[AccountFacts] = None  # for the directors' report
    due: List[DueItem] = field(default_factory=list)  # `planlint due`, before suppressions


def plan_at(extents: PlanExtents, line: int, column: int) -> Optional[str]:
    """The plan entry whose lines hold (line, column): a comment at the end
    of a plan's start line or last line belongs to that plan, one between plans to none."""
    count = len(extents) // 4
    index = bisect.bisect_right(range(count), (line, column), key=lambda i: extents[4 * i:4 * i + 2]) - 1
    if index >= 0 and line <= extents[4 * index + 2]:
        return extents[4 * index + 3]  # type: ignore[no-any-return]
    if index + 1 < count and extents[4 * index + 4] == line:
        return extents[4 * index + 7]  # type: ignore[no-any-return]  # on a plan's start line, left of its first key
    return None


# Fact paths and span keys recur in every file (and in outcomes read from the cache):
# the run keeps one copy of each.
_SHARED: Dict[Any, Any] = {}
_MAX_SHARED = 100_000  # a hostile run of odd paths must not grow this without end


def interned(value: Any) -> Any:
    """One copy of a tuple of text and whole numbers (others are returned as they
    are: (True,) == (1,) and (1.0,) == (1,), yet each must stay itself)."""
    if not _exact(value):
        return value
    found = _SHARED.get(value)
    if found is not None:
        return found
    if len(_SHARED) < _MAX_SHARED:
        _SHARED[value] = value
    return value


def _exact(value: Any) -> bool:
    kind = type(value)
    return kind is str or kind is int or (kind is tuple and all(_exact(v) for v in value))


def crash_problem(rule: Rule, exc: Exception, where: Union[str, Text]) -> Problem:
    return Problem((), builtin_message("crash", code=rule.code, name=rule.name, where=where, error=code_error(exc)),
                   position=(1, 1, None, None))


def make_finding(outcome: FileOutcome, code: str, problem: Problem, checks: Checks, positions: Any) -> Finding:
    """A rule's problem as a reported finding: position, names, severity, account, plan."""
    if problem.position is not None:
        line, column, end_line, end_column = problem.position
    else:
        span = positions.locate(problem.path, problem.at) if positions is not None else Span(1, 1)
        line, column, end_line, end_column = span.line, span.column, span.end_line, span.end_column
    plan = plan_at(outcome.plan_extents, line, column)
    name = checks.rule_names.get(code, code)
    # Interned: the same data paths and many messages recur in every file of a run.
    return Finding(outcome.path, line, column, end_line, end_column, code, name, checks.severity[code],
                   sys.intern(visible(problem.render(checks.lang))), outcome.account, plan,
                   sys.intern(format_path(problem.path)) if problem.path else None,
                   _resolved_fix(problem, positions, checks.lang) if checks.keep_fixes else None)


def _resolved_fix(problem: Problem, positions: Any, lang: str) -> Any:
    if problem.fix is None:
        return None
    from planlint.fixes import resolve  # only a finding with a fix loads the fix machinery

    return resolve(problem.fix, positions, lang)


class FactSpans:
    """Positions for cross-file findings, from the spans a file kept for its facts."""

    def __init__(self, spans: FlatSpans) -> None:
        self.spans = {spans[i]: Span(*spans[i + 1:i + 5]) for i in range(0, len(spans), 5)}

    def locate(self, path: DataPath, at: str = "value") -> Span:
        while path:
            span = self.spans.get((path, at)) or self.spans.get((path, "value"))
            if span is not None:
                return span
            path, at = path[:-1], "value"
        return Span(1, 1)
