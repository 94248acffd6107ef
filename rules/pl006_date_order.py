"""Dates that run backwards.

## What it does
Reports `period.end` before `period.start`, a project's `end` before its
`start`, `finalized` after `start`, and a material's `ready` date or a
consultation's `date` after the plan's `end`. The finding sits on the key of
the later-named date (`end`, `finalized`, `ready` or `date`).

## Why it matters
A plan frozen after its promotion began was never a plan; display material
ready after the promotion ended is money spent for nothing. Backwards dates are
usually typos (2027 for 2026), and every timeliness rule depends on them.

## Options
None.

## Example that fails
```yaml
    finalized: 2027-02-01
    start: 2027-01-20
    end: 2027-02-10
```

## Fix
```yaml
    finalized: 2026-11-20
    start: 2027-01-20
    end: 2027-02-10
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, Text, entries, to_date, plan_id

CODE = "PL006"
NAME = "date-order"
TITLE = {"en": "date order", "zh": "日期先后颠倒"}
SEVERITY = "error"
OPTIONS: dict = {}
PERIOD = {
    "en": 'period.end {end} is before period.start {start}',
    "zh": '计划期间的结束日期 `period.end`（{end}）早于开始日期 `period.start`（{start}）',
}
ENDS_EARLY = {
    "en": 'plan `{plan}` ends ({end}) before it starts ({start})',
    "zh": '计划 `{plan}` 的结束日期（{end}）早于开始日期（{start}）',
}
FROZEN_LATE = {
    "en": 'plan `{plan}` is finalized {finalized}, {days} after it starts ({start})',
    "zh": '计划 `{plan}` 在 {finalized} 才定稿，比开始日期（{start}）晚了 {days}',
}
DAYS = {"en": "{n} days", "zh": "{n} 天"}
ONE_DAY = {"en": "1 day", "zh": "1 天"}
READY_LATE = {
    "en": 'material `{item}` is ready ({ready}) after plan `{plan}` ends ({end})',
    "zh": '物料 `{item}` 的到位日期（{ready}）晚于计划 `{plan}` 的结束日期（{end}）',
}
TALK_LATE = {
    "en": 'consultation on {date} is after plan `{plan}` ends ({end})',
    "zh": '{date} 的沟通晚于计划 `{plan}` 的结束日期（{end}）',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    period = doc.data.get("period")
    if isinstance(period, dict):
        start, end = to_date(period.get("start")), to_date(period.get("end"))
        if start and end and end < start:
            yield Problem(("period", "end"), fill(PERIOD, end=end, start=start), at="key")
    for index, plan in doc.plans("project"):
        yield from _project(("plans", index), plan)


def _project(base: tuple, plan: dict) -> Iterator[Problem]:
    name = plan_id(plan)
    start, end, finalized = (to_date(plan.get(k)) for k in ("start", "end", "finalized"))
    if start and end and end < start:
        yield Problem(base + ("end",), fill(ENDS_EARLY, plan=name, end=end, start=start), at="key")
    if finalized and start and finalized > start:
        yield Problem(base + ("finalized",), fill(FROZEN_LATE, plan=name, finalized=finalized,
                                                 start=start, days=_days((finalized - start).days)), at="key")
    if not end:
        return
    for k, material in entries(plan.get("materials")):
        ready = to_date(material.get("ready"))
        if ready and ready > end:
            yield Problem(base + ("materials", k, "ready"), fill(READY_LATE, item=material.get("item", "?"),
                                                                ready=ready, plan=name, end=end), at="key")
    for k, talk in entries(plan.get("consultations")):
        when = to_date(talk.get("date"))
        if when and when > end:
            yield Problem(base + ("consultations", k, "date"), fill(TALK_LATE, date=when, plan=name,
                                                                   end=end), at="key")


def _days(n: int) -> Text:
    return fill(ONE_DAY if n == 1 else DAYS, n=n)


DOC_ZH = """日期前后颠倒。

## 检查内容
这几组日期必须前后有序：计划期的结束日期（`period.end`）不能早于开始日期（`period.start`）；项目的结束日期（`end`）不能早于开始日期（`start`）；定稿日期（`finalized`）不能晚于开始日期；物料的到位日期（`ready`）和沟通日期（`date`）不能晚于计划的结束日期。提示标在后写的那个日期上。

## 为什么重要
活动开始了才定稿，算不上计划；活动结束了物料才到，钱就白花了。日期颠倒多半是笔误（把 2026 写成 2027），而所有时效方面的检查都要靠这些日期。

## 选项
无。
"""
