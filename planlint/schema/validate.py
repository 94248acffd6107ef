"""Plan data -> PL002 problems, and the data with every invalid value removed.

Error objects (jsonschema's, or the same errors from planlint.schema.errors) are kept
whole until here: their paths name the node, their validator says what kind of
message to write (see `schema_messages`).
"""
from __future__ import annotations

import datetime as dt
import json
import pkgutil
import re
from functools import lru_cache, partial
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Set, Tuple

from planlint.api import DataPath, Problem, value_at
from planlint.parse.positions import PositionIndex
from planlint.schema.errors import ErrorFinder
from planlint.schema.compiled import Unsupported, compile_schema

SCHEMA_FILE = "account-plan.schema.json"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Maker = Callable[[], Problem]  # a problem, made when it is reported
# One value gets at most one finding: the most basic complaint wins.
_PRIORITY = {"type": 0, "anyOf": 1, "enum": 2, "const": 2, "format": 3, "pattern": 3}


def schema_text(name: str = SCHEMA_FILE) -> str:
    # pkgutil.get_data reads through the package's loader, as importlib.resources
    # does (zip-safe, no __file__), but costs 1 ms to import instead of 9 ms: this
    # runs on every lint, and a pre-commit run lints one file.
    data = pkgutil.get_data("planlint.schemas", name)
    if data is None:
        raise FileNotFoundError(f"planlint.schemas/{name}")
    return data.decode("utf-8")


def is_real_date(value: object) -> bool:
    """Strict `YYYY-MM-DD`: Python's fromisoformat alone also takes `20270101`."""
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def make_validator(schema: dict) -> Any:
    """A Draft 2020-12 validator whose `date` format is strict `YYYY-MM-DD`."""
    import jsonschema  # a heavy import: only a schema or value the error walk does not know pays for it

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date")(is_real_date)
    # A whole number is written as one: `5000.0` gets "write `5000`".
    types = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool))
    validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=types)
    return validator(schema, format_checker=checker)


def validate(data: Any, positions: PositionIndex, schema_name: str = SCHEMA_FILE
             ) -> Tuple[List[Problem], Set[DataPath]]:
    """Problems for data under a bundled schema (the plan's by default), and the
    paths of the invalid values it removed."""
    return _made(*validate_lazily(data, positions, schema_name), data)


def validate_lazily(data: Any, positions: PositionIndex, schema_name: str = SCHEMA_FILE
                    ) -> Tuple[List[Maker], Set[DataPath]]:
    """`validate`, with each problem made only when asked for: every error is found,
    but a plan of 60,000 errors need only have its first ones described. Make the
    problems to report, then `prune(data, removed)`: their words name entries by
    values the pruning takes away.

    Most plans are valid: a compiled check says so in microseconds. An invalid
    plan's errors come from the same compiled checks (planlint.schema.errors), which walk
    only the failing parts; jsonschema is imported only for a schema or a value
    that walk does not know.
    """
    finder = _finder(schema_name)
    if finder is None:
        if _fast_check(schema_name)(data):
            return [], set()
        return _check_against(_validator(schema_name), data, positions)
    return _validate_with(finder, data, positions, lambda: _validator(schema_name))


def validate_against(schema: dict, data: Any, positions: PositionIndex) -> Tuple[List[Problem], Set[DataPath]]:
    """The same under a schema made at run time (a config's rule options)."""
    try:
        finder = ErrorFinder(schema, {"date": is_real_date})
    except Unsupported:
        if make_validator(schema).is_valid(data):
            return [], set()
        return check_against(make_validator(schema), data, positions)
    return _made(*_validate_with(finder, data, positions, lambda: make_validator(schema)), data)


def _made(makers: List[Maker], removed: Set[DataPath], data: Any) -> Tuple[List[Problem], Set[DataPath]]:
    problems = [make() for make in makers]
    prune(data, removed)
    return problems, removed


def _validate_with(finder: ErrorFinder, data: Any, positions: PositionIndex, validator: Callable[[], Any]
                   ) -> Tuple[List[Maker], Set[DataPath]]:
    if finder.fits(data, finder.root):
        return [], set()
    try:
        errors = finder.iter_errors(data)
    except Unsupported:
        return _check_against(validator(), data, positions)
    return collect(errors, finder.fits, data, positions)


def compile_fast_check(schema: dict) -> Callable[[Any], bool]:
    """The schema as a yes/no check (see planlint.schema.compiled), with the same strict
    `date` format as `make_validator`; jsonschema itself if the schema ever uses
    a keyword that module does not compile."""
    try:
        return compile_schema(schema, {"date": is_real_date})
    except Unsupported:
        return make_validator(schema).is_valid  # type: ignore[no-any-return]


