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


DOC_ZH = """文件无法读成一份 YAML 计划。

## 检查内容
planlint 先要把文件读成一份计划，读不出来时在出错的那一行提示，并说明怎么改：缩进没对齐，引号或括号没有配对，用了中文输入法的全角冒号、全角空格或全角逗号；文件是空的；最外层不是 `version:`、`account:` 这样一项一项的内容；一个文件里写了两份计划（中间有一行 `---`）；文件不是 UTF-8 编码（比如另存成了 GBK）；超出安全上限（文件太大、`*` 引用展开后内容太多、层次太深）。写计划时，冒号、逗号和空格一律用英文输入法输入。

## 为什么重要
读不出来的计划，后面的检查一项也做不了：自动检查（CI）、下一位审阅人和其他规则都会卡在第一处错误上。planlint 只用安全的方式读文件，并限制读取的工作量，损坏或恶意构造的文件既不能执行代码，也拖不慢大家的检查。

## 选项
无。安全上限在配置文件的 `limits:` 中设置。
"""
