"""Default and opt-in rules (the best-practice pack): `select` replaces the enabled set, as in ruff;
`extend-select` (config) and `--extend-select` (CLI) add to it; `ignore` removes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.registry import load_registry

from helpers import DATA, HERE

PLAN = DATA / "opt_in" / "plan.yaml"
PLUGIN = DATA / "opt_in" / "plugin"
OPT_IN = ["PL601", "PL602", "PL604", "PL606", "PL607", "PL608", "PL609", "PL701", "PL702", "PL703", "PL705"]


def codes(*args: str) -> list:
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--today", "2026-11-23"])
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)]


def test_default_rules_are_those_of_section_3_and_pl603_pl605_pl704() -> None:
    rules = load_registry().rules
    assert sorted(code for code, rule in rules.items() if not rule.on_by_default) == OPT_IN
    assert {"PL603", "PL605", "PL704"} <= {code for code, rule in rules.items() if rule.on_by_default}


@pytest.mark.parametrize("args, expected", [
    ((), []),                                             # opt-in rules do not run by default
    (("--select", "PL"), [("PL604", 31), ("PL601", 33)]),  # `PL` is every rule, opt-in ones included
    (("--select", "PL6"), [("PL604", 31), ("PL601", 33)]),
    (("--extend-select", "objective-not-measurable"), [("PL601", 33)]),
    (("--extend-select", "PL6", "--ignore", "PL604"), [("PL601", 33)]),
    (("--select", "PL2,PL601"), [("PL601", 33)]),
])
def test_select_extend_select_and_ignore_on_the_command_line(args, expected) -> None:
    assert codes(str(PLAN), "--isolated", *args) == expected


def test_extend_select_in_config_adds_and_the_command_line_can_ignore(tmp_path: Path) -> None:
    config = tmp_path / "planlint.yaml"
    config.write_text("extend-select: [no-checker]\n", encoding="utf-8")
    assert codes(str(PLAN), "--config", str(config)) == [("PL604", 31)]
    assert codes(str(PLAN), "--config", str(config), "--ignore", "PL604") == []
    config.write_text("select: [PL1, PL2]\nextend-select: [PL601]\n", encoding="utf-8")
    assert codes(str(PLAN), "--config", str(config)) == [("PL601", 33)]
    config.write_text("extend-select: [PL6O1]\n", encoding="utf-8")
    bad = CliRunner().invoke(cli, [str(PLAN), "--config", str(config)])
    assert bad.exit_code == 2 and "did you mean `PL601`?" in bad.output


def test_a_plugin_declares_an_opt_in_rule(monkeypatch) -> None:
    monkeypatch.chdir(PLUGIN)
    assert codes("plan.yaml") == []
    assert codes("plan.yaml", "--extend-select", "TEAM101") == [("TEAM101", 3)]
    listed = CliRunner().invoke(cli, ["rules"]).output.splitlines()
    assert [line for line in listed if line.startswith("TEAM101")][0].split()[:4] == [
        "TEAM101", "no-region", "warning", "opt-in"]


def test_rules_shows_which_rules_are_opt_in() -> None:
    listed = {line.split()[0]: line.split()[3] for line in CliRunner().invoke(cli, ["rules"]).output.splitlines()}
    assert sorted(code for code, on in listed.items() if on == "opt-in") == OPT_IN
    assert listed["PL201"] == listed["PL605"] == "default"
    chinese = CliRunner().invoke(cli, ["rules", "--lang", "zh"]).output
    assert "默认关闭" in chinese and "默认开启" in chinese


def test_a_suppression_of_an_opt_in_rule_that_is_not_enabled_is_no_pl007(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = PLAN.read_text(encoding="utf-8").replace("      - text: Sell-out growth",
                                                    "      - text: Sell-out growth  # planlint: disable=PL601")
    plan.write_text(text, encoding="utf-8")
    assert codes(str(plan), "--isolated") == []
    assert codes(str(plan), "--isolated", "--select", "PL") == [("PL604", 31)]


def test_sarif_lists_the_opt_in_rules_as_disabled_by_default() -> None:
    result = CliRunner().invoke(cli, [str(PLAN), "--isolated", "--format", "sarif", "--today", "2026-11-23"])
    rules = {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["PL601"]["defaultConfiguration"] == {"level": "warning", "enabled": False}
    assert rules["PL605"]["defaultConfiguration"] == {"level": "error"}
    assert rules["PL705"]["properties"]["tags"] == ["planlint", "best-practice"]
    assert rules["PL201"]["properties"]["tags"] == ["planlint", "mistake-2"]
