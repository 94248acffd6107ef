"""What is due (`planlint due`): the milestones the plans state and the deadlines the
time-aware rules will enforce, within a window of days from the run's date.

`file_items` runs inside the engine's per-file step, beside the rules, so listing
what is due costs a check run and little more; it keeps only the items of the
window. A deadline comes from a rule's `fires_on` (planlint.api.Deadline): its
finding is made as the check run's would be, so suppressions and per-file
ignores drop a deadline exactly where they drop the finding (`due_items`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from planlint.api import Deadline, Document, format_path, days_after
from planlint.directors.due_milestones import milestones

if TYPE_CHECKING:
    from planlint.engine.one_file import Checks, FileOutcome

KINDS = ("overdue", "deadline", "milestone")
MAX_WITHIN = 36_600  # a hundred years: any window longer is a mistake, not a plan


@dataclass(frozen=True)
class DueItem:
    date: dt.date          # the milestone; a deadline's last day ("by"); when an overdue finding began
    kind: str              # milestone | deadline | overdue
    account: Optional[str]
    account_name: Optional[str]
    manager: Optional[str]
    plan: Optional[str]
    what: str              # what to do, in the run's language
    owner: Optional[str]   # the plan's owner, else the account's manager
    path: str
    line: int
    column: int
    data_path: str
    code: Optional[str] = None       # the rule, for deadlines and overdue findings
    fires_on: Optional[dt.date] = None
    message: Optional[str] = None    # the finding's message, as the check run on `fires_on` says it
    key: str = ""                    # tells apart items of one entry (a quarter, a review day)

    def sort_key(self) -> tuple:
        return (KINDS.index(self.kind) if self.kind == "overdue" else 1, self.date, self.account or "",
                self.plan or "", self.data_path, self.key, self.code or "", self.kind)

    def as_dict(self, today: dt.date) -> Dict[str, Any]:
        return {"date": self.date.isoformat(), "days": (self.date - today).days, "kind": self.kind,
                "account": self.account, "account_name": self.account_name, "manager": self.manager,
                "plan": self.plan, "what": self.what, "owner": self.owner, "code": self.code,
                "fires_on": self.fires_on.isoformat() if self.fires_on else None, "message": self.message,
                "path": self.path, "line": self.line, "column": self.column, "data_path": self.data_path,
                "key": self.key}


def window_end(today: dt.date, within: int) -> dt.date:
    return days_after(today, min(max(within, 0), MAX_WITHIN)) or dt.date.max


def file_items(doc: Document, checks: Checks, outcome: FileOutcome) -> List[DueItem]:
    """One file's items of the window: milestones, deadlines and overdue findings."""
    within = checks.due_within if checks.due_within is not None else 0
    last = window_end(doc.today, within)
    account = doc.account
    manager = _text(account.get("manager"))
    owners = {("plans", i): _text(plan.get("owner")) or manager for i, plan in doc.plans()}
    common = {"account": _text(account.get("id")), "account_name": _text(account.get("name")), "manager": manager}
    items = []
    for path, day, what, key in milestones(doc, doc.today, last):
        span = doc.positions.locate(path, "key")
        plan = outcome.plans.get(path[1]) if path[0] == "plans" else None
        items.append(DueItem(day, "milestone", plan=_text(plan), what=what.render(checks.lang),
                             owner=owners.get(path[:2], manager), path=outcome.path, line=span.line,
                             column=span.column, data_path=format_path(path), key=key, **common))
    for rule in checks.rules:
        if rule.fires_on is None:
            continue
        try:
            deadlines = [d for d in rule.fires_on(doc, checks.options[rule.code]) if d.fires_on <= last]
        except Exception as exc:  # a rule pack's broken `fires_on` is reported; the run goes on
            from planlint.engine.one_file import crash_problem

            outcome.errors.append(crash_problem(rule, exc, doc.path).render(checks.lang))
            continue
        items += [_deadline_item(d, rule.code, doc, checks, outcome, owners, manager, common) for d in deadlines]
    return items


def _deadline_item(deadline: Deadline, code: str, doc: Document, checks: Checks, outcome: FileOutcome,
                   owners: dict, manager: Optional[str], common: dict) -> DueItem:
    from planlint.engine.one_file import make_finding

    finding = make_finding(outcome, code, deadline.problem, checks, doc.positions)
    overdue = deadline.fires_on <= doc.today
    by = deadline.fires_on if overdue else (days_after(deadline.fires_on, -1) or deadline.fires_on)
    what = deadline.todo if isinstance(deadline.todo, str) else deadline.todo.render(checks.lang)
    return DueItem(by, "overdue" if overdue else "deadline", plan=finding.plan, what=what,
                   owner=owners.get(deadline.problem.path[:2], manager), path=outcome.path, line=finding.line,
                   column=finding.column, data_path=finding.data_path or "", code=code,
                   fires_on=deadline.fires_on, message=finding.message, key=deadline.key, **common)


def _text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) else None
