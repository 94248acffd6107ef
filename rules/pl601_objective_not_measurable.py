"""An objective that cannot be measured.

## What it does
Reports an objective, of any plan, that has no `metric` or no numeric
`target`, at the objective's entry; one finding per objective, naming what is
missing. A numeric target is a number or text holding one number with an
optional sign and `%` (`"+15%"`, `"-3"`, `"4.5%"`).

## Why it matters
A complete plan has SMART objectives. "Grow the account" cannot be checked at
the joint review: nobody can say whether it was met, so the review turns into
an argument instead of a Check and Act.

## Options
None.

## Example that fails
```yaml
    objectives:
      - text: Grow the business with headquarters
        target: a lot
```

## Fix
```yaml
    objectives:
      - text: Grow the business with headquarters
        metric: sell-out revenue
        target: "+15%"
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, numeric, objectives, fill, plan_id

CODE = "PL601"
NAME = "objective-not-measurable"
TITLE = {"en": "objective not measurable", "zh": "目标无法衡量"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
MESSAGE = {
    "en": 'objective {number} of plan `{plan}` is not measurable: {what}',
    "zh": '计划 `{plan}` 的第 {number} 个目标无法衡量：{what}',
}
MISSING = {
    "metric": {"en": "it has no `metric`", "zh": "没写衡量指标（`metric`）"},
    "target": {"en": "it has no numeric `target`", "zh": "目标（`target`）不是一个数字"},
    "both": {"en": "it has no `metric` and no numeric `target`", "zh": "没写衡量指标（`metric`），目标（`target`）也不是一个数字"},
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for path, objective, plan in objectives(doc):
        # A value PL002 removed is malformed, not missing: that finding is PL002's.
        no_metric = "metric" not in objective and not doc.is_unreadable(path + ("metric",))
        no_target = numeric(objective.get("target")) is None and not doc.is_unreadable(path + ("target",))
        if no_metric or no_target:
            what = "both" if no_metric and no_target else "metric" if no_metric else "target"
            yield Problem(path, fill(MESSAGE, number=path[-1] + 1, plan=plan_id(plan), what=fill(MISSING[what])))


DOC_ZH = """目标没有写衡量指标或数字目标。

## 检查内容
每个目标（`objectives`，任何计划都一样）都要写衡量指标（`metric`）和数字形式的目标（`target`）。数字形式指一个数，或只含一个数的文字，可以带正负号和 `%`，例如 `"+15%"`、`"-3"`、`"4.5%"`。缺什么就在该目标上提示什么，每个目标只提示一次。

## 为什么重要
完整的计划要有 SMART 目标。“把生意做大”在复盘时没法检查：谁也说不清达没达成，复盘就成了争论，而不是检查和改进。

## 选项
无。
"""
