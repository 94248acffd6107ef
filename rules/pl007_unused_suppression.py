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
OPTIONS: dict = {}
# Reported by planlint.suppress after every other rule has run.
