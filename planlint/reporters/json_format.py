"""A JSON array of findings (SPEC §4), UTF-8, sorted by path, line, column, code, message.

Each finding also carries its `data_path` (`plans[0].finalized`, null for a parse
error), so that `--compare` can match it next month as the baseline does."""
from __future__ import annotations

import json
from typing import Any

from planlint.engine import Result


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    return json.dumps([f.as_dict() for f in result.findings], ensure_ascii=False, indent=2) + "\n"
