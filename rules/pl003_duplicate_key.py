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

from typing import Any, Dict, Iterator, Sequence, Tuple

from planlint.api import DataPath, Problem, say

CODE = "PL003"
NAME = "duplicate-key"
TITLE = {"en": "duplicate key", "zh": "同一项写了两次"}
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "en": "duplicate key `{key}` (first at line {line}); the last value is used",
    "zh": "字段 `{key}` 重复出现（第一次在第 {line} 行）；planlint 按最后一次的值检查，请只保留一个",
}


def check_keys(keys: Sequence[Tuple[str, Any]], path: DataPath) -> Iterator[Problem]:
    """The repeats among one mapping's keys, given as (key, span) in the order written.
    Rules see only the last value, so planlint.parse.loader calls this while it reads a
    mapping whose keys may repeat; the position is the repeated key's own span."""
    first_line: Dict[str, int] = {}
    for key, span in keys:
        if key in first_line:
            yield Problem(path + (key,), say(MESSAGE, key=key, line=first_line[key]), at="key",
                          position=(span.line, span.column, span.end_line, span.end_column))
        first_line.setdefault(key, span.line)


DOC_ZH = """同一组字段中出现了重复的字段名。

## 检查内容
报告同一组字段中第二次及以后出现的字段。YAML 读取时会悄悄只保留最后一个值；planlint 的其他规则也按最后一个值检查。

## 为什么重要
两个人同时修改计划时，合并后很容易出现两个 `start:`：没有人拍板，其中一个日期就悄悄生效了。我们应该看到两个日期，再决定用哪一个。

## 选项
无。
"""
