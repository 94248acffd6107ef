"""A JSON array of findings, UTF-8, sorted by path, line, column, code, message.

Each finding also carries its `data_path` (`plans[0].finalized`, null for a parse
error), so that `--compare` can match it next month as the baseline does."""
from __future__ import annotations

import json
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any, Iterator

from planlint.model import Result

# What this report reads of a Result beyond the findings (see planlint.reporters.needs_of).
NEEDS: frozenset = frozenset({"fixes"})


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    return "".join(chunks(result, registry, color, lang))


def chunks(result: Result, registry: Any, color: bool = False, lang: str = "en") -> Iterator[str]:
    """The same bytes as `json.dumps(findings, indent=2)`, one finding at a time."""
    if not result.findings:
        yield "[]\n"
        return
    separator = "[\n"
    for finding in result.findings:
        yield separator + _item(finding.as_dict())
        separator = ",\n"
    yield "\n]\n"


def _item(item: dict) -> str:
    """`json.dumps(item, indent=2)` one level down, built without the encoder:
    each dump with `indent` makes closures that refer to each other, garbage
    that waits for the cyclic collector, which is off during a run (80,000
    findings left 180 MB of it). Nested values (a fix) are dumped and indented
    (JSON strings hold no raw newline)."""
    lines = []
    for key, value in item.items():
        if value is None:
            text = "null"
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, str):
            text = encode_basestring(value)
        elif isinstance(value, int):
            text = int.__repr__(value)
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        lines.append(f"    {encode_basestring(key)}: {text}")
    return "  {\n" + ",\n".join(lines) + "\n  }"
