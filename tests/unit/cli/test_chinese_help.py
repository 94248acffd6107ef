"""click's placeholders under zh: usage lines, metavars, choice lists and ranges in every
`--help`, and the usage errors that quote them, read as Chinese (`[选项]`, `文件`, `严重程度`)."""
from __future__ import annotations

import re
from typing import List

import pytest
from click.testing import CliRunner

from planlint.cli.language import columns, wrap_chinese
from planlint.cli.main import cli


def _run(*args: str) -> List[str]:
    result = CliRunner().invoke(cli, list(args), prog_name="planlint")
    return (result.stdout + result.stderr).splitlines()


@pytest.mark.parametrize("command, usage", [
    ([], "用法：planlint [选项] [路径]... | 命令 [参数]..."),
    (["check"], "用法：planlint check [选项] [路径]..."),
    (["rules"], "用法：planlint rules [选项]"),
    (["explain"], "用法：planlint explain [选项] 规则"),
    (["schema"], "用法：planlint schema [选项]"),
    (["init"], "用法：planlint init [选项] 文件"),
    (["server"], "用法：planlint server [选项]"),
    (["due"], "用法：planlint due [选项] [路径]..."),
])
def test_every_usage_line_is_chinese(command: List[str], usage: str) -> None:
    assert _run(*command, "--help", "--lang", "zh")[0] == usage
    assert _run(*command, "--help")[0].startswith("Usage: planlint")


def _joined(lines: List[str]) -> str:
    """The help as one string without spaces: the columns widen and the lines break anew as options are added."""
    return re.sub(r"\s+", "", "".join(lines))


def test_option_placeholders_and_choices_are_chinese() -> None:
    text = _joined(_run("check", "--help", "--lang", "zh"))
    for shown in ("--format 格式[:文件] 报告格式，可选 `text`、`json`、`sarif`、`junit`、`github`、`gitlab`、`html`。",
                  "-o, --output 文件 把（第一份）报告写入这个文件，而不是输出到屏幕",
                  "--select 规则 只运行这些规则（规则代码、名称或代码前缀，用逗号分隔）。",
                  "--today 日期 本次检查使用的日期，YYYY-MM-DD 格式（默认为系统日期）。",
                  "--fail-on 严重程度 达到这个严重程度（或更高）时退出状态为 1（默认：`error`）。"
                  "可选：`error`、`warning`、`info`。",
                  "--stdin-filename 文件名 从 `-`（标准输入）读入的计划显示成这个文件名。",
                  "--compare 上次的报告.json 与之前一次运行的 JSON 报告比较",
                  "--changed-since 提交 只检查与这个 git 提交相比有改动的计划",
                  "-j, --jobs 进程数 工作进程数（默认：300 个及以上文件时用上所有 CPU 核，否则为 1；至少为 1）。",
                  "--color 方式 给文本报告加颜色：`auto` 表示输出到终端时加颜色",
                  "可选：`auto`、`always`、`never`（默认：`auto`）。",
                  "--add-suppressions 原因 在每个有问题的行末写上 `# planlint: disable=规则代码 -- 原因`。",
                  "--lang 语言 消息语言（默认：配置里的 `lang`，其次是环境变量 LC_ALL、LANG，否则为 `en`）。"
                  "可选：`en`、`zh`。"):
        assert re.sub(r"\s+", "", shown) in text, shown
    due = _joined(_run("due", "--help", "--lang", "zh"))
    assert "--within天数列出从今天起这么多天之内的事项（含首尾两天；默认：`30`；0到36600）。" in due
    assert "--format格式输出格式：`text`按日期分组列出，`ics`是可导入日历的文件。可选：`text`、`json`、`ics`（默认：`text`）。" in due
    assert "--today日期计划的编写日期，YYYY-MM-DD格式：模板会规划下一年。" in _joined(_run("init", "--help", "--lang", "zh"))
    assert max(columns(line) for line in _run("check", "--help", "--lang", "zh")) <= 80  # a character takes two


@pytest.mark.parametrize("args, error", [
    (["explain", "--lang", "zh"], "错误：缺少参数 `规则`。"),
    (["init", "--lang", "zh"], "错误：缺少参数 `文件`。"),
    (["--lang", "zh", "--bogus"], "错误：没有 `--bogus` 这个选项（是否应为 `--jobs`？）"),
    (["--lang", "zh", "--jobs", "0", "x"], "错误：`--jobs` / `-j` 的值无效：0 不在允许的范围内（至少为 1）。"),
    (["due", "--within", "99999", "--lang", "zh"], "错误：`--within` 的值无效：99999 不在允许的范围内（0 到 36600）。"),
    (["--lang", "zh", "--color", "bad", "x"], "错误：`--color` 的值无效：`bad` 不是 `auto`、`always`、`never` 之一。"),
    (["--lang", "zh", "--fail-on"], "错误：选项 `--fail-on` 后面要写一个值。"),
    (["--lang", "zh", "rules", "extra"], "错误：多了一个用不上的参数（extra）"),
])
def test_usage_errors_quote_the_chinese_placeholders(args: List[str], error: str) -> None:
    lines = _run(*args)
    assert lines[-1] == error
    assert all("[OPTIONS]" not in line and "Usage" not in line for line in lines)


@pytest.mark.parametrize("width", range(40, 60))
def test_no_line_of_chinese_help_starts_with_closing_punctuation(width: int) -> None:
    text = "本次运行使用的日期，YYYY-MM-DD 格式（默认为系统日期）。只运行这些规则（规则代码、名称或代码前缀，用逗号分隔）。"
    lines = wrap_chinese(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing added
    assert all(columns(line) <= width for line in lines)
    assert not any(line[0] in "，。；：、）》？！" for line in lines[1:]), lines
