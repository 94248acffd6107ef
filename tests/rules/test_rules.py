"""Every fixture under tests/rules/<CODE>/ states the findings it expects.

`fail_*.yaml` lists `# expect: CODE:LINE:COLUMN` lines (and optional
`# message:` substrings); `pass_*.yaml` expects none. In a fail folder, a file
that must stay clean says `# expect: nothing`. A folder is one run over
several files (cross-file rules). Besides the rule under test, the structural
rules are compared too, so a fixture cannot pass by being invalid.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from planlint.registry import load_registry

from helpers import HERE, fixture_today, header, lint_paths

RULES_DIR = HERE / "rules"
FIXED_SUFFIXES = (".fixed.yaml", ".unsafe-fixed.yaml")
STRUCTURAL = {"PL001", "PL002", "PL003", "PL004", "PL005", "PL006"}


def _cases():
    for code_dir in sorted(p for p in RULES_DIR.iterdir() if p.is_dir()):
        for entry in sorted(code_dir.iterdir()):
            if entry.name.endswith(FIXED_SUFFIXES):
                continue  # the text a fail fixture becomes under --fix (tests/test_fix_fixtures.py)
            yield pytest.param(code_dir.name, entry, id=f"{code_dir.name}/{entry.stem}")


@pytest.mark.parametrize("code, fixture", list(_cases()))
def test_fixture(code: str, fixture: Path) -> None:
    files = sorted(fixture.glob("*.yaml")) if fixture.is_dir() else [fixture]
    # Every rule runs, opt-in ones included (`select: [PL]`).
    result = lint_paths([str(fixture)], today=fixture_today(files[0]), select=["PL"])
    for path in files:
        stated = header(path, "expect")
        expected = sorted(e for e in stated if e != "nothing")
        if path.name.startswith("pass_") or path.parent.name.startswith("pass_"):
            assert expected == [], "a pass fixture expects nothing"
        else:  # a file of a fail folder may say `# expect: nothing`
            assert stated, "a fail fixture states what it expects"
        found = [f for f in result.findings if f.path == str(path)
                 and (f.code == code or f.code in STRUCTURAL)]
        assert sorted(f"{f.code}:{f.line}:{f.column}" for f in found) == expected
        messages = " | ".join(f.message for f in found)
        for wanted in header(path, "message"):
            assert wanted in messages


def test_every_rule_has_a_passing_and_a_failing_fixture() -> None:
    for code in load_registry().rules:
        names = [p.name for p in (RULES_DIR / code).iterdir()]
        assert any(n.startswith("pass_") for n in names), code
        assert any(n.startswith("fail_") for n in names), code
