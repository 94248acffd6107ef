"""A project plan made without consulting the customer.

## What it does
Reports a project plan that has no `consultations`, at the plan's start.

## Why it matters
Mistake 3. The account rep brings a finished activity plan and the customer's
purchasing manager picks it apart: old format, duplicate gifts, weak offer.
Discussed before it is frozen, the same plan becomes the customer's plan too,
and they push it through their own organisation.

## Options
None.

## Example that fails
```yaml
  - id: spring-promo
    type: project
    finalized: 2026-11-20
```

## Fix
```yaml
  - id: spring-promo
    type: project
    finalized: 2026-11-20
    consultations:
      - date: 2026-11-10
        with: [li-ming]
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, plan_id

CODE = "PL301"
NAME = "no-consultation"
TITLE = {"en": "no consultation", "zh": "未与客户沟通"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'project plan `{plan}` records no consultation with the customer before it was finalized',
    "zh": '项目计划 `{plan}` 定稿前没有与客户沟通的记录；请在定稿前与客户沟通，并写进 `consultations`',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        if doc.lacks(("plans", index, "consultations")):
            yield Problem(("plans", index), fill(MESSAGE, plan=plan_id(plan)))


DOC_ZH = """项目计划定稿前未与客户沟通。

## 检查内容
每个项目计划都要在 `consultations` 里记下和客户的沟通：日期，以及参加的客户方联系人。一次沟通都没记的项目计划，在它的开头提示。

## 为什么重要
误区 3：计划前不沟通。客户经理拿着做好的活动计划去找客户，采购经理挑出一堆毛病：形式老套、赠品重复、力度不够。定稿前先谈，同样的计划就成了客户自己的计划，他们会在内部帮着推动。

## 选项
无。
"""
