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

from typing import Any, Dict, Iterable, Iterator, Sequence, Tuple

from planlint.api import DataPath, Document, FileFacts, Problem, as_list, entries, name_list, fill

CODE = "PL503"
NAME = "offer-not-exclusive"
TITLE = {"en": "offer not exclusive", "zh": "独家权益并不独家"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": 'exclusive offer `{offer}` is not exclusive: {why}',
    "zh": '独家权益 `{offer}` 并不独家：{why}',
}
ALSO_OFFERED = {
    "en": 'also offered to {accounts}',
    "zh": '也给了{accounts}',
}
ALSO_EXCLUSIVE = {
    "en": 'also an exclusive offer of {accounts}',
    "zh": '也是{accounts}的独家权益',
}
BOTH = {
    "en": '{first}; {second}',
    "zh": '{first}；{second}',
}

def summarize(doc: Document, options: dict) -> Iterator[Tuple[DataPath, Any]]:
    """Each exclusive entry as (offer, the offer as compared, accounts it is also offered
    to, this account's name): a tuple, since every file of the run keeps its facts until
    the run ends; the compared form is worked out here, once per file, not once per run."""
    name = doc.account.get("name")
    for index, plan in doc.plans():
        for k, offer in entries(plan.get("exclusive")):
            text = offer.get("offer")
            shared = tuple(str(a) for a in as_list(offer.get("also_offered_to")))
            yield ("plans", index, "exclusive", k), (
                text, _normal(text) if isinstance(text, str) else None, shared, name if isinstance(name, str) else None)


def related(file: FileFacts, options: dict) -> Tuple[Iterable[Any], Iterable[Any]]:
    """A file is found by its offers and its account; it looks for the files with the
    same offers and those of the accounts it says it also offers them to (for their names)."""
    offers = [("offer", normal) for _, (_offer, normal, _shared, _name) in file.facts if normal is not None]
    accounts = [("account", shared) for _, (_offer, _normal, sharers, _name) in file.facts for shared in sharers]
    return offers + [("account", _account(file))], offers + accounts


def check_run(files: Sequence[FileFacts], options: dict) -> Iterator[Tuple[FileFacts, Problem]]:
    reported = [file for file in files if file.reported]
    # Only the offers of reported files can give a finding: the other files are
    # looked through for those offers alone (and for the names the messages show).
    wanted = {normal for file in reported for _, (_offer, normal, _shared, _name) in file.facts} - {None}
    by_offer: Dict[str, Dict[str, None]] = {}  # offer -> the accounts that offer it, each once
    names: Dict[str, str] = {}  # account id -> its name, for the Chinese
    for file in files:
        for _, (_offer, normal, _shared, name) in file.facts:
            if normal in wanted:
                by_offer.setdefault(normal, {})[_account(file)] = None
            if name:
                names[_account(file)] = name
    # Each reason is worked out once per offer, account and list of sharers, not per
    # entry: a plan may list one offer 50,000 times.
    reasons: Dict[Tuple[Any, str, Tuple[str, ...]], Any] = {}
    for file in reported:
        for path, (offer, normal, shared, _name) in file.facts:
            key = (normal, _account(file), shared)
            if key not in reasons:
                reasons[key] = _why(normal, key[1], shared, by_offer, names)
            if reasons[key] is not None:
                yield file, Problem(path, fill(MESSAGE, offer=offer or "?", why=reasons[key]))


def _why(normal: Any, account: str, shared: Tuple[str, ...], by_offer: Dict[str, Dict[str, None]],
         names: Dict[str, str]) -> Any:
    reasons = []
    if shared:
        reasons.append(fill(ALSO_OFFERED, accounts=_named(shared, names)))
    if normal is not None:
        others = sorted(a for a in by_offer.get(normal, {}) if a != account)
        if others:
            reasons.append(fill(ALSO_EXCLUSIVE, accounts=_named(others, names, then_hanzi=True)))
    if not reasons:
        return None
    return reasons[0] if len(reasons) == 1 else fill(BOTH, first=reasons[0], second=reasons[1])


def _named(ids: Sequence[str], names: Dict[str, str], then_hanzi: bool = False) -> Any:
    """The ids in English; in Chinese 大润发（`dairunfa`） where the run knows the account's name,
    with a space only beside a code span or a Latin letter."""
    listed = name_list(ids)
    shown = listed.render("zh") if len(ids) > 10 else "、".join(
        f"{names[i]}（`{i}`）" if i in names else f"`{i}`" for i in ids)
    latin = lambda c: c == "`" or (c.isascii() and c.isalnum())  # noqa: E731
    shown = (" " if latin(shown[:1]) else "") + shown + (" " if then_hanzi and latin(shown[-1:]) else "")
    return fill({"en": "{ids}", "zh": "{shown}"}, ids=listed, shown=shown)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _account(file: FileFacts) -> str:
    return file.account_id or file.path


DOC_ZH = """“独家”权益其实也给了其他客户。

## 检查内容
一项独家权益，如果在 `also_offered_to` 里写了其他客户，或者一起检查的另一个客户的独家权益里也有同样的内容（不分大小写、不计多余空格），就在这项权益上提示；涉及的每个文件都会提示。

## 为什么重要
误区 5：大家都有的“独家”，就不是独家。两家连锁在对方货架上看到同一款“独家”型号，我们会同时失去两家的信任。

## 选项
无。
"""
