"""Configuration: found from the current folder upwards, CLI wins, options change findings."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA, HERE

CONFIG = DATA / "config"


def lint_in(folder, *args: str, monkeypatch):
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    findings = json.loads(result.output) if result.exit_code in (0, 1) else None
    return result, findings


def summary(findings) -> list:
    return [(f["path"], f["code"], f["line"], f["column"], f["severity"]) for f in findings]


@pytest.mark.parametrize("case, plan", [
    ("yaml_upwards/plans/sub", "plan.yaml"),
    ("dotfile/plans", "plan.yaml"),
    ("pyproject/plans", "plan.yaml"),
])
def test_config_is_found_from_a_subfolder(case: str, plan: str, monkeypatch) -> None:
    result, findings = lint_in(CONFIG / case, plan, "--today=2026-11-23", monkeypatch=monkeypatch)
    assert summary(findings) == [("plan.yaml", "PL201", 30, 5, "error")]
    assert "a promotion needs at least 62" in findings[0]["message"]


def test_isolated_ignores_the_config(monkeypatch) -> None:
    _, findings = lint_in(CONFIG / "dotfile/plans", "plan.yaml", "--isolated", "--today=2026-11-23",
                          monkeypatch=monkeypatch)
    assert findings == []


def test_explicit_config_file(monkeypatch) -> None:
    _, findings = lint_in(HERE, str(CONFIG / "dotfile/plans/plan.yaml"), "--config",
                          str(CONFIG / "dotfile/.planlint.yaml"), "--today=2026-11-23", monkeypatch=monkeypatch)
    assert [f["code"] for f in findings] == ["PL201"]


def test_rule_options_severity_and_today_from_config(monkeypatch) -> None:
    result, findings = lint_in(CONFIG / "options", "plan.yaml", monkeypatch=monkeypatch)
    assert summary(findings) == [("plan.yaml", "PL205", 22, 5, "info"), ("plan.yaml", "PL202", 34, 9, "warning")]
    assert "review by day 2" in findings[0]["message"] and "11 days before" in findings[1]["message"]
    assert result.exit_code == 0  # only a warning and an info: below the default fail-on


def test_per_file_ignores_and_exclude(monkeypatch) -> None:
    _, findings = lint_in(CONFIG / "per_file", ".", "--today=2026-11-23", monkeypatch=monkeypatch)
    assert [(f["path"], f["code"]) for f in findings] == [
        ("./c.yaml", "PL201"), ("./c.yaml", "PL202"), ("./old-b.yaml", "PL201")]


def test_command_line_wins_over_the_file(monkeypatch) -> None:
    result, findings = lint_in(CONFIG / "precedence", "plan.yaml", "--today=2026-11-23", monkeypatch=monkeypatch)
    assert [f["code"] for f in findings] == ["PL201"] and result.exit_code == 1
    result, findings = lint_in(CONFIG / "precedence", "plan.yaml", "--select", "PL202", "--today=2026-11-23",
                               monkeypatch=monkeypatch)
    assert [f["code"] for f in findings] == ["PL202"]
    result, _ = lint_in(CONFIG / "precedence", "plan.yaml", "--select", "PL204", "--fail-on", "error",
                        "--today=2026-11-23", monkeypatch=monkeypatch)
    assert result.exit_code == 0


@pytest.mark.parametrize("case, message", [
    ("unknown_key", "planlint.yaml:1:1: unknown key `selct` at the top level; did you mean `select`?"),
    ("bad_value", "planlint.yaml:1:10: `fail-on` must be one of `error`, `warning`, `info`, got `fatal`"),
    ("unknown_rule", "planlint.yaml:1:17: `select`: `PL999` is not a rule code or name"),
    ("bad_option", "planlint.yaml:3:21: unknown key `promo` in `rules.PL201.min_lead_days`; did you mean `promotion`?"),
    ("bad_yaml", "planlint.yaml:1:9: the `[` opened on line 1 is never closed; end it with `]`"),
    ("bad_date", "planlint.yaml:1:8: `today` must be a real date written YYYY-MM-DD, got `2027-02-30`"),
    ("bad_option_type", "planlint.yaml:2:24: `rules.PL202.buffer_days` must be a whole number from 0 to 100,000, got `seven`"),
    ("bad_toml", "pyproject.toml: not valid TOML"),
])
def test_bad_config_is_exit_2_with_a_message_not_a_traceback(case: str, message: str, monkeypatch) -> None:
    monkeypatch.chdir(CONFIG / "bad" / case)
    result = CliRunner().invoke(cli, ["plan.yaml"])
    assert result.exit_code == 2
    assert message in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("lang, written, locale, spoken", [
    ("en", "lang: zh\n", "zh_CN.UTF-8", "en"),  # --lang (or the editor's setting) first
    (None, "lang: zh\nignore: [PL999]\n", "C", "zh"),  # a config with a mistake elsewhere still names its language
    (None, "lang: fr\n", "zh_CN.UTF-8", "zh"),  # a language planlint does not speak: the locale
    (None, "", "C", "en"),
])
def test_the_language_before_the_settings_is_decided_in_config_for_the_cli_and_the_server(
        tmp_path, monkeypatch, lang: str, written: str, locale: str, spoken: str) -> None:
    from planlint.config import language_before_settings

    (tmp_path / ".git").mkdir()
    (tmp_path / "planlint.yaml").write_text(written, encoding="utf-8")
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", locale)
    assert language_before_settings(lang, start=str(tmp_path)) == spoken
