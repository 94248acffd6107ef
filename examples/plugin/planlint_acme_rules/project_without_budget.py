"""A project plan with no budget.

## What it does
Reports a project plan without an `x-budget` key (our team's own field; planlint
leaves `x-` keys to you), at the plan's start.

## Why it matters
Finance signs off a promotion only with a budget; a plan without one comes back
from approval and loses the lead time that PL201 protects.

## Options
`min_budget`: the smallest budget, in the account's currency, that counts.

## Example that fails
```yaml
  - id: spring-promo
    type: project
```

## Fix
```yaml
  - id: spring-promo
    type: project
    x-budget: 250000
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem

CODE = "ACME001"
NAME = "project-without-budget"
SEVERITY = "warning"
OPTIONS: dict = {"min_budget": 1}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        budget = plan.get("x-budget")
        if not isinstance(budget, (int, float)) or budget < options["min_budget"]:
            yield Problem(("plans", index), f"project plan `{plan.get('id', '?')}` has no "
                          f"`x-budget` of at least {options['min_budget']}")
