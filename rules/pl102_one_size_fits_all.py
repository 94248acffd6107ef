"""One plan stretched over every tier, or one plan copied to several tiers.

## What it does
Reports a plan whose `tier` lists every tier of an account that has two or
more (at the key `tier`), and a project plan that repeats an earlier project
plan for a different tier with the same `start`, `end` and the same set of
material items (at the later plan's start).

## Why it matters
Mistake 1 again, "one size fits all" (一刀切). Headquarters negotiates listings
and budgets, branches run regional execution, stores need display material and
staff on a given weekend. One plan for all of them, or the same plan pasted per
tier, means no tier got a plan that fits how it actually works.

## Options
None.

## Example that fails
```yaml
account:
  tiers: [headquarters, branch, store]
plans:
  - id: ops-all
    type: operational
    tier: [headquarters, branch, store]
```

## Fix
```yaml
plans:
  - id: ops-hq
    type: operational
    tier: headquarters
  - id: ops-stores
    type: operational
    tier: [branch, store]
```
"""
from __future__ import annotations

from typing import Dict, Iterator, List, Tuple

from planlint.api import fill, Document, Problem, as_list, entries, plan_id

CODE = "PL102"
NAME = "one-size-fits-all"
TITLE = {"en": "one size fits all", "zh": "计划一刀切"}
SEVERITY = "warning"
OPTIONS: dict = {}
ALL_TIERS = {
    "en": 'plan `{plan}` covers every tier with one plan; give each tier a plan that fits it',
    "zh": '计划 `{plan}` 同时覆盖了所有层级（一刀切）；请为每个层级分别制定适合它的计划',
}
COPY = {
    "en": 'plan `{plan}` copies plan `{earlier}` for another tier (same dates and materials); adapt it to what this tier needs',
    "zh": '计划 `{plan}` 照搬了计划 `{earlier}`，只换了层级（日期和物料完全相同）；请按该层级的需要调整',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    tiers = doc.tiers()
    if tiers is not None and len(set(tiers)) >= 2:
        for index, plan in doc.plans():
            if "tier" in plan and set(tiers) <= set(as_list(plan["tier"])):
                yield Problem(("plans", index, "tier"), fill(ALL_TIERS, plan=plan_id(plan)), at="key")
    yield from _copies(doc)


def _copies(doc: Document) -> Iterator[Problem]:
    # Per (start, end, items): the first plan, and the first plan for other tiers
    # than the first's. The earliest earlier plan for tiers other than a new
    # plan's is one of those two, so a file of 8,000 project plans is one pass.
    firsts: Dict[tuple, List[Tuple[frozenset, dict]]] = {}
    for index, plan in doc.plans("project"):
        shape = _shape(plan)
        if shape is None:
            continue
        known = firsts.setdefault(shape[1:], [])
        earlier = next((other for tiers, other in known if tiers != shape[0]), None)
        if earlier is not None:
            yield Problem(("plans", index), fill(COPY, plan=plan_id(plan), earlier=plan_id(earlier)))
        if len(known) < 2 and all(tiers != shape[0] for tiers, _ in known):
            known.append((shape[0], plan))


def _shape(plan: dict) -> "tuple | None":
    """(tiers, start, end, material items), or None when a part is unreadable."""
    materials = plan.get("materials", [])
    if not all(k in plan for k in ("tier", "start", "end")) or None in materials:
        return None
    items = [m.get("item") for _, m in entries(materials)]
    if None in items or not items:  # no materials: nothing was copied
        return None
    return (frozenset(as_list(plan["tier"])), plan["start"], plan["end"], frozenset(items))


DOC_ZH = """一个计划管所有层级，或同一个计划复制给了几个层级。

## 检查内容
客户有两个及以上层级时，两种情况会提示：一个计划的 `tier` 把所有层级都写上了（提示标在 `tier` 上）；一个项目计划和前面某个项目计划的开始日期、结束日期、物料都一样，只换了层级（提示标在后一个计划的开头）。请按各层级的实际工作分别写计划。

## 为什么重要
还是误区 1，“一刀切”。总部谈进场和费用，分部抓区域执行，门店要的是某个周末的陈列物料和人手。一个计划管到底，或者按层级复制粘贴，等于哪个层级都没有拿到适合自己的计划。

## 选项
无。
"""
