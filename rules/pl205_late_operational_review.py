"""The operational review comes too late in the cycle.

## What it does
Reports an operational plan whose `review_day` is later than the limit for its
`cadence`, at the key `review_day`. Exactly the limit is fine.

## Why it matters
Mistake 2: half the month is gone before last month is reviewed and this
month's priorities are set. A review on day 12 leaves the account team only
the second half of the month to act on what it learned.

## Options
`max_review_day`: latest review day per cadence.

## Example that fails
```yaml
    cadence: monthly
    review_day: 12
```

## Fix
```yaml
    cadence: monthly
    review_day: 3
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import say, Document, Problem

CODE = "PL205"
NAME = "late-operational-review"
SEVERITY = "warning"
OPTIONS: dict = {"max_review_day": {"weekly": 2, "monthly": 5, "quarterly": 10}}
MESSAGE = {
    "en": 'plan `{plan}` reviews on day {day} of each {cadence} cycle; review by day {limit} so the cycle still has time to act',
    "zh": '计划 `{plan}` 在每个 {cadence} 周期的第 {day} 天才回顾；请在第 {limit} 天前完成回顾，留出执行时间',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    limits = options["max_review_day"]
    for index, plan in doc.plans("operational"):
        day, cadence = plan.get("review_day"), plan.get("cadence")
        if day is not None and cadence in limits and day > limits[cadence]:
            yield Problem(("plans", index, "review_day"), say(MESSAGE, plan=plan.get("id", "?"), day=day,
                                                              cadence=cadence, limit=limits[cadence]), at="key")
