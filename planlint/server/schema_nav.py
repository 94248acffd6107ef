"""The plan schema read for the editor: which keys a mapping allows, a key's
description, a value's enum. Read from the same JSON Schema `planlint schema`
prints, so keys that the schema gains appear in completion with no change here."""
from __future__ import annotations

import functools
import json
from typing import Any, Dict, List, Optional

from planlint.api import DataPath, value_at


@functools.lru_cache(maxsize=1)
def plan_schema() -> dict:
    from planlint.schema.validate import schema_text

    return json.loads(schema_text())


def _resolve(schema: Any) -> dict:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 20:
        extra = {k: v for k, v in schema.items() if k != "$ref"}
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = {**plan_schema().get("$defs", {}).get(name, {}), **extra}
        seen += 1
    return schema if isinstance(schema, dict) else {}


def _branches(schema: dict) -> List[dict]:
    schema = _resolve(schema)
    found = [schema]
    for word in ("anyOf", "oneOf"):
        for branch in schema.get(word, []):
            found += _branches(branch)
    return found


def _matches(condition: dict, data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    if any(key not in data for key in condition.get("required", [])):
        return False
    for key, rule in condition.get("properties", {}).items():
        if key in data and "const" in rule and data[key] != rule["const"]:
            return False
    return True


def properties(schema: dict, data: Any) -> Dict[str, dict]:
    """The keys a mapping allows (merged over branches and the if/then that apply to
    `data`); a key that the mapping's type forbids (`not: {}`) is left out."""
    found: Dict[str, dict] = {}
    for branch in _branches(schema):
        for key, sub in branch.get("properties", {}).items():
            found[key] = {**_resolve(sub), **{k: v for k, v in sub.items() if k != "$ref"}}
        for clause in branch.get("allOf", []):
            if "if" in clause and _matches(clause["if"], data):
                for key, sub in clause.get("then", {}).get("properties", {}).items():
                    if sub.get("not") == {}:
                        found.pop(key, None)
    return found


def required(schema: dict, data: Any) -> List[str]:
    names: List[str] = []
    for branch in _branches(schema):
        names += branch.get("required", [])
        for clause in branch.get("allOf", []):
            if "if" in clause and _matches(clause["if"], data):
                names += clause.get("then", {}).get("required", [])
    return names


def schema_at(path: DataPath, data: Any) -> Optional[dict]:
    """The schema of the node at `path` in `data` (a plan as read, maybe incomplete)."""
    schema: dict = plan_schema()
    for depth, part in enumerate(path):
        if isinstance(part, int):
            items = [b["items"] for b in _branches(schema) if isinstance(b.get("items"), dict)]
            if not items:
                return None
            schema = _resolve(items[0])
        else:
            sub = properties(schema, value_at(data, path[:depth])).get(part)
            if sub is None:
                return None
            schema = sub
    return schema


def enum_values(schema: dict) -> List[Any]:
    values: List[Any] = []
    for branch in _branches(schema):
        values += [v for v in branch.get("enum", []) if v not in values]
        if branch.get("type") == "boolean":
            values += [v for v in (True, False) if v not in values]
    return values


def description(schema: dict) -> str:
    for branch in _branches(schema):
        if branch.get("description"):
            return str(branch["description"])
    return ""
