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


DOC_ZH = """某个值或字段不符合计划格式。

## 检查内容
按 planlint 的计划格式（JSON Schema，可用 `planlint schema` 导出）检查计划：每个未知字段、每个缺少的必填字段各报告一次，每个值最多报告一次。消息写明出错的位置（如“计划 `mid-autumn` 的 `cadence`”）和应该填写的内容，并给出最接近的正确字段或值。另一种计划类型才有的字段（如项目计划里的 `cadence`）也会报告；以 `x-` 开头的字段留给你自己使用。

## 为什么重要
其他规则都依赖这些字段。像 `finalised` 这样的拼写错误会让字段对所有检查“隐身”，提前期只有两周的计划也会像没有期限一样通过。YAML 的一些陷阱（不加引号的 `no` 被当成“否”，`010` 被当成数字 8）也在这里拦下。

## 选项
无。
"""
