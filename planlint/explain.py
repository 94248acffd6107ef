"""A rule's own documentation, laid out for `planlint explain`."""
from __future__ import annotations

import json

from planlint.api import DOC_SECTIONS
from planlint.model import SECTION_TITLES, SEVERITY_NAMES, Rule

_DEFAULTS = {"en": "Defaults:", "zh": "默认值："}


def render_explanation(rule: Rule, lang: str = "en") -> str:
    sections = rule.sections(lang)
    lines = [f"{rule.code} {rule.name} [{SEVERITY_NAMES[lang][rule.severity.value]}]", "", rule.title(lang), ""]
    for section in DOC_SECTIONS:
        body = sections.get(section, "")
        if section == "Options" and rule.options:
            defaults = "\n".join(f"  {key}: {json.dumps(value, ensure_ascii=False)}"
                                 for key, value in rule.options.items())
            body = f"{body}\n\n{_DEFAULTS[lang]}\n{defaults}"
        title = SECTION_TITLES[lang][section]
        lines += [title, "-" * len(title) * (2 if lang == "zh" else 1), body, ""]
    return "\n".join(lines).rstrip() + "\n"
