"""The best-practice pack adds optional keys only: every v1 plan stays valid, and the new
keys have descriptions in English and Chinese."""
from __future__ import annotations

import json

from planlint.messages import description
from planlint.schema.validate import schema_text

from helpers import HERE

NEW_DEFS = ("visit", "survey", "budget", "budget_line", "risk", "training")


def _descriptions(node: object) -> set:
    found = set()
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            found.add(node["description"])
        for value in node.values():
            found |= _descriptions(value)
    elif isinstance(node, list):
        for value in node:
            found |= _descriptions(value)
    return found


def test_the_new_keys_are_optional_where_section_8_puts_them() -> None:
    schema = json.loads(schema_text())
    defs, account = schema["$defs"], schema["properties"]["account"]
    assert {"visits", "surveys"} <= set(account["properties"]) and "visits" not in account["required"]
    assert "updated" in defs["contact"]["properties"]
    assert {"checker", "budget", "risks", "training"} <= set(defs["plan"]["properties"])
    assert {"baseline", "stretch"} <= set(defs["objective"]["properties"])
    assert "checker" in defs["action"]["properties"]
    assert defs["plan"]["required"] == ["id", "type", "title", "tier"]
    for name in NEW_DEFS:
        assert defs[name]["description"], name


def test_every_description_of_the_new_keys_has_a_chinese_translation() -> None:
    defs = json.loads(schema_text())["$defs"]
    schema = json.loads(schema_text())
    new_keys = [schema["properties"]["account"]["properties"][key] for key in ("visits", "surveys")]
    new_keys += [defs["plan"]["properties"][key] for key in ("budget", "risks", "training")]
    for english in _descriptions([new_keys, {name: defs[name] for name in NEW_DEFS}]):
        assert description(english).render("zh") != english, english


def test_the_schema_file_is_what_tools_build_schema_writes() -> None:
    import subprocess
    import sys

    built = subprocess.run([sys.executable, str(HERE.parent / "tools" / "build_schema.py")],
                           capture_output=True, text=True, check=True).stdout
    assert built == schema_text()
