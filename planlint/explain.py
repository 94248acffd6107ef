"""A rule's own documentation as people read it: its sections in a language (the
examples with Chinese values for a Chinese team), and the text of `planlint explain`."""
from __future__ import annotations

import json
import re

from planlint.api import DOC_SECTIONS
from planlint.model import SECTION_TITLES, SEVERITY_NAMES, TRANSLATED_SECTIONS, Rule

_DEFAULTS = {"en": "Defaults:", "zh": "默认值："}

# The examples in Chinese: the same YAML as the English docs, with the values and
# comments a Chinese team writes (总部/分部/门店, 李明), so no example is written twice.
# Each entry replaces a whole value, list item or comment, alike in a rule's failing
# example and its fix, so the rule reads the same plan; ids (`li-ming`) stay, being
# slugs in either language. tests/unit/messages/test_chinese.py checks every entry is still used.
EXAMPLE_WORDS_ZH = {
    # tiers, people, the account
    "headquarters": "总部", "branch": "分部", "store": "门店",
    "Li Ming": "李明", "Zhang Wei": "张伟", "zhang wei": "张伟", "Liu Yang": "刘洋", "Wang Fang": "王芳",
    "Chen Hui, VP Sales": "陈辉（销售副总裁）", "purchasing manager": "采购经理",
    "Gome: Electrical Appliances": "国美: 家用电器", "Gome Electrical Appliances": "国美电器",
    # materials, offers, objectives, budgets, risks, reviews
    "POS display stands": "收银台陈列架", "Gift kitchen sets": "厨具礼品套装", "Gift kitchen set": "厨具礼品套装",
    "Display stands": "陈列架", "Promoters": "促销员", "Gift boxes": "礼盒", "Demo staff": "导购",
    "X-500G display island, Gome design": "X-500G 国美定制展台", "Gome member demo days": "国美会员体验日",
    "X-500 fridges at the regional DC": "区域配送中心备货的 X-500 冰箱",
    "Model X-500 fridge, sold only through Gome": "X-500 冰箱，只在国美销售", "Model X-500 fridge": "X-500 冰箱",
    "Wants gift sets instead of a discount": "希望用礼品套装代替折扣", "Extra 5% off for Gome": "国美额外优惠 5%", "Model X-500G fridge, built only for Gome": "X-500G 冰箱，国美专供型号",
    "Grow the business with headquarters": "与总部一起把生意做大", "a lot": "越多越好",
    "sell-out revenue": "零售额", "Sell-out of the X-500": "X-500 的零售销量", "units sold": "销售台数",
    "Our share of the chilled shelf": "我方在冷柜的货架份额", "share of shelf": "货架份额",
    "Launch event in the flagship store": "旗舰店上市活动", "Demo staff for four weekends": "四个周末的促销员费用",
    "Stock-out of the 500 L model in week 1": "第一周 500 升型号断货",
    "2,000 units held at the regional DC": "区域配送中心预留 2,000 台",
    "store promoters": "门店促销员", "Gift uptake 40% below forecast": "赠品领取量比预测低 40%",
    "Demo staff were trained too late for the launch weekend": "导购培训太晚，没赶上首销周末",
    "Train demo staff two weeks before each launch": "每次新品上市前两周完成导购培训",
    "lead time is fine now": "现在提前期已经够了",
    # comments
    "today 2027-07-01: no visit in 2027-Q2": "今天是 2027-07-01：2027 年第 2 季度没有高层拜访",
    "today 2027-03-01: the survey is more than 365 days old": "今天是 2027-03-01：上次满意度调查已是一年多以前",
    "today 2027-01-15: confirmed 365 days ago": "今天是 2027-01-15：联系人资料是 365 天前确认的",
    "suning-2027.yaml: the same three items in a promotion": "suning-2027.yaml：一次促销里也是这三项物料",
}
# A whole value (`key: v`), list item (`- v`, `[v, …]`), quoted value, comment or suppression reason.
WHOLE_VALUE = r'(?:(?<=: )|(?<=- )|(?<=\[)|(?<=, )|(?<=# )|(?<=-- )|(?<="))({})(?=$|\]|,|"|  #)'


def example_in_chinese(example: str) -> str:
    """An English doc example with the values and comments of EXAMPLE_WORDS_ZH."""
    for english in sorted(EXAMPLE_WORDS_ZH, key=len, reverse=True):  # `Model X-500 fridge, …` first
        example = re.sub(WHOLE_VALUE.format(re.escape(english)), EXAMPLE_WORDS_ZH[english], example, flags=re.M)
    return example


def doc_sections(rule: Rule, lang: str = "en") -> dict:
    """The doc's `## Heading` sections by English heading, translated where available."""
    found = _sections(rule.doc)
    if lang == "zh" and rule.built_in:  # the English examples, with Chinese values and comments
        found.update({k: example_in_chinese(found[k]) for k in DOC_SECTIONS if k not in TRANSLATED_SECTIONS
                      and k in found})
    if lang != "en" and rule.doc_zh:
        english_title = {v: k for k, v in SECTION_TITLES[lang].items()}
        found.update({english_title.get(k, k): v for k, v in _sections(rule.doc_zh).items()})
    return found


def _sections(doc: str) -> dict:
    found: dict = {}
    current = None
    for line in doc.splitlines()[1:]:
        if line.startswith("## "):
            current = line[3:].strip()
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return {k: "\n".join(v).strip() for k, v in found.items()}


def render_explanation(rule: Rule, lang: str = "en") -> str:
    found = doc_sections(rule, lang)
    severity = SEVERITY_NAMES[lang][rule.severity.value]
    # Under zh the title a person reads comes first; the slug stays, as configs and suppressions write it.
    named = f"{rule.title(lang)}（{rule.name}）" if lang == "zh" and rule.title(lang) != rule.name else f"{rule.name} "
    lines = [f"{rule.code} {named}[{severity}]", "", rule.headline(lang), ""]
    for section in DOC_SECTIONS:
        body = found.get(section, "")
        if section == "Options" and rule.options:
            defaults = "\n".join(f"  {key}: {json.dumps(value, ensure_ascii=False)}"
                                 for key, value in rule.options.items())
            body = f"{body}\n\n{_DEFAULTS[lang]}\n{defaults}"
        title = SECTION_TITLES[lang][section]
        lines += [title, "-" * len(title) * (2 if lang == "zh" else 1), body, ""]
    return "\n".join(lines).rstrip() + "\n"
