"""A tier of the customer's organisation has no plan of its own.

## What it does
Reports each tier in `account.tiers` that no plan's `tier` names, at that
tier's item in the list.

## Why it matters
Mistake 1, the incomplete plan system. A key account has a headquarters,
branches and stores, and each level buys, sells and decides differently. A
plan written for headquarters alone leaves the branches improvising and the
stores waiting for material nobody ordered for them. Every tier needs its own
plan, with its own content and timing.

## Options
None.

## Example that fails
```yaml
account:
  tiers: [headquarters, branch, store]
plans:
  - id: ops-hq
    tier: headquarters
  - id: spring-promo
    tier: store
```

## Fix
```yaml
plans:
  - id: ops-hq
    tier: headquarters
  - id: ops-branch
    tier: branch
  - id: spring-promo
    tier: store
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import say, Document, Problem, as_list

CODE = "PL101"
NAME = "tier-without-plan"
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'tier `{tier}` has no plan; write an operational or project plan with `tier: {tier}`',
    "zh": '层级 `{tier}` 没有自己的计划；请为它编写 `tier: {tier}` 的运营计划或项目计划',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    tiers = doc.tiers()
    # A plan whose tier is unreadable might be the one that covers a tier.
    if tiers is None or not doc.all_plans_usable("tier"):
        return
    covered = {tier for _, plan in doc.plans() for tier in as_list(plan["tier"])}
    for index, tier in enumerate(tiers):
        if tier not in covered and tier not in tiers[:index]:
            yield Problem(("account", "tiers", index), say(MESSAGE, tier=tier))
