"""An "exclusive" offer that another account also gets.

## What it does
Reports an `exclusive` entry that lists accounts in `also_offered_to`, or
whose `offer` text (compared case-insensitively, whitespace collapsed) is also
an exclusive offer of another account linted in the same run. The finding sits
on that entry, in each file involved.

## Why it matters
Mistake 5: exclusivity that is shared is not exclusivity. When two chains
discover the same "exclusive" model on each other's shelves, the account team
loses the trust of both.

## Options
None.

## Example that fails
```yaml
    exclusive:
      - offer: Model X-500 fridge
        type: product
        also_offered_to: [suning]
```

## Fix
```yaml
    exclusive:
      - offer: Model X-500G fridge, built only for Gome
        type: product
```
"""
from __future__ import annotations

from typing import Dict, Iterator, List, Sequence, Tuple

from planlint.api import say, Document, Problem, as_list, entries

CODE = "PL503"
NAME = "offer-not-exclusive"
SEVERITY = "error"
DOC_ZH = """“独有”内容其实也给了其他客户。

## 作用
报告 `also_offered_to` 中列有其他客户的 `exclusive` 条目，以及 `offer` 文本（不区分大小写、合并空白后比较）也是本次运行中另一个客户的独有内容的条目。在涉及的每个文件中，都在该条目上报告。

## 为什么重要
错误 5：共享的独家就不是独家。两家连锁在对方货架上发现同一款“独家”型号时，客户团队会同时失去两家的信任。

## 选项
无。
"""
OPTIONS: dict = {}
MESSAGE = {
    "en": 'exclusive offer `{offer}` is not exclusive: {why}',
    "zh": '独有内容 `{offer}` 并不独有：{why}',
}
ALSO_OFFERED = {
    "en": 'also offered to {accounts}',
    "zh": '也提供给了 {accounts}',
}
ALSO_EXCLUSIVE = {
    "en": 'also an exclusive offer of {accounts}',
    "zh": '也是 {accounts} 的独有内容',
}
BOTH = {
    "en": '{first}; {second}',
    "zh": '{first}；{second}',
}

Entry = Tuple[Document, tuple, dict]


def check_run(docs: Sequence[Document], options: dict) -> Iterator[Tuple[Document, Problem]]:
    by_offer: Dict[str, List[Entry]] = {}
    all_entries: List[Entry] = []
    for doc in docs:
        for index, plan in doc.plans():
            for k, offer in entries(plan.get("exclusive")):
                entry = (doc, ("plans", index, "exclusive", k), offer)
                all_entries.append(entry)
                if "offer" in offer:
                    by_offer.setdefault(_normal(offer["offer"]), []).append(entry)
    for doc, path, offer in all_entries:
        reasons = []
        shared = as_list(offer.get("also_offered_to"))
        if shared:
            reasons.append(say(ALSO_OFFERED, accounts=", ".join(map(str, shared))))
        others = sorted({_account(d) for d, _, _ in by_offer.get(_normal(offer.get("offer", "")), [])
                         if d is not doc and _account(d) != _account(doc)})
        if "offer" in offer and others:
            reasons.append(say(ALSO_EXCLUSIVE, accounts=", ".join(others)))
        if reasons:
            why = reasons[0] if len(reasons) == 1 else say(BOTH, first=reasons[0], second=reasons[1])
            yield doc, Problem(path, say(MESSAGE, offer=offer.get("offer", "?"), why=why))


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _account(doc: Document) -> str:
    return doc.account_id or doc.path
