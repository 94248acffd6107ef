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

import datetime as dt
from typing import Iterator, Tuple

from planlint.api import fill, days_after, Deadline, Document, Problem, to_date, plan_id

CODE = "PL403"
NAME = "review-without-actions"
TITLE = {"en": "review without actions", "zh": "复盘没有改进措施"}
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'the review of plan `{plan}` on {date} is past and records no `actions`',
    "zh": '计划 `{plan}` 的复盘（{date}）已经开过，但没有记下改进措施（`actions`）',
}


TODO = {
    "en": "write the actions of the review of plan `{plan}` held on {date}",
    "zh": "补记计划 `{plan}` 复盘（{date}）的改进措施（`actions`）",
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for problem, when, _ in _reviews_without_actions(doc):
        if when < doc.today:
            yield problem


def fires_on(doc: Document, options: dict) -> Iterator[Deadline]:
    """The day after the review: from then on it is past and still without actions."""
    for problem, when, plan in _reviews_without_actions(doc):
        after = days_after(when, 1)
        if after is not None:
            yield Deadline(problem, after, fill(TODO, plan=plan_id(plan), date=when))


def _reviews_without_actions(doc: Document) -> Iterator[Tuple[Problem, dt.date, dict]]:
    for index, plan in doc.plans():
        review = plan.get("review")
        path = ("plans", index, "review")
        if not isinstance(review, dict) or doc.is_unreadable(path + ("actions",)):
            continue
        when = to_date(review.get("date"))
        if when is not None and not review.get("actions"):
            yield Problem(path, fill(MESSAGE, plan=plan_id(plan), date=when), at="key"), when, plan


DOC_ZH = """复盘已经开过，却没有改进措施。

## 检查内容
复盘日期已经过去（早于检查日期，可用 `--today` 指定），就要记下改进措施（`actions`）：做什么、谁负责、谁检查、何时完成。没有时在 `review` 上提示。

## 为什么重要
误区 4：没有改进措施的复盘，只有检查没有改进。“赠品领取量比预测低 40%”这样的结论，没人负责、没有完成日期，就什么也改变不了。

## 选项
无。
"""
