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
CODE = "PL003"
NAME = "duplicate-key"
SEVERITY = "error"
DOC_ZH = """映射中出现了重复的键。

## 作用
报告同一映射中第二次及以后出现的键。YAML 加载器会悄悄保留最后一个值；planlint 的其他规则也使用最后一个值。

## 为什么重要
两个人同时编辑计划时，重复的 `start:` 很容易在合并中产生：没有人决定，某个日期就赢了。客户团队应该看到两者并作出选择。

## 选项
无。
"""
OPTIONS: dict = {}
# Reported by planlint.loader while reading the mapping.
