"""A quarter without an executive visit to a class A account.

## What it does
In a class A account, reports each calendar quarter that lies wholly within
`period` and ends on or before today with no `visits` entry dated in it (a
visit on a quarter's first or last day counts). One finding per quarter, named
like `2027-Q1`, at the key `visits`, or at the key `account` when there are
no visits. A quarter only partly inside the period is not checked. The
findings belong to no plan.

## Why it matters
Executives who visit the account regularly (高层拜访) keep the relationship
above the buyer's desk: the customer's leadership hears your company's
commitment from your leadership, and problems reach people who can solve them.

## Options
None.

## Example that fails
```yaml
account:
  class: A
  visits:
    - date: 2027-02-14
      exec: Chen Hui, VP Sales
period:
  start: 2027-01-01
  end: 2027-12-31
# today 2027-07-01: no visit in 2027-Q2
```

## Fix
```yaml
  visits:
    - date: 2027-02-14
      exec: Chen Hui, VP Sales
    - date: 2027-05-20
      exec: Chen Hui, VP Sales
```
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator, List, Optional, Tuple

from planlint.api import Deadline, Document, Problem, entry_dates, fill, to_date

CODE = "PL702"
NAME = "no-exec-visit"
TITLE = {"en": "no executive visit", "zh": "缺少高层拜访"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
QUARTERS = ((1, 3, 31), (4, 6, 30), (7, 9, 30), (10, 12, 31))  # (first month, last month, its last day)
MESSAGE = {
    "en": 'no executive visit in {quarter} ({first} to {last}); a class A account gets a visit every quarter',
    "zh": '{year} 年第 {number} 季度没有高层拜访；A 类客户每个季度都要安排高层拜访',
}


TODO = {
    "en": "visit an executive of the customer before {last} (no visit in {quarter} yet)",
    "zh": "在 {last} 之前安排我方高层拜访客户（{year} 年第 {number} 季度还没有拜访）",
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for problem, _, _ in _quarters_without_visit(doc, doc.today):
        yield problem


def fires_on(doc: Document, options: dict) -> Iterator[Deadline]:
    """A quarter's last day: the first day on which it has ended without a visit."""
    for problem, name, last in _quarters_without_visit(doc, None):
        year, number = name.split("-Q")
        yield Deadline(problem, last, fill(TODO, last=last, quarter=name, year=year, number=number), key=name)


def _quarters_without_visit(doc: Document, until: Optional[dt.date]) -> Iterator[Tuple[Problem, str, dt.date]]:
    """(finding, quarter name, last day) of each quarter wholly within `period` (and ended
    by `until`, when given) with no visit."""
    period = doc.data.get("period")
    if doc.account.get("class") != "A" or not isinstance(period, dict):
        return
    start, end = to_date(period.get("start")), to_date(period.get("end"))
    dates = entry_dates(doc, ("account", "visits"))
    if start is None or end is None or dates is None:
        return  # a malformed period or visit: PL002 or PL006 speaks first
    path = ("account", "visits") if "visits" in doc.account else ("account",)
    visited = {(when.year, (when.month - 1) // 3) for when in dates}
    for name, first, last in quarters(start, end if until is None else min(end, until)):
        if (first.year, (first.month - 1) // 3) not in visited:
            year, number = name.split("-Q")  # "2027-Q1": 2027 年第 1 季度 in Chinese
            yield Problem(path, fill(MESSAGE, quarter=name, year=year, number=number, first=first, last=last),
                          at="key"), name, last


def quarters(start: dt.date, end: dt.date) -> List[Tuple[str, dt.date, dt.date]]:
    """(name, first day, last day) of each calendar quarter wholly within start..end."""
    found = []
    for year in range(start.year, end.year + 1):
        for number, (month, last_month, last_day) in enumerate(QUARTERS, start=1):
            first, last = dt.date(year, month, 1), dt.date(year, last_month, last_day)
            if start <= first and last <= end:
                found.append((f"{year}-Q{number}", first, last))
    return found


DOC_ZH = """A 类客户有一个季度没有高层拜访。

## 检查内容
A 类客户在计划期内每个已经结束的自然季度，都要至少有一次高层拜访（`account.visits` 里一条日期落在该季度的记录，季度第一天和最后一天也算）。缺一个季度提示一次，如“2027 年第 1 季度没有高层拜访”，标在 `visits` 上；一次拜访都没记时，标在 `account` 上。只有一部分在计划期内的季度不检查。此项针对整个客户，不针对某个计划。

## 为什么重要
定期的高层拜访，让关系不只停留在采购的办公桌上：客户的管理层从我们的管理层口中听到承诺，问题也能直接交到拍得了板的人手里。

## 选项
无。
"""
