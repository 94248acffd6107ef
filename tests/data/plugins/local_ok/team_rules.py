"""Every plan file names its manager twice.

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
from planlint.api import Problem

CODE = "TEAM001"
NAME = "team-rule"
SEVERITY = "warning"
OPTIONS = {}


def check(doc, options):
    yield Problem(("account", "manager"), "the team rule fired", at="key")
