"""No recent satisfaction survey of a class A or B account.

## What it does
In a class A or B account whose `period.start` is on or before today, reports
that no `surveys` entry is dated within the `max_age_days` days up to and
including today (a survey counts when 0 <= today - date <= max_age_days; one
dated after today does not). The finding is at the key `surveys`, or at the
key `account` when there are no surveys, and belongs to no plan.

## Why it matters
A satisfaction survey is how the account team learns what the customer thinks
before the customer says it in a tender. Without one a year, the first sign of
trouble is a lost listing.

## Options
`max_age_days` (default 365): how old the latest survey may be.

## Example that fails
```yaml
account:
  class: B
  surveys:
    - date: 2025-10-01
      score: 7.5
# today 2027-03-01: the survey is more than 365 days old
```

## Fix
```yaml
  surveys:
    - date: 2027-01-15
      score: 8.2
      scale: 10
```
"""
from __future__ import annotations

import bisect
import datetime as dt
from typing import Iterator, List, Optional, Tuple

from planlint.api import DataPath, Deadline, Document, Problem, days_after, entry_dates, fill, to_date

CODE = "PL703"
NAME = "no-satisfaction-survey"
TITLE = {"en": "no satisfaction survey", "zh": "缺少满意度调查"}
SEVERITY = "info"
ON_BY_DEFAULT = False
OPTIONS = {"max_age_days": 365}
MESSAGE = {
    "en": 'no satisfaction survey in the {days} days up to {today}{latest}; survey a class {account_class} account at least that often',
    "zh": '截至 {today}，{within}没有做过满意度调查{latest}；{account_class} 类客户{how_often}至少要做一次满意度调查',
}
_HOW_OFTEN_ZH = {365: ("一年内", "每年")}
LATEST = {"en": " (the latest is dated {date})", "zh": "（最近一次是 {date}）"}


TODO = {
    "en": "survey the customer's satisfaction by {by}",
    "zh": "请在 {by}（含）之前做一次客户满意度调查",
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    surveys = _surveys(doc)
    if surveys is not None:
        problem = _problem_on(doc.today, *surveys, options["max_age_days"])
        if problem is not None:
            yield problem


def fires_on(doc: Document, options: dict) -> Iterator[Deadline]:
    """The first day of each stretch without a recent survey: `period.start`, or the day a
    survey gets too old. Of the stretches begun by today only the one still running counts."""
    surveys = _surveys(doc)
    if surveys is None:
        return
    start, _, dates, _ = surveys
    days = options["max_age_days"]
    starts = sorted({start} | {day for when in dates if (day := days_after(when, days + 1)) is not None})
    running, still = None, _problem_on(doc.today, *surveys, days) is not None
    for day in starts:
        problem = _problem_on(day, *surveys, days)
        before = days_after(day, -1)
        if problem is None or (before is not None and _problem_on(before, *surveys, days) is not None):
            continue
        deadline = Deadline(problem, day, fill(TODO, by=before or day))
        if day > doc.today:
            yield deadline
        elif still:
            running = deadline  # the latest stretch begun by today, when today is still in it
    if running is not None:
        yield running


Surveys = Tuple[dt.date, str, List[dt.date], DataPath]


def _surveys(doc: Document) -> Optional[Surveys]:
    """(period start, account class, survey dates, where a finding goes) of a class A or B
    account, else None."""
    account_class, period = doc.account.get("class"), doc.data.get("period")
    start = to_date(period.get("start")) if isinstance(period, dict) else None
    dates = entry_dates(doc, ("account", "surveys"))
    if account_class not in ("A", "B") or start is None or dates is None:
        return None  # a malformed survey date: PL002 speaks first
    path = ("account", "surveys") if "surveys" in doc.account else ("account",)
    return start, account_class, sorted(dates), path  # sorted: a day's latest survey is found by bisection


def _problem_on(today: dt.date, start: dt.date, account_class: str, dates: List[dt.date], path: DataPath,
                days: int) -> Optional[Problem]:
    """The finding a check run on `today` reports, or None; `dates` sorted."""
    done = bisect.bisect_right(dates, today)  # the surveys dated up to today
    if start > today or (done and (today - dates[done - 1]).days <= days):
        return None  # the period has not begun, or a recent survey
    latest = fill(LATEST, date=dates[done - 1]) if done else ""
    within, how_often = _HOW_OFTEN_ZH.get(days, (f"最近 {days} 天内", f"每 {days} 天"))  # a year, as people say it
    return Problem(path, fill(MESSAGE, days=days, today=today, latest=latest, account_class=account_class,
                             within=within, how_often=how_often), at="key")


DOC_ZH = """A 类或 B 类客户近期没有做满意度调查。

## 检查内容
A 类和 B 类客户在计划期开始以后，每年至少要做一次满意度调查：`account.surveys` 里最近一次调查的日期，距今（含今天）不能超过 `max_age_days` 天（默认 365 天）。日期在今天之后的调查不算。没有时标在 `surveys` 上；一次调查都没记时，标在 `account` 上。此项针对整个客户，不针对某个计划。

## 为什么重要
满意度调查能让我们提前知道客户怎么想，而不是等到招标时才知道。一年一次都没做，第一个坏消息往往就是被清退下架。

## 选项
`max_age_days`（默认 365，即每年至少一次）：最近一次调查最多可以是多少天以前。
"""
