"""jsonschema's errors for an invalid plan, found without jsonschema.

A plan in six is invalid on a team's first run, and jsonschema's detailed error
walk over it cost a third of such a run. This walk gives the same errors (the
same keyword, value, subschema, path, message and `anyOf` context, in the same
order) for the keywords planlint.schema.compiled compiles, and it descends only where the
compiled yes/no check of a subschema says no: the valid parts of a plan cost one
compiled check each.

It must agree with jsonschema exactly (tests/unit/schema/test_fast_path.py checks it on
every fixture, on mutated plans and on generated corpora). Where it meets what
it does not know (a keyword, a key that is not a string), it raises
`Unsupported`, and the caller asks jsonschema instead.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from planlint.schema.compiled import Check, Compiler, Unsupported

Path = Tuple[Any, ...]
_SKIPPED = frozenset({"$schema", "$id", "$comment", "title", "description", "examples", "default",
                      "deprecated", "readOnly", "writeOnly", "$defs", "then", "else"})


class SchemaError:
    """The parts of a `jsonschema.ValidationError` that planlint reads."""

    __slots__ = ("validator", "validator_value", "instance", "schema", "absolute_path", "message",
                 "context", "relative_schema_path", "relative_path")

    def __init__(self, validator: Optional[str], value: Any, instance: Any, schema: Any, path: Path,
                 message: str, context: Optional[List["SchemaError"]] = None) -> None:
        self.validator, self.validator_value, self.instance = validator, value, instance
        self.schema, self.absolute_path, self.message = schema, path, message
        self.context = context or []
        self.relative_schema_path: Tuple[Any, ...] = ()
        self.relative_path: Path = ()


def _size_message(size: int, limit: int, short: bool) -> str:
    if short:
        return "should be non-empty" if limit == 1 else "is too short"
    return "is expected to be empty" if limit == 0 else "is too long"


# jsonschema's own wording, for the one place planlint shows it (an unusual keyword).
_MESSAGES: Dict[str, Callable[[Any, Any], str]] = {
    "type": lambda v, t: f"{v!r} is not of type " + ", ".join(repr(x) for x in ([t] if isinstance(t, str) else t)),
    "enum": lambda v, e: f"{v!r} is not one of {e!r}",
    "const": lambda v, c: f"{c!r} was expected",
    "pattern": lambda v, p: f"{v!r} does not match {p!r}",
    "format": lambda v, f: f"{v!r} is not a {f!r}",
    "uniqueItems": lambda v, u: f"{v!r} has non-unique elements",
    "minimum": lambda v, m: f"{v!r} is less than the minimum of {m!r}",
    "maximum": lambda v, m: f"{v!r} is greater than the maximum of {m!r}",
    "exclusiveMinimum": lambda v, m: f"{v!r} is less than or equal to the minimum of {m!r}",
    "exclusiveMaximum": lambda v, m: f"{v!r} is greater than or equal to the maximum of {m!r}",
    "minLength": lambda v, n: f"{v!r} {_size_message(len(v), n, True)}",
    "maxLength": lambda v, n: f"{v!r} {_size_message(len(v), n, False)}",
    "minItems": lambda v, n: f"{v!r} {_size_message(len(v), n, True)}",
    "maxItems": lambda v, n: f"{v!r} {_size_message(len(v), n, False)}",
    "not": lambda v, s: f"{v!r} should not be valid under {s!r}",
}


class ErrorFinder:
    """Errors of one schema; each subschema's compiled check is made once."""

    def __init__(self, schema: Any, formats: Dict[str, Check]) -> None:
        self.root = schema
        self.compiler = Compiler(schema, formats)
        self._checks: Dict[Tuple[int, str], Tuple[Any, Check]] = {}
        self._check(schema, "")  # raises Unsupported now rather than mid-run

    def iter_errors(self, instance: Any) -> List[SchemaError]:
        return list(self._errors(instance, self.root, ()))

    def fits(self, value: Any, schema: Any) -> bool:
        """True when `value` is valid under `schema`, a part of this schema."""
        return self._check(schema, "")(value)

    def _check(self, schema: Any, keyword: str) -> Check:
        """The compiled check of a subschema (keyword "") or of one of its keywords.
        The subschema is kept with its check, so its id stays its own."""
        key = (id(schema), keyword)
        found = self._checks.get(key)
        if found is None:
            check = self.compiler.compile(schema) if not keyword else self.compiler.keyword(keyword, schema)
            found = self._checks[key] = (schema, check)
        return found[1]

    def _errors(self, instance: Any, schema: Any, path: Path) -> Iterator[SchemaError]:
        if schema is True:
            return
        if schema is False:
            # jsonschema reports it at the parent's path; the bundled schemas never say `false`.
            raise Unsupported("a false subschema")
        if self._check(schema, "")(instance):
            return
        for keyword, value in schema.items():
            if keyword in _SKIPPED:
                continue
            walk = _WALKS.get(keyword)
            if walk is not None:
                yield from walk(self, value, instance, schema, path)
            elif keyword in _MESSAGES:
                if not self._check(schema, keyword)(instance):
                    yield SchemaError(keyword, value, instance, schema, path, _MESSAGES[keyword](instance, value))
            else:
                raise Unsupported(f"keyword {keyword!r}")

    def _properties(self, value: dict, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        if isinstance(instance, dict):
            for key, sub in value.items():
                if key in instance:
                    yield from self._errors(instance[key], sub, path + (key,))

    def _pattern_properties(self, value: dict, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        if isinstance(instance, dict):
            _string_keys(instance)
            for pattern, sub in value.items():
                for key, item in instance.items():
                    if re.search(pattern, key):
                        yield from self._errors(item, sub, path + (key,))

    def _additional(self, value: Any, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        if not isinstance(instance, dict):
            return
        _string_keys(instance)
        known, patterns = schema.get("properties", {}), "|".join(schema.get("patternProperties", {}))
        extras = [key for key in instance if key not in known and not (patterns and re.search(patterns, key))]
        if isinstance(value, dict):
            # In the file's order; jsonschema's is a set's, which varies between runs.
            for key in extras:
                yield from self._errors(instance[key], value, path + (key,))
        elif value is False and extras:
            if "patternProperties" in schema:
                verb = "does" if len(extras) == 1 else "do"
                joined = ", ".join(repr(each) for each in sorted(extras))
                regexes = ", ".join(repr(each) for each in sorted(schema["patternProperties"]))
                message = f"{joined} {verb} not match any of the regexes: {regexes}"
            else:
                names = ", ".join(repr(each) for each in sorted(extras, key=str))
                message = f"Additional properties are not allowed ({names} {'was' if len(extras) == 1 else 'were'} unexpected)"
            yield SchemaError("additionalProperties", value, instance, schema, path, message)

    def _required(self, value: list, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        if isinstance(instance, dict):
            for key in value:
                if key not in instance:
                    yield SchemaError("required", value, instance, schema, path, f"{key!r} is a required property")

    def _items(self, value: Any, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        if "prefixItems" in schema or value is False:
            raise Unsupported("prefixItems")
        if isinstance(instance, list):
            for index, item in enumerate(instance):
                yield from self._errors(item, value, path + (index,))

    def _all_of(self, value: list, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        for sub in value:
            yield from self._errors(instance, sub, path)

    def _any_of(self, value: list, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        context: List[SchemaError] = []
        for index, sub in enumerate(value):
            found = list(self._errors(instance, sub, path))
            if not found:
                return
            for error in found:
                error.relative_schema_path = (index,)
                error.relative_path = error.absolute_path[len(path):]
            context += found
        yield SchemaError("anyOf", value, instance, schema, path,
                          f"{instance!r} is not valid under any of the given schemas", context)

    def _if(self, value: Any, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        branch = "then" if self._check(value, "")(instance) else "else"
        if branch in schema:
            yield from self._errors(instance, schema[branch], path)

    def _ref(self, value: str, instance: Any, schema: dict, path: Path) -> Iterator[SchemaError]:
        target: Any = self.root
        for part in value[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        yield from self._errors(instance, target, path)


def _string_keys(instance: dict) -> None:
    if not all(isinstance(key, str) for key in instance):
        raise Unsupported("a key that is not a string")  # jsonschema decides


_WALKS: Dict[str, Callable[..., Iterator[SchemaError]]] = {
    "properties": ErrorFinder._properties, "patternProperties": ErrorFinder._pattern_properties,
    "additionalProperties": ErrorFinder._additional, "required": ErrorFinder._required,
    "items": ErrorFinder._items, "allOf": ErrorFinder._all_of, "anyOf": ErrorFinder._any_of,
    "if": ErrorFinder._if, "$ref": ErrorFinder._ref,
}
