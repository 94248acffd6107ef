"""The words of the trade in what a Chinese account manager reads about a plan: no database
words (字段, 别名, 空值), the plan's own words instead (项, 填写的内容, `*` 引用)."""
from __future__ import annotations

import re
from typing import Iterator, Tuple

from planlint import messages
from planlint.directors.due_words import WORDS
from planlint.registry import load_registry
from planlint.reporters.html.labels import LABELS

from helpers import HERE

DATABASE_WORDS = re.compile(r"字段|别名|空值|键值|条目")
# planlint's own messages about reading a plan and its format (PL001-PL003)
PLAN_MESSAGES = ("not_mapping_list", "not_mapping_value", "indented", "indented_first", "missing_colon",
                 "colon_in_value", "recursive_alias", "too_many_aliases", "too_many_nodes", "unsupported_tag",
                 "key_not_text", "missing_key", "missing_top_key", "merge_key", "unknown_key", "expected_keys",
                 "other_type_key", "got_empty", "got_mapping", "empty_required", "must_be")
PLAN_DESCRIPTIONS = ("a mapping of keys", "a key of project plans", "a key of operational plans", "a valid value")


def _strings(value: object, where: str) -> Iterator[Tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")
    elif isinstance(value, str):
        yield where, value


def _what_a_planner_reads() -> Iterator[Tuple[str, str]]:
    for rule in load_registry().ordered():
        yield f"{rule.code} DOC_ZH", rule.doc_zh
        yield f"{rule.code} title", rule.title("zh")
    for name in PLAN_MESSAGES:
        yield f"messages.{name}", messages.MESSAGES[name][1]
    for english in PLAN_DESCRIPTIONS:
        yield f"description {english!r}", messages._DESCRIPTIONS_ZH[english]
    yield from _strings(LABELS["zh"], "html")
    yield from ((f"due {name}", chinese) for name, (_, chinese) in WORDS.items())
    template = HERE.parent / "planlint" / "templates" / "plan-template.zh.yaml"
    yield "init template", template.read_text(encoding="utf-8")


def test_no_database_words_where_a_planner_reads() -> None:
    found = [(where, text) for where, text in _what_a_planner_reads() if DATABASE_WORDS.search(text)]
    assert found == []


def test_rule_messages_speak_the_plans_words() -> None:
    import importlib

    for rule in load_registry().ordered():
        function = rule.check or rule.check_run or rule.summarize
        if function is None:
            continue
        module = importlib.import_module(function.__module__)
        for name, value in vars(module).items():
            for where, text in _strings(value if isinstance(value, dict) else {}, f"{rule.code} {name}"):
                if where.endswith(".zh"):
                    assert not DATABASE_WORDS.search(text), (where, text)


def test_the_chinese_template_uses_ordinary_names_and_the_trades_words(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from planlint.cli.main import cli

    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["init", "plan.yaml", "--lang", "zh", "--today", "2026-11-23"]).exit_code == 0
    plan = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    for line in ("      name: 赵明", "      name: 钱丽", "        owner: 周强", "        - action: 与采购经理商定下一季的调整",
                 "      currency: CNY             # 币种代码：人民币写 CNY",
                 "    risks:                      # 风险预案：每条风险都写明应对措施和责任人（PL607）"):
        assert line + "\n" in plan
    assert not re.search("赵采|钱店|采购商定|owner: 周执行", plan) and "    title: 分部和门店每周执行检查\n" in plan
