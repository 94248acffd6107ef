"""The compiled check is only a shortcut: it must agree with jsonschema on every
fixture and on generated variations, and it must never pass what jsonschema fails.
The error walk (planlint.schema.errors) must give jsonschema's errors, and so the same
findings, for every invalid plan and config."""
from __future__ import annotations

import copy
import importlib.util
import json
import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.parse.loader import load
from planlint.schema.validate import (_fast_check, _finder, _validate_with, _validator, check_against, make_validator,
                                      prune, schema_text)
from planlint.schema.errors import ErrorFinder
from planlint.schema.compiled import Unsupported, compile_schema

from helpers import DATA, HERE
from mutations import mutated_plan

PLANS = sorted(p for p in HERE.rglob("*.yaml") if "config" not in p.parts and "plugins" not in p.parts)
EXAMPLES = HERE.parent / "examples" / "plans"
PLANS += sorted(EXAMPLES.glob("*.yaml"))
CONFIGS = sorted((DATA / "config").rglob("*.yaml"))
PLAN_SCHEMA = "account-plan.schema.json"
CONFIG_SCHEMA = "config.schema.json"


def agree(data: object, schema_name: str = PLAN_SCHEMA) -> None:
    detailed = not any(True for _ in _validator(schema_name).iter_errors(data))
    assert _fast_check(schema_name)(data) is detailed
    same_errors(data, schema_name)


def error_parts(errors: object, context: bool = False) -> list:
    """What planlint reads of each error, in order, `anyOf` context included
    (where an error of the context also names its branch and its relative path)."""
    return [(e.validator, e.validator_value, repr(e.instance), e.schema, tuple(e.absolute_path), e.message,
             (e.relative_schema_path[0], tuple(e.relative_path)) if context else None,
             error_parts(e.context, True)) for e in errors]


def same_errors(data: object, schema_name: str = PLAN_SCHEMA, positions: object = None) -> None:
    """The error walk gives jsonschema's errors, and the same problems and pruned data."""
    finder = _finder(schema_name)
    mine, theirs = error_parts(finder.iter_errors(data)), error_parts(_validator(schema_name).iter_errors(data))
    if schema_name == CONFIG_SCHEMA:  # its `additionalProperties` schemas: jsonschema's order is a set's
        mine, theirs = sorted(mine, key=repr), sorted(theirs, key=repr)
    assert mine == theirs
    if positions is not None:
        mine, ours = copy.deepcopy(data), copy.deepcopy(data)
        expected, removed = check_against(_validator(schema_name), mine, positions)
        makers, removed_here = _validate_with(finder, ours, positions, lambda: _validator(schema_name))
        found = [make() for make in makers]
        prune(ours, removed_here)
        assert ([(p.path, p.at, p.render("en"), p.render("zh")) for p in found]
                == [(p.path, p.at, p.render("en"), p.render("zh")) for p in expected])
        assert (removed_here, ours) == (removed, mine)


def test_the_bundled_schemas_compile_without_falling_back_to_jsonschema() -> None:
    # compile_schema raises Unsupported where the run would quietly fall back to
    # jsonschema; what it compiles must also say yes and no where jsonschema does.
    plan = load((EXAMPLES / "gome-2027.yaml").read_bytes()).data
    cases = ((PLAN_SCHEMA, plan, {**plan, "version": 2}), (CONFIG_SCHEMA, {"fail-on": "error"}, {"fail-on": "never"}))
    for name, valid, invalid in cases:
        check = compile_schema(json.loads(schema_text(name)), {"date": lambda value: True})
        assert (check(valid), check(invalid)) == (True, False), name


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: str(p.relative_to(HERE.parent)))
def test_fast_and_detailed_validators_agree_on_every_plan_fixture(plan) -> None:
    loaded = load(plan.read_bytes())
    if loaded.data is not None:
        agree(loaded.data)
        same_errors(loaded.data, PLAN_SCHEMA, loaded.positions)


@pytest.mark.parametrize("config", CONFIGS, ids=lambda p: str(p.relative_to(HERE)))
def test_fast_and_detailed_validators_agree_on_every_config_fixture(config) -> None:
    loaded = load(config.read_bytes())
    if loaded.data is not None:
        agree(loaded.data, CONFIG_SCHEMA)
        same_errors(loaded.data, CONFIG_SCHEMA, loaded.positions)


def test_they_agree_on_dates_that_only_the_format_check_rejects() -> None:
    valid = (HERE / "rules" / "PL001" / "pass_valid.yaml").read_bytes()
    for start, expected in ((b"2027-01-01", True), (b"2027-02-30", False), (b"2027-2-3", False),
                            (b"'20270203'", False)):
        data = load(valid.replace(b"  start: 2027-01-01", b"  start: " + start)).data
        assert _fast_check(PLAN_SCHEMA)(data) is expected
        agree(data)