@lru_cache(maxsize=None)
def _finder(schema_name: str) -> Optional[ErrorFinder]:
    try:
        return ErrorFinder(json.loads(schema_text(schema_name)), {"date": is_real_date})
    except Unsupported:
        return None


@lru_cache(maxsize=None)
def _fast_check(schema_name: str) -> Callable[[Any], bool]:
    return compile_fast_check(json.loads(schema_text(schema_name)))


@lru_cache(maxsize=None)
def _validator(schema_name: str) -> Any:
    return make_validator(json.loads(schema_text(schema_name)))


def check_against(validator: Any, data: dict, positions: PositionIndex
                  ) -> Tuple[List[Problem], Set[DataPath]]:
    """Problems for `data` under any schema (plans, config), from jsonschema."""
    return _made(*_check_against(validator, data, positions), data)


def _check_against(validator: Any, data: dict, positions: PositionIndex) -> Tuple[List[Maker], Set[DataPath]]:
    def fits(value: Any, subschema: dict) -> bool:
        return bool(validator.evolve(schema=subschema).is_valid(value))

    return collect(validator.iter_errors(data), fits, data, positions)


def collect(errors: Iterable[Any], fits: Callable[[Any, dict], bool], data: dict, positions: PositionIndex
            ) -> Tuple[List[Maker], Set[DataPath]]:
    """A maker of a problem for each schema error (jsonschema's or planlint.schema.errors'),
    and the paths of the invalid values to remove. `fits(value, subschema)` tells
    whether a value is valid under a part of the schema."""
    # Only an invalid plan or config needs the words for its errors.
    from planlint.schema.messages import (describe_error, meant_key, missing_key, not_allowed_key, unknown_key,
                                          unknown_key_names)

    unknown: Dict[DataPath, Maker] = {}
    missing: Dict[Tuple[DataPath, str], Maker] = {}
    values: Dict[DataPath, Tuple[int, Maker]] = {}
    keep_value: Set[DataPath] = set()  # a repeated tier is reported, not removed
    meant: Set[DataPath] = set()  # the keys that misspelled keys stand for
    for error in _flatten(errors):
        path = tuple(error.absolute_path)
        if error.validator == "required":
            for key in error.validator_value:
                if key not in error.instance and (path, key) not in missing:
                    missing[(path, key)] = partial(missing_key, path, key, positions, data)
        elif error.validator == "additionalProperties":
            for key in unknown_key_names(error):
                if path + (key,) not in unknown:
                    unknown[path + (key,)] = partial(unknown_key, path, key, error, data)
                guess = meant_key(str(key), error)
                if guess and guess not in error.instance:
                    meant.add(path + (guess,))
        elif error.validator == "not":
            if path not in unknown:
                unknown[path] = partial(not_allowed_key, path, error, data)
        else:
            rank = _PRIORITY.get(error.validator, 4)
            if path not in values or rank < values[path][0]:
                values[path] = (rank, partial(describe_error, path, error, positions, fits, data))
                if error.validator == "uniqueItems":
                    keep_value.add(path)
    kept = _outermost({p: v[1] for p, v in values.items()}, set(unknown))
    # One root cause, one finding: the key a misspelled key stands for
    # (`consultaions` -> `consultations`) is neither "missing" nor absent for the rules.
    missing = {k: p for k, p in missing.items() if k[0] + (k[1],) not in meant}
    removed = set(unknown) | (set(kept) - keep_value) | meant
    return [*missing.values(), *unknown.values(), *kept.values()], removed


def _flatten(errors: Iterable[Any]) -> Iterator[Any]:
    """Replace a one-or-many `anyOf` error by the errors of the branch that fits."""
    for error in errors:
        if error.validator != "anyOf":
            yield error
            continue
        branches: Dict[int, list] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        fitting = [subs for subs in branches.values()
                   if not any(s.validator == "type" and not s.relative_path for s in subs)]
        if len(fitting) == 1:
            yield from _flatten(fitting[0])
        else:
            yield error


def _outermost(values: Dict[DataPath, Maker], unknown: Set[DataPath]) -> Dict[DataPath, Maker]:
    """Drop complaints about values inside a value that is itself reported."""
    reported = set(values) | unknown
    return {path: problem for path, problem in values.items()
            if path not in unknown and not any(path[:n] in reported for n in range(len(path)))}


def prune(data: Any, paths: Set[DataPath]) -> None:
    """Rules see only valid values: invalid keys go, invalid list items become None."""
    for path in sorted(paths, key=len, reverse=True):
        if not path:
            continue
        parent = value_at(data, path[:-1])
        if isinstance(parent, dict):
            parent.pop(path[-1], None)
        elif isinstance(parent, list) and isinstance(path[-1], int) and path[-1] < len(parent):
            parent[path[-1]] = None
