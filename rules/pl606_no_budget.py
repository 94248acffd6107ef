"""A project plan without a budget, in a class A or B account.

## What it does
In a class A or B account, reports a project plan that has no `budget`, at
the plan start. A budget that PL002 reports as malformed still counts as a
budget.

## Why it matters
The accounts that matter most get the money, and a cost budget broken down
line by line (费用预算分解表) is how a promotion's cost is agreed with the
customer and checked afterwards. A plan without one is approved on an
estimate in somebody's head.

## Options
None.

## Example that fails
```yaml
account:
  id: gome
  name: Gome Electrical Appliances
  class: B
plans:
  - id: x500-launch
    type: project
    kind: product-launch
```

## Fix
```yaml
  - id: x500-launch
    type: project
    kind: product-launch
    budget:
      total: 250000
      currency: CNY
      lines:
        - item: Launch event in the flagship store
          amount: 150000
        - item: Demo staff for four weekends
          amount: 100000
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, fill, plan_id

CODE = "PL606"
NAME = "no-budget"
TITLE = {"en": "no budget", "zh": "缺少预算"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
MESSAGE = {
    "en": 'project plan `{plan}` has no `budget`; a class {account_class} account needs its cost broken down line by line',
    "zh": '项目计划 `{plan}` 没有费用预算 `budget`；{account_class} 类客户需要逐项分解的费用预算',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    account_class = doc.account.get("class")
    if account_class not in ("A", "B"):
        return
    for index, plan in doc.plans("project"):
        if doc.lacks(("plans", index, "budget")):
            yield Problem(("plans", index), fill(MESSAGE, plan=plan_id(plan), account_class=account_class))


DOC_ZH = """A 类或 B 类客户的项目计划没有预算。

## 检查内容
A 类和 B 类客户的每个项目计划都要有费用预算（`budget`）：总额、逐项明细，以及币种（人民币写 `CNY`）。没有时在计划的开头提示。预算写得有格式错误（PL002 会提示），这里也算有预算。

## 为什么重要
最重要的客户，投入的费用也最多。逐项分解的费用预算表，是和客户商定活动费用、事后核对的依据。没有预算的计划，是按某个人心里的估算获批的。

## 选项
无。
"""
