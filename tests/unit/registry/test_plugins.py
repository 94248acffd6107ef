"""Third-party rules load through the same door as built-in ones; a broken one never hides the rest."""
from __future__ import annotations

import json
import os
import subprocess
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA, HERE, source_copy

PLUGINS = DATA / "plugins"
REPO = HERE.parent


def lint_case(case: str, monkeypatch):
    monkeypatch.chdir(PLUGINS / case)
    return CliRunner().invoke(cli, ["plan.yaml", "--format", "json", "--today=2026-11-23"])


def codes(result) -> list:
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)]


def test_local_plugin_file_adds_its_rule(monkeypatch) -> None:
    result = lint_case("local_ok", monkeypatch)
    assert result.exit_code == 1
    assert codes(result) == [("TEAM001", 6), ("PL201", 30)]


@pytest.mark.parametrize("case, error", [
    ("broken_import", "plugin `"),
    ("crashing", "rule TEAM002 (crashes) crashed on plan.yaml: RuntimeError: the plugin broke"),
    ("clash", "rule code PL201 is already taken by `short-lead-time`"),
])
def test_broken_plugin_keeps_other_findings_and_exits_2(case: str, error: str, monkeypatch) -> None:
    result = lint_case(case, monkeypatch)
    assert result.exit_code == 2
    assert ("PL201", 30) in codes(result)
    assert error in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_example_plugin_installed_with_pip_adds_its_finding(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    source = source_copy(tmp_path / "source")
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", str(source), str(source / "examples" / "plugin")],
                             capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    done = subprocess.run([str(env_dir / "bin" / "planlint"), "examples/plans", "--format", "json",
                           "--today", "2026-11-23"], cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": ""})
    findings = json.loads(done.stdout)
    assert done.returncode == 1
    assert sorted((f["plan"], f["severity"]) for f in findings if f["code"] == "ACME001") == [
        ("back-to-school", "warning"), ("labor-day-promo", "warning"), ("oat-drink-launch", "warning"),
        ("spring-promo", "warning"), ("store-training", "warning"), ("summer-bbq", "warning"),
        ("summer-campaign", "warning"), ("x500-launch", "warning")]
    assert len(findings) == 14 + 8
