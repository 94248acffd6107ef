"""Each rule documents itself; `explain`, `rules` and the reports read these docs."""
from __future__ import annotations

import re

import pytest

from planlint.api import DOC_SECTIONS
from planlint.explain import doc_sections
from planlint.registry import load_registry

RULES = load_registry().ordered()


def test_all_41_rules_load_through_the_entry_point_group() -> None:
    assert [r.code for r in RULES] == [
        "PL001", "PL002", "PL003", "PL004", "PL005", "PL006", "PL007", "PL101", "PL102", "PL103",
        "PL104", "PL201", "PL202", "PL203", "PL204", "PL205", "PL301", "PL302", "PL303", "PL401",
        "PL402", "PL403", "PL404", "PL405", "PL501", "PL502", "PL503",
        "PL601", "PL602", "PL603", "PL604", "PL605", "PL606", "PL607", "PL608", "PL609",
        "PL701", "PL702", "PL703", "PL704", "PL705"]
    assert load_registry().errors == []


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_every_doc_section(rule) -> None:
    sections = doc_sections(rule)
    for title in DOC_SECTIONS:
        assert sections.get(title), f"{rule.code} lacks the section {title!r}"
    assert "```yaml" in sections["Example that fails"] and "```yaml" in sections["Fix"]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.endswith(".")


CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_a_title_in_both_languages(rule) -> None:
    # A person reads the title where configs read the slug: English words, and Chinese ones under zh.
    english, chinese = rule.titles.get("en", ""), rule.titles.get("zh", "")
    assert re.fullmatch(r"[A-Za-z][A-Za-z -]*", english), f"{rule.code} lacks an English title"
    assert CJK.search(chinese) and not re.search(r"[a-z]", chinese), f"{rule.code} lacks a Chinese title"
    assert rule.title("zh") == chinese and rule.labelled("zh") == f"{rule.code} {chinese}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.options], ids=lambda r: r.code)
def test_every_option_is_described_in_the_docs(rule) -> None:
    for option in rule.options:
        assert f"`{option}`" in doc_sections(rule)["Options"]
