"""`planlint --fix` end to end on a file with a byte-order mark, CRLF line endings,
comments and mode 640: only the fixable spots change, byte for byte."""
from __future__ import annotations

import codecs
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planlint.fix.comments import suppression_edits
from planlint.fixes import Lines, splice
from planlint.fix.passes import FileFix
from planlint.fix.write import write_fixed

from helpers import DATA, HERE

FIXABLE = (DATA / "fixes" / "fixable.yaml").read_text(encoding="utf-8")
TODAY = ["--isolated", "--no-cache", "--today", "2026-11-23"]
# line (1-based, of fixable.yaml) -> what --fix writes there; --unsafe-fixes adds UNSAFE.
SAFE = {6: "  class: A                      # enum in the wrong case",
        12: "      role: buyer",
        15: "  start: 2027-01-01               # date spellings",
        16: "  end: '2027-12-31'",
        20: '    title: "yes"', 21: "    tier: headquarters", 23: "    review_day: 3",
        24: "    review_with: li-ming", 25: "    coordinates: [promo]", 26: None,
        31: "    kind: promotion", 32: "    finalized: 2026-10-01", 33: "    start: 2027-01-20",
        38: "        quantity: 1000", 39: "        needed: 5000", 45: "      with: li-ming"}
UNSAFE = {22: "    cadence: monthly", 40: "    cunsultatons:".replace("cunsultatons", "consultations"),
          42: "        with: li-ming"}


def planlint(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planlint", *args, *TODAY], cwd=cwd, input=stdin,
                          capture_output=True, timeout=120)


def expected(fixes: dict) -> bytes:
    lines = [fixes.get(n, line) for n, line in enumerate(FIXABLE.split("\n"), start=1)]
    return codecs.BOM_UTF8 + "\r\n".join(line for line in lines if line is not None).encode("utf-8")


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "acme.yaml"
    path.parent.mkdir()
    path.write_bytes(codecs.BOM_UTF8 + FIXABLE.replace("\n", "\r\n").encode("utf-8"))
    path.chmod(0o640)
    return path


def test_diff_shows_each_change_and_writes_nothing(plan: Path) -> None:
    before = plan.read_bytes()
    run = planlint("plans", "--diff", cwd=plan.parent.parent)
    assert run.returncode == 1, run.stderr
    assert plan.read_bytes() == before
    diff = run.stdout.decode("utf-8")
    assert diff.startswith("--- a/plans/acme.yaml\r\n+++ b/plans/acme.yaml\r\n".replace("\r\n", "\n"))
    assert "\n-    finalised: 2026-10-01\r\n" in diff and "\n+    finalized: 2026-10-01\r\n" in diff
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(added) == len([v for v in SAFE.values() if v is not None])
    assert b"Would fix 16 findings (3 remaining)" in run.stderr


def test_fix_changes_exactly_the_fixable_spots_and_a_second_run_nothing(plan: Path) -> None:
    run = planlint("plans", "--fix", cwd=plan.parent.parent)
    assert run.returncode == 1, run.stderr
    assert plan.read_bytes() == expected(SAFE)
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640
    assert run.stdout.decode().endswith("Fixed 16 findings (3 remaining)\n")
    assert [p.name for p in plan.parent.iterdir()] == ["acme.yaml"]  # no temporary file left
    again = planlint("plans", "--fix", cwd=plan.parent.parent)
    assert plan.read_bytes() == expected(SAFE)
    assert again.stdout.decode().endswith("Fixed 0 findings (3 remaining)\n")
    report = json.loads(planlint("plans", "--format", "json", cwd=plan.parent.parent).stdout)
    assert all(f["fix"] is None or f["fix"]["applicability"] == "unsafe" for f in report)


def test_unsafe_fixes_only_when_asked(plan: Path) -> None:
    planlint("plans", "--fix", cwd=plan.parent.parent)
    assert plan.read_bytes() == expected(SAFE)
    run = planlint("plans", "--fix", "--unsafe-fixes", cwd=plan.parent.parent)
    assert plan.read_bytes() == expected({**SAFE, **UNSAFE}), run.stderr
    report = json.loads(planlint("plans", "--format", "json", cwd=plan.parent.parent).stdout)
    assert [(f["code"], f["fix"]) for f in report] == [("PL203", None)]


def test_fix_from_standard_input_writes_the_fixed_plan_to_standard_output(plan: Path) -> None:
    run = planlint("--fix", "-", cwd=plan.parent, stdin=plan.read_bytes())
    assert run.returncode == 1
    assert run.stdout == expected(SAFE)
    assert b"Fixed 16 findings (3 remaining)" in run.stderr


def test_add_suppressions_leaves_no_suppressible_finding(plan: Path) -> None:
    run = planlint("plans", "--add-suppressions", "adopting planlint", cwd=plan.parent.parent)
    assert run.returncode == 0, run.stderr
    text = plan.read_bytes()
    assert text.startswith(codecs.BOM_UTF8) and b"\n" not in text.replace(b"\r\n", b"")
    assert "  class: a                      # enum in the wrong case  # planlint: disable=PL002 -- " \
           "adopting planlint\r\n" in text.decode("utf-8")
    assert "    cunsultatons:  # planlint: disable=PL002 -- adopting planlint\r\n" in text.decode("utf-8")
    report = json.loads(planlint("plans", "--format", "json", cwd=plan.parent.parent).stdout)
    assert {f["code"] for f in report} == {"PL007"}  # left by the plan itself: PL007 is never suppressed


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"version: 1\n")
    item = FileFix("p.yaml", b"version: 010\n", "version: 010\n", fixed="version: 10\n")
    assert write_fixed(item, str(path)).render() == "it changed on disk after planlint read it"
    assert path.read_bytes() == b"version: 1\n"


def test_nothing_outside_the_linted_paths_is_written(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "plans").mkdir()
    os.symlink(outside, tmp_path / "plans" / "link.yaml")
    run = planlint("plans", "--fix", cwd=tmp_path)
    assert outside.read_text(encoding="utf-8") == FIXABLE
    assert run.returncode in (1, 2)


def test_add_suppressions_merges_into_the_planlint_comment_of_the_line() -> None:
    text = "a: 1  # planlint: disable=PL201 -- agreed\nb: 2\nc: 3 # planlint: disable\n"
    edits, skipped = suppression_edits(text, [(1, "PL002"), (1, "PL201"), (2, "PL004"), (2, "PL002"), (3, "PL002")],
                                       "adopting", lambda line, column: False)
    fixed = splice(text, sorted((Lines(text).span(e) + (e.text,)) for e in edits))  # type: ignore[operator]
    assert fixed == ("a: 1  # planlint: disable=PL201,PL002 -- agreed\n"
                     "b: 2  # planlint: disable=PL004,PL002 -- adopting\nc: 3 # planlint: disable\n")
    assert skipped == []
