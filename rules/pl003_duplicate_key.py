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
OPTIONS: dict = {}
# Reported by planlint.loader while reading the mapping.
