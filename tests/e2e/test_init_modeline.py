"""`planlint init` points yaml-language-server at the plan schema when the repository holds it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli


def test_init_writes_the_schema_modeline_when_the_schema_is_there(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    runner = CliRunner()
    schema = runner.invoke(cli, ["schema"])
    (tmp_path / "account-plan.schema.json").write_text(schema.output, encoding="utf-8")
    assert runner.invoke(cli, ["init", os.path.join("plans", "acme.yaml")]).exit_code == 0
    lines = (tmp_path / "plans" / "acme.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../account-plan.schema.json"
    assert sum("yaml-language-server" in line for line in lines) == 1
    result = runner.invoke(cli, ["plans/acme.yaml", "--no-cache"])
    assert result.exit_code == 0, result.output


def test_init_writes_no_modeline_without_a_schema_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the search stops at the repository root
    assert CliRunner().invoke(cli, ["init", "acme.yaml"]).exit_code == 0
    text = (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert not text.startswith("# yaml-language-server: $schema=")
