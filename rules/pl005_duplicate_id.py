"""A plan id or contact id repeats, or two files share an account id.

## What it does
Reports a plan id or contact id used twice in one file, at the repeated id,
and an `account.id` used by more than one file in the run, at that id in each
file. Cross-file checks see every file linted together (or every file under
the configured `paths`).

## Why it matters
Ids are how plans point at each other: `coordinates`, consultations and
reviews all name ids. Two plans called `spring-promo` make every reference
ambiguous, and two files for the same account split its plan system in two,
so neither file shows the account's full picture.

## Options
None.

## Example that fails
```yaml
plans:
  - id: spring-promo
    ...
  - id: spring-promo
    ...
```

## Fix
```yaml
plans:
  - id: spring-promo
    ...
  - id: summer-promo
    ...
```
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, List, Sequence, Tuple

from planlint.api import DataPath, Document, FileFacts, Problem, entries, name_list, fill, value_at

CODE = "PL005"
NAME = "duplicate-id"
TITLE = {"en": "duplicate id", "zh": "编号重复"}
SEVERITY = "error"
OPTIONS: dict = {}
REPEATED = {
    "plan": {"en": "plan id `{id}` is already used by plan {first} of the list; give each plan its own id",
             "zh": "计划编号 `{id}` 和第 {first} 个计划（第 {line} 行）重复了；每个计划的编号不能相同"},
    "contact": {"en": "contact id `{id}` is already used by contact {first} of the list; give each contact their own id",
                "zh": "联系人编号 `{id}` 和第 {first} 个联系人（第 {line} 行）重复了；每个联系人的编号不能相同"},
}
SHARED_ACCOUNT = {
    "en": 'account id `{id}` is also used by {others}; each account has one plan file',
    "zh": '客户编号 `{id}` 也被 {others} 使用；每个客户只应有一个计划文件',
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    for list_path, what in ((("plans",), "plan"), (("account", "contacts"), "contact")):
        first: Dict[str, int] = {}
        for index, item in entries(value_at(doc.data, list_path)):
            item_id = item.get("id")
            if item_id is None:
                continue
            if item_id in first:
                line = doc.positions.locate(list_path + (first[item_id], "id")).line
                yield Problem(list_path + (index, "id"), fill(REPEATED[what], id=item_id,
                              first=first[item_id] + 1, line=line))
            first.setdefault(item_id, index)


def summarize(doc: Document, options: dict) -> Iterator[Tuple[DataPath, Any]]:
    if doc.account_id is not None:
        yield ("account", "id"), doc.account_id


def related(file: FileFacts, options: dict) -> Tuple[Iterable[Any], Iterable[Any]]:
    """A file is found by its account id and looks for the files with the same one."""
    ids = [account_id for _, account_id in file.facts]
    return ids, ids


def check_run(files: Sequence[FileFacts], options: dict) -> Iterator[Tuple[FileFacts, Problem]]:
    by_account: Dict[str, List[FileFacts]] = {}
    for file in files:
        for _, account_id in file.facts:
            by_account.setdefault(account_id, []).append(file)
    for account_id, sharing in by_account.items():
        if len(sharing) < 2:
            continue
        for file in sharing:
            others = name_list(f.path for f in sharing if f is not file)
            yield file, Problem(("account", "id"), fill(SHARED_ACCOUNT, id=account_id, others=others))


DOC_ZH = """计划或联系人的编号重复，或两个文件用了同一个客户编号。

## 检查内容
同一个文件里，每个计划、每个联系人的 `id` 只能用一次，重复的那个会被提示。一起检查的文件（或配置 `paths` 下的所有文件）中，每个客户编号（`account.id`）也只能出现在一个文件里，否则每个文件都会提示。

## 为什么重要
计划之间靠编号互相引用：`coordinates`、沟通和复盘写的都是编号。两个计划都叫 `spring-promo`，每个引用都说不清指的是哪一个；同一个客户分成两个文件，计划体系就被拆成两半，哪个文件都看不到这个客户的全貌。

## 选项
无。
"""
