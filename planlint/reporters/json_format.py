"""A JSON array of findings (SPEC §4), UTF-8, sorted by path, line, column, code, message.

Each finding also carries its `data_path` (`plans[0].finalized`, null for a parse
error), so that `--compare` can match it next month as the baseline does."""
from __future__ import annotations

import json
from typing import Any, Iterator

from planlint.engine import Result


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    return "".join(chunks(result, registry, color, lang))


def chunks(result: Result, registry: Any, color: bool = False, lang: str = "en") -> Iterator[str]:
    """The same bytes as `json.dumps(findings, indent=2)`, one finding at a time:
    an item is its own dump indented one level (JSON strings hold no raw newline)."""
    if not result.findings:
        yield "[]\n"
        return
    separator = "[\n  "
    for finding in result.findings:
        yield separator + json.dumps(finding.as_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        separator = ",\n  "
    yield "\n]\n"
