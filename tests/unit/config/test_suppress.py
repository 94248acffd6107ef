"""Inline suppressions: each fixture in tests/data/suppress/ lists every finding it expects."""
from __future__ import annotations

import subprocess
import sys
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


# A Chinese keyboard types `：` and `＝`: the directive below is read, and whatever
# writes a code into it must keep it the line's one directive (a second one is ignored).
REVIEW = "    review:\n"
TYPED_IN_CHINESE = "    review:  # planlint：disable＝PL402\n"


def _northwind(tmp_path: Path) -> Path:
    plan = tmp_path / "northwind.yaml"
    text = (HERE.parent / "examples" / "plans" / "northwind-mobile-2027.yaml").read_text(encoding="utf-8")
    assert text.count(REVIEW) == 1
    plan.write_text(text.replace(REVIEW, TYPED_IN_CHINESE), encoding="utf-8")
    return plan


def _line_50(plan: Path) -> list:
    return sorted(f.code for f in lint_paths([str(plan)]).findings if f.line == 50)


def test_the_editor_adds_a_code_to_a_directive_typed_with_full_width_punctuation(tmp_path: Path) -> None:
    from planlint.server.actions import suppress_on_line

    plan = _northwind(tmp_path)
    assert _line_50(plan) == ["PL404"]
    lines = plan.read_text(encoding="utf-8").split("\n")
    edit = suppress_on_line(lines, 49, "PL404", "utf-16")
    assert (edit.range.start.line, edit.range.start.character, edit.new_text) == (49, 37, ",PL404")
    lines[49] += edit.new_text  # at the end of the codes, the end of this line
    plan.write_text("\n".join(lines), encoding="utf-8")
    assert lines[49] == "    review:  # planlint：disable＝PL402,PL404"
    assert _line_50(plan) == []


def test_add_suppressions_adds_to_a_directive_typed_with_full_width_punctuation(tmp_path: Path) -> None:
    plan = _northwind(tmp_path)
    done = subprocess.run([sys.executable, "-m", "planlint", str(plan), "--add-suppressions", "pilot",
                           "--isolated", "--no-cache", "--today", "2026-11-23"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert plan.read_text(encoding="utf-8").split("\n")[49] == "    review:  # planlint：disable＝PL402,PL404 -- pilot"
    assert _line_50(plan) == []
