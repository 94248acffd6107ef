"""A product launch that trains nobody before it starts.

## What it does
Reports a project plan of kind `product-launch` with no entry of its own
`training` dated on or before its `start` (training on the start day counts):
at the key `training`, or at the plan start when the plan has no `training`.

## Why it matters
The customer's front-line staff sell the new product (基层人员培训). A launch
whose store promoters first hear of the product from shoppers sells the old
model instead.

## Options
None.

## Example that fails
```yaml
    kind: product-launch
    start: 2027-03-01
    training:
      - date: 2027-03-05
        audience: store promoters
```

## Fix
```yaml
    kind: product-launch
    start: 2027-03-01
    training:
      - date: 2027-02-20
        audience: store promoters
        tier: store
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, at_section, entry_dates, say, to_date, plan_id

CODE = "PL609"
NAME = "no-staff-training"
TITLE = {"en": "no staff training", "zh": "上市前没有培训"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
MESSAGE = {
    "en": 'product launch `{plan}` trains nobody on or before its start ({start}); train the customer\'s front-line staff first',
    "zh": '新品上市计划 `{plan}` 在上市日（{start}）前没有安排任何培训；请在上市前培训门店促销员/导购',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        start = to_date(plan.get("start"))
        if plan.get("kind") != "product-launch" or start is None:
            continue
        dates = entry_dates(doc, ("plans", index, "training"))
        # An entry whose date is missing or malformed (PL002) might be the one before the start.
        if dates is None or any(when <= start for when in dates):
            continue
        where, at = at_section(index, plan, "training")
        yield Problem(where, say(MESSAGE, plan=plan_id(plan), start=start), at=at)


DOC_ZH = """新品上市前没有培训任何人。

## 检查内容
报告类型为 `product-launch`、自身 `training` 中没有任何一条日期在 `start` 当天或之前（开始当天的培训也算）的项目计划：位置是 `training` 字段；计划没有 `training` 时是计划开头。

## 为什么重要
卖新品的是客户的一线人员（基层人员培训）。如果门店促销员是从顾客那里第一次听说新品，他们卖的还是老款。

## 选项
无。
"""
