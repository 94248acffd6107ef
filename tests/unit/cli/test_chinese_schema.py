"""`planlint schema --lang zh`: the plan schema with Chinese titles and descriptions (what
yaml-language-server shows on hover), written with -o where `planlint init --lang zh`
finds it and links it in the plan's first line."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator, Tuple

from click.testing import CliRunner

from planlint.cli.main import cli

CJK = re.compile("[\u4e00-\u9fff]")


def _words(node: Any, path: str = "") -> Iterator[Tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield f"{path}/{key}", value
            else:
                yield from _words(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _words(item, f"{path}/{index}")


def _without_words(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_words(v) for k, v in node.items() if k not in ("title", "description", "$id")}
    return [_without_words(v) for v in node] if isinstance(node, list) else node


def test_the_chinese_schema_is_the_english_one_with_chinese_words() -> None:
    english = json.loads(CliRunner().invoke(cli, ["schema"]).stdout)
    chinese = json.loads(CliRunner().invoke(cli, ["schema", "--lang", "zh"]).stdout)
    assert _without_words(chinese) == _without_words(english)
    words = dict(_words(chinese))
    assert len(words) == len(dict(_words(english))) > 30
    assert [where for where, said in words.items() if not CJK.search(said)] == []
    assert words["/title"] == "planlint 大客户计划（格式版本 1）"
    assert words["/$defs/date/description"] == "YYYY-MM-DD 格式的日期"
    assert words["/$defs/plan/properties/risks/description"] == "风险列表"
    assert chinese["$id"] == "https://planlint.dev/schemas/account-plan.schema.zh.json"


def test_the_locale_and_the_config_choose_the_schema_s_language(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    title = json.loads(CliRunner().invoke(cli, ["schema"], env={"LC_ALL": "zh_CN.UTF-8"}).stdout)["title"]
    assert title == "planlint 大客户计划（格式版本 1）"
    (tmp_path / "planlint.yaml").write_text("lang: zh\n", encoding="utf-8")
    assert json.loads(CliRunner().invoke(cli, ["schema"]).stdout)["description"] == \
        "一个大客户的计划：客户信息、计划期间，以及运营计划和项目计划。"


def test_init_in_chinese_links_the_chinese_schema(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    runner = CliRunner()
    alone = runner.invoke(cli, ["init", "--lang", "zh", "alone.yaml"])
    hint = [line for line in (tmp_path / "alone.yaml").read_text(encoding="utf-8").splitlines()
            if "planlint schema" in line]  # no schema in the repository yet: how to make the Chinese one
    assert (alone.exit_code, hint) == \
        (0, ["# 边写边检查：运行 `planlint schema --lang zh -o account-plan.schema.zh.json`，然后把"])
    assert runner.invoke(cli, ["schema", "-o", "account-plan.schema.json"]).exit_code == 0
    assert runner.invoke(cli, ["init", "--lang", "zh", "plans/first.yaml"]).exit_code == 0
    first = (tmp_path / "plans" / "first.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../account-plan.schema.json"  # the only schema there is
    done = runner.invoke(cli, ["schema", "--lang", "zh", "-o", "account-plan.schema.zh.json"])
    assert (done.exit_code, done.output) == (0, "")
    assert json.loads((tmp_path / "account-plan.schema.zh.json").read_text(encoding="utf-8"))["title"] == \
        "planlint 大客户计划（格式版本 1）"
    assert runner.invoke(cli, ["init", "--lang", "zh", "plans/zh.yaml"]).exit_code == 0
    assert runner.invoke(cli, ["init", "--lang", "en", "plans/en.yaml"]).exit_code == 0
    zh = (tmp_path / "plans" / "zh.yaml").read_text(encoding="utf-8").splitlines()
    assert zh[:2] == ["# yaml-language-server: $schema=../account-plan.schema.zh.json",
                      "# planlint 的大客户计划模板。请把示例内容换成你自己的；"]
    assert not any("边写边检查" in line for line in zh)  # the hint on adding the line goes with it
    assert (tmp_path / "plans" / "en.yaml").read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../account-plan.schema.json"
    assert runner.invoke(cli, ["plans/zh.yaml", "--no-cache"]).exit_code == 0
