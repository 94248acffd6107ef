"""One file, start to finish: load, validate, run the per-file rules, and keep only
what the run still needs (findings with positions, directives, cross-file facts).

This is the unit of work a worker process runs and the cache stores; the
composed nodes and plan data are dropped when it returns, so a run's memory
grows with its findings, not with its plans.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from planlint.api import Document, Problem, format_path
from planlint.discover import Source
from planlint.engine.cap import MAX_WHEN_FIXING, Cap
from planlint.engine.outcome import Checks, FileOutcome, PlanExtents, crash_problem, interned, make_finding
from planlint.parse.loader import load
from planlint.errors import os_reason
from planlint.messages import builtin_message
from planlint.parse.positions import PositionIndex, Span
from planlint.schema.validate import prune, validate_lazily


def lint_file(source: Source, checks: Checks, raw: Optional[bytes] = None) -> FileOutcome:
    """`raw`: the file's bytes when the caller has read them already (for the cache key)."""
    outcome = FileOutcome(source.path)
    enabled = {rule.code for rule in checks.rules}
    try:
        raw = raw if raw is not None else source.read(checks.limits.max_bytes + 1)
    except OSError as exc:
        problem = Problem((), builtin_message("cannot_read", reason=os_reason(exc)), position=(1, 1, None, None))
        if "PL001" in enabled:
            outcome.findings.append(make_finding(outcome, "PL001", problem, checks, PositionIndex()))
        return outcome
    loaded = load(raw, checks.limits)
    positions, cap = loaded.positions, Cap(checks.fixable if checks.fixing else frozenset())
    problems = [(code, p) for code, p in loaded.problems if cap.keep(code, p)]
    plans: Dict[int, Optional[str]] = {}  # index -> plan id
    if loaded.data is not None:
        makers, invalid = validate_lazily(loaded.data, positions)
        problems += [("PL002", p) for p in cap.described("PL002", makers)]
        prune(loaded.data, invalid)
        doc = Document(source.path, loaded.text, loaded.data, positions, invalid, checks.today, loaded.key_repeats)
        outcome.account = doc.account_id
        plans = {i: plan.get("id") for i, plan in doc.plans()}
        outcome.plan_extents = _plan_extents(plans, positions)
        if checks.keep_facts:
            from planlint.directors.calendar import account_facts  # for the HTML report only

            outcome.account_facts = account_facts(doc)
        problems += _run_rules(doc, checks, outcome, cap)
        if checks.due_within is not None:
            from planlint.engine.due_items import file_items  # `planlint due` only

            outcome.due = file_items(doc, checks, outcome)
        # A file without a problem of a rule that declares FIXABLE never loads the
        # fixers, a clean plan's pre-commit run included.
        if checks.keep_fixes and any(code in checks.fixable for code, _ in problems):
            from planlint.fix.builtin import attach as attach_fixes

            problems = attach_fixes(problems, doc, MAX_WHEN_FIXING) if checks.fixing else attach_fixes(problems, doc)
    problems += cap.summaries()
    outcome.findings = [make_finding(outcome, code, p, checks, positions) for code, p in problems if code in enabled]
    if "planlint" in loaded.text.lower():
        from planlint.suppress import parse_directives  # only a file that may hold a directive

        outcome.directives = [d for d in parse_directives(loaded.text)
                              if not positions.inside_scalar(d.line, d.column)]
        outcome.plan_starts = {positions.locate(("plans", i)).line: format_path(("plans", i))
                               for i in plans}
    outcome.text = loaded.text if checks.keep_text else None
    return outcome


def _run_rules(doc: Document, checks: Checks, outcome: FileOutcome, cap: Cap) -> List[Tuple[str, Problem]]:
    problems: List[Tuple[str, Problem]] = []
    spans: List[Any] = []
    for rule in checks.rules:
        try:
            if rule.check is not None:
                problems += [(rule.code, p) for p in cap.pull(rule.code, rule.check(doc, checks.options[rule.code]))]
            if rule.summarize is not None:
                facts = tuple((interned(path), fact) for path, fact in rule.summarize(doc, checks.options[rule.code]))
                outcome.facts[rule.code] = facts
                for path, _ in facts:
                    value = doc.positions.locate(path)
                    spans += (interned((path, "value")), *_span_fields(value))
                    key = doc.positions.locate(path, "key")
                    if key != value:  # else FactSpans answers with the value's span
                        spans += (interned((path, "key")), *_span_fields(key))
        except Exception as exc:  # one broken rule must not hide the others' findings
            crash = crash_problem(rule, exc, doc.path)
            problems.append((rule.code, crash))
            outcome.errors.append(crash.render(checks.lang))
    outcome.spans = tuple(spans)
    return problems


def _span_fields(span: Span) -> Tuple[int, int, Optional[int], Optional[int]]:
    return span.line, span.column, span.end_line, span.end_column


def _plan_extents(plans: Dict[int, Optional[str]], positions: PositionIndex) -> PlanExtents:
    found = []
    for index, plan_id in plans.items():
        extent = positions.extent(("plans", index))
        if extent is not None:
            found.append((*extent[:3], plan_id if isinstance(plan_id, str) else None))
    return tuple(value for extent in sorted(found, key=lambda e: e[:2]) for value in extent)
