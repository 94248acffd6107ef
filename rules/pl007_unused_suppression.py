"""A suppression comment suppresses nothing.

## What it does
Reports a code or name in a `# planlint: disable…` comment that suppressed no
finding, or that names no rule at all. Suppressions for rules that are not
enabled in this run are left alone.

## Why it matters
Suppressions outlive the problem they hid. A stale `disable=PL201` on a plan
that has since been fixed would silently hide the next short lead time on that
line; a misspelt code hides nothing and gives false comfort.

## Options
None.

## Example that fails
```yaml
    finalized: 2026-10-01  # planlint: disable=PL201 -- lead time is fine now
```

## Fix
```yaml
    finalized: 2026-10-01
```
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from planlint.api import Problem, fill

CODE = "PL007"
NAME = "unused-suppression"
TITLE = {"en": "unused suppression", "zh": "多余的屏蔽注释"}
SEVERITY = "info"
OPTIONS: dict = {}
# Reported after the directives are matched, so no directive can hide it.
SUPPRESSIBLE = False
UNUSED_DIRECTIVE = {"en": "`{directive}` suppressed nothing", "zh": "`{directive}` 没有屏蔽任何问题"}
UNUSED_CODE = {"en": "`{code}` in `{directive}` suppressed nothing",
               "zh": "`{directive}` 中的 `{code}` 没有屏蔽任何问题"}
UNKNOWN_CODE = {"en": "`{code}` in `{directive}` names no rule", "zh": "`{directive}` 中的 `{code}` 不是 planlint 的规则代码（`planlint rules` 会列出所有规则）"}


def check_directives(directives: Iterable[Any], options: dict) -> Iterator[Problem]:
    """PL007 for one file's directives. A directive only knows what it hid once every
    other rule has run, so the suppression step calls this after it has matched the
    file's findings to its directives and noted, on each, the codes that hid nothing
    (`unused`) and those that name no rule (`unknown`); the position is the comment."""
    for directive in directives:
        at = (directive.line, directive.column, None, None)
        if directive.malformed is not None:  # hides nothing; the message says how to write it
            yield Problem((), directive.malformed, position=at)
        elif directive.tokens is None:
            if not directive.used:
                yield Problem((), fill(UNUSED_DIRECTIVE, directive=directive.text), position=at)
        else:
            for token in directive.tokens:
                if token in directive.unused:
                    message = UNKNOWN_CODE if token in directive.unknown else UNUSED_CODE
                    yield Problem((), fill(message, code=token, directive=directive.text), position=at)


DOC_ZH = """屏蔽注释没有屏蔽任何问题。

## 检查内容
`# planlint: disable…` 注释里写的规则代码或名称，这次没有屏蔽到任何问题，或者根本不是 planlint 的规则，就会提示。本次没有启用的规则，它的屏蔽注释不提示。问题改好以后，请把对应的屏蔽注释一起删掉。

## 为什么重要
屏蔽注释往往比它屏蔽的问题留得更久。计划改好了还留着 `disable=PL201`，下次这一行再出现定稿太晚，就会被悄悄放过；规则代码写错了，什么也没屏蔽，却让人以为问题已经处理了。

## 选项
无。
"""
