"""The dated entries a plan states, as (data path, date, words, key): a plan's
`finalized`, `start`, `end`, each material's `ready`, each consultation's and the
review's `date`, each training, visit and survey, and the review days an
operational plan's `cadence` and `review_day` put between two dates.

Only schema-valid dates are read (`Document.data`): a malformed date is not
listed, and the other entries of the same plan still are."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Any, Dict, Iterator, Tuple

from planlint.api import DataPath, Document, Text, days_after, entries, plan_id, to_date
from planlint.directors.due_words import word

Milestone = Tuple[DataPath, dt.date, Text, str]  # (path of the date, date, what to do, key)
# (path of the date, date, the words' name and values): words are made only for the window
Stated = Tuple[DataPath, dt.date, str, Dict[str, Any]]


def milestones(doc: Document, first: dt.date, last: dt.date) -> Iterator[Milestone]:
    """Every dated entry from `first` to `last`, both included."""
    for path, day, name, args in _stated(doc):
        if first <= day <= last:
            yield path, day, word(name, **args), ""
    for index, plan in doc.plans():
        yield from _review_days(index, plan, first, last)


def _stated(doc: Document) -> Iterator[Stated]:
    for index, plan in doc.plans():
        base: DataPath = ("plans", index)
        name = plan_id(plan)
        for key in ("finalized", "start", "end"):
            day = to_date(plan.get(key))
            if day is not None:
                yield base + (key,), day, key, {"plan": name}
        for k, material in entries(plan.get("materials")):
            day = to_date(material.get("ready"))
            if day is not None:
                yield base + ("materials", k, "ready"), day, "ready", {"plan": name, "item": material.get("item", "?")}
        for section, what in (("consultations", "consultation"), ("training", "training")):
            for k, entry in entries(plan.get(section)):
                day = to_date(entry.get("date"))
                if day is not None:
                    yield base + (section, k, "date"), day, what, {"plan": name, "n": k + 1}
        review = plan.get("review")
        day = to_date(review.get("date")) if isinstance(review, dict) else None
        if day is not None:
            yield base + ("review", "date"), day, "review", {"plan": name}
    for section, what in (("visits", "visit"), ("surveys", "survey")):
        for k, entry in entries(doc.account.get(section)):
            day = to_date(entry.get("date"))
            if day is not None:
                yield ("account", section, k, "date"), day, what, {"n": k + 1}


def _review_days(index: int, plan: dict, first: dt.date, last: dt.date) -> Iterator[Milestone]:
    """An operational plan's review days: day N of each week (1 = Monday), month or
    quarter. A month or quarter shorter than N has its review on its last day."""
    cadence, day = plan.get("cadence"), plan.get("review_day")
    if plan.get("type") != "operational" or not isinstance(day, int) or isinstance(day, bool) or day < 1:
        return
    if cadence not in ("weekly", "monthly", "quarterly"):
        return
    what = None
    for when in _cycle_days(str(cadence), day, first, last):
        what = what or word(f"review_day_{cadence}", plan=plan_id(plan))
        yield ("plans", index, "review_day"), when, what, when.isoformat()


def _cycle_days(cadence: str, day: int, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    if cadence == "weekly":
        ahead = (day - first.isoweekday()) % 7 if day <= 7 else None
        when = days_after(first, ahead) if ahead is not None else None
        while when is not None and when <= last:
            yield when
            when = days_after(when, 7)
        return
    months = 1 if cadence == "monthly" else 3
    year, month = first.year, first.month - (first.month - 1) % months
    while (year, month) <= (last.year, last.month):
        when = _day_of_cycle(year, month, months, day)
        if first <= when <= last:
            yield when
        year, month = (year + 1, 1) if month + months > 12 else (year, month + months)


def _day_of_cycle(year: int, month: int, months: int, day: int) -> dt.date:
    """Day `day` of the cycle of `months` months that begins on the 1st of `month`,
    or the cycle's last day."""
    last_month = month + months - 1
    cycle_last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    when = days_after(dt.date(year, month, 1), day - 1)
    return cycle_last if when is None or when > cycle_last else when
