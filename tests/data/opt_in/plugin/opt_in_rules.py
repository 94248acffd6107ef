"""The account has no `x-region`.

## What it does
Test rule that a team turns on when it wants it.

## Why it matters
Test rule.

## Options
None.

## Example that fails
```yaml
account:
  id: acme
```

## Fix
```yaml
account:
  id: acme
  x-region: north
```
"""
from planlint.api import Problem

CODE = "TEAM101"
NAME = "no-region"
SEVERITY = "warning"
ON_BY_DEFAULT = False
OPTIONS = {}


def check(doc, options):
    if "x-region" not in doc.account:
        yield Problem(("account",), "the account has no `x-region`", at="key")
