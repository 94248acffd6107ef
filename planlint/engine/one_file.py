"""One file, start to finish: load, validate, run the per-file rules, and keep only
what the run still needs (findings with positions, directives, cross-file facts).

This is the unit of work a worker process runs and the cache stores; the
composed nodes and plan data are dropped when it returns, so a run's memory
grows with its findings, not with its plans.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, FrozenSet, List, Optional, Tuple

from planlint.api import DataPath, Document, Problem, format_path, visible as api_visible
from planlint.model import Finding, Rule, Severity
from planlint.discover import Source
from planlint.engine.cap import capped
from planlint.parse.loader import Limits, load
from planlint.messages import builtin_message
from planlint.parse.positions import PositionIndex, Span
from planlint.schema.validate import validate

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
    keep_fixes: bool = True  # each finding's fix, for the reports that show it (reporters.SHOW_FIXES)
    due_within: Optional[int] = None  # `planlint due`: keep what is due within this many days

    @property
    def fixable(self) -> FrozenSet[str]:
        return frozenset(rule.code for rule in self.rules if rule.fixable)


@dataclass
class FileOutcome:
    path: str
    findings: List[Finding] = field(default_factory=list)  # not yet suppressed
    directives: List[Directive] = field(default_factory=list)
    plan_starts: Dict[int, str] = field(default_factory=dict)  # line -> `plans[i]`
    account: Optional[str] = None
    plans: Dict[int, Optional[str]] = field(default_factory=dict)  # index -> plan id
    # (line, column, end line, end column, plan id) of each plan entry, in file order
    plan_extents: List[Tuple[int, int, int, int, Optional[str]]] = field(default_factory=list)
    facts: Dict[str, List[Tuple[DataPath, Any]]] = field(default_factory=dict)  # code -> facts
    spans: Dict[Tuple[DataPath, str], Span] = field(default_factory=dict)  # fact positions
    text: Optional[str] = None
    errors: List[str] = field(default_factory=list)
    account_facts: Optional[AccountFacts] = None  # for the directors' report
    due: List[DueItem] = field(default_factory=list)  # `planlint due`, before suppressions


def lint_file(source: Source, checks: Checks, raw: Optional[bytes] = None) -> FileOutcome:
    """`raw`: the file's bytes when the caller has read them already (for the cache key)."""
    outcome = FileOutcome(source.path)
    enabled = {rule.code for rule in checks.rules}
    try:
        raw = raw if raw is not None else source.read(checks.limits.max_bytes + 1)
    except OSError as exc:
        problem = Problem((), builtin_message("cannot_read", reason=exc.strerror or exc), position=(1, 1, None, None))
        if "PL001" in enabled:
            outcome.findings.append(make_finding(outcome, "PL001", problem, checks, PositionIndex()))
        return outcome
    loaded = load(raw, checks.limits)
    problems, positions = list(loaded.problems), loaded.positions
    if loaded.data is not None:
        schema_problems, invalid = validate(loaded.data, positions)
        problems += [("PL002", p) for p in schema_problems]
        doc = Document(source.path, loaded.text, loaded.data, positions, invalid, checks.today, loaded.key_repeats)
        outcome.account = doc.account_id
        outcome.plans = {i: plan.get("id") for i, plan in doc.plans()}
        outcome.plan_extents = _plan_extents(outcome.plans, positions)
        if checks.keep_facts:
            from planlint.directors.calendar import account_facts  # for the HTML report only

            outcome.account_facts = account_facts(doc)
        problems += _run_rules(doc, checks, outcome)
        if checks.due_within is not None:
            from planlint.directors.due import file_items  # `planlint due` only

            outcome.due = file_items(doc, checks, outcome)
        # A file without a problem of a rule that declares FIXABLE never loads the
        # fixers, a clean plan's pre-commit run included.
        if checks.keep_fixes and any(code in checks.fixable for code, _ in problems):
            from planlint.fix.builtin import attach as attach_fixes

            problems = attach_fixes(problems, doc)
        problems = capped(problems)
    outcome.findings = [make_finding(outcome, code, p, checks, positions) for code, p in problems if code in enabled]
    if "planlint" in loaded.text.lower():
        from planlint.suppress import parse_directives  # only a file that may hold a directive

        outcome.directives = [d for d in parse_directives(loaded.text)
                              if not positions.inside_scalar(d.line, d.column)]
        outcome.plan_starts = {positions.locate(("plans", i)).line: format_path(("plans", i))
                               for i in outcome.plans}
    outcome.text = loaded.text if checks.keep_text else None
    return outcome


