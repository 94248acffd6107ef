"""Chinese (`--lang zh`): every message, rule title, explanation and summary; English stays the default."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from planlint.explain import doc_sections
from planlint.model import TRANSLATED_SECTIONS, SECTION_TITLES
from planlint.cli.main import cli
from planlint.registry import load_registry

from helpers import HERE, fixture_today, lint_paths

CJK = re.compile("[\u4e00-\u9fff]")
RULES = load_registry().ordered()
# `*.fixed.yaml` beside a fixture is its text after --fix (tests/test_fix_fixtures.py), not a failing plan.
FAIL_FIXTURES = sorted(p for p in (HERE / "rules").rglob("*.yaml") if "fail_" in str(p.relative_to(HERE / "rules"))
                       and not p.name.endswith((".fixed.yaml", ".unsafe-fixed.yaml")))


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_documents_itself_in_both_languages(rule) -> None:
    assert CJK.search(rule.headline("zh")) and not CJK.search(rule.headline("en"))
    chinese = doc_sections(rule, "zh")
    for section in TRANSLATED_SECTIONS:
        assert CJK.search(chinese[section]), f"{rule.code} lacks a Chinese `{SECTION_TITLES['zh'][section]}`"
        assert chinese[section] != doc_sections(rule, "en")[section]


@pytest.mark.parametrize("fixture", FAIL_FIXTURES, ids=lambda p: str(p.relative_to(HERE / "rules")))
def test_every_failing_fixture_speaks_chinese(fixture) -> None:
    target = fixture.parent if fixture.parent.name.startswith("fail_") else fixture
    findings = lint_paths([str(target)], today=fixture_today(fixture), lang="zh", select=["PL"]).findings
    english = lint_paths([str(target)], today=fixture_today(fixture), select=["PL"]).findings
    assert findings and [f.code for f in findings] == [f.code for f in english]
    for finding, in_english in zip(findings, english):
        assert CJK.search(finding.message), finding.message
        # The English message may quote what the user typed (`每月`), nothing else in Chinese.
        assert not CJK.search(re.sub(r"`[^`]*`", "", in_english.message)), in_english.message


def test_lang_zh_on_the_examples_prints_chinese_messages_and_summary() -> None:
    result = CliRunner().invoke(cli, ["--lang", "zh", str(HERE.parent / "examples/plans"), "--today", "2026-11-23"])
    lines = result.output.splitlines()
    assert result.exit_code == 1 and len(lines) == 15
    assert all(CJK.search(line) for line in lines)
    assert lines[-1] == "检查了 4 个文件，其中 1 个有问题，共 14 个问题（9 个错误、4 个警告、1 个提示）。"


def test_language_comes_from_lang_environment_and_cli_wins(monkeypatch) -> None:
    plan = str(HERE / "rules/PL203/fail_short.yaml")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "缺 1" in CliRunner().invoke(cli, [plan, "--isolated"]).output
    assert "short by 1" in CliRunner().invoke(cli, [plan, "--lang", "en"]).output
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert "short by 1" in CliRunner().invoke(cli, [plan]).output


def test_rules_and_explain_in_chinese() -> None:
    listed = CliRunner().invoke(cli, ["rules", "--lang", "zh"]).output.splitlines()
    assert len(listed) == 41 and all(CJK.search(line) for line in listed)
    explained = CliRunner().invoke(cli, ["explain", "PL201", "--lang", "zh"]).output
    for heading in SECTION_TITLES["zh"].values():
        assert f"\n{heading}\n" in explained
    assert '"promotion": 42' in explained
