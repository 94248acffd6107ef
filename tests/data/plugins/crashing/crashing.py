"""Crashes.

## What it does
Test rule.

## Why it matters
Test rule.

## Options
None.

## Example that fails
```yaml
x: 1
```

## Fix
```yaml
x: 2
```
"""

CODE = "TEAM002"
NAME = "crashes"
SEVERITY = "warning"
OPTIONS = {}


def check(doc, options):
    raise RuntimeError("the plugin broke")
