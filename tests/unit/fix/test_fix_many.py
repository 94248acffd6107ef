"""A plan with thousands of the same safe fix: one pass fixes them all (a report
shows a thousand findings of a rule in a file; the lints of a fix run make ten
times as many)."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Mapping

from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.config import Settings
from planlint.engine.memo import Memo
from planlint.fix.passes import FileFix, apply_fixes, decode, relint_with
from planlint.model import Finding
from planlint.registry import load_registry

from helpers import DEFAULT_TODAY, HERE

PLAN = (HERE.parent / "examples" / "plans" / "gome-2027.yaml").read_text(encoding="utf-8")
MATERIALS = "    materials:\n"


def _with_dates(count: int, written: str) -> str:
    """`count` more materials of the first project plan, each ready on a date written `written`."""
    materials = "".join(f"      - item: Material number {i}\n        ready: {written}\n" for i in range(count))
    return PLAN.replace(MATERIALS, MATERIALS + materials, 1)


def test_thousands_of_fixes_are_made_in_one_pass() -> None:
    raw = _with_dates(2_500, "2027/1/10").encode("utf-8")
    item = decode("plan.yaml", raw)
    assert isinstance(item, FileFix)
    linted: List[int] = []
    relint = relint_with(Settings(today=DEFAULT_TODAY), load_registry(), {}, Memo())

    def counted(texts: Mapping[str, bytes]) -> Dict[str, List[Finding]]:
        linted.append(len(texts))
        return relint(texts)

    after = apply_fixes({"plan.yaml": item}, counted({"plan.yaml": raw}), counted)
    assert (item.count, item.failure, after["plan.yaml"]) == (2_500, None, [])
    assert item.fixed == _with_dates(2_500, "2027-01-10")
    assert len(linted) == 2  # the plan as read, and the one pass (whose findings leave nothing to fix)


def test_more_than_a_pass_makes_is_fixed_in_the_next(tmp_path: Path) -> None:
    """Ten passes of a thousand once left 500 of these misspelt dates behind."""
    path = tmp_path / "plan.yaml"
    path.write_text(_with_dates(10_500, "2027/1/10"), encoding="utf-8")
    result = CliRunner().invoke(cli, [str(path), "--fix", "--isolated", "--no-cache", "--today", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == _with_dates(10_500, "2027-01-10")
    assert f"fixed {path} (10500 findings)" in result.stderr
