"""What is due (`planlint due`): the milestones the plans state and the deadlines the
time-aware rules will enforce, within a window of days from the run's date.

The engine collects a file's items beside its rules (planlint.engine.due_items), so
listing what is due costs a check run and little more; this module says what an
item is and what the plans' own milestones are.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Dict, Optional

from planlint.api import days_after

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


def text_or_none(value: Any) -> Optional[str]:
    return value if isinstance(value, str) else None
