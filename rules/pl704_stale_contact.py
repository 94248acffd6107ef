"""A contact whose details were last confirmed long ago.

## What it does
Reports a contact whose `updated` date is more than `max_age_days` days before
today (a finding when today - updated > max_age_days), at the key `updated`.
The finding belongs to no plan.

## Why it matters
A customer database kept up to date (动态资料库) is what the plans refer to:
the buyer who left in the spring is still the one "consulted" in the autumn
plan, and the new decision maker has never met the team.

## Options
`max_age_days` (default 180): how old a contact's `updated` date may be.

## Example that fails
```yaml
  contacts:
    - id: li-ming
      name: Li Ming
      role: purchasing manager
      updated: 2026-01-15
# today 2027-01-15: confirmed 365 days ago
```

## Fix
```yaml
    - id: li-ming
      name: Li Ming
      role: purchasing manager
      updated: 2027-01-10
```
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator, Tuple

from planlint.api import Deadline, Document, Problem, days_after, entries, fill, to_date

CODE = "PL704"
NAME = "stale-contact"
TITLE = {"en": "stale contact", "zh": "联系人资料过期"}
SEVERITY = "info"
ON_BY_DEFAULT = True
OPTIONS = {"max_age_days": 180}
MESSAGE = {
    "en": 'contact `{contact}` ({name}) was last confirmed on {updated}, {days} days ago (more than {limit}); confirm their details',
    "zh": '联系人 `{contact}`（{name}）的资料上次确认是在 {updated}，已过去 {days} 天（超过 {limit} 天）；请与客户核实后更新 `updated`',
}


TODO = {
    "en": "confirm the details of contact `{contact}` ({name}) with the customer and update `updated`",
    "zh": "与客户核实联系人 `{contact}`（{name}）的资料并更新 `updated`",
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    limit = options["max_age_days"]
    for k, contact, updated in _dated_contacts(doc):
        if (doc.today - updated).days > limit:
            yield _problem(k, contact, updated, doc.today, limit)


def fires_on(doc: Document, options: dict) -> Iterator[Deadline]:
    """`updated` + `max_age_days` + 1: the first day it is more than that old."""
    limit = options["max_age_days"]
    for k, contact, updated in _dated_contacts(doc):
        day = days_after(updated, limit + 1)
        if day is not None:
            yield Deadline(_problem(k, contact, updated, day, limit), day, fill(
                TODO, contact=contact.get("id", "?"), name=contact.get("name", "?")))


def _dated_contacts(doc: Document) -> Iterator[Tuple[int, dict, dt.date]]:
    for k, contact in entries(doc.account.get("contacts")):
        updated = to_date(contact.get("updated"))
        if updated is not None:
            yield k, contact, updated


def _problem(k: int, contact: dict, updated: dt.date, today: dt.date, limit: int) -> Problem:
    return Problem(("account", "contacts", k, "updated"), fill(
        MESSAGE, contact=contact.get("id", "?"), name=contact.get("name", "?"), updated=updated,
        days=(today - updated).days, limit=limit), at="key")


DOC_ZH = """联系人资料很久没有核实了。

## 检查内容
每个联系人的资料确认日期（`updated`）距今不能超过 `max_age_days` 天（默认 180 天，约半年），超过了就在 `updated` 上提示。与客户核实过职务和联系方式后，把 `updated` 改成核实的日期。此项针对整个客户，不针对某个计划。

## 为什么重要
计划引用的是随时更新的客户资料库（动态资料库）：春天就离职的采购，到秋天的计划里还是“沟通对象”，而新来的决策人从没见过我们的人。

## 选项
`max_age_days`（默认 180）：联系人资料的确认日期最多可以是多少天以前。
"""
