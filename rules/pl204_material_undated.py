"""Material with no ready date.

## What it does
Reports a material that has no `ready` date, at that material's entry.

## Why it matters
Mistake 2: material without a date is material nobody is chasing. The date is
what lets the operational review ask "is it ready?" before the start.

## Options
None.

## Example that fails
```yaml
    materials:
      - item: Gift kitchen sets
        quantity: 2000
```

## Fix
```yaml
    materials:
      - item: Gift kitchen sets
        quantity: 2000
        ready: 2027-01-05
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, entries

CODE = "PL204"
NAME = "material-undated"
TITLE = {"en": "material undated", "zh": "物料没有到位日期"}
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'material `{item}` has no `ready` date',
    "zh": '物料 `{item}` 没有写到位日期 `ready`',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans():
        for k, material in entries(plan.get("materials")):
            path = ("plans", index, "materials", k)
            if doc.lacks(path + ("ready",)):
                yield Problem(path, fill(MESSAGE, item=material.get("item", "?")))


DOC_ZH = """物料没有写到位日期。

## 检查内容
每项物料都要写到位日期（`ready`），没写的在该物料上提示。

## 为什么重要
误区 2：没有日期的物料，就是没人跟进的物料。有了日期，例行回顾时才能在开始前问一句“到位了吗？”

## 选项
无。
"""
