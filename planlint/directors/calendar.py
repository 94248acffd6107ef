"""What a report about accounts needs to know of each file, kept once while it is loaded.

The directors' report draws each account's calendar from these facts, so that no
reporter re-reads a plan file. Only schema-valid values are kept (PL002 removed the
others from `Document.data`); a date that is missing or unreadable is None.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional, Tuple

from planlint.api import Document, as_list, entries, to_date


@dataclass(frozen=True)
class MaterialFacts:
    index: int
    item: str
    ready: Optional[dt.date]


@dataclass(frozen=True)
class PlanFacts:
    index: int  # the position in `plans`, as in a data path `plans[index]`
    id: Optional[str]
    type: Optional[str]  # operational | project | None when missing or invalid
    title: str
    tiers: Tuple[str, ...] = ()
    kind: Optional[str] = None
    cadence: Optional[str] = None
    review_day: Optional[int] = None
    finalized: Optional[dt.date] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    materials: Tuple[MaterialFacts, ...] = ()
    consultations: Tuple[Tuple[int, dt.date], ...] = ()  # (index, date)
    review: Optional[dt.date] = None


@dataclass(frozen=True)
class AccountFacts:
    id: Optional[str]
    name: Optional[str]
    account_class: Optional[str]
    manager: Optional[str]
    start: Optional[dt.date]
    end: Optional[dt.date]
    plans: Tuple[PlanFacts, ...] = ()


def _text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) else None


def account_facts(doc: Document) -> AccountFacts:
    account = doc.account
    period = doc.data.get("period")
    period = period if isinstance(period, dict) else {}
    return AccountFacts(_text(account.get("id")), _text(account.get("name")), _text(account.get("class")),
                        _text(account.get("manager")), to_date(period.get("start")), to_date(period.get("end")),
                        tuple(_plan(index, plan) for index, plan in doc.plans()))


def _plan(index: int, plan: dict) -> PlanFacts:
    review = plan.get("review")
    review_day = plan.get("review_day")
    return PlanFacts(
        index, _text(plan.get("id")), _text(plan.get("type")), _text(plan.get("title")) or "",
        tuple(t for t in as_list(plan.get("tier")) if isinstance(t, str)),
        _text(plan.get("kind")), _text(plan.get("cadence")),
        review_day if isinstance(review_day, int) and not isinstance(review_day, bool) else None,
        to_date(plan.get("finalized")), to_date(plan.get("start")), to_date(plan.get("end")),
        tuple(MaterialFacts(i, _text(m.get("item")) or "", to_date(m.get("ready")))
              for i, m in entries(plan.get("materials"))),
        tuple((i, day) for i, c in entries(plan.get("consultations")) if (day := to_date(c.get("date")))),
        to_date(review.get("date")) if isinstance(review, dict) else None)
