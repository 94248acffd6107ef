"""A review scheduled before the plan ends.

## What it does
Reports a `review` dated before the plan's `end`, at the key `review`.

## Why it matters
Mistake 4: a review before the end cannot see the result. It is a progress
meeting, which belongs in the operational rhythm; the joint review looks back
on the whole project.

## Options
None.

## Example that fails
```yaml
    end: 2027-02-10
    review:
      date: 2027-02-01
```

## Fix
```yaml
    end: 2027-02-10
    review:
      date: 2027-02-20
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, to_date, plan_id

CODE = "PL404"
NAME = "review-before-end"
TITLE = {"en": "review before end", "zh": "复盘早于计划结束"}
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'the review of plan `{plan}` ({date}) is before the plan ends ({end})',
    "zh": '计划 `{plan}` 的复盘（{date}）早于计划结束（{end}）',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans():
        review, end = plan.get("review"), to_date(plan.get("end"))
        if not isinstance(review, dict) or end is None:
            continue
        when = to_date(review.get("date"))
        if when is not None and when < end:
            yield Problem(("plans", index, "review"), fill(MESSAGE, plan=plan_id(plan), date=when,
                                                          end=end), at="key")


DOC_ZH = """复盘排在计划结束之前。

## 检查内容
复盘日期不能早于计划的结束日期（`end`），早了就在 `review` 上提示。

## 为什么重要
误区 4：计划还没结束就复盘，看不到最终结果。那是进度会，应放在运营计划的例行回顾里；联合复盘要回看整个项目。

## 选项
无。
"""
