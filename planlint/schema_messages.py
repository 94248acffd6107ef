"""Human sentences for jsonschema errors: what is wrong, where, and what is right."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator, Optional, Union

from planlint.api import DataPath, Problem, Text, closest, format_path, value_at
from planlint.positions import PositionIndex
from planlint.schema_fast import json_key
from planlint.messages import description, text

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number",
               "boolean": "true or false", "array": "a list", "object": "a mapping of keys"}
_YAML11_BOOLS = {"yes", "no", "on", "off", "true", "false"}
_NUMBERISH = re.compile(r"^[-+]?(0[xXoObB]?[0-9a-fA-F_,]*|[0-9][0-9_,]*)$")
Hint = Union[str, Text]


def missing_key(path: DataPath, key: str, positions: PositionIndex) -> Problem:
    if positions.has_key(path + (key,)):
        return Problem(path + (key,), text("empty_required", path=format_path(path + (key,))), at="key")
    if not path:
        return Problem(path, text("missing_top_key", key=key))
    at = "key" if isinstance(path[-1], str) else "value"
    return Problem(path, text("missing_key", path=format_path(path), key=key), at=at)


def unknown_keys(path: DataPath, error: Any, positions: PositionIndex) -> Iterator[Problem]:
    known = list(error.schema.get("properties", {}))
    patterns = list(error.schema.get("patternProperties", {}))
    for key in error.instance:
        if key in known or any(re.search(p, key) for p in patterns):
            continue
        if key == "<<":
            where: Hint = text("in_path", path=format_path(path)) if path else ""
            message = text("merge_key", where=where)
        else:
            guess = closest(key, known)
            hint = text("did_you_mean", guess=guess) if guess else text("expected_keys", keys=", ".join(known))
            where = text("where_path", path=format_path(path)) if path else text("where_top")
            message = text("unknown_key", key=key, where=where, hint=hint)
        yield Problem(path + (key,), message, at="key")


def not_allowed_key(path: DataPath, error: Any, data: dict) -> Problem:
    """A key of the other plan type, e.g. `cadence` on a project plan."""
    owner = error.schema.get("description", "a key of another plan type")
    plan = value_at(data, path[:-1])
    plan_type = str(plan.get("type", "this")) if isinstance(plan, dict) else "this"
    article = "an" if plan_type[:1] in "aeiou" else "a"
    return Problem(path, text("other_type_key", path=format_path(path), key=path[-1],
                              owner=description(owner), article=article, type=plan_type), at="key")


def describe_error(path: DataPath, error: Any, positions: PositionIndex,
                   fits: Callable[[Any, dict], bool]) -> Problem:
    """`fits(value, schema)` tells whether quoting the source text would fix the value."""
    v, value, where = error.validator, error.instance, format_path(path)
    got = _shown(value, positions.source_text(path))
    if v == "type":
        return Problem(path, text("must_be", path=where, expected=_expected(error), got=got,
                                  hint=_type_hint(error, value, path, positions, fits)))
    if v == "enum":
        options = [o for o in error.validator_value if isinstance(o, str)]
        guess = closest(value, options) if isinstance(value, str) else None
        hint = text("did_you_mean", guess=guess) if guess else _bool_hint(value, path, positions)
        return Problem(path, text("must_be_one_of", path=where, options=", ".join(options), got=got, hint=hint))
    if v == "pattern":
        # A guess only when it fits the pattern: `Li Ming` -> `li-ming` for a slug, `cny` -> `CNY`.
        guesses = (re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-"), str(value).strip().upper())
        guess = next((g for g in guesses if g and re.search(error.validator_value, g)), None)
        hint = text("did_you_mean", guess=guess) if guess else ""
        return Problem(path, text("must_be", path=where, expected=_expected(error), got=got, hint=hint))
    if v == "anyOf":
        return Problem(path, text("must_be", path=where, expected=_expected(error), got=got, hint=""))
    if v == "uniqueItems":
        return _repeated_item(path, value)
    simple = {"const": ("must_equal", {"value": repr(error.validator_value)}),
              "format": ("must_be_date", {}),
              "minimum": ("at_least", {"bound": error.validator_value}),
              "maximum": ("at_most", {"bound": error.validator_value}),
              "exclusiveMinimum": ("greater_than", {"bound": error.validator_value}),
              "minItems": ("min_items", {"count": error.validator_value}),
              "minLength": ("not_empty", {})}
    if v in simple:
        key, args = simple[v]
        return Problem(path, text(key, path=where, got=got, **args))
    return Problem(path, text("invalid", path=where, detail=error.message))


def _expected(error: Any) -> Text:
    if error.schema.get("description"):
        return description(error.schema["description"])
    types = error.validator_value if error.validator == "type" else "string"
    names = [_TYPE_NAMES.get(t, t) for t in ([types] if isinstance(types, str) else types)]
    return description(" or ".join(names))


def _repeated_item(path: DataPath, items: list) -> Problem:
    seen: set = set()  # by hashing, as uniqueItems does: a list with 80,000 tiers
    for index, item in enumerate(items):
        key = json_key(item)
        if key in seen:
            return Problem(path + (index,), text("repeated_item", path=format_path(path), item=item))
        seen.add(key)
    return Problem(path, text("repeated_item", path=format_path(path), item="?"))


def _shown(value: Any, source: Optional[str]) -> Text:
    if value is None:
        return text("got_empty")
    if isinstance(value, dict):
        return text("got_mapping")
    if isinstance(value, list):
        return text("got_list")
    return text("got_value", value=source if source is not None else str(value))


def _bool_hint(value: Any, path: DataPath, positions: PositionIndex) -> Hint:
    source = positions.source_text(path)
    if isinstance(value, bool) and source and source.lower() in _YAML11_BOOLS and positions.is_plain(path):
        return text("bool_hint", source=source)
    return ""


def _type_hint(error: Any, value: Any, path: DataPath, positions: PositionIndex,
               fits: Callable[[Any, dict], bool]) -> Hint:
    expected = [error.validator_value] if isinstance(error.validator_value, str) else list(error.validator_value)
    source = positions.source_text(path)
    quoting_fixes_it = source is not None and fits(source, error.schema)
    if "string" in expected and isinstance(value, bool):
        bool_hint = _bool_hint(value, path, positions)
        if bool_hint and quoting_fixes_it:
            return Text({"en": "{a}{b}", "zh": "{a}{b}"}, {"a": bool_hint, "b": text("quote_hint", source=source)})
        return bool_hint
    if "string" in expected and isinstance(value, (int, float)) and quoting_fixes_it:
        return text("quote_hint", source=source)
    if "integer" in expected and isinstance(value, str) and source and _NUMBERISH.match(source):
        return text("decimal_hint", example=_decimal_suggestion(source))
    return ""


def _decimal_suggestion(source: str) -> Hint:
    digits = source.replace(",", "").replace("_", "")
    try:
        number = int(digits, 0) if digits[:2].lower() in ("0x", "0o", "0b") else int(digits, 10)
    except ValueError:
        return ""
    return text("decimal_example", number=number)
