"""Every plan of the account owned by one person.

## What it does
Reports an account where at least three plans have an `owner` and all of them
name the same person (compared case-insensitively, trimmed, whitespace
collapsed), at the key `plans`. Plans without an owner, checkers and review
actions do not count. The finding belongs to no plan.

## Why it matters
A relationship held by one person alone (交叉权限 is the practitioners' remedy:
several people with access at several levels) leaves with that person: a
holiday, an illness or a resignation and nobody knows the customer's buyers or
the state of the plans.

## Options
None.

## Example that fails
```yaml
plans:
  - id: ops-hq
    owner: Zhang Wei
  - id: ops-stores
    owner: Zhang Wei
  - id: spring-promo
    owner: zhang wei
```

## Fix
```yaml
plans:
  - id: ops-hq
    owner: Zhang Wei
  - id: ops-stores
    owner: Liu Yang
  - id: spring-promo
    owner: Wang Fang
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, same_text, fill

CODE = "PL701"
NAME = "single-threaded"
TITLE = {"en": "single threaded", "zh": "客户关系全靠一人"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
MIN_PLANS = 3
MESSAGE = {
    "en": 'all {count} plans with an owner are owned by {owner}; the relationship hangs on one person, share the plans',
    "zh": '{count} 个计划的负责人都是{owner_zh}一个人；人一走客户关系就断，请让其他同事分担一部分计划',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    owners = []
    for index, plan in doc.plans():
        if doc.is_unreadable(("plans", index, "owner")):
            return  # a malformed owner might be someone else
        if isinstance(plan.get("owner"), str):
            owners.append(plan["owner"])
    if len(owners) >= MIN_PLANS and len({same_text(owner) for owner in owners}) == 1:
        yield Problem(("plans",), fill(MESSAGE, count=len(owners), owner=owners[0],
                                             owner_zh=_beside_hanzi(owners[0])), at="key")


def _beside_hanzi(name: str) -> str:
    """A Latin name between Chinese characters takes a space on each Latin side: 都是 Li Wei 一个人."""
    left = " " if name[:1].isascii() and name[:1].isalnum() else ""
    right = " " if name[-1:].isascii() and name[-1:].isalnum() else ""
    return left + name + right


DOC_ZH = """客户的所有计划都由同一个人负责。

## 检查内容
写了负责人（`owner`）的计划有三个或以上、而且全是同一个人时（姓名不分大小写、不计多余空格），在 `plans` 上提示。没写负责人的计划、检查人和复盘改进措施都不算在内。此项针对整个客户，不针对某个计划。

## 为什么重要
客户关系全靠一个人，人一走关系就断：一次休假、生病或离职，就没人认识客户的采购，也没人知道各个计划进展到哪一步。对策是多线对接：我方多人、多个层级都与客户保持联系。

## 选项
无。
"""
