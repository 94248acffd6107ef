"""The only exclusive thing is a discount.

## What it does
Reports a project plan whose `exclusive` entries are all of `type: discount`,
at the key `exclusive`.

## Why it matters
Mistake 5: a deeper discount is the easiest thing for a competitor to match
and the least valued by a key account, which can demand it from everyone. An
exclusive product, service or format is what sets this account apart.

## Options
None.

## Example that fails
```yaml
    exclusive:
      - offer: Extra 5% off for Gome
        type: discount
```

## Fix
```yaml
    exclusive:
      - offer: Model X-500 fridge, sold only through Gome
        type: product
      - offer: Extra 5% off for Gome
        type: discount
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import fill, Document, Problem, plan_id

CODE = "PL502"
NAME = "discount-only"
TITLE = {"en": "discount only", "zh": "独家权益只有折扣"}
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'plan `{plan}` offers only discounts as exclusive; add a product, service or format only this account gets',
    "zh": '计划 `{plan}` 的独家权益只有折扣；请至少加一项只给这家客户的专供产品、专属服务或独家活动形式',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans("project"):
        offers = plan.get("exclusive")
        path = ("plans", index, "exclusive")
        if not offers or doc.is_unreadable(path):
            continue
        types = [o.get("type") if isinstance(o, dict) else None for o in offers]
        if all(t == "discount" for t in types):
            yield Problem(path, fill(MESSAGE, plan=plan_id(plan)), at="key")


DOC_ZH = """独家权益只有折扣。

## 检查内容
项目计划的独家权益（`exclusive`）如果全是折扣（`type: discount`），就在 `exclusive` 上提示。请至少加一项独家的产品、服务或活动形式；折扣可以保留。

## 为什么重要
误区 5：折扣最容易被竞争对手跟进，也最不被大客户看重——折扣找哪家供应商都谈得到。只有独家的产品、服务或活动形式，才能让这家客户与众不同。

## 选项
无。
"""
