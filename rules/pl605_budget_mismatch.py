"""A budget whose lines do not add up to its total.

## What it does
Reports a `budget` whose lines' `amount`s add up to a sum that differs from
its `total` by more than `tolerance_percent` percent of the total (exactly: a
finding when |sum - total| × 100 > total × tolerance_percent; any difference
when the total is 0). The message gives the sum and the difference. The
finding is at the key `total`. A budget with a malformed part (PL002) is not
added up.

## Why it matters
A cost budget broken down line by line (费用预算分解表) is how the customer's
purchasing manager and your own finance team check a promotion. Lines that do
not add up to the total mean one of them is wrong, and the plan will be
approved on a number nobody can defend.

## Options
`tolerance_percent` (default 1): the difference allowed, in percent of the
total, for rounding.

## Example that fails
```yaml
    budget:
      total: 180000
      lines:
        - item: Display stands
          amount: 60000
        - item: Promoters
          amount: 100000
```

## Fix
```yaml
      lines:
        - item: Display stands
          amount: 60000
        - item: Promoters
          amount: 100000
        - item: Gift boxes
          amount: 20000
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, amount, entries, decimal_of, fill, plan_id

CODE = "PL605"
NAME = "budget-mismatch"
TITLE = {"en": "budget mismatch", "zh": "预算明细与总额不符"}
SEVERITY = "error"
ON_BY_DEFAULT = True
OPTIONS = {"tolerance_percent": 1}
MESSAGE = {
    "en": 'the budget of plan `{plan}` has lines that add up to {sum}, not its total {total} (a difference of {difference})',
    "zh": '计划 `{plan}` 的预算明细合计 {sum}，与总额 {total} 不符（差 {difference}）',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    tolerance = decimal_of(options["tolerance_percent"])
    for index, plan in doc.plans():
        budget, path = plan.get("budget"), ("plans", index, "budget")
        if not isinstance(budget, dict) or doc.is_unreadable(path) or "total" not in budget:
            continue
        amounts = [line.get("amount") for _, line in entries(budget.get("lines"))]
        if not amounts or None in amounts:
            continue
        total = decimal_of(budget["total"])
        added = sum((decimal_of(a) for a in amounts), decimal_of(0))
        if abs(added - total) * 100 > total * tolerance:
            yield Problem(path + ("total",), fill(MESSAGE, plan=plan_id(plan), sum=amount(added),
                                                 total=amount(total), difference=amount(abs(added - total))), at="key")


DOC_ZH = """预算明细加起来与总额不符。

## 检查内容
费用预算（`budget`）各行金额（`amount`）的合计要等于总额（`total`）。相差超过总额的 1%（可用 `tolerance_percent` 调整，留给四舍五入）时，在 `total` 上提示，并写明合计和差额；总额为 0 时，有差额就提示。有格式错误的预算（PL002 已提示）不做加总。

## 为什么重要
逐项分解的费用预算表，是客户采购经理和我们自己的财务核对活动费用的依据。明细加起来对不上总额，说明总有一处写错了，计划就会按一个谁也说不清的数字获批。

## 选项
`tolerance_percent`（默认 1）：允许的差额，占总额的百分之几，用于四舍五入误差。
"""
