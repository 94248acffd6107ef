"""At most 1,000 findings of a rule in a file: a rule's problems beyond that are never
made (its check is not pulled further), the schema's are counted but not described,
and a cross-file rule's are counted per file."""
from __future__ import annotations

import itertools
from pathlib import Path

from planlint.api import Problem
from planlint.discover import discover
from planlint.engine.run import Settings, lint
from planlint.model import Rule, Severity
from planlint.registry import load_registry

from helpers import DEFAULT_TODAY, HERE, lint_paths

PLAN = (HERE.parent / "examples" / "plans" / "gome-2027.yaml").read_text(encoding="utf-8")
CONTACTS = "  contacts:\n"
MORE = "planlint reports the first 1000 of a rule in a file one by one"


def _with_contacts(tmp_path: Path, contacts: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace(CONTACTS, CONTACTS + contacts, 1), encoding="utf-8")
    return path


def test_a_rule_is_not_pulled_past_the_first_problem_left_out(tmp_path: Path) -> None:
    pulled = []

    def endless(doc, options):
        for number in itertools.count(1):
            pulled.append(number)
            yield Problem(("account", "manager"), f"problem {number}")

    registry = load_registry()
    registry.add(Rule("XX001", "endless", Severity.WARNING, "Endless.", "", {}, endless), "test")
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = lint(discover([str(path)]), registry, Settings(today=DEFAULT_TODAY))
    messages = [f.message for f in result.findings if f.code == "XX001"]
    assert len(pulled) == 1_001
    assert sorted(messages) == sorted([f"problem {n}" for n in range(1, 1_001)] + [
        f"more XX001 findings in this file are not shown; {MORE}"])


def test_schema_problems_past_the_cap_are_counted_and_the_summary_stands_at_the_first(tmp_path: Path) -> None:
    contacts = "".join(f"    - {{id: c{i}, role: r}}\n" for i in range(1_250))
    found = [f for f in lint_paths([str(_with_contacts(tmp_path, contacts))]).findings if f.code == "PL002"]
    assert len(found) == 1_001
    assert found[0].message == "contact `c0` is missing the required key `name`"
    assert found[999].message == "contact `c999` is missing the required key `name`"
    [summary] = [f for f in found if "more" in f.message]
    assert (summary.line, summary.message) == (1_011, f"250 more PL002 findings in this file; {MORE}")


def test_problems_are_worded_before_invalid_values_are_removed(tmp_path: Path) -> None:
    """`Li Ming` is no valid id and is removed for the rules, but the missing role
    is still the role of contact `Li Ming`, not of "contact 1"."""
    found = lint_paths([str(_with_contacts(tmp_path, "    - {id: Li Ming, name: L}\n"))]).findings
    assert [f.message for f in found if f.code == "PL002"] == [
        "contact `Li Ming` is missing the required key `role`",
        "contact 1: `id` must be a slug (lowercase letters, digits and `-`, starting with a letter or digit), "
        "got `Li Ming`; did you mean `li-ming`?"]


def test_a_cross_file_rule_is_capped_per_file_and_counted(tmp_path: Path) -> None:
    offers = "      - {offer: X-500 fridge, type: product}\n" * 1_100
    for name in ("a", "b"):
        plan = PLAN.replace("id: gome", f"id: acc-{name}", 1)
        start = plan.index("    exclusive:\n") + len("    exclusive:\n")
        (tmp_path / f"{name}.yaml").write_text(plan[:start] + offers + plan[start:], encoding="utf-8")
    found = [f for f in lint_paths([str(tmp_path)]).findings if f.code == "PL503"]
    for name in ("a", "b"):
        mine = [f.message for f in found if f.path.endswith(f"{name}.yaml")]
        other = "b" if name == "a" else "a"
        assert len(mine) == 1_001 and mine.count(
            f"exclusive offer `X-500 fridge` is not exclusive: also an exclusive offer of `acc-{other}`") == 1_000
        # the plan's own three offers are shared by both files too
        assert f"103 more PL503 findings in this file; {MORE}" in mine
