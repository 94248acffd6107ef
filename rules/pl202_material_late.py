"""Material that will be ready too close to the plan's start.

## What it does
Reports a material whose `ready` date is later than `start - buffer_days`, at
that material's entry. Ready exactly `buffer_days` before the start is on time.

## Why it matters
Mistake 2: material that arrives on the first day of the promotion still has
to be shipped, unpacked and set up in every store, so the first days run
without it. A buffer before the start leaves room for transport and setup.

## Options
`buffer_days`: days before `start` by which material must be ready.

## Example that fails
```yaml
    start: 2027-01-20
    materials:
      - item: POS display stands
        ready: 2027-01-18
```

## Fix
```yaml
    start: 2027-01-20
    materials:
      - item: POS display stands
        ready: 2027-01-10
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, add_days, entries, to_date, plan_id

CODE = "PL202"
NAME = "material-late"
TITLE = {"en": "material late", "zh": "物料到位太晚"}
SEVERITY = "error"
OPTIONS: dict = {"buffer_days": 7}
MESSAGE = {
    "en": 'material `{item}` is ready {ready}, later than {latest} ({days} plan `{plan}` starts)',
    "zh": '物料 `{item}` 的到位日期 {ready} 晚于 {latest}（计划 `{plan}` {days}）',
}
BEFORE = {"en": "{n} days before", "zh": "开始前 {n} 天"}
ONE_DAY = {"en": "1 day before", "zh": "开始前 1 天"}
SAME_DAY = {"en": "the day", "zh": "开始当天"}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    n = options["buffer_days"]
    days = fill(SAME_DAY if n == 0 else ONE_DAY if n == 1 else BEFORE, n=n)
    for index, plan in doc.plans("project"):
        start = to_date(plan.get("start"))
        if start is None:
            continue
        for k, material in entries(plan.get("materials")):
            ready, latest = to_date(material.get("ready")), add_days(start, -n)
            if ready is not None and ready > latest:
                yield Problem(("plans", index, "materials", k), fill(
                    MESSAGE, item=material.get("item", "?"), ready=ready, latest=latest,
                    days=days, plan=plan_id(plan)))


DOC_ZH = """物料到位太晚，离计划开始太近。

## 检查内容
每项物料的到位日期（`ready`）最晚要在计划开始前 `buffer_days` 天（默认 7 天）；晚于这一天的，在该物料上提示。正好提前 `buffer_days` 天到位算按时。

## 为什么重要
误区 2：活动第一天才到的物料，还要运输、拆箱，再到每家门店布置，头几天就只能在没有物料的情况下卖。开始前留出缓冲，运输和布置才来得及。

## 选项
`buffer_days`：物料最晚要在开始日期前几天到位。
"""
