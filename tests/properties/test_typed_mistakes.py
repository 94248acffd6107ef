"""Messages for typed mistakes, over whole plans: a mistake people type, made on a line of a clean
example plan, gives exactly one finding, on that line (no knock-on finding).

Every key line of the three clean examples gets each kind of mistake that fits it;
a seeded sample keeps the run short, and a failure names the line and the edit.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from typing import Iterator, List, Tuple

import pytest

from planlint.config import Settings
from planlint.engine.run import lint_texts

from helpers import HERE

PLANS = ("gome-2027.yaml", "suning-2027-zh.yaml", "meridian-foods-2027.yaml")
TODAY = dt.date(2026, 11, 23)
KEY_LINE = re.compile(r"^(\s*(?:- )?)([a-z_]+): (\S.*)$")
DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _typed(line: str) -> Iterator[Tuple[str, str]]:
    """(kind, the line as mistyped) for each mistake that fits this `key: value` line."""
    prefix, key, rest = KEY_LINE.match(line).groups()  # type: ignore[union-attr]
    value = rest.split("  #")[0].strip()
    yield "full-width colon", f"{prefix}{key}：{rest}"
    yield "no space after the colon", f"{prefix}{key}:{rest}"
    if not prefix.strip() and len(prefix) >= 2:
        yield "indented one more", " " + line
        yield "indented one less", line[1:]
        yield "a tab", "\t" + line[2:]
    if not value.startswith(("[", '"', "'")):
        yield "a quote left open", f'{prefix}{key}: "{value}'
    if DATE.fullmatch(value):
        year, month, day = value.split("-")
        yield "a date with slashes", f"{prefix}{key}: {year}/{int(month)}/{int(day)}"
    if value in ("true", "false"):
        yield "a quoted boolean", f'{prefix}{key}: "{value}"'
    if value.startswith("[") and value.endswith("]") and ", " in value:
        yield "a full-width comma", f"{prefix}{key}: " + value.replace(", ", "，")
        yield "a list without brackets", f"{prefix}{key}: " + value[1:-1]
        yield "a bracket left open", f"{prefix}{key}: " + value[:-1]
    swapped = key[0] + key[2:3] + key[1:2] + key[3:]
    if len(key) > 5 and swapped != key:
        yield "two letters swapped in the key", f"{prefix}{swapped}: {rest}"


def _cases() -> List[Tuple[str, int, str, str]]:
    cases = []
    for name in PLANS:
        lines = (HERE.parent / "examples" / "plans" / name).read_text(encoding="utf-8").split("\n")
        for index, line in enumerate(lines):
            if KEY_LINE.match(line):
                cases += [(name, index + 1, kind, typed) for kind, typed in _typed(line)]
    return sorted(random.Random(2027).sample(cases, 300))


@pytest.mark.parametrize("plan, line, kind, typed", _cases())
def test_a_typed_mistake_is_one_finding_on_its_line(plan: str, line: int, kind: str, typed: str) -> None:
    lines = (HERE.parent / "examples" / "plans" / plan).read_text(encoding="utf-8").split("\n")
    lines[line - 1] = typed
    findings = lint_texts({plan: "\n".join(lines)}, Settings(today=TODAY)).findings
    assert [f.line for f in findings] == [line], [f"{f.code}:{f.line} {f.message}" for f in findings]
