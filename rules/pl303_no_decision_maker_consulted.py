"""No decision maker among the people consulted.

## What it does
When the file marks some contact `decision_maker: true`, reports a project plan
that has consultations but none with such a contact, at the key
`consultations`.

## Why it matters
Mistake 3: agreeing a plan with someone who cannot approve it means the real
discussion still lies ahead, usually after the plan is frozen. The people who
sign off should have shaped it.

## Options
None.

## Example that fails
```yaml
  contacts:
    - id: li-ming
      decision_maker: true
    - id: wang-fang
...
    consultations:
      - date: 2026-11-10
        with: wang-fang
```

## Fix
```yaml
    consultations:
      - date: 2026-11-10
        with: [wang-fang, li-ming]
```
"""
from __future__ import annotations

from typing import Dict, Iterator, List

from planlint.api import fill, Document, Problem, Text, as_list, entries, name_list, plan_id

CODE = "PL303"
NAME = "no-decision-maker-consulted"
TITLE = {"en": "no decision maker consulted", "zh": "未与决策人沟通"}
SEVERITY = "info"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'plan `{plan}` consulted no decision maker ({deciders})',
    "zh": '计划 `{plan}` 沟通时没有决策人参加；决策人是 {named}',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    contacts = doc.index_by_id(("account", "contacts"))
    if not contacts:
        return
    deciders = {cid for cid, c in contacts.items() if c.get("decision_maker") is True}
    if not deciders:
        return
    for index, plan in doc.plans("project"):
        path = ("plans", index, "consultations")
        talks = plan.get("consultations")
        if not talks or doc.is_unreadable(path):
            continue
        consulted = {cid for _, talk in entries(talks) for cid in as_list(talk.get("with"))}
        if not consulted <= set(contacts):
            continue  # PL004 reports the unknown contact, who may be the decision maker
        if not consulted & deciders:
            yield Problem(path, fill(MESSAGE, plan=plan_id(plan), deciders=name_list(sorted(deciders)),
                                      named=_named(sorted(deciders), contacts)),
                          at="key")


def _named(ids: List[str], contacts: Dict[str, dict]) -> Text:
    """`dana-cho`（Dana Cho）: the id to write and the person a reader knows."""
    names = [contacts[cid].get("name") for cid in ids]
    if len(ids) > 1 or not all(isinstance(n, str) for n in names):  # one name each: one short value
        return name_list(ids)
    return fill({"en": "`{id}` ({name})", "zh": "`{id}`（{name}）"}, id=ids[0], name=names[0])


DOC_ZH = """沟通对象里没有决策人。

## 检查内容
联系人名单里标了决策人（`decision_maker: true`）时，项目计划的沟通（`consultations`）至少要有一次有决策人参加；没有时在 `consultations` 上提示。

## 为什么重要
误区 3：和拍不了板的人谈定计划，真正的谈判还在后头，而且往往在定稿之后。要签字的人，就应该参与制定计划。

## 选项
无。
"""
