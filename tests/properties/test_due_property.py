"""Property test of `planlint due` over generated plans and dates: every deadline a
time-aware rule declares is kept (a check run on the day before `fires_on` does not
report that finding, one on `fires_on` does), every finding such a rule reports
today is listed as overdue, and the milestones are exactly the dated entries of
the window, boundaries included."""
from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from typing import Any, Dict, List, Set, Tuple

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.config import Settings
from planlint.engine.run import lint_texts
from planlint.registry import load_registry

REGISTRY = load_registry()
TIME_AWARE = sorted(code for code, rule in REGISTRY.rules.items() if rule.fires_on is not None)
BASE = dt.date(2027, 1, 1)
PATH = "plan.yaml"

days = st.integers(min_value=-500, max_value=900).map(lambda n: (BASE + dt.timedelta(days=n)).isoformat())


@st.composite
def plans(draw: Any) -> Dict[str, Any]:
    start = draw(st.integers(min_value=-400, max_value=400))
    period = {"start": (BASE + dt.timedelta(days=start)).isoformat(),
              "end": (BASE + dt.timedelta(days=start + draw(st.integers(0, 500)))).isoformat()}
    contacts = [{"id": f"c{k}", "name": f"Contact {k}", "role": "buyer",
                 **({"updated": draw(days)} if draw(st.booleans()) else {})}
                for k in range(draw(st.integers(1, 3)))]
    account = {"id": "acme", "name": "Acme", "class": draw(st.sampled_from("ABC")), "manager": "Pat Kim",
               "tiers": ["store"], "contacts": contacts,
               "visits": [{"date": draw(days), "exec": "Chen Hui"} for _ in range(draw(st.integers(0, 3)))],
               "surveys": [{"date": draw(days), "score": 8} for _ in range(draw(st.integers(0, 2)))]}
    operational = {"id": "ops", "type": "operational", "title": "Rhythm", "tier": "store", "review_with": ["c0"],
                   "cadence": draw(st.sampled_from(["weekly", "monthly", "quarterly"])),
                   "coordinates": ["promo"]}
    operational["review_day"] = draw(st.integers(1, {"weekly": 7, "monthly": 31, "quarterly": 92}[
        operational["cadence"]]))
    project = {"id": "promo", "type": "project", "title": "Promo", "tier": "store", "kind": "promotion",
               "finalized": draw(days), "start": draw(days), "end": draw(days), "owner": draw(
                   st.sampled_from([None, "Wang Fang"])),
               "materials": [{"item": f"item {k}", "ready": draw(days)} for k in range(draw(st.integers(0, 2)))],
               "consultations": [{"date": draw(days), "with": ["c0"]} for _ in range(draw(st.integers(0, 2)))],
               "training": [{"date": draw(days), "audience": "promoters"} for _ in range(draw(st.integers(0, 1)))],
               "exclusive": [{"offer": "X", "type": "product"}]}
    if draw(st.booleans()):
        project["review"] = {"date": draw(days), "with": ["c0"],
                             **({"actions": [{"action": "Do it"}]} if draw(st.booleans()) else {})}
    if project["owner"] is None:
        del project["owner"]
    return {"version": 1, "account": account, "period": period, "plans": [operational, project]}


def run(text: str, today: dt.date, within: Any = None) -> Any:
    chosen = Settings(today=today, select=["PL"])
    return lint_texts({PATH: text}, chosen, registry=REGISTRY, due_within=within)


def at(result: Any, code: str, line: int) -> List[str]:
    return [f.message for f in result.findings if f.code == code and f.line == line]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), today_offset=st.integers(-400, 800), within=st.integers(0, 120))
def test_every_deadline_fires_on_its_day_and_not_the_day_before(plan: Dict[str, Any], today_offset: int,
                                                                 within: int) -> None:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    today = BASE + dt.timedelta(days=today_offset)
    result = run(text, today, within)
    assert not result.errors
    for item in result.due:
        if item.kind == "milestone":
            continue
        assert item.code in TIME_AWARE
        fires_on = item.fires_on
        before, on = run(text, fires_on - dt.timedelta(days=1)), run(text, fires_on)
        assert item.message in at(on, item.code, item.line), (item, at(on, item.code, item.line))
        assert item.message not in at(before, item.code, item.line), item
        assert len(at(on, item.code, item.line)) == len(at(before, item.code, item.line)) + 1, item
        if item.kind == "deadline":
            assert today < fires_on <= today + dt.timedelta(days=within)
            assert item.date == fires_on - dt.timedelta(days=1)
        else:
            assert fires_on <= today and item.date == fires_on
    overdue = Counter((i.code, i.line) for i in result.due if i.kind == "overdue")
    firing = Counter((f.code, f.line) for f in result.findings if f.code in TIME_AWARE)
    assert overdue == firing
    # and nothing begins to fire within the window unannounced
    later = run(text, today + dt.timedelta(days=within))
    started = Counter((f.code, f.line) for f in later.findings if f.code in TIME_AWARE) - firing
    announced = Counter((i.code, i.line) for i in result.due if i.kind == "deadline")
    assert not started - announced, (started, announced)


@settings(max_examples=80, deadline=None)
@given(plan=plans(), today_offset=st.integers(-400, 800), within=st.integers(0, 120))
def test_milestones_are_exactly_the_dated_entries_of_the_window(plan: Dict[str, Any], today_offset: int,
                                                                within: int) -> None:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    today = BASE + dt.timedelta(days=today_offset)
    result = run(text, today, within)
    listed = {(i.data_path, i.date) for i in result.due if i.kind == "milestone"}
    assert len(listed) == sum(i.kind == "milestone" for i in result.due)
    assert listed == expected_milestones(plan, today, today + dt.timedelta(days=within))


def expected_milestones(plan: Dict[str, Any], first: dt.date, last: dt.date) -> Set[Tuple[str, dt.date]]:
    """Worked out day by day, as a person reading the plan would."""
    found: Set[Tuple[str, str]] = set()
    operational, project = plan["plans"]
    for key in ("finalized", "start", "end"):
        found.add((f"plans[1].{key}", project[key]))
    for section, key in (("materials", "ready"), ("consultations", "date"), ("training", "date")):
        found |= {(f"plans[1].{section}[{k}].{key}", entry[key]) for k, entry in enumerate(project[section])}
    if "review" in project:
        found.add(("plans[1].review.date", project["review"]["date"]))
    for section in ("visits", "surveys"):
        found |= {(f"account.{section}[{k}].date", e["date"]) for k, e in enumerate(plan["account"][section])}
    dated = {(path, dt.date.fromisoformat(day)) for path, day in found}
    day, n = first, operational["review_day"]
    while day <= last:
        if review_day(operational["cadence"], n, day):
            dated.add(("plans[0].review_day", day))
        day += dt.timedelta(days=1)
    return {(path, day) for path, day in dated if first <= day <= last}


def review_day(cadence: str, n: int, day: dt.date) -> bool:
    if cadence == "weekly":
        return day.isoweekday() == n
    if cadence == "monthly":
        return day.day == min(n, calendar.monthrange(day.year, day.month)[1])
    quarter_start = dt.date(day.year, day.month - (day.month - 1) % 3, 1)
    quarter_end = dt.date(day.year, quarter_start.month + 2, calendar.monthrange(day.year, quarter_start.month + 2)[1])
    return day == min(quarter_start + dt.timedelta(days=n - 1), quarter_end)
