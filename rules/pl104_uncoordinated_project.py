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

from planlint.api import say, Document, Problem, as_list, closest

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
            yield Problem(("plans", index), say(MESSAGE, plan=plan["id"]))


DOC_ZH = """没有纳入任何运营计划统筹的项目计划。

## 检查内容
当文件中有运营计划时，报告编号不在任何运营计划 `coordinates` 中的项目计划，位置是该项目计划的开头。

## 为什么重要
误区 1：运营计划和项目计划不协调，就会争夺同样的人手、预算和货架。把项目写进运营计划的 `coordinates`，它就进入例行回顾的议程，每个周期都会检查准备情况。

## 选项
无。
"""
