"""A project plan with nothing exclusive for the account.

## What it does
Reports a project plan with no `exclusive` entry, at the plan's start.

## Why it matters
Mistake 5, no differentiation. Big customers care less about how deep the
discount is than about what they get that no other key account gets: a model
built only for this retail chain, a handset customised for this carrier, a
service only their stores offer. Without it, the plan competes on price alone.

## Options
None.

## Example that fails
```yaml
  - id: spring-promo
    type: project
    kind: promotion
```

## Fix
```yaml
  - id: spring-promo
    type: project
    kind: promotion
    exclusive:
      - offer: Model X-500 fridge, sold only through Gome
        type: product
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, plan_id

CODE = "PL501"
NAME = "no-exclusive-offer"
TITLE = {"en": "no exclusive offer", "zh": "缺少独家权益"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'project plan `{plan}` offers nothing exclusive to this account',
    "zh": '项目计划 `{plan}` 没有给该客户任何独家权益 `exclusive`',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        if doc.lacks(("plans", index, "exclusive")):
            yield Problem(("plans", index), fill(MESSAGE, plan=plan_id(plan)))


DOC_ZH = """项目计划没有给客户任何独家权益。

## 检查内容
每个项目计划都要在 `exclusive` 里写至少一项只有这个客户能得到的东西，并注明类型：产品（`product`）、服务（`service`）、折扣（`discount`）或其他（`other`）。没写时在计划的开头提示。

## 为什么重要
误区 5：缺乏差异化。大客户最看重的不是折扣多大，而是拿到了别的大客户拿不到的东西：只为这家连锁开发的型号、只为这家运营商定制的手机、只有他们门店才有的服务。没有这些，计划只能拼价格。

## 选项
无。
"""
