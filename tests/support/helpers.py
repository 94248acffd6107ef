"""Shared helpers: lint fixtures through the real engine, read fixture headers."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import List, Optional

from planlint.discover import discover
from planlint.engine import Result, Settings, lint
from planlint.registry import load_registry

HERE = Path(__file__).parent.parent
SHARED = HERE.parent.parent / "shared"
DEFAULT_TODAY = dt.date(2026, 11, 23)


def lint_paths(paths: List[str], today: dt.date = DEFAULT_TODAY, **settings: object) -> Result:
    return lint(discover(paths), load_registry(), Settings(today=today, **settings))


def header(path: Path, key: str) -> List[str]:
    """Values of `# key: value` comment lines at the top of a fixture."""
    values = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = re.match(rf"#\s*{key}:\s*(.*)$", line)
        if match:
            values.append(match.group(1).strip())
    return values


def fixture_today(path: Path) -> dt.date:
    found: Optional[str] = next(iter(header(path, "today")), None)
    return dt.date.fromisoformat(found) if found else DEFAULT_TODAY
