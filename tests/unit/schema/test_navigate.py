"""One answer to "what does the schema allow here?": the editor's completion and hover
read it from planlint.schema.navigate, as the fixers do, with each `if` of the schema
checked against the plan as written."""
from __future__ import annotations

from typing import List

from planlint.schema import navigate
from planlint.server.completion import complete

PROJECT = """account:
  id: acme
  name: Acme
  tiers: [gold]
plans:
  - id: launch
    type: project
    title: Launch
    tier: gold
    
"""


def key_labels(text: str, line: int) -> List[str]:
    return [item.label for item in complete(text, line, 4, "utf-16", [])]


def test_a_project_plan_is_offered_the_keys_the_fixers_allow_and_never_an_operational_key() -> None:
    offered = key_labels(PROJECT, 9)
    data = {"id": "launch", "type": "project", "title": "Launch", "tier": "gold"}
    allowed = navigate.allowed_keys({"plans": [data]}, ("plans", 0))
    assert set(offered) == allowed - set(data)
    assert "kind" in offered and "cadence" not in offered and "review_day" not in offered


def test_an_operational_plan_is_offered_its_cadence_first_as_required_and_no_project_key() -> None:
    items = complete(PROJECT.replace("type: project", "type: operational"), 9, 4, "utf-16", [])
    required = [item.label for item in items if item.detail.endswith("(required)")]
    assert sorted(required) == ["cadence", "review_day"]
    assert not {"kind", "finalized", "start", "end"} & {item.label for item in items}


def test_a_key_that_the_plan_type_forbids_has_no_schema_for_the_editor_but_does_for_the_fixers() -> None:
    data = {"plans": [{"id": "p", "type": "project", "cadence": "weekly"}]}
    assert navigate.at(data, ("plans", 0, "cadence"), allowed_only=True) == []
    assert navigate.enum_values(navigate.at(data, ("plans", 0, "cadence")))  # what a fix may say it should be


def test_a_boolean_key_offers_true_and_false_and_an_enum_its_values() -> None:
    data = {"account": {"contacts": [{"id": "li", "decision_maker": None}]},
            "plans": [{"id": "p", "type": "project", "kind": None}]}
    assert navigate.enum_values(navigate.at(data, ("account", "contacts", 0, "decision_maker"))) == [True, False]
    assert navigate.enum_values(navigate.at(data, ("plans", 0, "kind"))) == [
        "promotion", "product-launch", "event", "training", "other"]
