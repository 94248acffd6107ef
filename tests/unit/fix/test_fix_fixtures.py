"""Each built-in fix on a fixture: `fail_x.yaml` becomes `fail_x.fixed.yaml` under
`--fix` and `fail_x.unsafe-fixed.yaml` under `--fix --unsafe-fixes`; without the
file, that run changes nothing. Runs through the real command (`--fix -`)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import HERE, fixture_today

RULES = HERE / "rules"


def _fixtures():
    for fixture in sorted(RULES.glob("*/fail_*.yaml")):
        if fixture.name.endswith((".fixed.yaml", ".unsafe-fixed.yaml")):
            continue
        if any(fixture.with_name(fixture.stem + s).exists() for s in (".fixed.yaml", ".unsafe-fixed.yaml")):
            yield pytest.param(fixture, id=f"{fixture.parent.name}/{fixture.stem}")


def fixed_text(fixture: Path, *options: str) -> bytes:
    result = CliRunner().invoke(cli, ["--fix", "-", "--isolated", "--no-cache", "--stdin-filename", str(fixture),
                                      "--today", fixture_today(fixture).isoformat(), *options],
                                input=fixture.read_bytes())
    assert result.exit_code in (0, 1), result.stderr
    assert "could not fix" not in result.stderr
    return result.stdout_bytes


@pytest.mark.parametrize("fixture", list(_fixtures()))
def test_fix_turns_the_fixture_into_its_fixed_text(fixture: Path) -> None:
    safe = fixture.with_name(fixture.stem + ".fixed.yaml")
    unsafe = fixture.with_name(fixture.stem + ".unsafe-fixed.yaml")
    expected_safe = safe.read_bytes() if safe.exists() else fixture.read_bytes()
    assert fixed_text(fixture) == expected_safe
    expected_unsafe = unsafe.read_bytes() if unsafe.exists() else expected_safe
    assert fixed_text(fixture, "--unsafe-fixes") == expected_unsafe


@pytest.mark.parametrize("fixture", list(_fixtures()))
def test_fixing_the_fixed_text_changes_nothing(fixture: Path) -> None:
    for name in (fixture.stem + ".fixed.yaml", fixture.stem + ".unsafe-fixed.yaml"):
        fixed = fixture.with_name(name)
        if fixed.exists():
            assert fixed_text(fixed, "--unsafe-fixes") == fixed.read_bytes()


def test_every_fixable_code_has_fix_fixtures() -> None:
    codes = {p.parent.name for p in RULES.glob("*/*.fixed.yaml")}
    assert {"PL002", "PL004", "PL007"} <= codes
