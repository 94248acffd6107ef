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

from planlint.api import fill, Document, Problem, plan_id

CODE = "PL205"
NAME = "late-operational-review"
TITLE = {"en": "late operational review", "zh": "运营回顾太晚"}
SEVERITY = "warning"
OPTIONS: dict = {"max_review_day": {"weekly": 2, "monthly": 5, "quarterly": 10}}
MESSAGE = {
    "en": 'plan `{plan}` reviews on day {day} of each {cadence} cycle; with `cadence: {cadence}` review by day {limit} so the cycle still has time to act',
    "zh": '运营计划 `{plan}` {when}才开回顾会；{cycle}回顾（`cadence: {cadence}`）最晚应在{by}开完，才留得出执行时间',
}
CYCLES_ZH = {"weekly": "周度", "monthly": "月度", "quarterly": "季度"}
DAYS_ZH = {"weekly": "每周第 {} 天", "monthly": "每月 {} 日", "quarterly": "每季度第 {} 天"}  # 每月 5 日, as people say it


def check(doc: Document, options: dict) -> Iterator[Problem]:
    limits = options["max_review_day"]
    for index, plan in doc.plans("operational"):
        day, cadence = plan.get("review_day"), plan.get("cadence")
        if day is not None and cadence in limits and day > limits[cadence]:
            yield Problem(("plans", index, "review_day"), fill(MESSAGE, plan=plan_id(plan), day=day,
                                                              cadence=cadence, cycle=CYCLES_ZH.get(cadence, cadence), limit=limits[cadence],
                                                              when=DAYS_ZH.get(cadence, "第 {} 天").format(day),
                                                              by=DAYS_ZH.get(cadence, "第 {} 天").format(limits[cadence])), at="key")


DOC_ZH = """运营计划的例行回顾排得太晚。

## 检查内容
运营计划的回顾日（`review_day`）不能晚于所在周期的上限：周度回顾最晚在每周第 2 天，月度回顾最晚在每月 5 日，季度回顾最晚在每季度第 10 天。晚了就在 `review_day` 上提示；正好在上限那天没有问题。

## 为什么重要
误区 2：半个月过去了，才回顾上个月、定下这个月的重点。12 日才开回顾会，留给我们落实的只剩半个月。

## 选项
`max_review_day`：按回顾周期（`cadence`）分别设置的最晚回顾日。
"""
