"""A JSON Schema compiled into Python closures that answer one question: valid or not.

Most plans are valid, and jsonschema spends most of a run proving it. This
module answers that yes/no in microseconds and imports nothing heavy: a compiled
validator library (jsonschema-rs) loads a 15 MB extension and the `email` and
`decimal` packages on import, which costs more than linting a plan, and a
pre-commit run lints one plan.

It is a shortcut, never the judge: a False only sends the plan on to jsonschema,
which writes the findings. So it must never call an invalid plan valid, and it
may call a valid plan invalid when in doubt (a key that is not a string, say).
It knows the Draft 2020-12 keywords the bundled schemas use; `compile_schema`
raises `Unsupported` for any other, and the caller falls back to jsonschema.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Tuple

Check = Callable[[Any], bool]

# Keywords that never change whether an instance is valid.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "examples", "default",
                          "deprecated", "readOnly", "writeOnly", "$defs"})
_OBJECT_KEYWORDS = frozenset({"properties", "patternProperties", "additionalProperties", "required"})
# Compiled together with another keyword: the object keywords as one pass over
# the keys, `then` and `else` with their `if`.
_COMPILED_TOGETHER = _ANNOTATIONS | _OBJECT_KEYWORDS | {"then", "else"}
_MAX_REMEMBERED_KEYS = 4096  # a file of a million distinct keys must not fill memory


class Unsupported(ValueError):
    """The schema uses a keyword or reference this module does not compile."""


def compile_schema(schema: Any, formats: Optional[Dict[str, Check]] = None) -> Check:
    return Compiler(schema, formats or {}).compile(schema)


def json_key(value: Any) -> Any:
    """A hashable stand-in that is equal exactly when two values are equal in
    JSON: tagged so that `true` and `1` differ, while `1` and `1.0` hash and
    compare alike (and, as in jsonschema, a NaN is equal to itself)."""
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, list):
        return ("array", tuple(json_key(item) for item in value))
    if isinstance(value, dict):
        return ("object", frozenset((key, json_key(item)) for key, item in value.items()))
    return ("scalar", value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_TYPES: Dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),  # `5000.0` is no whole number: the plan says `5000`
}


class Compiler:
    """Checks of one schema's parts: a whole subschema (`compile`) or one keyword of it
    (`keyword`, which the error reconstruction asks for); `$ref`s resolve against `root`."""

    def __init__(self, root: Any, formats: Dict[str, Check]) -> None:
        self.root = root
        self.formats = formats
        self.refs: Dict[str, List[Check]] = {}

    def compile(self, schema: Any) -> Check:
        if schema is True or schema == {}:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(f"a schema must be an object or a boolean, not {schema!r}")
        checks = [self.keyword(name, schema) for name in schema if name not in _COMPILED_TOGETHER]
        if not _OBJECT_KEYWORDS.isdisjoint(schema):
            checks.append(self._object(schema))
        return _all_of(checks)

    def keyword(self, name: str, schema: dict) -> Check:
        value = schema[name]
        build = getattr(self, "_kw_" + name.lstrip("$"), None)
        if build is None:
            raise Unsupported(f"keyword {name!r}")
        return build(value, schema)  # type: ignore[no-any-return]

    def _kw_type(self, value: Any, schema: dict) -> Check:
        names = [value] if isinstance(value, str) else value
        if not all(name in _TYPES for name in names):
            raise Unsupported(f"type {value!r}")
        tests = [_TYPES[name] for name in names]
        return tests[0] if len(tests) == 1 else (lambda v: any(test(v) for test in tests))

    def _object(self, schema: dict) -> Check:
        known = {key: self.compile(sub) for key, sub in schema.get("properties", {}).items()}
        patterns = [(re.compile(p).search, self.compile(sub))
                    for p, sub in schema.get("patternProperties", {}).items()]
        extra = (self.compile(schema["additionalProperties"]) if "additionalProperties" in schema else None)
        required = tuple(schema.get("required", ()))
        by_key: Dict[str, Tuple[Check, ...]] = {}

        def checks_for(key: str) -> Tuple[Check, ...]:
            """The checks a value under `key` must pass. Plans repeat the same few
            keys, so each key's pattern search runs once per run, not per value."""
            found = tuple([known[key]] if key in known else []) + tuple(
                pattern_check for search, pattern_check in patterns if search(key))
            if not found and extra is not None:
                found = (extra,)
            if len(by_key) < _MAX_REMEMBERED_KEYS:
                by_key[key] = found
            return found

        def check_every_key(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            for key, item in v.items():
                if not isinstance(key, str):
                    return False  # in doubt: jsonschema decides
                checks = by_key.get(key)
                for value_check in checks if checks is not None else checks_for(key):
                    if not value_check(item):
                        return False
            return has_required(v)

        def check_named_keys(v: Any) -> bool:
            """Without patterns or additionalProperties only the named keys matter:
            an `if` or `then` that looks at two keys of a plan looks up two keys."""
            if not isinstance(v, dict):
                return True
            for key, value_check in named:
                if key in v and not value_check(v[key]):
                    return False
            return has_required(v)

        def has_required(v: dict) -> bool:
            for key in required:
                if key not in v:
                    return False
            return True

        named = tuple(known.items())
        return check_every_key if patterns or extra is not None else check_named_keys

    def _kw_items(self, value: Any, schema: dict) -> Check:
        each = self.compile(value)

        def check(v: Any) -> bool:
            if isinstance(v, list):
                for item in v:
                    if not each(item):
                        return False
            return True
        return check

    def _kw_minItems(self, value: int, schema: dict) -> Check:
        return lambda v: not isinstance(v, list) or len(v) >= value

    def _kw_maxItems(self, value: int, schema: dict) -> Check:
        return lambda v: not isinstance(v, list) or len(v) <= value

    def _kw_uniqueItems(self, value: bool, schema: dict) -> Check:
        # By hashing, not pairwise: a hostile list of 100,000 tiers must not take hours.
        return lambda v: not (value and isinstance(v, list)) or len({json_key(item) for item in v}) == len(v)

    def _kw_minLength(self, value: int, schema: dict) -> Check:
        return lambda v: not isinstance(v, str) or len(v) >= value

    def _kw_maxLength(self, value: int, schema: dict) -> Check:
        return lambda v: not isinstance(v, str) or len(v) <= value

    def _kw_pattern(self, value: str, schema: dict) -> Check:
        search = re.compile(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None

    def _kw_format(self, value: str, schema: dict) -> Check:
        # The test is called on every value, as jsonschema's FormatChecker does
        # with the same function: the two must agree.
        test = self.formats.get(value)
        if test is None:
            raise Unsupported(f"format {value!r}")
        return test

    # Written as jsonschema writes them, so that NaN passes both alike.
    def _kw_minimum(self, value: float, schema: dict) -> Check:
        return lambda v: not _is_number(v) or not v < value

    def _kw_maximum(self, value: float, schema: dict) -> Check:
        return lambda v: not _is_number(v) or not v > value

    def _kw_exclusiveMinimum(self, value: float, schema: dict) -> Check:
        return lambda v: not _is_number(v) or v > value

    def _kw_enum(self, value: list, schema: dict) -> Check:
        if all(isinstance(choice, str) for choice in value):
            strings = frozenset(value)
            return lambda v: isinstance(v, str) and v in strings
        choices = {json_key(choice) for choice in value}
        return lambda v: json_key(v) in choices

    def _kw_const(self, value: Any, schema: dict) -> Check:
        wanted = json_key(value)
        return lambda v: json_key(v) == wanted

    def _kw_not(self, value: Any, schema: dict) -> Check:
        inner = self.compile(value)
        return lambda v: not inner(v)

    def _kw_allOf(self, value: list, schema: dict) -> Check:
        return _all_of([self.compile(sub) for sub in value])

    def _kw_anyOf(self, value: list, schema: dict) -> Check:
        branches = [self.compile(sub) for sub in value]
        return lambda v: any(branch(v) for branch in branches)

    def _kw_oneOf(self, value: list, schema: dict) -> Check:
        branches = [self.compile(sub) for sub in value]
        return lambda v: sum(1 for branch in branches if branch(v)) == 1

    def _kw_if(self, value: Any, schema: dict) -> Check:
        condition = self.compile(value)
        then = self.compile(schema.get("then", True))
        otherwise = self.compile(schema.get("else", True))
        return lambda v: then(v) if condition(v) else otherwise(v)

    def _kw_ref(self, value: str, schema: dict) -> Check:
        """Local references only (`#/$defs/name`); each compiles once, and a
        recursive one reaches itself through the `slot` filled in afterwards."""
        if not value.startswith("#/"):
            raise Unsupported(f"reference {value!r}")
        slot = self.refs.get(value)
        if slot is None:
            slot = self.refs[value] = []
            target: Any = self.root
            for part in value[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                if not isinstance(target, dict) or part not in target:
                    raise Unsupported(f"reference {value!r} leads nowhere")
                target = target[part]
            slot.append(self.compile(target))
        if slot:
            return slot[0]
        return lambda v: slot[0](v)


def _all_of(checks: List[Check]) -> Check:
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)

    def check(v: Any) -> bool:
        for one in checks:
            if not one(v):
                return False
        return True
    return check
