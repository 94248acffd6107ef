"""The compiled check is only a shortcut: it must agree with jsonschema on every
fixture and on generated variations, and it must never pass what jsonschema fails."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.loader import load
from planlint.schema import _fast_check, _validator, make_validator, schema_text
from planlint.schema_fast import Unsupported, compile_schema

from helpers import HERE
from mutations import mutated_plan

PLANS = sorted(p for p in HERE.rglob("*.yaml") if "config" not in p.parts and "plugins" not in p.parts)
EXAMPLES = HERE.parent / "examples" / "plans"
PLANS += sorted(EXAMPLES.glob("*.yaml"))
CONFIGS = sorted((HERE / "config").rglob("*.yaml"))
PLAN_SCHEMA = "account-plan.schema.json"
CONFIG_SCHEMA = "config.schema.json"


def agree(data: object, schema_name: str = PLAN_SCHEMA) -> None:
    detailed = not any(True for _ in _validator(schema_name).iter_errors(data))
    assert _fast_check(schema_name)(data) is detailed


def test_the_bundled_schemas_compile_without_falling_back_to_jsonschema() -> None:
    for name in (PLAN_SCHEMA, CONFIG_SCHEMA):
        compile_schema(json.loads(schema_text(name)), {"date": lambda value: True})


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: str(p.relative_to(HERE.parent)))
def test_fast_and_detailed_validators_agree_on_every_plan_fixture(plan) -> None:
    data = load(plan.read_bytes()).data
    if data is not None:
        agree(data)


@pytest.mark.parametrize("config", CONFIGS, ids=lambda p: str(p.relative_to(HERE)))
def test_fast_and_detailed_validators_agree_on_every_config_fixture(config) -> None:
    data = load(config.read_bytes()).data
    if data is not None:
        agree(data, CONFIG_SCHEMA)


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
    ({"type": "integer"}, 2.0, False),      # SPEC 7a.4, unlike Draft 2020-12: `5000.0` is no plain whole number
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
    data = load(mutated_plan(load(example.read_bytes()).data, seed)).data
    if data is not None:
        agree(data)
