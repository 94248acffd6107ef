"""A mapping repeats a key.

## What it does
Reports the second and later occurrences of a key in one mapping. YAML loaders
silently keep the last value; planlint's other rules also see the last value.

## Why it matters
When two people edit a plan, a repeated `start:` is an easy merge result: one
date wins without anyone deciding which. The account team should see both and
choose.

## Options
None.

## Example that fails
```yaml
    start: 2027-01-20
    end: 2027-02-10
    start: 2027-01-27
```

## Fix
```yaml
    start: 2027-01-27
    end: 2027-02-10
```
"""
from __future__ import annotations

from typing import Iterator

from planlint.api import Document, Problem, fill

CODE = "PL003"
NAME = "duplicate-key"
TITLE = {"en": "duplicate key", "zh": "同一项写了两次"}
SEVERITY = "error"
OPTIONS: dict = {}
# A fix that repeats a key is undone.
STRUCTURAL = True
MESSAGE = {
    "en": "duplicate key `{key}` (first at line {line}); the last value is used",
    "zh": "`{key}` 写了两次（第一次在第 {line} 行）；planlint 以最后一次为准，请删掉多余的一个",
}


def check(doc: Document, options: dict) -> Iterator[Problem]:
    """The repeats the reader found: rules see only a key's last value, so the reader
    notes each repeat as it builds a mapping; the position is the repeated key's own."""
    for repeat in doc.key_repeats:
        yield Problem(repeat.path + (repeat.key,), fill(MESSAGE, key=repeat.key, line=repeat.first_line), at="key",
                      position=repeat.position)


DOC_ZH = """同一层里有一项写了两次。

## 检查内容
同一层（比如同一个计划里）某一项写了两次或更多次时，从第二次起逐一提示，并写明第一次在第几行。YAML 只认最后一次填写的内容，planlint 的其他规则也按最后一次检查。请商量好用哪一个，删掉多余的。

## 为什么重要
两个人同时改计划，合并之后很容易出现两个 `start:`：没人拍板，其中一个日期就悄悄生效了。应该让大家看到两个日期，商量后再定。

## 选项
无。
"""
