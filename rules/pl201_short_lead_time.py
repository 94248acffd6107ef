"""A project plan finalized too close to its start.

## What it does
Reports a project plan where `start − finalized` in days is less than the
minimum lead time for its `kind`, at the key `finalized`. Exactly the minimum
is enough.

## Why it matters
Mistake 2, poor timeliness. The promotion starts and the display stands are
not ready, the gifts run short, the new product is on the shelf but the
advertising is late. Production, printing, logistics and the customer's own
approval chain all need weeks; a plan frozen late leaves no time for them.

## Options
`min_lead_days`: minimum days from `finalized` to `start`, per kind.

## Example that fails
```yaml
    kind: promotion
    finalized: 2027-01-01
    start: 2027-01-20
```

## Fix
```yaml
    kind: promotion
    finalized: 2026-12-01
    start: 2027-01-20
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import say, Document, Problem, to_date

CODE = "PL201"
NAME = "short-lead-time"
SEVERITY = "error"
OPTIONS: dict = {
    "min_lead_days": {"product-launch": 90, "promotion": 42, "event": 30, "training": 14, "other": 30},
}
MESSAGE = {
    "en": 'plan `{plan}` is finalized {lead} days before it starts; a {kind} needs at least {minimum}',
    "zh": '计划 `{plan}` 在开始前 {lead} 天才定稿；{kind} 至少需要提前 {minimum} 天',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    minimums = options["min_lead_days"]
    for index, plan in doc.plans("project"):
        finalized, start = to_date(plan.get("finalized")), to_date(plan.get("start"))
        kind = plan.get("kind")
        if finalized is None or start is None or kind not in minimums:
            continue
        lead = (start - finalized).days
        if lead < minimums[kind]:
            yield Problem(("plans", index, "finalized"), say(MESSAGE, plan=plan.get("id", "?"), lead=lead,
                                                             kind=kind, minimum=minimums[kind]), at="key")
