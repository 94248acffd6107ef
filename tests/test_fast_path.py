"""The compiled validator is only a shortcut: it must agree with jsonschema on every fixture."""
from __future__ import annotations

import pytest

from planlint.loader import load
from planlint.schema import _fast_validator, _validator

from helpers import HERE

PLANS = sorted(p for p in HERE.rglob("*.yaml") if "config" not in p.parts and "plugins" not in p.parts)
PLANS += sorted((HERE.parent / "examples" / "plans").glob("*.yaml"))


def test_fast_validator_is_installed() -> None:
    assert _fast_validator() is not None, "jsonschema-rs is a dependency"


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: str(p.relative_to(HERE.parent)))
def test_fast_and_detailed_validators_agree(plan) -> None:
    data = load(plan.read_bytes()).data
    if data is None:
        return
    detailed = not any(True for _ in _validator().iter_errors(data))
    assert _fast_validator().is_valid(data) == detailed


def test_they_agree_on_dates_that_only_the_format_check_rejects() -> None:
    valid = (HERE / "rules" / "PL001" / "pass_valid.yaml").read_bytes()
    for start, expected in ((b"2027-01-01", True), (b"2027-02-30", False), (b"2027-2-3", False),
                            (b"'20270203'", False)):
        data = load(valid.replace(b"  start: 2027-01-01", b"  start: " + start)).data
        assert _fast_validator().is_valid(data) is expected
        assert (not any(True for _ in _validator().iter_errors(data))) is expected
