"""A review held without the customer.

## What it does
Reports a project plan's `review` that names no customer contacts in `with`,
at the key `review`.

## Why it matters
Mistake 4: a review among the account team alone misses what the customer saw
in their stores and what they will change next time. The joint review is what
makes the next plan a shared one.

## Options
None.

## Example that fails
```yaml
    review:
      date: 2027-02-20
      findings: Gift uptake 40% below forecast
```

## Fix
```yaml
    review:
      date: 2027-02-20
      with: [li-ming]
      findings: Gift uptake 40% below forecast
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, plan_id

CODE = "PL402"
NAME = "review-without-customer"
TITLE = {"en": "review without customer", "zh": "复盘没有客户参加"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'the review of plan `{plan}` names no customer contact in `with`',
    "zh": '计划 `{plan}` 的复盘没有客户参加：参加人（`with`）里没有客户方的人',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        review = plan.get("review")
        path = ("plans", index, "review")
        if isinstance(review, dict) and doc.lacks(path + ("with",)):
            yield Problem(path, fill(MESSAGE, plan=plan_id(plan)), at="key")


DOC_ZH = """复盘没有客户参加。

## 检查内容
项目计划的复盘（`review`）参加人（`with`）里，至少要有一位客户方联系人；没有时在 `review` 上提示。

## 为什么重要
误区 4：只有我们自己人参加的复盘，看不到客户在门店看到的情况，也不知道客户下次想怎么改。联合复盘，下一个计划才是双方共同的计划。

## 选项
无。
"""
