"""Human sentences for jsonschema errors: what is wrong, where, and what is right."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator, Optional

from planlint.api import DataPath, Problem, closest, format_path
from planlint.loader import PositionIndex

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number",
               "boolean": "true or false", "array": "a list", "object": "a mapping of keys"}
_YAML11_BOOLS = {"yes", "no", "on", "off", "true", "false"}
_NUMBERISH = re.compile(r"^[-+]?(0[xXoObB]?[0-9a-fA-F_,]*|[0-9][0-9_,]*)$")


def _p(path: DataPath) -> str:
    return f"`{format_path(path)}`"


def missing_key(path: DataPath, key: str, positions: PositionIndex) -> Problem:
    if path + (key,) in positions.keys:
        return Problem(path + (key,), f"{_p(path + (key,))} is empty; a value is required", at="key")
    where = "the file" if not path else _p(path)
    at = "key" if path and isinstance(path[-1], str) else "value"
    return Problem(path, f"{where} is missing the required key `{key}`", at=at)


def unknown_keys(path: DataPath, error: Any, positions: PositionIndex) -> Iterator[Problem]:
    known = list(error.schema.get("properties", {}))
    patterns = list(error.schema.get("patternProperties", {}))
    for key in error.instance:
        if key in known or any(re.search(p, key) for p in patterns):
            continue
        if key == "<<":
            message = f"merge keys (`<<`) are not supported in {_p(path) if path else 'a plan'}; write the keys out"
        else:
            guess = closest(key, known)
            hint = f"; did you mean `{guess}`?" if guess else f"; expected one of {', '.join(known)} (or an `x-` key)"
            message = f"unknown key `{key}` {'in ' + _p(path) if path else 'at the top level'}{hint}"
        yield Problem(path + (key,), message, at="key")


def not_allowed_key(path: DataPath, error: Any, data: dict) -> Problem:
    """A key of the other plan type, e.g. `cadence` on a project plan."""
    owner = error.schema.get("description", "another plan type")
    plan_type = _lookup(data, path[:-1]).get("type", "this")
    article = "an" if str(plan_type)[:1] in "aeiou" else "a"
    return Problem(path, f"{_p(path)}: `{path[-1]}` is {owner}; {article} {plan_type} plan does not take it",
                   at="key")


def _lookup(data: Any, path: DataPath) -> Any:
    for part in path:
        data = data[part]
    return data


def describe_error(path: DataPath, error: Any, positions: PositionIndex,
                   fits: Callable[[Any, dict], bool]) -> Problem:
    """`fits(value, schema)` tells whether quoting the source text would fix the value."""
    v, value = error.validator, error.instance
    got = _shown(value, positions.source_text(path))
    if v == "type":
        expected = error.schema.get("description") or _expected_type(error.validator_value)
        source = positions.source_text(path)
        hint = _type_hint(error.validator_value, value, path, positions)
        if hint.startswith(("; quote", " (YAML")) and not (source and fits(source, error.schema)):
            hint = _bool_hint(value, path, positions).split(";")[0]
        message = f"{_p(path)} must be {expected}, got {got}{hint}"
    elif v == "enum":
        options = [o for o in error.validator_value if isinstance(o, str)]
        guess = closest(value, options) if isinstance(value, str) else None
        hint = f"; did you mean `{guess}`?" if guess else _bool_hint(value, path, positions)
        message = f"{_p(path)} must be one of {', '.join(options)}, got {got}{hint}"
    elif v == "const":
        message = f"{_p(path)} must be {error.validator_value!r}, got {got}"
    elif v == "format":
        message = f"{_p(path)} must be a real date written YYYY-MM-DD, got {got}"
    elif v == "pattern":
        slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        hint = f"; did you mean `{slug}`?" if slug else ""
        message = f"{_p(path)} must be {error.schema.get('description', 'a slug')}, got {got}{hint}"
    elif v in ("minimum", "maximum"):
        bound = "at least" if v == "minimum" else "at most"
        message = f"{_p(path)} must be {bound} {error.validator_value}, got {got}"
    elif v == "minItems":
        message = f"{_p(path)} must list at least {error.validator_value} item(s)"
    elif v == "minLength":
        message = f"{_p(path)} must not be empty"
    elif v == "uniqueItems":
        return _repeated_item(path, value)
    elif v == "anyOf":
        message = f"{_p(path)} must be {error.schema.get('description', 'a valid value')}, got {got}"
    else:
        message = f"{_p(path)}: {error.message}"
    return Problem(path, message)


def _repeated_item(path: DataPath, items: list) -> Problem:
    seen: list = []
    for index, item in enumerate(items):
        if item in seen:
            return Problem(path + (index,), f"{_p(path)} lists `{item}` more than once")
        seen.append(item)
    return Problem(path, f"{_p(path)} lists an item more than once")


def _expected_type(types: Any) -> str:
    names = [_TYPE_NAMES.get(t, t) for t in ([types] if isinstance(types, str) else types)]
    return " or ".join(names)


def _shown(value: Any, source: Optional[str]) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = source if source is not None else str(value)
    return f"`{text}`"


def _bool_hint(value: Any, path: DataPath, positions: PositionIndex) -> str:
    source = positions.source_text(path)
    if isinstance(value, bool) and source and source.lower() in _YAML11_BOOLS and positions.is_plain(path):
        return f' (YAML reads a bare `{source}` as true/false); quote it: "{source}"'
    return ""


def _type_hint(expected: Any, value: Any, path: DataPath, positions: PositionIndex) -> str:
    expected = [expected] if isinstance(expected, str) else list(expected)
    source = positions.source_text(path)
    if "string" in expected and isinstance(value, bool):
        return _bool_hint(value, path, positions)
    if "string" in expected and isinstance(value, (int, float)) and source is not None:
        return f'; quote it: "{source}"'
    if "integer" in expected and isinstance(value, str) and source and _NUMBERISH.match(source):
        return f"; write a plain decimal number{_decimal_suggestion(source)}"
    return ""


def _decimal_suggestion(source: str) -> str:
    digits = source.replace(",", "").replace("_", "")
    try:
        number = int(digits, 0) if digits[:2].lower() in ("0x", "0o", "0b") else int(digits, 10)
    except ValueError:
        return ""
    return f" such as {number} (no leading zeros, separators or prefixes)"
