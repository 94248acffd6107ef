"""A promotion, launch or event without a controlled risk.

## What it does
Reports a project plan of kind `promotion`, `product-launch` or `event` that
has no risk with both a `mitigation` and an `owner`: at the key `risks`, or
at the plan start when the plan has no `risks`.

## Why it matters
Risk control (风险管控) is part of a complete plan: the stock-out in week one,
the late delivery of display stands, the competitor's counter-offer. A risk
that is only written down, with nobody to act on it and no plan B, is not
controlled.

## Options
None.

## Example that fails
```yaml
  - id: spring-promo
    type: project
    kind: promotion
    risks:
      - risk: Stock-out of the 500 L model in week 1
```

## Fix
```yaml
    risks:
      - risk: Stock-out of the 500 L model in week 1
        mitigation: 2,000 units held at the regional DC
        owner: Wang Fang
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, at_section, fill, plan_id

CODE = "PL607"
NAME = "no-risk-control"
TITLE = {"en": "no risk control", "zh": "缺少风险预案"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
KINDS = ("promotion", "product-launch", "event")
MESSAGE = {
    "en": 'plan `{plan}` ({kind}) has no risk with both a `mitigation` and an `owner`; say what could go wrong, what you will do, and who does it',
    "zh": '计划 `{plan}` 缺少风险预案：没有一条风险同时写明应对措施（`mitigation`）和责任人（`owner`）；促销、新品上市和活动都要写清可能出什么问题、怎么应对、谁负责',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        if plan.get("kind") in KINDS and doc.lacks_entry(("plans", index, "risks"), _controlled):
            where, at = at_section(index, plan, "risks")
            yield Problem(where, fill(MESSAGE, plan=plan_id(plan), kind=plan["kind"]), at=at)


def _controlled(risk: dict) -> bool:
    return "mitigation" in risk and "owner" in risk


DOC_ZH = """促销、新品上市或活动计划缺少风险预案。

## 检查内容
促销（`promotion`）、新品上市（`product-launch`）和活动（`event`）计划的 `risks` 里，至少要有一条风险同时写明应对措施（`mitigation`）和责任人（`owner`）。没有时在 `risks` 上提示；一条风险都没写时，在计划的开头提示。

## 为什么重要
风险预案是完整计划的一部分：第一周断货、陈列架晚到、竞争对手跟进降价。只写了风险，没有应对办法，也没人负责，等于没有预案。

## 选项
无。
"""
