"""A value or key does not match the plan format.

## What it does
Validates the plan against the published JSON Schema (`planlint schema`) and
reports one finding per unknown key, per missing key and at most one per value.
The message names the data path (`plans[2].cadence`) and what was expected, and
suggests the closest valid key or value. Keys of the other plan type (`cadence`
on a project plan) are unknown keys; `x-` keys are free for your own data.

## Why it matters
Every other rule reads the plan's fields. A typo such as `finalised` silently
hides a field from every check, so a plan with a two-week lead time would pass
as if it had no deadline at all. YAML 1.1 surprises (`no` read as false, `010`
read as 8) are caught here too, before they change what a plan says.

## Options
None.

## Example that fails
```yaml
  - id: spring-promo
    type: project
    finalised: 2026-11-20
    cadence: monthly
```

## Fix
```yaml
  - id: spring-promo
    type: project
    finalized: 2026-11-20
```
"""
CODE = "PL002"
NAME = "schema"
TITLE = {"en": "plan format", "zh": "不符合计划格式"}
SEVERITY = "error"
OPTIONS: dict = {}
# planlint.fix.builtin writes the spelling the schema wants; a fix that makes one is undone.
FIXABLE = True
STRUCTURAL = True
# Reported by planlint.schema.validate from the validator's errors.


DOC_ZH = """计划里某一项的名称或填写的内容不符合计划格式。

## 检查内容
planlint 按公布的计划格式（`planlint schema` 可导出给编辑器使用）逐项核对：项的名称有没有拼错，必填项有没有漏写，填写的内容对不对（日期写成 YYYY-MM-DD，数字写成数字，类型、等级等只能从规定的写法里选）。提示会写明是哪个计划的哪一项（如“计划 `mid-autumn` 的 `cadence`”）、应该怎么写，并给出最接近的正确写法。运营计划才有的项（如 `cadence`）写进项目计划，也会提示。自己要记的内容，写在以 `x-` 开头的项里即可。

## 为什么重要
其他规则都靠这些项来检查。把 `finalized` 拼成 `finalised`，这个日期在所有检查里就“消失”了：只提前两周定稿的计划，会像没有期限一样顺利通过。YAML 的几个坑也在这里拦下：不加引号的 `no` 会被读成“否”，`010` 会被读成数字 8。

## 选项
无。
"""
