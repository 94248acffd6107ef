"""`planlint init` writes a template that passes every rule, opt-in ones included,
in English or in Chinese, whenever it is written."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, [*args], catch_exceptions=False)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("today", ["2026-11-30", "2027-06-30", "2029-12-31"])
def test_the_template_passes_every_rule_including_opt_in_ones(tmp_path: Path, monkeypatch, lang: str,
                                                                 today: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "plan.yaml", "--today", today, "--lang", lang).exit_code == 0
    done = run("plan.yaml", "--select", "PL", "--today", today, "--isolated")
    assert (done.exit_code, done.output) == (0, "No findings in 1 file.\n")


def test_the_template_writes_every_section_of_the_best_practice_pack(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("init", "plan.yaml", "--today", "2026-11-30", "--lang", "en")
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    for key in ("updated:", "visits:", "surveys:", "checker:", "baseline:", "stretch:", "budget:", "risks:",
                "training:", "# the cost, line by line"):
        assert key in text
    assert "start: 2027-01-01" in text and "finalized: 2026-11-15" in text


def test_the_chinese_template_has_chinese_tiers_and_comments(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "plan.yaml", "--today", "2027-03-01", "--lang", "zh").exit_code == 0
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "tiers: [总部, 分部, 门店]" in text and "逐项分解的费用预算" in text
    assert "start: 2028-01-01" in text and "finalized: 2027-11-15" in text


def test_the_language_comes_from_the_environment_when_not_given(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert run("init", "plan.yaml").exit_code == 0
    assert "总部" in (tmp_path / "plan.yaml").read_text(encoding="utf-8")
