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
CODE = "PL007"
NAME = "unused-suppression"
SEVERITY = "info"
DOC_ZH = """屏蔽注释没有屏蔽任何问题。

## 作用
报告 `# planlint: disable…` 注释中没有屏蔽任何问题的代码或名称，以及根本不是规则的代码。本次未启用的规则对应的屏蔽不报告。

## 为什么重要
屏蔽注释往往比它隐藏的问题活得更久。计划改好后留下的 `disable=PL201` 会悄悄隐藏这一行下一次出现的提前期不足；拼错的代码什么也没隐藏，却给人虚假的安心。

## 选项
无。
"""
OPTIONS: dict = {}
# Reported by planlint.suppress after every other rule has run.
