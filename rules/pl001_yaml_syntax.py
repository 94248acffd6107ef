"""The file cannot be read as one YAML plan.

## What it does
Reports a file that is not valid YAML, is empty, is not a mapping, holds more
than one document, uses an unsupported tag, is not UTF-8 text, or exceeds a
safety limit (file size, alias expansion, node count, nesting depth). The
finding sits at the parser's mark, line 1 for an empty file, the start of the
second document, or the alias or node that broke a limit.

## Why it matters
A plan nobody can read is a plan nobody follows: the account team's tools, the
CI check and the next reviewer all stop at the first broken line. planlint reads
plans with safe loading only and bounded work, so a hostile or broken file can
never run code or hang the check for everyone else.

## Options
None. The limits are set under `limits:` in the configuration.

## Example that fails
```yaml
version: 1
account:
  id: gome
  name: Gome: Electrical Appliances
```

## Fix
```yaml
version: 1
account:
  id: gome
  name: "Gome: Electrical Appliances"
```
"""
CODE = "PL001"
NAME = "yaml-syntax"
SEVERITY = "error"
OPTIONS: dict = {}
# Reported by planlint.loader while reading the file; there is nothing to check afterwards.
