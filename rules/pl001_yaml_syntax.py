"""The file cannot be read as one YAML plan.

## What it does
Reports a file that is not valid YAML, is empty, is not a mapping, holds more
than one document, uses an unsupported tag, is not UTF-8 text, or exceeds a
safety limit (file size, alias expansion, node count, nesting depth). The
finding sits at the parser's mark, line 1 for an empty file, the start of the
second document, or the alias or node that broke a limit.

## Why it matters
A plan nobody can read is a plan nobody follows: the account team's tools, the
CI check and the next reviewer all stop at the first broken line. planlint reads
plans with safe loading only and bounded work, so a hostile or broken file can
never run code or hang the check for everyone else.

## Options
None. The limits are set under `limits:` in the configuration.

## Example that fails
```yaml
version: 1
account:
  id: gome
  name: Gome: Electrical Appliances
```

## Fix
```yaml
version: 1
account:
  id: gome
  name: "Gome: Electrical Appliances"
```
"""
CODE = "PL001"
NAME = "yaml-syntax"
TITLE = {"en": "YAML syntax", "zh": "YAML 语法错误"}
SEVERITY = "error"
OPTIONS: dict = {}
# A file that does not read cannot be checked, nor hold a directive: nothing hides it, and a
# fix that makes one appears undone.
STRUCTURAL = True
SUPPRESSIBLE = False
# Reported by planlint.parse.loader while reading the file; there is nothing to check afterwards.


DOC_ZH = """文件无法作为一个 YAML 计划读取。

## 检查内容
报告以下文件：不是合法的 YAML、为空、最外层不是一组字段、包含多份 YAML 内容、使用了不支持的 YAML 标签、不是 UTF-8 文本，或超出安全上限（文件大小、别名展开、条目数、嵌套层次）。位置是写错的地方（全角标点、缩进不齐等都指向输入它的那一行）；空文件为第 1 行；有多份内容时为第二份的开头；超限时为引起超限的别名或条目。

## 为什么重要
读不懂的计划就没法执行：我们的工具、自动检查（CI）和下一位审阅人都会卡在第一处错误。planlint 只用安全的方式读取文件并限制工作量，恶意或损坏的文件既不能执行代码，也不能拖慢所有人的检查。

## 选项
无。上限在配置的 `limits:` 中设置。
"""
