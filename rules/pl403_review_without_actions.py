"""A past review that produced no actions.

## What it does
Reports a `review` whose `date` is before today (the run's date, `--today`)
and that has no `actions`, at the key `review`.

## Why it matters
Mistake 4: a review without actions is Check without Act. Findings like "gift
uptake 40% below forecast" change nothing unless someone owns the change and a
date for it.

## Options
None.

## Example that fails
```yaml
    review:
      date: 2026-09-28
      with: [wang-fang]
      findings: Demo staff were trained too late for the launch weekend
```

## Fix
```yaml
    review:
      date: 2026-09-28
      with: [wang-fang]
      findings: Demo staff were trained too late for the launch weekend
      actions:
        - action: Train demo staff two weeks before each launch
          owner: Zhang Wei
          due: 2026-10-31
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import say, Document, Problem, to_date, plan_id

CODE = "PL403"
NAME = "review-without-actions"
TITLE = {"en": "review without actions", "zh": "复盘没有改进措施"}
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'the review of plan `{plan}` on {date} is past and records no `actions`',
    "zh": '计划 `{plan}` 在 {date} 的复盘已经过去，但没有记录改进措施 `actions`',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans():
        review = plan.get("review")
        path = ("plans", index, "review")
        if not isinstance(review, dict) or doc.is_unreadable(path + ("actions",)):
            continue
        when = to_date(review.get("date"))
        if when is not None and when < doc.today and not review.get("actions"):
            yield Problem(path, say(MESSAGE, plan=plan_id(plan), date=when), at="key")


DOC_ZH = """已经过去的复盘没有产生改进措施。

## 作用
报告 `date` 早于今天（本次运行的日期，`--today`）且没有 `actions` 的 `review`，位置是 `review` 字段。

## 为什么重要
误区 4：没有改进措施的复盘只有检查没有改进。“赠品领取率比预期低 40%”这样的发现，如果没人负责改变、没有完成日期，就什么也不会改变。

## 选项
无。
"""
