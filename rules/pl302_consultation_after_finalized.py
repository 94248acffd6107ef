"""Every consultation came after the plan was frozen.

## What it does
Reports a project plan that has consultations but none dated on or before its
`finalized` date, at the key `consultations`. A consultation on the finalized
day counts as before.

## Why it matters
Mistake 3: talking to the customer after the plan is frozen is informing, not
consulting. Their input can no longer change the offer, the gifts or the
format, and they know it.

## Options
None.

## Example that fails
```yaml
    finalized: 2026-11-20
    consultations:
      - date: 2026-11-25
        with: li-ming
```

## Fix
```yaml
    finalized: 2026-11-20
    consultations:
      - date: 2026-11-10
        with: li-ming
        notes: Wants gift sets instead of a discount
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, entries, to_date, plan_id

CODE = "PL302"
NAME = "consultation-after-finalized"
TITLE = {"en": "consultation after finalized", "zh": "定稿后才沟通"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'plan `{plan}` was finalized {finalized}, before its first consultation ({first}); consult before freezing',
    "zh": '计划 `{plan}` 于 {finalized} 定稿，早于第一次沟通（{first}）；请先与客户沟通再定稿',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        path = ("plans", index, "consultations")
        finalized = to_date(plan.get("finalized"))
        talks = plan.get("consultations")
        if finalized is None or not talks or doc.is_unreadable(path):
            continue
        read = [to_date(talk.get("date")) for _, talk in entries(talks)]
        dates = [when for when in read if when is not None]
        if len(dates) != len(talks):
            continue  # an unreadable date might be the early consultation
        if all(when > finalized for when in dates):
            yield Problem(path, fill(MESSAGE, plan=plan_id(plan), finalized=finalized,
                                    first=min(dates)), at="key")


DOC_ZH = """所有沟通都在计划定稿之后。

## 检查内容
项目计划记了沟通，但没有一次在定稿日期（`finalized`）当天或之前，就在 `consultations` 上提示。定稿当天的沟通算作定稿前。

## 为什么重要
误区 3：定稿以后再找客户，那是通知，不是沟通。客户的意见已经改不了计划内容、赠品和活动形式，客户自己也清楚。

## 选项
无。
"""
