"""A promotion or launch that secures no stock.

## What it does
Reports a project plan of kind `promotion` or `product-launch` that lists no
material of `kind: stock`: at the key `materials`, or at the plan start when
the plan has no `materials`.

## Why it matters
Stock secured before a promotion (货源保障) is what the promotion sells. The
display stands are up, the promoters are in the stores, and the product is
sold out by Saturday noon: the customer remembers that, not the discount.

## Options
None.

## Example that fails
```yaml
    kind: promotion
    materials:
      - item: POS display stands
        kind: display
```

## Fix
```yaml
    kind: promotion
    materials:
      - item: POS display stands
        kind: display
      - item: X-500 fridges at the regional DC
        kind: stock
        ready: 2027-01-10
        quantity: 2000
        needed: 2000
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, at_section, fill, plan_id

CODE = "PL608"
NAME = "no-stock-plan"
TITLE = {"en": "no stock plan", "zh": "缺少备货计划"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
KINDS = ("promotion", "product-launch")
MESSAGE = {
    "en": 'plan `{plan}` ({kind}) lists no material of `kind: stock`; secure the stock it will sell',
    "zh": '计划 `{plan}` 没有备货计划（物料里没有 `kind: stock` 一项）；促销和新品上市前必须备足货，防止断货',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        if plan.get("kind") in KINDS and doc.lacks_entry(("plans", index, "materials"), _stock):
            where, at = at_section(index, plan, "materials")
            yield Problem(where, fill(MESSAGE, plan=plan_id(plan), kind=plan["kind"]), at=at)


def _stock(material: dict) -> bool:
    return material.get("kind") == "stock"


DOC_ZH = """促销或新品上市计划没有备货计划。

## 检查内容
促销（`promotion`）和新品上市（`product-launch`）计划的物料（`materials`）里，至少要有一项备货（`kind: stock`），写明到位日期、可用数量和需要数量。没有时在 `materials` 上提示；一项物料都没写时，在计划的开头提示。

## 为什么重要
备货是促销的根本：堆头搭好了、促销员到岗了，周六中午就断货——客户记住的是断货，不是折扣。

## 选项
无。
"""
