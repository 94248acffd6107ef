"""Command-line habits from ruff and friends: did-you-mean for commands and options,
--color auto|always|never with FORCE_COLOR and NO_COLOR, --quiet, --statistics."""
from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA, HERE

INTEGERS = str(DATA / "messages" / "spelling_integers.yaml")  # five PL002 findings
EXAMPLES = str(HERE.parent / "examples" / "plans")
BOLD_PATH = "\x1b[1m"


def run(*args: str, env: dict | None = None):
    return CliRunner(env=env).invoke(cli, [*args], catch_exceptions=False)


@pytest.mark.parametrize("args, message", [
    (["rule"], "Error: `rule` is neither a command nor a file or folder; did you mean `planlint rules`?"),
    (["expain", "PL201"], "did you mean `planlint explain`?"),
    (["--lang", "zh", "rule"], "错误：`rule` 既不是命令，也不是文件或文件夹；是不是要写 `planlint rules`？"),
])
def test_a_command_typo_names_the_command(args, message, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args, env={"LANG": "en_US.UTF-8", "LC_ALL": None})
    assert result.exit_code == 2 and message in result.output


def test_a_file_named_like_a_command_is_linted(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rule").mkdir()
    assert "no plan files" in run("rule", "--isolated").output


def test_an_option_typo_names_the_option() -> None:
    result = run(INTEGERS, "--formt", "json")
    assert result.exit_code == 2 and "No such option '--formt'. Did you mean '--format'?" in result.output


@pytest.mark.parametrize("args, env, coloured", [
    ([], {}, False),                                   # not a terminal
    ([], {"FORCE_COLOR": "1"}, True),                  # CI logs
    ([], {"FORCE_COLOR": "0"}, False),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    (["--color", "always"], {"NO_COLOR": "1"}, True),
    (["--color", "auto"], {"NO_COLOR": "1"}, False),
    ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins
    ([], {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),    # an empty NO_COLOR is no request
])
def test_color_auto_always_never(args, env, coloured) -> None:
    result = run(INTEGERS, "--isolated", *args, env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert result.exit_code == 1
    assert result.output.startswith(BOLD_PATH) == coloured
    assert ("\x1b[31m[error]\x1b[0m" in result.output) == coloured


def test_color_never_goes_into_a_report_file(tmp_path) -> None:
    target = tmp_path / "report.txt"
    run(INTEGERS, "--isolated", "--color", "always", "--output", str(target))
    assert "\x1b" not in target.read_text(encoding="utf-8")


def test_quiet_prints_the_findings_without_the_summary() -> None:
    loud = run(INTEGERS, "--isolated").output.splitlines()
    quiet = run(INTEGERS, "--isolated", "--quiet").output.splitlines()
    assert quiet == loud[:-1] and len(quiet) == 5
    assert loud[-1] == "Found 5 findings (5 errors) in 1 of 1 file."
    assert run(str(HERE.parent / "examples" / "plans" / "gome-2027.yaml"), "-q", "--isolated").output == ""


def test_statistics_counts_findings_per_rule_most_first() -> None:
    result = run(EXAMPLES, INTEGERS, "--isolated", "--today", "2026-11-23", "--statistics")
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert lines[0] == "    5  PL002  plan format"
    assert lines[1] == "    1  PL102  one size fits all"
    assert len(lines) == 16 and lines[-1].startswith("Found 19 findings")
    chinese = run(EXAMPLES, "--isolated", "--today", "2026-11-23", "--statistics", "--quiet", "--lang", "zh")
    assert chinese.output.splitlines()[0] == "    1  PL102  计划一刀切"


def test_server_accepts_stdio_as_editors_pass_it(tmp_path) -> None:
    """vscode-languageclient adds `--stdio` whenever an extension declares the stdio transport."""
    from jsonrpc_stdio import StdioClient

    client = StdioClient([sys.executable, "-m", "planlint", "server", "--stdio"], cwd=str(tmp_path))
    try:
        answer = client.request("initialize", {"processId": None, "capabilities": {}, "rootUri": None})
        assert answer["result"]["serverInfo"]["name"] == "planlint"
        client.request("shutdown", None)
        client.send("exit", None)
        assert client.process.wait(timeout=60) == 0
    finally:
        client.close()


@pytest.mark.parametrize("args, shown", [
    (["--lang", "zh", "explain", "PL201"], "项目计划定稿太晚，离开始太近。"),
    (["explain", "PL201", "--lang", "zh"], "项目计划定稿太晚，离开始太近。"),
    (["--lang=zh", "--isolated", "rules"], "PL201  定稿太晚"),
    (["--isolated", "--color", "never", "-q", "explain", "PL201", "--quiet"], "A project plan finalized too close"),
    (["--config", INTEGERS, "--quiet", "schema", "--isolated"], '"$schema"'),
    (["--lang", "zh", "--help"], "用法："),
])
def test_global_options_before_or_after_any_command(args, shown) -> None:
    result = run(*args)
    assert result.exit_code == 0 and shown in result.output, result.output


def test_lang_before_init_writes_the_chinese_template(tmp_path) -> None:
    result = run("--lang", "zh", "init", str(tmp_path / "new.yaml"), "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert "已生成" in result.output and "客户" in (tmp_path / "new.yaml").read_text(encoding="utf-8")


def test_top_level_help_shows_the_lint_options_and_the_commands() -> None:
    shown = run("--help").output
    assert shown.startswith("Usage: cli [OPTIONS] [PATHS]... | COMMAND [ARGS]...\n")  # CliRunner names it cli
    options, commands = shown.split("\nCommands:\n")
    for flag in ("--select TEXT", "--fix", "--format FORMAT[:FILE]", "--lang [en|zh]", "--version"):
        assert flag in options
    assert options.count("-h, --help") == 1
    assert [line.split()[0] for line in commands.splitlines() if line.strip()] == \
        ["check", "due", "explain", "init", "rules", "schema", "server"]
