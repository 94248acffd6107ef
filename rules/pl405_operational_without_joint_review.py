"""An operational rhythm reviewed without the customer.

## What it does
Reports an operational plan with no `review_with` contacts, at the plan's
start.

## Why it matters
Mistake 4: the monthly review is where last month's results and this month's
priorities are agreed. Held without the customer, its priorities are the
account team's wishes, not the account's.

## Options
None.

## Example that fails
```yaml
  - id: ops-hq
    type: operational
    cadence: monthly
    review_day: 3
```

## Fix
```yaml
  - id: ops-hq
    type: operational
    cadence: monthly
    review_day: 3
    review_with: [li-ming]
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, plan_id

CODE = "PL405"
NAME = "operational-without-joint-review"
TITLE = {"en": "operational without joint review", "zh": "运营回顾没有客户参加"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'operational plan `{plan}` has no `review_with`: name the customer contacts who join the recurring review',
    "zh": '运营计划 `{plan}` 没有 `review_with`；请写明参加例行回顾的客户方联系人',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("operational"):
        if doc.lacks(("plans", index, "review_with")):
            yield Problem(("plans", index), fill(MESSAGE, plan=plan_id(plan)))


DOC_ZH = """运营计划的例行回顾没有客户参加。

## 检查内容
运营计划要在 `review_with` 里写明参加例行回顾的客户方联系人；没写时在计划的开头提示。

## 为什么重要
误区 4：月度回顾是双方确认上月结果、商定本月重点的场合。客户不在场，定下的重点只是我们的一厢情愿，不是客户的重点。

## 选项
无。
"""