def _run_rules(doc: Document, checks: Checks, outcome: FileOutcome) -> List[Tuple[str, Problem]]:
    problems: List[Tuple[str, Problem]] = []
    for rule in checks.rules:
        try:
            if rule.check is not None:
                problems += [(rule.code, p) for p in rule.check(doc, checks.options[rule.code])]
            if rule.summarize is not None:
                facts = [(_shared(path), fact) for path, fact in rule.summarize(doc, checks.options[rule.code])]
                outcome.facts[rule.code] = facts
                for path, _ in facts:
                    value = outcome.spans[_shared((path, "value"))] = doc.positions.locate(path)
                    key = doc.positions.locate(path, "key")
                    if key != value:  # else FactSpans answers with the value's span
                        outcome.spans[_shared((path, "key"))] = key
        except Exception as exc:  # one broken rule must not hide the others' findings
            crash = crash_problem(rule, exc, doc.path)
            problems.append((rule.code, crash))
            outcome.errors.append(crash.render(checks.lang))
    return problems


def _plan_extents(plans: Dict[int, Optional[str]], positions: PositionIndex
                  ) -> List[Tuple[int, int, int, int, Optional[str]]]:
    found = []
    for index, plan_id in plans.items():
        extent = positions.extent(("plans", index))
        if extent is not None:
            found.append(extent + (plan_id if isinstance(plan_id, str) else None,))
    return sorted(found, key=lambda e: e[:2])


def plan_at(extents: List[Tuple[int, int, int, int, Optional[str]]], line: int, column: int) -> Optional[str]:
    """The plan entry whose lines hold (line, column): a comment at the end
    of a plan's start line or last line belongs to that plan, one between plans to none."""
    index = bisect.bisect_right(extents, (line, column), key=lambda e: e[:2]) - 1
    if index >= 0 and line <= extents[index][2]:
        return extents[index][4]
    if index + 1 < len(extents) and extents[index + 1][0] == line:
        return extents[index + 1][4]  # on a plan's start line, left of its first key
    return None


_NAMES: List[Any] = [None, {}]  # the run's rules and their names by code


def _rule_name(checks: Checks, code: str) -> str:
    """By a table made once per run, not a scan of 40 rules for each of 80,000 findings."""
    if _NAMES[0] is not checks.rules:
        _NAMES[:] = [checks.rules, {rule.code: rule.name for rule in checks.rules}]
    return _NAMES[1].get(code, code)  # type: ignore[no-any-return]


# Fact paths and span keys recur in every file: the run keeps one copy of each.
_SHARED: Dict[Any, Any] = {}
_MAX_SHARED = 100_000  # a hostile run of odd paths must not grow this without end


def _shared(value: Any) -> Any:
    found = _SHARED.get(value)
    if found is not None:
        return found
    if len(_SHARED) < _MAX_SHARED:
        _SHARED[value] = value
    return value


def crash_problem(rule: Rule, exc: Exception, where: str) -> Problem:
    return Problem((), builtin_message("crash", code=rule.code, name=rule.name, where=where,
                            error=f"{type(exc).__name__}: {exc}"), position=(1, 1, None, None))


visible = api_visible  # every report shows invisible characters of plan text as escapes


def make_finding(outcome: FileOutcome, code: str, problem: Problem, checks: Checks, positions: Any) -> Finding:
    """A rule's problem as a reported finding: position, names, severity, account, plan."""
    if problem.position is not None:
        line, column, end_line, end_column = problem.position
    else:
        span = positions.locate(problem.path, problem.at) if positions is not None else Span(1, 1)
        line, column, end_line, end_column = span.line, span.column, span.end_line, span.end_column
    plan = plan_at(outcome.plan_extents, line, column)
    name = _rule_name(checks, code)
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

    def __init__(self, spans: Dict[Tuple[DataPath, str], Span]) -> None:
        self.spans = spans

    def locate(self, path: DataPath, at: str = "value") -> Span:
        while path:
            span = self.spans.get((path, at)) or self.spans.get((path, "value"))
            if span is not None:
                return span
            path, at = path[:-1], "value"
        return Span(1, 1)