@pytest.mark.parametrize("schema, value, expected", [
    ({"const": 1}, True, False),            # JSON's true is not 1
    ({"const": 1}, 1.0, True),              # but 1.0 is 1
    ({"enum": [False]}, 0, False),
    ({"type": "integer"}, 2.0, False),      # unlike Draft 2020-12: `5000.0` is no plain whole number
    ({"type": "integer"}, True, False),
    ({"type": "number"}, False, False),
    ({"type": ["string", "number"]}, None, False),
    ({"minimum": 1}, "0", True),            # number keywords ignore other types
    ({"maximum": 5}, math.nan, True),     # as in jsonschema: NaN is not above 5
    ({"exclusiveMinimum": 0}, 0, False),    # a survey's scale is a number > 0
    ({"exclusiveMinimum": 0}, 0.5, True),
    ({"exclusiveMinimum": 0}, "0", True),
    ({"uniqueItems": True}, [1, True], True),
    ({"uniqueItems": True}, [{"a": [1]}, {"a": [1.0]}], False),
    ({"uniqueItems": True}, [1, 1.0], False),
    ({"uniqueItems": True}, ["1", 1, None, [1, True], [1, 1]], True),
    ({"uniqueItems": True}, [{"a": 1, "b": 2}, {"b": 2, "a": 1}], False),
    ({"not": {}}, "anything", False),
    ({"if": {"const": "a"}, "then": {"minLength": 2}, "else": {"maxLength": 0}}, "a", False),
    ({"if": {"const": "a"}, "then": {"minLength": 2}, "else": {"maxLength": 0}}, "b", False),
    ({"if": {"const": "a"}, "then": {"minLength": 2}, "else": {"maxLength": 0}}, "", True),
    ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, "x", False),
    ({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False},
     {"x-note": 1}, False),
    ({"properties": {"a": {"type": "string"}}, "patternProperties": {"a": {"minLength": 2}}},
     {"a": "b"}, False),                    # a named key still meets the patterns it matches
    ({"$ref": "#/$defs/tree", "$defs": {"tree": {"type": "array", "items": {"$ref": "#/$defs/tree"}}}},
     [[[]], [[], [1]]], False),
])
def test_keywords_mean_what_draft_2020_12_says(schema, value, expected) -> None:
    assert compile_schema(schema)(value) is expected
    assert make_validator(schema).is_valid(value) is expected
    theirs = list(make_validator(schema).iter_errors(value))
    try:
        mine = ErrorFinder(schema, {}).iter_errors(value)
    except Unsupported:
        assert "oneOf" in schema  # left to jsonschema
        return
    assert error_parts(mine) == error_parts(theirs)


@pytest.mark.parametrize("schema, value", [
    ({"anyOf": [{"type": "string", "minLength": 3}, {"type": "array", "items": {"type": "string"}}]}, ["a", 1]),
    ({"anyOf": [{"type": "string", "minLength": 3}, {"type": "array", "items": {"type": "string"}}]}, "ab"),
    ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, None),
    ({"properties": {"a": {"type": "integer", "minimum": 2, "maximum": 1}}, "required": ["a", "b", "c"]},
     {"a": 1.5}),
    ({"properties": {"a": {}}, "additionalProperties": False}, {"b": 1, "c": 2, "a": 0}),
    ({"patternProperties": {"^x-": {}}, "additionalProperties": False}, {"b": 1, "y": 2}),
    # one invalid extra key: jsonschema visits extra keys in set order, which varies from run to run
    ({"additionalProperties": {"type": "string"}}, {"b": 1, "c": "x"}),
    ({"allOf": [{"if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"not": {"required": ["c"]}}}]},
     {"c": 1}),
    ({"minItems": 2, "maxItems": 0, "uniqueItems": True, "items": {"enum": ["x", 1]}}, ["x", "x", True]),
    ({"minLength": 1, "maxLength": 0, "pattern": "^a", "format": "date"}, ""),
])
def test_the_error_walk_gives_jsonschemas_errors(schema, value) -> None:
    formats = {"date": lambda v: False}
    validator = make_validator(schema)
    theirs = list(validator.iter_errors(value))
    assert theirs, "each case is invalid"
    assert error_parts(ErrorFinder(schema, formats).iter_errors(value)) == error_parts(theirs)


@pytest.mark.parametrize("schema, value", [
    ({"additionalProperties": False}, {1: "one"}),   # a key that is not text
    ({"properties": {"a": False}}, {"a": 1}),        # jsonschema reports it one level up
    ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, "x"),
])
def test_what_the_error_walk_does_not_know_is_left_to_jsonschema(schema, value) -> None:
    with pytest.raises(Unsupported):
        ErrorFinder(schema, {}).iter_errors(value)


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("generate", HERE.parent / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_error_walk_agrees_on_the_benchmarks_mixed_corpus() -> None:
    generate = _generator()
    rng, invalid = random.Random(11), 0
    for index in range(240):
        loaded = load(generate.plan_text(index, rng, "mixed", 11).encode("utf-8"))
        if not _fast_check(PLAN_SCHEMA)(loaded.data):
            invalid += 1
            same_errors(loaded.data, PLAN_SCHEMA, loaded.positions)
    assert invalid >= 20


def test_a_key_that_is_not_text_is_left_to_jsonschema() -> None:
    assert compile_schema({"additionalProperties": True})({1: "one"}) is False


@pytest.mark.parametrize("schema", [
    {"prefixItems": [{}]}, {"$ref": "other.json"}, {"$ref": "#/$defs/missing"},
    {"format": "email"}, {"type": "whole"}, {"dependentRequired": {"a": ["b"]}},
])
def test_a_keyword_it_does_not_compile_is_refused(schema) -> None:
    with pytest.raises(Unsupported):
        compile_schema(schema)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2 ** 32), st.sampled_from(sorted(EXAMPLES.glob("*.yaml"))))
def test_they_agree_on_mutated_plans(seed, example) -> None:
    loaded = load(mutated_plan(load(example.read_bytes()).data, seed))
    if loaded.data is not None:
        agree(loaded.data)
        same_errors(loaded.data, PLAN_SCHEMA, loaded.positions)
