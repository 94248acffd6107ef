"""A class A project objective with a target but no floor or no stretch.

## What it does
In a class A account, reports an objective of a project plan that has a
numeric `target` but no numeric `baseline` (the floor) or no numeric
`stretch`, at the key `target`.

## Why it matters
The practitioners' material asks for tiered targets on the accounts that
matter most: a floor (底线目标) that must be reached, the goal (最优目标) and a
stretch (超越目标). One number gives the team no way to say whether a
promotion that missed the goal was still acceptable, or how far it could go.

## Options
None.

## Example that fails
```yaml
account:
  class: A
plans:
  - id: spring-promo
    type: project
    objectives:
      - text: Sell-out of the X-500
        metric: units sold
        target: 5000
```

## Fix
```yaml
    objectives:
      - text: Sell-out of the X-500
        metric: units sold
        baseline: 4000
        target: 5000
        stretch: 6500
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, numeric, objectives, fill, plan_id

CODE = "PL602"
NAME = "targets-not-tiered"
TITLE = {"en": "targets not tiered", "zh": "目标没有分档"}
SEVERITY = "info"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
MESSAGE = {
    "en": 'objective {number} of plan `{plan}` has a target but no {missing}; a class A account tiers its targets (floor, goal, stretch)',
    "zh": '计划 `{plan}` 的第 {number} 个目标只有最优目标，没有{missing}；A 类客户的目标要分三档：底线目标、最优目标、超越目标',
}
MISSING = {
    "baseline": {"en": "numeric `baseline`", "zh": "数字形式的底线目标 `baseline`"},
    "stretch": {"en": "numeric `stretch`", "zh": "数字形式的超越目标 `stretch`"},
    "both": {"en": "numeric `baseline` or `stretch`", "zh": "数字形式的底线目标 `baseline` 和超越目标 `stretch`"},
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    if doc.account.get("class") != "A":
        return
    for path, objective, plan in objectives(doc, "project"):
        if numeric(objective.get("target")) is None:
            continue
        lacking = [key for key in ("baseline", "stretch")
                   if numeric(objective.get(key)) is None and not doc.is_unreadable(path + (key,))]
        if lacking:
            missing = lacking[0] if len(lacking) == 1 else "both"
            yield Problem(path + ("target",), fill(MESSAGE, number=path[-1] + 1, plan=plan_id(plan),
                                                  missing=fill(MISSING[missing])), at="key")


DOC_ZH = """A 类客户的项目目标没有分三档。

## 检查内容
A 类客户的项目计划里，写了数字目标的每个目标都要分三档，都写成数字：底线目标（`baseline`，必须守住的数）、最优目标（`target`，力争达到的数）和超越目标（`stretch`，做得好能冲到的数）。缺底线目标或超越目标时，在 `target` 上提示。

## 为什么重要
对最重要的客户，目标要分档。只有一个数，没达到时说不清这次活动还算不算及格，超额了也不知道还能冲多高；三档写清楚，复盘时才有据可依。

## 选项
无。
"""
