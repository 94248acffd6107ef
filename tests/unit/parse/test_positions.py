"""Where a finding is reported and which plan it belongs to.

Each fixture in tests/data/positions/ lists every finding it expects as
`# finding: CODE LINE:COLUMN[-END_LINE:END_COLUMN] plan=ID|None`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DATA, HERE, header, lint_paths

FIXTURES = sorted((DATA / "positions").glob("*.yaml"))


def described(finding) -> str:
    where = f"{finding.line}:{finding.column}"
    if finding.end_line is not None:
        where += f"-{finding.end_line}:{finding.end_column}"
    return f"{finding.code} {where} plan={finding.plan}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_positions_and_plans(fixture: Path) -> None:
    result = lint_paths([str(fixture)])
    assert sorted(described(f) for f in result.findings) == sorted(header(fixture, "finding"))
