"""A project plan with no joint review afterwards.

## What it does
Reports a project plan that has no `review`, at the plan's start.

## Why it matters
Mistake 4. Planning runs Plan–Do–Check–Act; teams do Plan and Do and skip
Check and Act, so every promotion starts from zero again and repeats last
year's mistakes. A review date in the plan is the promise that someone will
look at the results with the customer.

## Options
None.

## Example that fails
```yaml
  - id: spring-promo
    type: project
    end: 2027-02-10
```

## Fix
```yaml
  - id: spring-promo
    type: project
    end: 2027-02-10
    review:
      date: 2027-02-20
      with: [li-ming]
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, plan_id

CODE = "PL401"
NAME = "no-review"
TITLE = {"en": "no review", "zh": "缺少复盘"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'project plan `{plan}` has no `review`: plan the joint Check and Act with the customer',
    "zh": '项目计划 `{plan}` 没有复盘 `review`；请安排与客户的联合复盘（PDCA 中的检查和改进）',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        if doc.lacks(("plans", index, "review")):
            yield Problem(("plans", index), fill(MESSAGE, plan=plan_id(plan)))


DOC_ZH = """项目计划没有安排联合复盘。

## 检查内容
每个项目计划都要安排复盘（`review`）：写明日期和参加的客户方联系人，复盘之后记下改进措施。没有复盘的项目计划，在它的开头提示。

## 为什么重要
误区 4：计划后不复盘。计划要按 PDCA（计划、执行、检查、改进）转起来；只做计划和执行，跳过检查和改进，每次促销都从零开始，去年的错今年再犯一遍。计划里写上复盘日期，就是承诺会和客户一起看结果。

## 选项
无。
"""
