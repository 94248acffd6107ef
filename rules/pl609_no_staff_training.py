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

from planlint.api import Document, Problem, at_section, entry_dates, fill, to_date, plan_id

CODE = "PL609"
NAME = "no-staff-training"
TITLE = {"en": "no staff training", "zh": "上市前没有培训"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
MESSAGE = {
    "en": 'product launch `{plan}` trains nobody on or before its start ({start}); train the customer\'s front-line staff first',
    "zh": '新品上市计划 `{plan}` 在开始日期（{start}）之前没有安排任何培训；请在上市前培训门店促销员、导购',
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
        yield Problem(where, fill(MESSAGE, plan=plan_id(plan), start=start), at=at)


DOC_ZH = """新品上市前没有安排培训。

## 检查内容
新品上市（`product-launch`）计划自己的培训（`training`）里，至少要有一次在开始日期（`start`）当天或之前。没有时在 `training` 上提示；一次培训都没写时，在计划的开头提示。

## 为什么重要
新品要靠门店的促销员、导购一台一台卖出去。上市时导购还是从顾客嘴里第一次听说新品，他们推荐的只会是老款。

## 选项
无。
"""
