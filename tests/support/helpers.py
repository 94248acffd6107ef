"""Shared helpers: lint fixtures through the real engine, read fixture headers."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import List, Optional

from planlint.discover import discover
from planlint.engine.run import Settings, lint
from planlint.model import Result
from planlint.registry import load_registry

HERE = Path(__file__).parent.parent
DATA = HERE / "data"  # fixtures and goldens, one folder per situation
SHARED = HERE.parent.parent / "shared"
DEFAULT_TODAY = dt.date(2026, 11, 23)


def source_copy(destination: Path) -> Path:
    """A copy of the checkout to build or install from: setuptools writes build/ and
    *.egg-info into the folder it builds, which must never be the checkout itself."""
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                    ".planlint_cache", ".hypothesis", ".pytest_cache")
    shutil.copytree(HERE.parent, destination, ignore=ignore)
    return destination


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


def tagged_clone(destination: Path) -> Path:
    """A clone of this repository's HEAD tagged with the release the recipes pin (vX.Y.Z),
    standing in for the planlint repository a team installs from."""
    from planlint import __version__

    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(HERE.parent), str(destination)],
                   check=True, capture_output=True, timeout=300)
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.com", "tag", "-f", "-a",
                    f"v{__version__}", "-m", "release"], cwd=destination, check=True, capture_output=True)
    return destination
