"""A contact id, plan id or tier name that the file does not define.

## What it does
Checks every reference in a plan file: contact ids in `consultations[].with`,
`review.with`, `review_with` and `account.visits[].with`; plan ids in
`coordinates`; tier names in a plan's `tier`, a contact's `tier` and
`training[].tier`. Each one must be defined in the same file
(`account.contacts`, `plans`, `account.tiers`). The finding sits on the
offending value and names the closest valid id.

## Why it matters
A consultation "with li-min" proves nothing if nobody called li-min exists:
the other rules that ask whether the customer was consulted, or whether a
decision maker joined the review, can only trust references that resolve.

## Options
None.

## Example that fails
```yaml
    review_with: [li-min]
```

## Fix
```yaml
    review_with: [li-ming]
```
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterator, List, Optional, Union

from planlint.api import DataPath, Document, Problem, Text, closest, entries, list_paths, path_in_words, fill, split_items

CODE = "PL004"
NAME = "unknown-reference"
TITLE = {"en": "unknown reference", "zh": "引用的对象不存在"}
SEVERITY = "error"
OPTIONS: dict = {}
# planlint.fix.builtin writes the id that was meant.
FIXABLE = True
UNKNOWN = {
    "contact": {"en": "{where} names contact `{value}`, which this file does not define{hint}",
                "zh": "{where}：联系人 `{value}` 不在本文件的联系人名单（`account.contacts`）里{hint}"},
    "plan": {"en": "{where} names plan `{value}`, which this file does not define{hint}",
             "zh": "{where}：本文件的计划（`plans`）里没有 `{value}`{hint}"},
    "tier": {"en": "{where} names tier `{value}`, which this file does not define{hint}",
             "zh": "{where}：层级 `{value}` 不在本文件的层级名单（`account.tiers`）里{hint}"},
}
DID_YOU_MEAN = {"en": "; did you mean `{guess}`{name}?", "zh": "；是不是要写 `{guess}`{name}？"}
# a contact written by name: the Chinese says which id to write (the English did-you-mean reads well)
BY_NAME = {"en": UNKNOWN["contact"]["en"], "zh": "{owner}的参加人（`{field}`）要写联系人编号：{name}的编号是 `{guess}`"}
NAMED = {"en": " ({name})", "zh": "（{name}）"}
WRITE_LIST = {"en": "; to name several, write a list in brackets: `{listed}`",
              "zh": "；写多个时要用方括号括起来：`{listed}`"}
FULL_WIDTH = {"en": " (the `{mark}` is a full-width character from a Chinese keyboard; YAML needs `,`)",
              "zh": "（`{mark}` 是中文输入法的全角符号，YAML 要用半角 `,`）"}


MAX_GUESSES = 100  # typos a file gets a fuzzy did-you-mean for; each guess costs a few comparisons


def check(doc: Document, options: dict) -> Iterator[Problem]:
    guesses = [MAX_GUESSES]
    contacts = doc.index_by_id(("account", "contacts"))
    if contacts is not None:
        known = {cid: contact.get("name") for cid, contact in contacts.items()}
        for path, value in _contact_references(doc):
            if value not in known:
                yield _unknown(doc, path, value, "contact", known, guesses)
    plans = doc.index_by_id(("plans",))
    if plans is not None:
        titles = {pid: plan.get("title") for pid, plan in plans.items()}
        for index, plan in doc.plans():
            for path, value in list_paths(("plans", index, "coordinates"), plan.get("coordinates")):
                if value not in titles:
                    yield _unknown(doc, path, value, "plan", titles, guesses)
    tiers = doc.tiers()
    if tiers is not None:
        known_tiers: Dict[str, Optional[str]] = {tier: None for tier in tiers}
        for path, value in _tier_references(doc):
            if value not in known_tiers:
                yield _unknown(doc, path, value, "tier", known_tiers, guesses)


def _contact_references(doc: Document) -> Iterator[tuple]:
    for index, plan in doc.plans():
        base: DataPath = ("plans", index)
        yield from list_paths(base + ("review_with",), plan.get("review_with"))
        for k, talk in entries(plan.get("consultations")):
            yield from list_paths(base + ("consultations", k, "with"), talk.get("with"))
        review = plan.get("review")
        if isinstance(review, dict):
            yield from list_paths(base + ("review", "with"), review.get("with"))
    for k, visit in entries(doc.account.get("visits")):
        yield from list_paths(("account", "visits", k, "with"), visit.get("with"))


def _tier_references(doc: Document) -> Iterator[tuple]:
    for index, plan in doc.plans():
        yield from list_paths(("plans", index, "tier"), plan.get("tier"))
        for k, session in entries(plan.get("training")):
            yield from list_paths(("plans", index, "training", k, "tier"), session.get("tier"))
    for k, contact in entries(doc.account.get("contacts")):
        if "tier" in contact:
            yield ("account", "contacts", k, "tier"), contact["tier"]


def _unknown(doc: Document, path: DataPath, value: str, what: str, known: Dict[str, Optional[str]],
             guesses: List[int]) -> Problem:
    """`known`: id -> its name (a contact's name, a plan's title), matched as well as the id;
    `guesses`: how many more fuzzy guesses this file gets."""
    parts = split_items(value)
    hint: Union[str, Text] = ""
    if len(parts) > 1:  # `with: a, b` means two contacts, never one called "a-b"
        listed = "[" + ", ".join(_exact(part, known) or part for part in parts) + "]"
        hint = fill(WRITE_LIST, listed=listed)
        mark = next((c for c in value if c in "，、；"), None)
        if mark:
            hint = Text({"en": "{a}{b}", "zh": "{a}{b}"}, {"a": hint, "b": fill(FULL_WIDTH, mark=mark)})
    else:
        guess = _exact(value, known)
        if guess is None and guesses[0] > 0:
            guesses[0] -= 1
            guess = _closest(value, known)
        if guess is not None:
            name = known.get(guess)
            if what == "contact" and name and _normal(name) == _normal(value):
                return Problem(path, _by_name(doc, path, value, guess, name))
            hint = fill(DID_YOU_MEAN, guess=guess, name=fill(NAMED, name=name) if name and name != guess else "")
    return Problem(path, fill(UNKNOWN[what], where=_place(doc, path), value=value, hint=hint))


def _by_name(doc: Document, path: DataPath, value: str, guess: str, name: str) -> Text:
    field = path[-2] if isinstance(path[-1], int) else path[-1]
    owner = path_in_words(doc.data, path[:path.index(field)])
    spaced = Text({"en": "{o}", "zh": "{o} " if owner.templates["zh"].endswith("`") else "{o}"}, {"o": owner})
    hint = fill(DID_YOU_MEAN, guess=guess, name=fill(NAMED, name=name))
    return fill(BY_NAME, where=_place(doc, path), value=value, hint=hint, owner=spaced, field=field, name=name,
               guess=guess)


_PLACES: List[Any] = [None, {}]  # the last document and its places: a list's items share one


def _place(doc: Document, path: DataPath) -> Text:
    """`path_in_words` of a reference; an item of a list is named by the list, so 90,000
    references in one list are one place, worked out once."""
    if _PLACES[0] is not doc:
        _PLACES[:] = [doc, {}]
    container = path[:-1] if path and isinstance(path[-1], int) else path
    places: Dict[DataPath, Text] = _PLACES[1]
    if container not in places:
        places[container] = path_in_words(doc.data, path)
    return places[container]


def _normal(text: Any) -> str:
    """`Li Ming`, `li-ming` and `LI_MING` are one name."""
    return re.sub(r"[\s_-]+", "", str(text)).casefold()


def _exact(value: str, known: Dict[str, Optional[str]]) -> Optional[str]:
    """The id that `value` names apart from case and spacing: the id itself or its name."""
    return _spellings(known).get(_normal(value))


_LAST: List[Any] = [None, {}, {}, []]  # the last `known`, its spellings, names and candidates


def _indexed(known: Dict[str, Optional[str]]) -> List[Any]:
    """[known, spellings, by name, candidates], built once per `known`, not per
    reference (80,000 tiers and a few unknown references were 2 s)."""
    if _LAST[0] is not known:
        found: Dict[str, str] = {}
        for key, name in known.items():
            found.setdefault(_normal(key), key)
            if name is not None:
                found.setdefault(_normal(name), key)
        by_name = {str(name): key for key, name in known.items() if name}
        _LAST[:] = [known, found, by_name, [*known, *by_name]]
    return _LAST


def _spellings(known: Dict[str, Optional[str]]) -> Dict[str, str]:
    """normalized id or name -> the first id it names."""
    return _indexed(known)[1]  # type: ignore[no-any-return]


def _closest(value: str, known: Dict[str, Optional[str]]) -> Optional[str]:
    _, _, by_name, candidates = _indexed(known)
    guess = closest(value, candidates)
    return by_name.get(guess, guess) if guess is not None else None


DOC_ZH = """引用的联系人、计划或层级在本文件里找不到。

## 检查内容
计划里凡是指向别处的地方，都要在同一个文件里找得到：沟通、复盘、例行回顾和高层拜访的参加人（`with`、`review_with`）要写联系人名单（`account.contacts`）里某人的 `id`；运营计划统筹的项目（`coordinates`）要写某个计划的 `id`；计划、联系人和培训的层级（`tier`）要写层级名单（`account.tiers`）里的一个。写错时提示标在写错的地方，并给出最接近的正确写法；写成了联系人的姓名时，会告诉你他的 `id`。

## 为什么重要
和名单上没有的人“沟通过”，什么也证明不了。检查有没有与客户沟通、复盘有没有客户参加的规则，只能相信在联系人名单里找得到的人。

## 选项
无。
"""
