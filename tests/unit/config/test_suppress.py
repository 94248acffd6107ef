"""Inline suppressions (SPEC §5): each fixture in tests/data/suppress/ lists every finding it expects."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DATA, HERE, header, lint_paths

FIXTURES = sorted((DATA / "suppress").glob("*.yaml"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_suppression_fixture(fixture: Path) -> None:
    result = lint_paths([str(fixture)])
    assert sorted(f"{f.code}:{f.line}:{f.column}" for f in result.findings) == sorted(header(fixture, "expect"))
    messages = " | ".join(f.message for f in result.findings)
    for wanted in header(fixture, "message"):
        assert wanted in messages


def test_suppressed_findings_keep_their_reason() -> None:
    result = lint_paths([str(DATA / "suppress" / "end_of_line.yaml")])
    assert [(f.code, reason) for f, reason in result.suppressed] == [("PL201", "agreed with Li Ming")]


def test_plan_level_directive_hides_every_finding_of_that_plan() -> None:
    result = lint_paths([str(DATA / "suppress" / "plan_start.yaml")])
    assert sorted(f.code for f, _ in result.suppressed) == ["PL201", "PL202", "PL301"]
    assert {reason for _, reason in result.suppressed} == {"pilot"}


def test_unused_directive_for_a_rule_not_selected_is_not_reported() -> None:
    fixture = str(DATA / "suppress" / "partly_unused.yaml")
    assert [f.code for f in lint_paths([fixture], select=["PL201", "PL204", "PL007"]).findings] == ["PL007"]
    assert lint_paths([fixture], select=["PL201", "PL007"]).findings == []
