"""A task with an owner but nobody who checks it.

## What it does
Reports a plan or a review action that has an `owner` and no `checker` (at the
key `owner`), or whose `checker` is the same person as its `owner` (at the key
`checker`). Names are compared case-insensitively, trimmed, with whitespace
collapsed. A `checker` without an `owner` is no finding.

## Why it matters
The practitioners' rule is an owner **and** a checker for each task
(责任人 + 检查人). An owner who checks their own work finds out at the review
that the display stands never arrived; a second person finds out in time.

## Options
None.

## Example that fails
```yaml
  - id: spring-promo
    owner: Zhang Wei
```

## Fix
```yaml
  - id: spring-promo
    owner: Zhang Wei
    checker: Liu Yang
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import DataPath, Document, Problem, entries, same_text, fill, plan_id

CODE = "PL604"
NAME = "no-checker"
TITLE = {"en": "no checker", "zh": "缺少检查人"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS: dict = {}
NO_CHECKER = {
    "en": '{what} has owner {owner} but no `checker`; name who checks the work',
    "zh": '{what}有责任人（{owner}），但没有检查人 `checker`；请指定另一个人检查这项工作',
}
SAME = {
    "en": '{what} is checked by its own owner ({owner}); the checker must be someone else',
    "zh": '{what}的检查人就是责任人本人（{owner}）；检查人必须是另一个人',
}
PLAN = {"en": "plan `{plan}`", "zh": "计划 `{plan}` "}
ACTION = {"en": "review action {number} of plan `{plan}`", "zh": "计划 `{plan}` 复盘的第 {number} 项改进措施"}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for index, plan in doc.plans():
        name = plan_id(plan)
        yield from _task(doc, ("plans", index), plan, fill(PLAN, plan=name))
        review = plan.get("review")
        if isinstance(review, dict):
            for k, action in entries(review.get("actions")):
                yield from _task(doc, ("plans", index, "review", "actions", k), action,
                                 fill(ACTION, number=k + 1, plan=name))


def _task(doc: Document, path: DataPath, task: dict, what: object) -> Iterator[Problem]:
    owner, checker = task.get("owner"), task.get("checker")
    if not isinstance(owner, str) or doc.is_unreadable(path + ("checker",)):
        return
    if checker is None:
        yield Problem(path + ("owner",), fill(NO_CHECKER, what=what, owner=owner), at="key")
    elif isinstance(checker, str) and same_text(checker) == same_text(owner):
        yield Problem(path + ("checker",), fill(SAME, what=what, owner=owner), at="key")


DOC_ZH = """有责任人，没有检查人。

## 检查内容
计划和复盘的改进措施写了责任人（`owner`），就要再写一位检查人（`checker`），而且不能是同一个人（比较姓名时不分大小写、不计多余空格）。缺检查人时在 `owner` 上提示；检查人就是责任人本人时，在 `checker` 上提示。只写了检查人、没写责任人的，不提示。

## 为什么重要
每项任务都要有责任人和检查人，这是做计划的基本功。责任人自己查自己，往往到复盘才发现陈列架根本没到；有另一个人盯着，问题就能及时发现。

## 选项
无。
"""
