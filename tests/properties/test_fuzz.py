"""Property-based tests: any bytes into the loader, mutated plans through every reporter.

A small budget keeps the suite fast; benchmarks/fuzz.py runs the long version.
"""
from __future__ import annotations

import datetime as dt
import json

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.discover import Source
from planlint.engine.run import Settings, lint
from planlint.parse.loader import load
from planlint.registry import load_registry
from planlint.reporters import FORMATS, get_reporter

from helpers import HERE, SHARED
from mutations import mutated_plan

REGISTRY = load_registry()
EXAMPLES = [yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((HERE.parent / "examples" / "plans").glob("*.yaml"))]
SARIF = json.loads((SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SARIF_VALIDATOR = jsonschema.validators.validator_for(SARIF)(SARIF)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_positions_inside(findings, texts) -> None:
    for finding in findings:
        lines = texts[finding.path].split("\n") if texts.get(finding.path) else [""]
        assert 1 <= finding.line <= max(len(lines), 1), finding
        assert finding.column >= 1, finding


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes_load_to_data_or_findings(raw: bytes) -> None:
    loaded = load(raw)
    assert loaded.data is None or isinstance(loaded.data, dict)
    assert loaded.data is not None or loaded.problems
    for _, problem in loaded.problems:
        assert problem.render()


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{},&*!|>'\"#\n\t ?%@`~01\ufeff总")), max_size=400))
def test_yaml_like_text_never_escapes(text: str) -> None:
    loaded = load(text.encode("utf-8"))
    assert loaded.data is None or isinstance(loaded.data, dict)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(EXAMPLES) - 1), st.integers(0, 10 ** 9)), min_size=1, max_size=3))
def test_mutated_plans_through_the_pipeline_and_every_reporter(picks) -> None:
    sources = [Source(f"plans/p{i}.yaml", data=mutated_plan(EXAMPLES[example], seed))
               for i, (example, seed) in enumerate(picks)]
    result = lint(sources, REGISTRY, Settings(today=dt.date(2027, 3, 1)), keep_text=True)
    assert result.errors == []
    assert_positions_inside(result.findings, result.texts)
    reports = {name: get_reporter(name)(result, REGISTRY) for name in FORMATS}
    json.loads(reports["json"])
    json.loads(reports["gitlab"])
    assert list(SARIF_VALIDATOR.iter_errors(json.loads(reports["sarif"]))) == []
    assert all(line.startswith("::") for line in reports["github"].splitlines())
