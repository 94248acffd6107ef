"""A Chinese team's mistakes told wholly in Chinese: config values and settings, a config
that cannot be read whose `lang:` says zh, the operating system's refusals by errno, and
JSON/TOML files that do not parse (never the library's English)."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import List

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA

PLAN = DATA / "chinese" / "status.yaml"


def _stderr(tmp_path: Path, monkeypatch, *args: str) -> List[str]:
    monkeypatch.chdir(tmp_path)
    if not (tmp_path / "plan.yaml").exists():
        shutil.copy(PLAN, tmp_path / "plan.yaml")
    result = CliRunner().invoke(cli, ["plan.yaml", "--no-cache", "--today", "2026-11-23", *args])
    assert result.exit_code == 2, result.output
    return result.stderr.replace(str(tmp_path) + "/", "").splitlines()


@pytest.mark.parametrize("setting, error", [
    ("select: PL2", "planlint.yaml:2:9：`select` 要写规则代码或名称的列表，现在写的是 `PL2`；列表要用方括号括起来，写成 `[PL2]`"),
    ("exclude: 5", "planlint.yaml:2:10：`exclude` 要写文字列表，现在写的是 `5`"),
    ("rules: {PL201: 5}", "planlint.yaml:2:16：`rules.PL201` 要写该规则的选项（如 `buffer_days: 14`），现在写的是 `5`"),
    ('rules: {PL202: {buffer_days: "x"}}',
     "planlint.yaml:2:30：`rules.PL202.buffer_days` 要写 0 到 100,000 之间的整数，现在写的是 `x`"),
    ("rules: {PL705: {min_similarity: x}}",
     "planlint.yaml:2:33：`rules.PL705.min_similarity` 要写 0 到 100,000 之间的数字，现在写的是 `x`"),
    ("per-file-ignores: [x]", "planlint.yaml:2:19：`per-file-ignores` 要写按文件设置的要跳过的规则"
                              "（如 `\"plans/old/*.yaml\": [PL201]`），现在写的是列表"),
    ("severity: 5", "planlint.yaml:2:11：`severity` 要写按规则设置的严重程度（如 `PL201: warning`；"
                    "可选 `error`、`warning`、`info`），现在写的是 `5`"),
    ("score: 5", "planlint.yaml:2:8：`score` 要写按严重程度设置的扣分（每个未解决的问题从客户健康分 100 分中扣掉几分），现在写的是 `5`"),
    ("limits: {max-depth: x}", "planlint.yaml:2:21：`limits.max-depth` 要写 1 到 10,000 之间的整数，现在写的是 `x`"),
    ("baseline: 5", "planlint.yaml:2:11：`baseline` 要写文件路径，现在写的是 `5`；YAML 会把不加引号的 `5` 当作数字："
                    "请加上引号，写成 `\"5\"`"),
    ("rules: {PL604: {x: 1}}", "planlint.yaml:2:17：`rules.PL604` 没有可设置的选项，请删除 `x`"),
    ("limits: {max: 1}", "planlint.yaml:2:10：没有 `max` 这个设置项（`limits` 中）；可用的设置项有 "
                         "`max-file-size`、`max-nodes`、`max-aliases`、`max-depth`"),
    ('per-file-ignores: {"*.yaml": [PL999]}',
     "planlint.yaml:2:31：`per-file-ignores.\"*.yaml\"`：`PL999` 不是规则代码或名称；是不是要写 `PL609`？"),
])
def test_every_config_value_is_described_in_chinese(tmp_path: Path, monkeypatch, setting: str, error: str) -> None:
    (tmp_path / "planlint.yaml").write_text(f"lang: zh\n{setting}\n", encoding="utf-8")
    assert _stderr(tmp_path, monkeypatch) == ["planlint：错误：配置有误", f"  {error}"]


@pytest.mark.parametrize("config, error", [
    ("lang: zh\n\tselect: [PL1]\n", "planlint：错误：planlint.yaml:2:1：第 2 行用了制表符（Tab）缩进；"
                                    "YAML 只能用空格缩进，请把 Tab 换成空格"),
    ("lang: zh\nselect: [PL1]\nselect: [PL2]\n", "  planlint.yaml:3:1：`select` 写了两次（第一次在第 2 行）；"
                                                  "planlint 以最后一次为准，请删掉多余的一个"),
    ("lang: ZH\n", "  planlint.yaml:1:7：`lang` 只能写 `en` 或 `zh`，现在写的是 `ZH`；是不是要写 `zh`？"),
    ("lang: zh\nselect: [PL1\n", "planlint：错误：planlint.yaml:2:9：第 2 行的 `[` 没有对应的 `]`；"
                                 "请用 `]` 结束，各项之间用 `, ` 分隔"),
])
def test_a_config_that_cannot_be_read_speaks_its_own_lang(tmp_path: Path, monkeypatch, config: str,
                                                          error: str) -> None:
    (tmp_path / "planlint.yaml").write_text(config, encoding="utf-8")
    assert _stderr(tmp_path, monkeypatch)[-1] == error


def test_a_broken_pyproject_with_lang_zh_speaks_chinese(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.planlint]\nlang = "zh"\nselect = [PL1\n', encoding="utf-8")
    assert _stderr(tmp_path, monkeypatch) == [
        "planlint：错误：pyproject.toml：不是有效的 TOML 文件：第 3 行第 11 列：这里缺少值，或值的写法不对（文字要加引号）"]
    (tmp_path / "pyproject.toml").write_text("[tool.planlint\n", encoding="utf-8")
    assert _stderr(tmp_path, monkeypatch, "--lang", "zh") == [
        "planlint：错误：pyproject.toml：不是有效的 TOML 文件：第 1 行第 15 列：表头缺少 `]`"]


@pytest.mark.parametrize("content, baseline, compare", [
    ("{x", "第 1 行第 2 列：名称要用双引号括起来（也许多了一个逗号）", None),
    ("", "第 1 行第 1 列：这里缺少一个值（也许多了一个逗号，或文件是空的）", None),
    ("[1]x", "第 1 行第 4 列：JSON 内容结束后还有多余的文字", None),
    ('{"planlint-baseline": 2}', "不是 planlint 的基线文件（格式版本 1）", "（应为 `--format json` 写出的问题列表）"),
])
def test_json_that_does_not_parse_is_told_in_chinese(tmp_path: Path, monkeypatch, content: str, baseline: str,
                                                     compare: str) -> None:
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    assert _stderr(tmp_path, monkeypatch, "--lang", "zh", "--baseline", "bad.json") == [
        f"planlint：错误：无法读取基线文件 bad.json：{baseline}"]
    assert _stderr(tmp_path, monkeypatch, "--lang", "zh", "--compare", "bad.json") == [
        f"planlint：错误：--compare bad.json：不是 planlint 的 JSON 报告{compare or '：' + baseline}"]
    english = _stderr(tmp_path, monkeypatch, "--lang", "en", "--compare", "bad.json")
    assert english[0].startswith("planlint: error: --compare bad.json: not a planlint JSON report (")


def test_the_operating_system_s_refusals_are_told_in_chinese_with_the_path(tmp_path: Path, monkeypatch) -> None:
    assert _stderr(tmp_path, monkeypatch, "--lang", "zh", "-o", "missing/r.txt") == [
        "planlint：错误：无法把 `text` 格式的报告写入 missing/r.txt：没有这个文件或文件夹"]
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert _stderr(tmp_path, monkeypatch, "--lang", "zh", "-o", "file/r.txt") == [
        "planlint：错误：无法把 `text` 格式的报告写入 file/r.txt：路径中有一部分不是文件夹"]
    assert _stderr(tmp_path, monkeypatch, "--lang", "en", "-o", "missing/r.txt") == [
        "planlint: error: cannot write the text report to missing/r.txt: No such file or directory"]


def test_errno_words(tmp_path: Path) -> None:
    import errno

    from planlint.errors import os_reason

    said = {code: os_reason(OSError(code, "x")).render("zh") for code in (errno.EACCES, errno.EISDIR, errno.ENOTDIR,
                                                                          errno.ENOSPC, errno.ECHILD)}
    assert said == {errno.EACCES: "没有权限", errno.EISDIR: "这是文件夹，不是文件",
                    errno.ENOTDIR: "路径中有一部分不是文件夹", errno.ENOSPC: "磁盘空间不足",
                    errno.ECHILD: "系统错误 `ECHILD`"}


@pytest.mark.parametrize("lang, line", [
    ("zh", "planlint：插件 `nosuch_mod` 加载失败：找不到模块 `nosuch_mod`（请先安装它，或检查名字是否写错）"),
    ("en", "planlint: plugin `nosuch_mod` failed to load: ModuleNotFoundError: No module named 'nosuch_mod'"),
])
def test_a_plugin_that_fails_to_load_is_told_once(tmp_path: Path, monkeypatch, lang: str, line: str) -> None:
    (tmp_path / "planlint.yaml").write_text("plugins: [nosuch_mod]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shutil.copy(PLAN, tmp_path / "plan.yaml")
    result = CliRunner().invoke(cli, ["plan.yaml", "--no-cache", "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line]
    assert "nosuch_mod" not in result.stdout  # the report on the same terminal does not say it again
    CliRunner().invoke(cli, ["plan.yaml", "--no-cache", "--lang", lang, "-o", "report.txt"])
    written = (tmp_path / "report.txt").read_text(encoding="utf-8").splitlines()
    assert written[1] == line.replace("planlint：", "错误：").replace("planlint: ", "error: ")
