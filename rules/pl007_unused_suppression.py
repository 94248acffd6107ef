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

from typing import Any, Callable, Iterable, Iterator, List, Optional, Set

from planlint.api import Problem, say

CODE = "PL007"
NAME = "unused-suppression"
TITLE = {"en": "unused suppression", "zh": "多余的屏蔽注释"}
SEVERITY = "info"
OPTIONS: dict = {}
UNUSED_DIRECTIVE = {"en": "`{directive}` suppressed nothing", "zh": "`{directive}` 没有屏蔽任何问题"}
UNUSED_CODE = {"en": "`{code}` in `{directive}` suppressed nothing",
               "zh": "`{directive}` 中的 `{code}` 没有屏蔽任何问题"}
UNKNOWN_CODE = {"en": "`{code}` in `{directive}` names no rule", "zh": "`{directive}` 中的 `{code}` 不是 planlint 的规则代码（`planlint rules` 会列出所有规则）"}
Resolve = Callable[[str], Optional[str]]  # a code or name -> its rule code, None when no rule has it


def check_directives(directives: Iterable[Any], resolve: Resolve, enabled: Set[str]) -> Iterator[Problem]:
    """PL007 for one file's `planlint.suppress.Directive`s. A directive only knows what
    it hid once every other rule has run, so planlint.suppress calls this after it
    has matched the file's findings to its directives; the position is the comment."""
    for directive in directives:
        at = (directive.line, directive.column, None, None)
        if directive.malformed is not None:  # hides nothing; the message says how to write it
            yield Problem((), directive.malformed, position=at)
        elif directive.tokens is None:
            if not directive.used:
                yield Problem((), say(UNUSED_DIRECTIVE, directive=directive.text), position=at)
        else:
            unused = set(unused_tokens(directive, resolve, enabled))
            for token in directive.tokens:
                if token in unused:
                    message = UNKNOWN_CODE if resolve(token) is None else UNUSED_CODE
                    yield Problem((), say(message, code=token, directive=directive.text), position=at)


def unused_tokens(directive: Any, resolve: Resolve, enabled: Set[str]) -> List[str]:
    """The codes of a directive that name no rule, or a rule enabled in this run that
    the directive hid nothing of (a rule not enabled is left alone)."""
    return [token for token in directive.tokens or ()
            if resolve(token) is None or (token not in directive.used and resolve(token) in enabled)]


DOC_ZH = """屏蔽注释没有屏蔽任何问题。

## 检查内容
报告 `# planlint: disable…` 注释里没有屏蔽任何问题的规则代码或名称，以及根本不是规则的代码。本次没有启用的规则，对应的屏蔽不报告。

## 为什么重要
屏蔽注释往往比它屏蔽的问题留得更久。计划改好后留下的 `disable=PL201` 会悄悄隐藏这一行下一次出现的提前期不足；拼错的代码什么也没屏蔽，却让人以为问题已经处理了。

## 选项
无。
"""
