"""An objective whose target is not between its floor and its stretch.

## What it does
Reports an objective, of any plan, whose numeric `target` does not lie
between its numeric `baseline` and `stretch` (inclusive, in either direction:
a cost that should fall has a floor above the stretch), or whose `baseline`
equals its `stretch` while the `target` differs. It checks only objectives
where `baseline`, `target` and `stretch` are all written and all numeric, and
either all or none of them carry `%`. The finding is at the key `target`.

## Why it matters
Floor, goal and stretch (底线/最优/超越目标) are one scale. A goal below its
floor, or beyond its stretch, is a typo or a misunderstanding, and either way
the review will measure the plan against the wrong number.

## Options
None.

## Example that fails
```yaml
      - text: Our share of the chilled shelf
        metric: share of shelf
        baseline: "25%"
        target: "40%"
        stretch: "35%"
```

## Fix
```yaml
      - text: Our share of the chilled shelf
        metric: share of shelf
        baseline: "25%"
        target: "30%"
        stretch: "35%"
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, numeric, objectives, fill, plan_id

CODE = "PL603"
NAME = "targets-out-of-order"
TITLE = {"en": "targets out of order", "zh": "目标档位顺序不对"}
SEVERITY = "error"
ON_BY_DEFAULT = True
OPTIONS: dict = {}
MESSAGE = {
    "en": 'objective {number} of plan `{plan}`: target {target} is not between baseline {baseline} and stretch {stretch}',
    "zh": '计划 `{plan}` 的第 {number} 个目标：最优目标 {target} 不在底线目标 {baseline} 与超越目标 {stretch} 之间',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for path, objective, plan in objectives(doc):
        values = [numeric(objective.get(key)) for key in ("baseline", "target", "stretch")]
        if any(v is None for v in values) or len({v[1] for v in values if v is not None}) != 1:
            continue  # not all numeric, or `%` on some only: not comparable
        floor, goal, stretch = (v[0] for v in values if v is not None)
        if not min(floor, stretch) <= goal <= max(floor, stretch):
            yield Problem(path + ("target",), fill(
                MESSAGE, number=path[-1] + 1, plan=plan_id(plan), target=objective["target"],
                baseline=objective["baseline"], stretch=objective["stretch"]), at="key")


DOC_ZH = """最优目标不在底线目标和超越目标之间。

## 检查内容
底线目标（`baseline`）、最优目标（`target`）、超越目标（`stretch`）三档都写成数字时（要么都带 `%`，要么都不带），最优目标要落在另外两档之间，等于任一档也可以。方向不限：要压低的费用类指标，底线目标会高于超越目标。底线目标和超越目标相同、最优目标却不同，也会提示。提示标在 `target` 上。

## 为什么重要
三档目标是同一把尺子。最优目标比底线目标还低，或者比超越目标还高，不是笔误就是理解错了；不管哪种，复盘时都会拿错的数来衡量计划。

## 选项
无。
"""
