"""A rule's own documentation, laid out for `planlint explain`."""
from __future__ import annotations

import json

from planlint.api import DOC_SECTIONS, Rule


def render_explanation(rule: Rule) -> str:
    sections = rule.sections()
    lines = [f"{rule.code} {rule.name} [{rule.severity.value}]", "", rule.summary, ""]
    for title in DOC_SECTIONS:
        body = sections.get(title, "")
        if title == "Options" and rule.options:
            defaults = "\n".join(f"  {key}: {json.dumps(value, ensure_ascii=False)}"
                                 for key, value in rule.options.items())
            body = f"{body}\n\nDefaults:\n{defaults}"
        lines += [title, "-" * len(title), body, ""]
    return "\n".join(lines).rstrip() + "\n"
