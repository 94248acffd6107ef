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
SEVERITY = "error"
OPTIONS: dict = {}
# Reported by planlint.schema from the validator's errors.
