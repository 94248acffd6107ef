"""A project plan that no operational plan schedules.

## What it does
When the file has an operational plan, reports each project plan whose id is
listed in no operational plan's `coordinates`, at the project plan's start.

## Why it matters
Mistake 1: operational and project plans that are not coordinated compete for
the same people, budget and shelf space. Listing the project in the
operational plan's `coordinates` puts it on the recurring agenda, where its
preparation is checked every cycle.

## Options
None.

## Example that fails
```yaml
  - id: spring-promo
    type: project
  - id: x500-launch
    type: project
  - id: ops-hq
    type: operational
    coordinates: [spring-promo]
```

## Fix
```yaml
  - id: ops-hq
    type: operational
    coordinates: [spring-promo, x500-launch]
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, as_list, closest

CODE = "PL104"
NAME = "uncoordinated-project"
TITLE = {"en": "uncoordinated project", "zh": "项目未纳入运营计划"}
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "en": "project plan `{plan}` is in no operational plan's `coordinates`; schedule it in the operational rhythm",
    "zh": '项目计划 `{plan}` 没有纳入任何运营计划；请把它写进某个运营计划的 `coordinates`，在例行回顾中跟进',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    operational = [plan for _, plan in doc.plans("operational")]
    if not operational or any(doc.is_unreadable(("plans", i, "coordinates"))
                              for i, _ in doc.plans("operational")):
        return
    scheduled = {pid for plan in operational for pid in as_list(plan.get("coordinates"))}
    # A misspelled plan id is PL004's finding; the plan it meant is not reported here too.
    ids = [plan["id"] for _, plan in doc.plans() if "id" in plan]
    scheduled |= {closest(pid, ids) for pid in scheduled - set(ids)}
    for index, plan in doc.plans("project"):
        if "id" in plan and plan["id"] not in scheduled:
            yield Problem(("plans", index), fill(MESSAGE, plan=plan["id"]))


DOC_ZH = """项目计划没有纳入任何运营计划。

## 检查内容
文件里有运营计划时，每个项目计划的 `id` 都要写进某个运营计划的 `coordinates`。没写进去的项目计划，在它的开头提示。

## 为什么重要
误区 1：运营计划和项目计划各干各的，就会抢同一批人手、同一笔费用和同一块货架。项目写进运营计划的 `coordinates`，就进了例行回顾的议程，每个周期都有人问一句准备得怎么样。

## 选项
无。
"""
