"""The engine keeps each file's account facts, so the directors' report never re-reads a plan."""
from __future__ import annotations

import datetime as dt

from helpers import HERE, lint_paths

EXAMPLES = HERE.parent / "examples" / "plans"


def test_each_linted_file_keeps_its_account_facts_once() -> None:
    result = lint_paths([str(EXAMPLES)])
    facts = result.facts[str(EXAMPLES / "northwind-mobile-2027.yaml")]
    assert (facts.id, facts.name, facts.account_class, facts.manager) == (
        "northwind-mobile", "Northwind Mobile", "A", "Alex Morgan")
    assert (facts.start, facts.end) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    summer, school = facts.plans
    assert (summer.id, summer.type, summer.kind) == ("summer-campaign", "project", "promotion")
    assert (summer.finalized, summer.start, summer.end) == (dt.date(2027, 6, 1), dt.date(2027, 6, 15),
                                                            dt.date(2027, 7, 15))
    assert [(m.item, m.ready) for m in summer.materials] == [
        ("Window posters", dt.date(2027, 6, 12)), ("Demo handsets", dt.date(2027, 6, 1)),
        ("Screen protectors as gifts", None)]
    assert summer.consultations == ((0, dt.date(2027, 6, 5)),) and summer.review == dt.date(2027, 7, 1)
    assert school.consultations == () and school.review is None
    assert result.options["PL201"]["min_lead_days"]["promotion"] == 42


def test_an_unreadable_file_has_no_facts_and_a_malformed_date_is_none(tmp_path) -> None:
    (tmp_path / "broken.yaml").write_text("version: 1\naccount: [\n", encoding="utf-8")
    (tmp_path / "odd.yaml").write_text(
        "version: 1\naccount: {id: odd, name: Odd, class: Z, manager: M, tiers: [hq]}\n"
        "period: {start: 2027-02-30, end: 2027-12-31}\nplans: []\n", encoding="utf-8")
    result = lint_paths([str(tmp_path)])
    assert result.facts[str(tmp_path / "broken.yaml")] is None
    odd = result.facts[str(tmp_path / "odd.yaml")]
    assert (odd.id, odd.account_class, odd.start, odd.end) == ("odd", None, None, dt.date(2027, 12, 31))
