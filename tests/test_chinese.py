"""Complete Chinese (issue 12): every user-facing string has a Chinese version, written as a
Chinese sales professional would say it (五大误区, 复盘, 到位日期, 独家权益, full-width
punctuation, no programmer words). A new message without Chinese fails here."""
from __future__ import annotations

import ast
import importlib
import re
from typing import Iterator, Tuple

import pytest

from planlint import messages
from planlint.registry import load_registry
from planlint.reporters.html_format import LABELS

from helpers import HERE

CJK = re.compile("[\u4e00-\u9fff]")
PROGRAMMER_WORDS = ("映射", "键", "标识符", "布尔值")
HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]")
RULES = load_registry().ordered()
SOURCES = sorted((HERE.parent / "planlint").rglob("*.py"))
# Calls whose first argument reaches a person: it must be a message with a Chinese version.
SPEAKING_CALLS = {"ConfigError", "_fail", "UsageError", "BadParameter", "PathError"}


def _rule_messages(rule) -> Iterator[Tuple[str, dict]]:
    function = rule.check or rule.check_run or rule.summarize
    if function is None:
        return
    module = importlib.import_module(function.__module__)
    for name, value in vars(module).items():
        if isinstance(value, dict) and "en" in value:
            yield name, value
        elif isinstance(value, dict) and value and all(isinstance(v, dict) and "en" in v for v in value.values()):
            yield from ((f"{name}.{k}", v) for k, v in value.items())


def _chinese_strings() -> Iterator[Tuple[str, str]]:
    for key, (_, chinese) in messages.MESSAGES.items():
        yield f"messages.{key}", chinese
    for english, chinese in messages._DESCRIPTIONS_ZH.items():
        yield f"description {english!r}", chinese
    for rule in RULES:
        for name, templates in _rule_messages(rule):
            yield f"{rule.code} {name}", templates["zh"]
        yield f"{rule.code} DOC_ZH", rule.doc_zh
    yield from _labels("html", LABELS["zh"])


def _labels(where: str, value) -> Iterator[Tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _labels(f"{where}.{key}", item)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _labels(f"{where}[{index}]", item)
    else:
        yield where, value


def _prose(text: str) -> str:
    """Chinese text without code spans and YAML examples, where ASCII punctuation belongs."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return re.sub(r"`[^`]*`", "", text)


def _speaks_chinese(chinese: str) -> bool:
    """Chinese words, or nothing in English words (`{path}：{detail}` only joins other messages)."""
    return bool(CJK.search(chinese)) or not re.search("[A-Za-z]{2,}", re.sub(r"{\w+}", "", _prose(chinese)))


def test_every_planlint_message_has_a_chinese_version() -> None:
    for key, (english, chinese) in messages.MESSAGES.items():
        assert _speaks_chinese(chinese), key


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_message_has_a_chinese_version(rule) -> None:
    for name, templates in _rule_messages(rule):  # PL001-PL003 and PL007 speak through planlint.messages
        assert _speaks_chinese(templates.get("zh", "a")), f"{rule.code} {name} lacks Chinese"


def test_every_html_label_has_a_chinese_version() -> None:
    english, chinese = dict(_labels("html", LABELS["en"])), dict(_labels("html", LABELS["zh"]))
    assert english.keys() == chinese.keys()
    for key, value in chinese.items():
        assert _speaks_chinese(value) or value == english[key] and "." in value, key  # a file name stays


def test_no_user_facing_string_is_written_in_english_only() -> None:
    """Errors for people go through planlint.messages (`text(...)`), never a bare string."""
    bare = []
    for source in SOURCES:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SPEAKING_CALLS and isinstance(node.args[0], (ast.Constant, ast.JoinedStr)):
                bare.append(f"{source.name}:{node.lineno} {name}")
    assert bare == []


def test_chinese_uses_the_words_of_the_trade() -> None:
    for where, chinese in _chinese_strings():
        prose = _prose(chinese)
        assert not any(word in prose for word in PROGRAMMER_WORDS), (where, chinese)
        assert "五大错误" not in prose and not re.search(r"错误 \d", prose), (where, chinese)
        assert not HALF_WIDTH_IN_CHINESE.search(prose), (where, chinese)
    reviews = " ".join(rule.doc_zh for rule in RULES if rule.code in ("PL401", "PL402", "PL403", "PL404"))
    assert "复盘" in reviews
    assert "五大误区" in LABELS["zh"]["five"]
