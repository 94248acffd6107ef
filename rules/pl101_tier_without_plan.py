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

from planlint.api import fill, Document, Problem, as_list, closest

CODE = "PL101"
NAME = "tier-without-plan"
TITLE = {"en": "tier without plan", "zh": "层级没有计划"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'tier `{tier}` has no plan; write an operational or project plan with `tier: {tier}`',
    "zh": '层级 `{tier}` 没有自己的计划；请为它制定 `tier: {tier}` 的运营计划或项目计划',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    tiers = doc.tiers()
    # A plan whose tier is unreadable might be the one that covers a tier.
    if tiers is None or not doc.all_plans_usable("tier"):
        return
    covered = {tier for _, plan in doc.plans() for tier in as_list(plan["tier"])}
    # A misspelled tier is PL004's finding; the tier it meant is not reported here too.
    covered |= {closest(tier, tiers) for tier in covered - set(tiers)}
    for index, tier in enumerate(tiers):
        if tier not in covered:
            covered.add(tier)  # a repeated tier is reported once, at its first entry
            yield Problem(("account", "tiers", index), fill(MESSAGE, tier=tier))


DOC_ZH = """客户的某个组织层级没有自己的计划。

## 检查内容
`account.tiers` 里列出的每个层级（如总部、分部、门店），都要至少有一个计划在 `tier` 里写它。没有计划的层级，在层级名单里它那一项上提示。

## 为什么重要
误区 1：计划体系不完整。大客户有总部、分部和门店，每一层的采购、销售和决策方式都不一样。只给总部做计划，分部只能临时应付，门店还在等没人给它们订的物料。每个层级都要有自己的计划，内容和时间各不相同。

## 选项
无。
"""
