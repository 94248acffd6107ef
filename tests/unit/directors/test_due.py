"""What is due: milestones of the window (boundaries included), deadlines the
time-aware rules declare (dated the day before they fire), overdue findings first,
and a suppression or an unselected rule drops its deadline as it drops the finding."""
from __future__ import annotations

import datetime as dt
from typing import List, Optional, Tuple

import pytest

from planlint.config import Settings
from planlint.discover import discover
from planlint.engine.run import lint
from planlint.registry import load_registry

from helpers import DATA

DUE = DATA / "due"
TODAY = dt.date(2027, 1, 5)


def due(today: dt.date = TODAY, within: int = 30, select: Optional[Tuple[str, ...]] = ("PL",), lang: str = "en",
        files: Tuple[str, ...] = ("acme.yaml", "suppressed.yaml")) -> list:
    settings = Settings(today=today, select=list(select) if select is not None else None, lang=lang)
    result = lint(discover([str(DUE / name) for name in files]), load_registry(), settings, due_within=within)
    assert not result.errors
    return result.due


def summary(items: list) -> List[Tuple[str, str, Optional[str], str, str]]:
    return [(i.kind, i.date.isoformat(), i.code, i.account, i.data_path) for i in items]


def test_overdue_first_then_by_date_with_milestones_and_deadlines() -> None:
    assert summary(due()) == [
        ("overdue", "2026-11-29", "PL704", "acme", "account.contacts[0].updated"),
        ("overdue", "2027-01-01", "PL703", "beta", "account"),
        ("milestone", "2027-01-10", None, "acme", "plans[1].materials[0].ready"),
        ("milestone", "2027-01-11", None, "beta", "plans[0].review_day"),
        ("deadline", "2027-01-12", "PL403", "acme", "plans[1].review"),
        ("milestone", "2027-01-12", None, "acme", "plans[1].review.date"),
        ("deadline", "2027-01-16", "PL704", "acme", "account.contacts[1].updated"),
        ("milestone", "2027-01-18", None, "beta", "plans[0].review_day"),
        ("milestone", "2027-01-20", None, "acme", "plans[1].start"),
        ("milestone", "2027-01-25", None, "acme", "account.visits[0].date"),
        ("milestone", "2027-01-25", None, "beta", "plans[0].review_day"),
        ("deadline", "2027-02-01", "PL703", "acme", "account.surveys"),
        ("milestone", "2027-02-01", None, "beta", "plans[0].review_day"),
        ("milestone", "2027-02-03", None, "acme", "plans[0].review_day"),
    ]


def test_an_item_says_who_does_what_where() -> None:
    review = next(i for i in due() if i.code == "PL403")
    assert (review.what, review.owner, review.manager, review.plan, review.line, review.fires_on) == (
        "write the actions of the review of plan `promo` held on 2027-01-12", "Lee Park", "Pat Kim", "promo", 52,
        dt.date(2027, 1, 13))
    assert review.message == "the review of plan `promo` on 2027-01-12 is past and records no `actions`"
    visit = next(i for i in due() if i.data_path == "account.visits[0].date")
    assert (visit.owner, visit.plan, visit.account_name, visit.line) == ("Pat Kim", None, "Acme Stores", 18)


def test_the_window_includes_today_and_its_last_day() -> None:
    window = [i.data_path for i in due(today=dt.date(2027, 1, 10), within=10) if i.kind == "milestone"]
    assert window[0] == "plans[1].materials[0].ready" and "plans[1].start" in window  # 01-10 and 01-20
    assert "account.visits[0].date" not in window  # 01-25
    assert [i.date for i in due(within=0) if i.kind == "milestone"] == []


def test_a_malformed_date_is_not_listed_and_the_rest_of_the_plan_is() -> None:
    paths = [i.data_path for i in due(within=60)]
    assert "plans[1].materials[1].ready" not in paths  # 2027-02-30
    assert "plans[1].end" in paths and "plans[1].materials[0].ready" in paths


def test_deadlines_follow_the_selection_and_milestones_do_not() -> None:
    default = due(select=None)
    assert {i.code for i in default if i.code} == {"PL403", "PL704"}  # PL702 and PL703 are opt-in
    assert sum(i.kind == "milestone" for i in default) == sum(i.kind == "milestone" for i in due())


def test_a_suppressed_finding_has_no_deadline() -> None:
    assert not [i for i in due(files=("suppressed.yaml",)) if i.code == "PL704"]


def test_chinese_run_says_what_to_do_in_chinese() -> None:
    review = next(i for i in due(lang="zh") if i.code == "PL403")
    assert review.what == "补记计划 `promo` 复盘（2027-01-12）的改进措施（`actions`）"


@pytest.mark.parametrize("today", ["9999-12-31", "0001-01-01", "9999-12-01"])
def test_extreme_dates_never_crash(today: str, tmp_path) -> None:
    plan = (DUE / "acme.yaml").read_text(encoding="utf-8").replace("2027-01-12", today)
    (tmp_path / "edge.yaml").write_text(plan.replace("2026-06-01", today), encoding="utf-8")
    settings = Settings(today=dt.date.fromisoformat(today), select=["PL"])
    result = lint(discover([str(tmp_path / "edge.yaml")]), load_registry(), settings, due_within=36600)
    assert not result.errors
    assert all(i.date <= dt.date.max for i in result.due)
