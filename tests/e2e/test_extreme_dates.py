"""Any date YAML accepts is a date a plan may hold: the calendar's first and last days
never stop a report (they once made every run an internal error, with no HTML and
no SARIF for the other plans either)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.reporters import FORMATS

from helpers import DATA

PLANS = sorted(str(p) for p in (DATA / "extreme_dates").glob("*.yaml"))


@pytest.mark.parametrize("today", ["0001-01-01", "2027-03-01", "9999-12-31"])
def test_every_report_of_every_rule_is_written_for_the_first_and_last_days(tmp_path: Path, today: str) -> None:
    outputs = [f"--format={name}:{tmp_path / ('report.' + name)}" for name in FORMATS]
    result = CliRunner().invoke(cli, [*PLANS, "--select", "PL", "--today", today, "--no-cache", "--isolated",
                                      *outputs])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    assert all((tmp_path / f"report.{name}").stat().st_size > 0 for name in FORMATS)


def test_the_findings_about_the_first_and_last_days(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, [*PLANS, "--today", "2027-03-01", "--no-cache", "--isolated",
                                      "--ignore", "PL503", "--format", "json"])  # both copy one offer
    found = [(Path(f["path"]).name, f["line"], f["code"], f["message"]) for f in json.loads(result.stdout)]
    assert found == [
        ("first_day.yaml", 56, "PL201", "plan `spring-promo` is finalized 2 days before it starts; "
                                        "a promotion needs at least 42 days"),
        ("first_day.yaml", 60, "PL202", "material `POS display stands` is ready 2027-01-10, later than 0001-01-01 "
                                        "(7 days before plan `spring-promo` starts)"),
        ("first_day.yaml", 65, "PL202", "material `Kitchen gift sets` is ready 2027-01-08, later than 0001-01-01 "
                                        "(7 days before plan `spring-promo` starts)"),
        ("last_day.yaml", 60, "PL202", "material `POS display stands` is ready 9999-12-31, later than 2027-01-13 "
                                       "(7 days before plan `spring-promo` starts)"),
    ]


def test_a_timeline_of_ten_thousand_years_has_an_axis_of_centuries(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    CliRunner().invoke(cli, [PLANS[1], "--today", "2027-03-01", "--no-cache", "--isolated",
                             "--format", f"html:{report}"])
    html = report.read_text(encoding="utf-8")
    timeline = html[html.index('id="timeline-0"'):]
    labels = [text.split(">")[-1] for text in timeline.split("</text>") if 'class="month"' in text]
    assert labels == [str(year) for year in range(2500, 10_000, 500)]
