"""`planlint due`: the list in English and Chinese, JSON, an ICS calendar that
icalendar reads with one event per JSON item and stable UIDs, and -o with the
protections every report has."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA

ARGS = ("--today", "2027-01-05", "--select", "PL", "--isolated")


@pytest.fixture()
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("acme.yaml", "suppressed.yaml"):
        shutil.copy(DATA / "due" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def due(*args: str):
    return CliRunner().invoke(cli, ["due", *args, *ARGS], catch_exceptions=False)


def test_text_groups_by_date_in_english(plans: Path) -> None:
    done = due(".")
    assert done.exit_code == 0
    lines = done.output.splitlines()
    assert lines[:2] == ["2026-11-29 · 37 days ago",
                         "  overdue · acme · confirm the details of contact `li-ming` (Li Ming) with the customer "
                         "and update `updated` · owner Pat Kim · PL704 · ./acme.yaml:12"]
    assert "2027-01-12 · in 7 days" in lines
    assert ("  deadline · acme · write the actions of the review of plan `promo` held on 2027-01-12 · owner Lee Park"
            " · PL403 · ./acme.yaml:52") in lines
    assert lines[-1] == "14 items within 30 days of 2027-01-05: 2 overdue, 3 deadlines, 9 milestones."


def test_text_in_chinese_has_no_english_outside_ids_names_and_paths(plans: Path) -> None:
    done = due(".", "--lang", "zh")
    assert done.exit_code == 0
    assert "2027-01-12 · 7 天后" in done.output
    assert "  已逾期 · Acme Stores · 与客户核实联系人 `li-ming`" in done.output  # the account's name, not its id
    assert done.output.splitlines()[-1] == "2027-01-05 起 30 天内共 14 项：已逾期 2 项，即将到期 3 项，里程碑 9 项。"
    for line in done.output.splitlines():
        bare = re.sub(r"`[^`]*`|（[A-Za-z ]+）|负责人：[A-Za-z ]+|\./\S+|PL\d{3}|Acme Stores|Beta Mart", "", line)
        assert not re.search(r"[A-Za-z]{2,}", bare), line


def test_nothing_due_says_so(plans: Path) -> None:
    done = CliRunner().invoke(cli, ["due", "acme.yaml", "--today", "2026-01-04", "--within", "3", "--isolated",
                                    "--select", "PL"])
    assert (done.exit_code, done.output) == (0, "Nothing due within 3 days of 2026-01-04.\n")


def test_json_is_the_list_in_order_with_fires_on_for_deadlines(plans: Path) -> None:
    items = json.loads(due(".", "--format", "json").output)
    assert [item["kind"] for item in items[:2]] == ["overdue", "overdue"]
    review = next(item for item in items if item["code"] == "PL403")
    assert review == {
        "date": "2027-01-12", "days": 7, "kind": "deadline", "account": "acme", "account_name": "Acme Stores",
        "manager": "Pat Kim", "plan": "promo", "what": "write the actions of the review of plan `promo` held on "
        "2027-01-12", "owner": "Lee Park", "code": "PL403", "fires_on": "2027-01-13",
        "message": "the review of plan `promo` on 2027-01-12 is past and records no `actions`",
        "path": "./acme.yaml", "line": 52, "column": 5, "data_path": "plans[1].review", "key": ""}
    assert all(item["fires_on"] is None for item in items if item["kind"] == "milestone")


def test_a_deadline_fires_on_its_day_and_not_the_day_before(plans: Path) -> None:
    for item in json.loads(due(".", "--format", "json").output):
        if item["kind"] != "deadline":
            continue
        fires_on = item["fires_on"]
        before = json.loads(CliRunner().invoke(cli, [item["path"], "--format", "json", "--isolated", "--select",
                                                     "PL", "--today", _day_before(fires_on)]).output)
        on = json.loads(CliRunner().invoke(cli, [item["path"], "--format", "json", "--isolated", "--select", "PL",
                                                 "--today", fires_on]).output)
        same = [(f["code"], f["line"], f["message"]) for f in on]
        assert (item["code"], item["line"], item["message"]) in same
        assert not [f for f in before if (f["code"], f["line"]) == (item["code"], item["line"])]


def _day_before(day: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def test_ics_has_one_event_per_item_and_says_what_the_json_says(plans: Path) -> None:
    items = json.loads(due(".", "--format", "json").output)
    raw = due(".", "--format", "ics").output.encode("utf-8")
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(items)
    for event, item in zip(events, items):
        assert event.decoded("DTSTART").isoformat() == item["date"]
        assert str(event["SUMMARY"]).endswith(item["what"].replace("`", ""))
        assert "`" not in str(event["SUMMARY"]) + str(event["DESCRIPTION"])
        assert f'{item["path"]}:{item["line"]}' in str(event["DESCRIPTION"])
        assert event["CATEGORIES"].cats == [item["account"]]
        assert event.decoded("DTSTAMP").strftime("%Y%m%d") == "20270105"
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_ics_lines_end_in_crlf_and_fold_at_75_octets_inside_no_character(plans: Path, tmp_path: Path) -> None:
    due(".", "--format", "ics", "--lang", "zh", "-o", "due.ics")
    raw = (plans / "due.ics").read_bytes()
    assert raw.endswith(b"END:VCALENDAR\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode("utf-8")  # a fold never splits a character
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    assert "即将到期：补记计划 promo 复盘（2027-01-12）的改进措施（actions）" in summaries


def test_uids_are_stable_across_runs_and_dates(plans: Path) -> None:
    def uids(today: str) -> dict:
        raw = CliRunner().invoke(cli, ["due", ".", "--format", "ics", "--isolated", "--select", "PL",
                                       "--today", today]).output
        return {str(e["SUMMARY"]): str(e["UID"]) for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")}

    first, again, later = uids("2027-01-05"), uids("2027-01-05"), uids("2027-01-08")
    assert first == again
    shared = set(first) & set(later)
    assert shared and all(first[s] == later[s] for s in shared)


def test_output_never_replaces_a_plan_even_through_a_link(plans: Path) -> None:
    before = (plans / "acme.yaml").read_bytes()
    assert due(".", "-o", "acme.yaml").exit_code == 2
    os.symlink("acme.yaml", plans / "link.txt")
    refused = due("acme.yaml", "--format", "ics", "-o", "link.txt")
    assert refused.exit_code == 2 and "a plan being linted" in refused.output
    assert (plans / "acme.yaml").read_bytes() == before


def test_usage_errors_exit_2(plans: Path) -> None:
    assert due(".", "--within", "-1").exit_code == 2
    assert due(".", "--format", "sarif").exit_code == 2
    assert due("missing-folder").exit_code == 2


def test_a_real_process_writes_the_calendar(plans: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "planlint", "due", ".", "--format", "ics", *ARGS],
                          capture_output=True, cwd=plans, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
