"""One file's part of `planlint due`, collected in the engine's per-file step beside
the rules: the milestones the plan states and the deadlines the time-aware rules
will enforce, within the window. A deadline comes from a rule's `fires_on`
(planlint.api.Deadline): its finding is made as the check run's would be, so
suppressions and per-file ignores drop a deadline exactly where they drop the finding.
"""
from __future__ import annotations

from typing import List, Optional

from planlint.api import Deadline, Document, days_after, format_path
from planlint.directors.due import DueItem, text_or_none, window_end
from planlint.directors.due_milestones import milestones
from planlint.engine.outcome import Checks, FileOutcome, crash_problem, make_finding


def file_items(doc: Document, checks: Checks, outcome: FileOutcome) -> List[DueItem]:
    """One file's items of the window: milestones, deadlines and overdue findings."""
    within = checks.due_within if checks.due_within is not None else 0
    last = window_end(doc.today, within)
    account = doc.account
    manager = text_or_none(account.get("manager"))
    owners = {("plans", i): text_or_none(plan.get("owner")) or manager for i, plan in doc.plans()}
    plan_ids = {i: plan.get("id") for i, plan in doc.plans()}
    common = {"account": text_or_none(account.get("id")), "account_name": text_or_none(account.get("name")), "manager": manager}
    items = []
    for path, day, what, key in milestones(doc, doc.today, last):
        span = doc.positions.locate(path, "key")
        plan = plan_ids.get(path[1]) if path[0] == "plans" else None
        items.append(DueItem(day, "milestone", plan=text_or_none(plan), what=what.render(checks.lang),
                             owner=owners.get(path[:2], manager), path=outcome.path, line=span.line,
                             column=span.column, data_path=format_path(path), key=key, **common))
    for rule in checks.rules:
        if rule.fires_on is None:
            continue
        try:
            deadlines = [d for d in rule.fires_on(doc, checks.options[rule.code]) if d.fires_on <= last]
        except Exception as exc:  # a rule pack's broken `fires_on` is reported; the run goes on
            outcome.errors.append(crash_problem(rule, exc, doc.path).render(checks.lang))
            continue
        items += [_deadline_item(d, rule.code, doc, checks, outcome, owners, manager, common) for d in deadlines]
    return items


def _deadline_item(deadline: Deadline, code: str, doc: Document, checks: Checks, outcome: FileOutcome,
                   owners: dict, manager: Optional[str], common: dict) -> DueItem:
    finding = make_finding(outcome, code, deadline.problem, checks, doc.positions)
    overdue = deadline.fires_on <= doc.today
    by = deadline.fires_on if overdue else (days_after(deadline.fires_on, -1) or deadline.fires_on)
    what = deadline.todo if isinstance(deadline.todo, str) else deadline.todo.render(checks.lang)
    return DueItem(by, "overdue" if overdue else "deadline", plan=finding.plan, what=what,
                   owner=owners.get(deadline.problem.path[:2], manager), path=outcome.path, line=finding.line,
                   column=finding.column, data_path=finding.data_path or "", code=code,
                   fires_on=deadline.fires_on, message=finding.message, key=deadline.key, **common)
