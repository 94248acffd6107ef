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


# Words a Chinese KA trainer does not write: the translated "reports … at …" pattern, maths,
# database words, and notes that read as if a finding could belong to nobody.
NOT_A_TRAINERS_WORDS = re.compile(r"位置是|^报告|Jaccard|相似度|字段|别名|条目|该问题不属于|我方大客户团队|规模化", re.M)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_chinese_docs_read_as_a_trainer_writes_them(rule) -> None:
    assert rule.doc_zh and not NOT_A_TRAINERS_WORDS.search(rule.doc_zh), rule.doc_zh
    assert "位置是" not in doc_sections(rule, "zh")["What it does"]


def test_explain_in_chinese_names_the_rule_and_says_what_to_write() -> None:
    from planlint.explain import render_explanation

    page = render_explanation(load_registry().rules["PL608"], "zh")
    assert page.splitlines()[:3] == ["PL608 缺少备货计划（no-stock-plan）[警告]", "", "促销或新品上市计划没有备货计划。"]
    assert ("促销（`promotion`）和新品上市（`product-launch`）计划的物料（`materials`）里，至少要有一项备货"
            "（`kind: stock`），写明到位日期、可用数量和需要数量。没有时在 `materials` 上提示；一项物料都没写时，"
            "在计划的开头提示。") in page
    assert "备货是促销的根本：堆头搭好了、促销员到岗了，周六中午就断货——客户记住的是断货，不是折扣。" in page
    assert "      - item: 区域配送中心备货的 X-500 冰箱\n        kind: stock" in page
    assert render_explanation(load_registry().rules["PL608"]).splitlines()[0] == "PL608 no-stock-plan [warning]"
