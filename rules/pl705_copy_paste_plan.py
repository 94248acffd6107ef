"""A project plan that looks copied from another account's plan.

## What it does
Compares the project plans of *different* accounts linted in one run: two
plans of the same `kind`, each with at least 3 distinct material items, whose
sets of items (compared case-insensitively, whitespace collapsed) have a
Jaccard similarity (shared items ÷ all items) of at least `min_similarity`
are reported once per pair, at each plan's start, in both files, each naming
the other account and plan.

## Why it matters
Mistake 5 at scale: big customers care most about what they get that no other
key account gets. A program pasted from another chain's plan, with the same
gifts and the same display kit, is exactly what the purchasing manager has
already seen at the competitor's stores.

## Options
`min_similarity` (default 0.8): the Jaccard similarity from which two plans
count as copies (4 shared items of 5 in all is 0.8 and is reported).

## Example that fails
```yaml
# gome-2027.yaml
  - id: spring-promo
    kind: promotion
    materials:
      - item: Display stands
      - item: Gift kitchen set
      - item: Demo staff
# suning-2027.yaml: the same three items in a promotion
```

## Fix
```yaml
  - id: spring-promo
    kind: promotion
    materials:
      - item: X-500G display island, Gome design
      - item: Gift kitchen set
      - item: Gome member demo days
```
"""
from __future__ import annotations

import math
from typing import Any, Dict, Iterable, Iterator, List, Sequence, Tuple

from planlint.api import DataPath, Document, FileFacts, Problem, entries, decimal_of, same_text, fill

CODE = "PL705"
NAME = "copy-paste-plan"
TITLE = {"en": "copy-paste plan", "zh": "照搬其他客户的计划"}
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS = {"min_similarity": 0.8}
MIN_ITEMS = 3
MESSAGE = {
    "en": 'plan `{plan}` looks copied from plan `{other_plan}` of account `{other_account}`: {shared} of their {union} material items are the same (similarity {similarity}); design the program for this account',
    "zh": '计划 `{plan}` 看起来照搬了客户 `{other_account}` 的计划 `{other_plan}`：两份计划合计 {union} 项物料中有 {shared} 项相同（重合度 {percent}）；请为本客户量身制定计划',
}
Plan = Tuple[FileFacts, DataPath, Tuple[str, Any, Tuple[str, ...]]]  # file, plan path, (kind, id, items)


def summarize(doc: Document, options: dict) -> Iterator[Tuple[DataPath, Any]]:
    """Each project plan with at least 3 distinct readable items: kind, id, items."""
    for index, plan in doc.plans("project"):
        materials = plan.get("materials")
        if "kind" not in plan or not isinstance(materials, list) or None in materials:
            continue
        items = {same_text(m["item"]) if isinstance(m.get("item"), str) else None for _, m in entries(materials)}
        if None not in items and len(items) >= MIN_ITEMS:
            # A tuple, not a dict: 10,000 plans keep these facts until the run ends.
            yield ("plans", index), (plan["kind"], plan.get("id"), tuple(sorted(items)))


MORE = {
    "en": 'plan `{plan}` also looks copied from {count} more plans of other accounts (the first {shown} are reported one by one)',
    "zh": '计划 `{plan}` 还与其他客户的另外 {count} 个计划雷同（只逐一报告了前 {shown} 个）',
}
MAX_PARTNERS = 10  # plans one plan is reported as copied from, one finding each; the rest are counted


def related(file: FileFacts, options: dict) -> Tuple[Iterable[Any], Iterable[Any]]:
    """Each plan is found by, and looks for, the first |s| − ⌈t·|s|⌉ + 1 of its items in
    name order (kind with each): two plans similar enough share one of them (the prefix
    filter of `_similar_groups`, in an order every file agrees on)."""
    threshold = decimal_of(options["min_similarity"])
    keys: List[Tuple[str, ...]] = []
    for _, (kind, _id, items) in file.facts:
        if threshold <= 0:
            keys.append((kind,))  # every plan of the kind is similar enough
        else:
            keys += [(kind, item) for item in items[:max(len(items) - math.ceil(threshold * len(items)) + 1, 0)]]
    return keys, keys


