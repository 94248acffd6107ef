"""Claims a built-in code.

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

CODE = "PL201"
NAME = "my-lead-time"
SEVERITY = "warning"
OPTIONS = {}


def check(doc, options):
    return iter(())
