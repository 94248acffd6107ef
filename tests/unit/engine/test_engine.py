"""The engine keeps going when a rule breaks, and cross-file rules see the whole run."""
from __future__ import annotations

from planlint.model import Rule, Severity
from planlint.cli.outputs import exit_status as _exit_status
from planlint.discover import discover
from planlint.engine.run import Settings, lint
from planlint.registry import load_registry

from helpers import HERE, DEFAULT_TODAY

EXAMPLES = HERE.parent / "examples" / "plans"


def _broken_check(doc, options):
    raise ZeroDivisionError("boom")
    yield  # pragma: no cover


def test_a_crashing_rule_is_reported_and_the_others_still_run() -> None:
    registry = load_registry()
    registry.add(Rule("XX999", "always-crashes", Severity.ERROR, "Crashes.", "", {}, _broken_check), "test")
    result = lint(discover([str(EXAMPLES)]), registry, Settings(today=DEFAULT_TODAY))
    crashes = [f for f in result.findings if f.code == "XX999"]
    assert len(crashes) == 4 and all("ZeroDivisionError: boom" in f.message for f in crashes)
    assert len([f for f in result.findings if f.code != "XX999"]) == 14
    assert len(result.errors) == 4
    assert _exit_status(result, Severity.ERROR, exit_zero=True) == 2


def test_cross_file_findings_are_reported_in_each_file() -> None:
    folder = HERE / "rules" / "PL503" / "fail_shared_offer"
    result = lint(discover([str(folder)]), load_registry(), Settings(today=DEFAULT_TODAY))
    shared = [(f.path.rsplit("/", 1)[-1], f.account, f.plan) for f in result.findings if f.code == "PL503"]
    assert shared == [("a.yaml", "acme", "promo"), ("b.yaml", "rival-mart", "promo")]
