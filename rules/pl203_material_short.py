"""Less material available than the plan needs.

## What it does
Reports a material whose `quantity` is less than its `needed`, at that
material's entry.

## Why it matters
Mistake 2: the gifts run out on the second weekend and the customer's stores
face angry shoppers. A known shortfall written into the plan is a decision
nobody has taken yet: order more, cut the number of stores, or change the
mechanic.

## Options
None.

## Example that fails
```yaml
      - item: POS display stands
        quantity: 5000
        needed: 6000
```

## Fix
```yaml
      - item: POS display stands
        quantity: 6000
        needed: 6000
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, amount, entries

CODE = "PL203"
NAME = "material-short"
TITLE = {"en": "material short", "zh": "物料不足"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'material `{item}`: {have} available, {need} needed (short by {short})',
    "zh": '物料 `{item}`：可用 {have_zh}，需要 {need_zh}（缺 {short_zh}）',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans():
        for k, material in entries(plan.get("materials")):
            have, need = material.get("quantity"), material.get("needed")
            if have is not None and need is not None and have < need:
                yield Problem(("plans", index, "materials", k), fill(
                    MESSAGE, item=material.get("item", "?"), have=have, need=need, short=need - have,
                    # Chinese reads 1,200 as an amount is written in a budget
                    have_zh=amount(have), need_zh=amount(need), short_zh=amount(need - have)))


DOC_ZH = """可用物料少于计划所需。

## 检查内容
每项物料的可用数量（`quantity`）不能少于需要的数量（`needed`）。少了就在该物料上提示，并写明缺多少。

## 为什么重要
误区 2：第二个周末赠品就发完了，门店只能面对顾客投诉。计划里明知有缺口，就是有个决定还没人拍板：追加订货、减少门店，还是调整活动机制。

## 选项
无。
"""