def check_run(files: Sequence[FileFacts], options: dict) -> Iterator[Tuple[FileFacts, Problem]]:
    plans: List[Plan] = [(file, path, fact) for file in files for path, fact in file.facts]
    groups: Dict[Tuple[str, Tuple[str, ...]], List[int]] = {}  # plans with the same kind and items
    for number, (_, _, (kind, _, items)) in enumerate(plans):
        groups.setdefault((kind, items), []).append(number)
    members = [_by_account(plans, numbers) for numbers in groups.values()]
    partners: Dict[int, List[Tuple[int, int, int]]] = {}  # plan -> (other plan, shared, union)
    counts: Dict[int, int] = {}
    for first, second, shared, union in _similar_groups(list(groups), decimal_of(options["min_similarity"])):
        for one, other in ((first, second), (second, first)) if first != second else ((first, first),):
            for account, numbers in members[one].items():
                found = _partners(members[other], account, shared, union)
                for number in numbers:
                    mine = partners.setdefault(number, [])
                    mine.extend(found[:MAX_PARTNERS - len(mine)])
                    counts[number] = counts.get(number, 0) + _count(members[other], account)
    for number in sorted(partners):
        if not plans[number][0].reported:
            continue  # context only: its problems would be dropped
        for other, shared, union in partners[number]:
            yield _finding(plans[number], plans[other], shared, union)
        if counts[number] > MAX_PARTNERS:
            file, path, fact = plans[number]
            yield file, Problem(path, fill(MORE, plan=fact[1] or "?", count=counts[number] - MAX_PARTNERS,
                                          shown=MAX_PARTNERS))


def _similar_groups(groups: List[Tuple[str, Tuple[str, ...]]], threshold: Any
                    ) -> Iterator[Tuple[int, int, int, int]]:
    """(group, other group, shared, union) for each pair of item sets similar enough, a set
    with itself included. Candidates come from an index of each set's rarest items (prefix
    filtering): two sets with a Jaccard similarity >= t share one of the first
    |s| − ⌈t·|s|⌉ + 1 items of each, in one order of rarity. So 10,000 plans are not
    50 million pairs, and plans with the same items are compared once."""
    sets = [frozenset(items) for _, items in groups]
    frequency: Dict[Tuple[str, str], int] = {}
    for kind, items in groups:
        for item in items:
            frequency[(kind, item)] = frequency.get((kind, item), 0) + 1
    index: Dict[Tuple[str, str], List[int]] = {}
    for number, (kind, items) in enumerate(groups):
        tokens = sorted(((kind, item) for item in items), key=lambda t: (frequency[t], t))
        size = len(tokens)
        prefix = size - math.ceil(threshold * size) + 1 if threshold > 0 else size
        candidates = set()
        for token in tokens[:max(prefix, 0)]:
            candidates.update(index.get(token, ()))
            index.setdefault(token, []).append(number)
        if threshold <= 0:  # every pair of the kind is similar enough
            candidates = {n for n in range(number) if groups[n][0] == kind}
        for other in sorted(candidates):
            shared = len(sets[other] & sets[number])
            union = len(sets[other]) + size - shared
            if shared >= threshold * union:
                yield other, number, shared, union
        if threshold <= 1:
            yield number, number, size, size


def _by_account(plans: List[Plan], numbers: List[int]) -> Dict[str, List[int]]:
    found: Dict[str, List[int]] = {}
    for number in numbers:
        found.setdefault(_account(plans[number][0]), []).append(number)
    return found


def _partners(group: Dict[str, List[int]], account: str, shared: int, union: int) -> List[Tuple[int, int, int]]:
    """The first plans of `group` from accounts other than `account` (two files with one
    account id are one account twice, as for PL503, and two plans of one file are no
    copy from another account either)."""
    found: List[Tuple[int, int, int]] = []
    for other_account, numbers in group.items():
        if other_account != account:
            found += [(n, shared, union) for n in numbers[:MAX_PARTNERS - len(found)]]
            if len(found) >= MAX_PARTNERS:
                break
    return found


def _count(group: Dict[str, List[int]], account: str) -> int:
    return sum(len(numbers) for other, numbers in group.items() if other != account)


def _finding(plan: Plan, other: Plan, shared: int, union: int) -> Tuple[FileFacts, Problem]:
    (file, path, fact), (other_file, _, other_fact) = plan, other
    return file, Problem(path, fill(MESSAGE, plan=fact[1] or "?", other_plan=other_fact[1] or "?",
                                   other_account=_account(other_file), shared=shared, union=union,
                                   similarity=f"{shared / union:.2f}", percent=f"{100 * shared // union}%"))


def _account(file: FileFacts) -> str:
    return file.account_id or file.path


DOC_ZH = """项目计划像是照搬了另一个客户的计划。

## 检查内容
一起检查的不同客户之间，两份同类项目计划（`kind` 相同，各有至少 3 项不同的物料），如果物料大部分重合，就在两份计划的开头各提示一次，并写明对方是哪个客户的哪个计划。重合度 = 两份计划都有的物料 ÷ 两份计划合起来的全部物料，达到 `min_similarity`（默认 0.8，即 80%）就提示；比较物料名称时不分大小写、不计多余空格。

## 为什么重要
这是误区 5 的批量版：大客户最在意的是别的大客户拿不到的东西。从另一家连锁的计划里复制过来的计划，赠品一样、陈列物料也一样，正是采购经理已经在竞争对手门店里见过的。

## 选项
`min_similarity`（默认 0.8）：物料重合度达到多少算照搬。两份计划合起来共 5 项物料、其中 4 项相同，重合度就是 0.8，会提示。
"""
