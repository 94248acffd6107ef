"""A project plan finalized too close to its start.

## What it does
Reports a project plan where `start - finalized` in days is less than the
minimum lead time for its `kind`, at the key `finalized`. Exactly the minimum
is enough.

## Why it matters
Mistake 2, poor timeliness. The promotion starts and the display stands are
not ready, the gifts run short, the new product is on the shelf but the
advertising is late. Production, printing, logistics and the customer's own
approval chain all need weeks; a plan frozen late leaves no time for them.

## Options
`min_lead_days`: minimum days from `finalized` to `start`, per kind.

## Example that fails
```yaml
    kind: promotion
    finalized: 2027-01-01
    start: 2027-01-20
```

## Fix
```yaml
    kind: promotion
    finalized: 2026-12-01
    start: 2027-01-20
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, with_article, to_date, plan_id

CODE = "PL201"
NAME = "short-lead-time"
TITLE = {"en": "short lead time", "zh": "定稿太晚"}
SEVERITY = "error"
OPTIONS: dict = {
    "min_lead_days": {"product-launch": 90, "promotion": 42, "event": 30, "training": 14, "other": 30},
}
MESSAGE = {
    "en": 'plan `{plan}` is finalized {when}; {kind} needs at least {minimum} days',
    "zh": '计划 `{plan}` {when}才定稿；{kind}计划至少要提前 {minimum} 天定稿',
}
WHEN = {
    "days": {"en": "{lead} days before it starts", "zh": "在开始前 {lead} 天"},
    "day": {"en": "1 day before it starts", "zh": "在开始前 1 天"},
    "same": {"en": "on the day it starts", "zh": "在开始当天"},
}
KINDS_ZH = {"product-launch": "新品上市", "promotion": "促销", "event": "活动", "training": "培训", "other": "其他类型的项目"}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    minimums = options["min_lead_days"]
    for index, plan in doc.plans("project"):
        finalized, start = to_date(plan.get("finalized")), to_date(plan.get("start"))
        kind = plan.get("kind")
        if finalized is None or start is None or kind not in minimums:
            continue
        lead = (start - finalized).days
        # Finalized after the start is PL006's finding, not a short lead time.
        if 0 <= lead < minimums[kind]:
            when = fill(WHEN["same" if lead == 0 else "day" if lead == 1 else "days"], lead=lead)
            named = fill({"en": "{kind}", "zh": "{zh}"}, kind=with_article(kind), zh=KINDS_ZH.get(kind, kind))
            yield Problem(("plans", index, "finalized"), fill(MESSAGE, plan=plan_id(plan), when=when,
                                                             kind=named, minimum=minimums[kind]), at="key")


DOC_ZH = """项目计划定稿太晚，离开始太近。

## 检查内容
从定稿日期（`finalized`）到开始日期（`start`），至少要留出这类项目的最短提前期：新品上市 90 天，促销 42 天，活动 30 天，培训 14 天，其他 30 天。不够时在 `finalized` 上提示；正好够也算合格。

## 为什么重要
误区 2：时效性差。促销开始了陈列物料还没到，赠品不够发，新品上了架广告还没跟上。生产、印刷、物流和客户自己的审批都要几周时间，定稿晚了，这些事就来不及做。

## 选项
`min_lead_days`：按项目类型（`kind`）分别设置，从定稿到开始最少要留多少天。
"""
