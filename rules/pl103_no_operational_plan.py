"""Project plans without an operational plan.

## What it does
Reports a file that has project plans but no operational plan, at the key
`plans`.

## Why it matters
Mistake 1: teams polish the promotion and the launch and neglect the monthly
rhythm that keeps the account running between them. Without an operational
plan, nobody reviews last month, sets this month's priorities, or schedules
the projects so they do not collide.

## Options
None.

## Example that fails
```yaml
plans:
  - id: spring-promo
    type: project
    ...
```

## Fix
```yaml
plans:
  - id: ops-hq
    type: operational
    cadence: monthly
    review_day: 3
    coordinates: [spring-promo]
    ...
  - id: spring-promo
    type: project
    ...
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem

CODE = "PL103"
NAME = "no-operational-plan"
TITLE = {"en": "no operational plan", "zh": "缺少运营计划"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'the file has project plans but no operational plan; add the monthly or weekly rhythm that schedules them',
    "zh": '文件里只有项目计划，没有运营计划；请补一个运营计划，按月（或按周）开例行回顾、统筹这些项目',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    if not doc.all_plans_usable("type"):
        return
    types = {plan["type"] for _, plan in doc.plans()}
    if "project" in types and "operational" not in types:
        yield Problem(("plans",), fill(MESSAGE), at="key")


DOC_ZH = """只有项目计划，没有运营计划。

## 检查内容
文件里有项目计划（`type: project`），就要至少有一个运营计划（`type: operational`），按月或按周开例行回顾、统筹各个项目。没有时在 `plans` 上提示。

## 为什么重要
误区 1：大家把促销和新品上市做得有声有色，却忽略了项目之间维持日常生意的月度节奏。没有运营计划，就没人回顾上个月、定下这个月的重点，也没人给各个项目排期、避免它们撞车。

## 选项
无。
"""
