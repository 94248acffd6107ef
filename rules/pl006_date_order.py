"""Dates that run backwards.

## What it does
Reports `period.end` before `period.start`, a project's `end` before its
`start`, `finalized` after `start`, and a material's `ready` date or a
consultation's `date` after the plan's `end`. The finding sits on the key of
the later-named date (`end`, `finalized`, `ready` or `date`).

## Why it matters
A plan frozen after its promotion began was never a plan; display material
ready after the promotion ended is money spent for nothing. Backwards dates are
usually typos (2027 for 2026), and every timeliness rule depends on them.

## Options
None.

## Example that fails
```yaml
    finalized: 2027-02-01
    start: 2027-01-20
    end: 2027-02-10
```

## Fix
```yaml
    finalized: 2026-11-20
    start: 2027-01-20
    end: 2027-02-10
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, entries, to_date

CODE = "PL006"
NAME = "date-order"
SEVERITY = "error"
OPTIONS: dict = {}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    period = doc.data.get("period")
    if isinstance(period, dict):
        start, end = to_date(period.get("start")), to_date(period.get("end"))
        if start and end and end < start:
            yield Problem(("period", "end"), f"period.end {end} is before period.start {start}", at="key")
    for index, plan in doc.plans("project"):
        yield from _project(("plans", index), plan)


def _project(base: tuple, plan: dict) -> Iterator[Problem]:
    plan_id = plan.get("id", "?")
    start, end, finalized = (to_date(plan.get(k)) for k in ("start", "end", "finalized"))
    if start and end and end < start:
        yield Problem(base + ("end",), f"plan `{plan_id}` ends ({end}) before it starts ({start})", at="key")
    if finalized and start and finalized > start:
        yield Problem(base + ("finalized",), f"plan `{plan_id}` is finalized ({finalized}) after "
                      f"it starts ({start})", at="key")
    if not end:
        return
    for k, material in entries(plan.get("materials")):
        ready = to_date(material.get("ready"))
        if ready and ready > end:
            yield Problem(base + ("materials", k, "ready"), f"material `{material.get('item', '?')}` "
                          f"is ready ({ready}) after plan `{plan_id}` ends ({end})", at="key")
    for k, talk in entries(plan.get("consultations")):
        when = to_date(talk.get("date"))
        if when and when > end:
            yield Problem(base + ("consultations", k, "date"), f"consultation on {when} is after "
                          f"plan `{plan_id}` ends ({end})", at="key")
