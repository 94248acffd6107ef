"""What the plan schema allows at one data path: the subschemas that apply there.

Fixes need to know what a value should have been (a number, a date, one of an
enum's values, one of a mapping's keys); the editor's completion and hover, which
keys a mapping takes, which are required, a key's description and values. Both read
it here, from the bundled schema with each `if` checked against the plan as read
(a project plan takes no `cadence`), not from a finding's message: messages are for
people and change.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Callable, Dict, List, Set

from planlint.api import DataPath, value_at

_MAX_DEPTH = 32


@lru_cache(maxsize=None)
def _root() -> dict:
    from planlint.schema.validate import schema_text

    return json.loads(schema_text())  # type: ignore[no-any-return]


# Speed: the root is dereferenced once, not for every fixed finding, and
# its parts that hold no `$ref` are given back as they are rather than copied again.
_CLEAN: Set[int] = set()


@lru_cache(maxsize=None)
def _derefed_root() -> dict:
    root = _deref(_root())
    _mark_clean(root)
    return root  # type: ignore[no-any-return]


def _mark_clean(node: Any) -> bool:
    if isinstance(node, dict):
        clean = all([_mark_clean(child) for child in node.values()]) and "$ref" not in node
    elif isinstance(node, list):
        clean = all([_mark_clean(child) for child in node])
    else:
        return True
    if clean:
        _CLEAN.add(id(node))  # the root keeps every node alive, so the id stays its own
    return clean


def _deref(schema: Any, depth: int = 0) -> Any:
    """The schema with every local `$ref` replaced by what it names."""
    if depth > _MAX_DEPTH or id(schema) in _CLEAN:
        return schema
    if isinstance(schema, list):
        return [_deref(item, depth + 1) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _deref(v, depth + 1) for k, v in schema.items() if k != "$ref"}
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target = value_at(_root(), tuple(ref[2:].split("/")))
        if isinstance(target, dict):
            out = {**_deref(target, depth + 1), **out}
    return out


def _expand(schema: Any, instance: Any) -> List[dict]:
    """The schema, its `anyOf`/`oneOf` branches, and the `allOf` members and `then`
    parts that apply to `instance`."""
    if not isinstance(schema, dict):
        return []
    found = [schema]
    for keyword in ("anyOf", "oneOf"):
        for branch in schema.get(keyword, []):
            found += _expand(branch, instance)
    for member in schema.get("allOf", []):
        if isinstance(member, dict) and "if" in member:
            if fits_schema(member["if"], instance):
                found += _expand(member.get("then"), instance)
        else:
            found += _expand(member, instance)
    return found


def fits_schema(schema: Any, instance: Any) -> bool:
    """True when `instance` is valid under `schema` (a part of the plan schema)."""
    return _checker(json.dumps(_deref(schema), sort_keys=True))(instance)


@lru_cache(maxsize=256)
def _checker(schema_json: str) -> Callable[[Any], bool]:
    from planlint.schema.validate import compile_fast_check

    return compile_fast_check(json.loads(schema_json))


def at(data: Any, path: DataPath, allowed_only: bool = False) -> List[dict]:
    """Every subschema that applies to the node at `path` (of the data as read).
    `allowed_only`: none under a key that the mapping's other values forbid."""
    current = _expand(_derefed_root(), data)
    for depth, part in enumerate(path):
        if allowed_only and isinstance(part, str) and part in _forbidden(current):
            return []
        parent = value_at(data, path[:depth + 1])
        children: List[dict] = []
        for schema in current:
            if isinstance(part, int):
                children += _expand(_deref(schema.get("items")), parent)
                continue
            properties = schema.get("properties", {})
            if part in properties:
                children += _expand(_deref(properties[part]), parent)
        current = children
        if not current:
            return []
    return current


def allowed_keys(data: Any, path: DataPath) -> Set[str]:
    """The keys a mapping at `path` may hold (`x-` keys aside), given its other values."""
    return set(key_schemas(data, path))


def key_schemas(data: Any, path: DataPath) -> Dict[str, List[dict]]:
    """The keys a mapping at `path` may hold, each with its subschemas, in the
    schema's order (`x-` keys aside), given the mapping's other values."""
    schemas = at(data, path)
    forbidden = _forbidden(schemas)
    found: Dict[str, List[dict]] = {}
    for schema in schemas:
        for key, sub in schema.get("properties", {}).items():
            if key not in forbidden:
                found.setdefault(key, []).extend(_expand(sub, value_at(data, (*path, key))))
    return found


def _forbidden(schemas: List[dict]) -> Set[str]:
    """The keys that a schema of `schemas` rules out (`not`), such as a project plan's `cadence`."""
    return {key for schema in schemas for key, sub in schema.get("properties", {}).items()
            if isinstance(sub, dict) and "not" in sub}


def required_keys(schemas: List[dict]) -> Set[str]:
    return {key for schema in schemas for key in schema.get("required", ())}


def description(schemas: List[dict]) -> str:
    """The first description among `schemas` ("" when none has one)."""
    return next((str(s["description"]) for s in schemas if s.get("description")), "")


def enum_values(schemas: List[dict]) -> List[Any]:
    """The values a node may take from a list (an enum's, true and false for a boolean)."""
    values: List[Any] = []
    for schema in schemas:
        values += [v for v in schema.get("enum", []) if v not in values]
        if schema.get("type") == "boolean":
            values += [v for v in (True, False) if v not in values]
    return values


def expects(schemas: List[dict], json_type: str) -> bool:
    return any(types_of(s) & {json_type} for s in schemas)


def types_of(schema: Dict[str, Any]) -> Set[str]:
    declared = schema.get("type")
    return {declared} if isinstance(declared, str) else set(declared or ())


def enum_options(schemas: List[dict]) -> List[str]:
    options: List[str] = []
    for schema in schemas:
        options += [o for o in schema.get("enum", []) if isinstance(o, str) and o not in options]
    return options


def is_date(schemas: List[dict]) -> bool:
    return any(s.get("format") == "date" for s in schemas)
