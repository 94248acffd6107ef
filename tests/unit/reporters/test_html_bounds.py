"""The HTML report grows with the findings, not with their square or a line's length."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.reporters.html.page import EXCERPT_WIDTH, _excerpt


def test_an_excerpt_of_a_long_line_shows_the_part_around_the_finding() -> None:
    line = "a" * 1_000 + "HERE" + "b" * 1_000
    [(number, text, hit)] = _excerpt([line], 1, 1_001)
    assert (number, hit) == (1, True) and len(text) == EXCERPT_WIDTH + 2
    assert text.startswith("…") and text.endswith("…") and "HERE" in text


def test_a_short_line_is_shown_whole() -> None:
    assert _excerpt(["one", "two: x", "three"], 2, 6) == [(1, "one", False), (2, "two: x", True), (3, "three", False)]


def test_a_one_line_plan_with_many_findings_is_a_report_of_bounded_size(tmp_path: Path) -> None:
    refs = ", ".join(f"nobody{i}" for i in range(30))
    plan = tmp_path / "plan.yaml"
    plan.write_text("{version: 1, account: {id: a, name: A, class: A, manager: M, tiers: [t], x-pad: " + "x" * 20_000
                    + ", contacts: [{id: c, name: C, role: r}]}, period: {start: 2027-01-01, end: 2027-12-31}, "
                    "plans: [{id: o, type: operational, title: O, tier: t, owner: O, cadence: weekly, review_day: 1, "
                    f"review_with: [{refs}]}}]}}\n", encoding="utf-8")
    report = tmp_path / "report.html"
    CliRunner().invoke(cli, [str(plan), "--no-cache", "--isolated", "--format", f"html:{report}"])
    html = report.read_text(encoding="utf-8")
    assert html.count("nobody29") >= 1 and len(html) < 400_000  # 30 findings × 20 KB of line: 600 KB once


def test_a_mark_names_ten_findings_and_counts_the_rest(tmp_path: Path) -> None:
    refs = ", ".join(f"nobody{i}" for i in range(13))
    plan = tmp_path / "plan.yaml"
    plan.write_text("version: 1\naccount: {id: a, name: A, class: A, manager: M, tiers: [t], "
                    "contacts: [{id: c, name: C, role: r}]}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n"
                    "plans:\n  - {id: o, type: operational, title: O, tier: t, owner: O, cadence: weekly, "
                    f"review_day: 1, review_with: [{refs}]}}\n", encoding="utf-8")
    for lang, more in (("en", "… and 3 more findings"), ("zh", "……还有 3 个问题")):
        report = tmp_path / f"report-{lang}.html"
        CliRunner().invoke(cli, [str(plan), "--no-cache", "--isolated", "--lang", lang, "--format", f"html:{report}"])
        html = report.read_text(encoding="utf-8")
        title = html[html.index('id="t0-p0"'):].split("</title>")[0]
        assert title.count("PL004") == 10 and title.endswith(more)


def test_decades_of_weekly_reviews_draw_the_band_without_a_tick_per_week(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("version: 1\naccount: {id: a, name: A, class: A, manager: M, tiers: [t], "
                    "contacts: [{id: c, name: C, role: r}]}\nperiod: {start: 1900-01-01, end: 2100-12-31}\n"
                    "plans:\n  - {id: o, type: operational, title: O, tier: t, owner: O, cadence: weekly, "
                    "review_day: 1, review_with: [c]}\n", encoding="utf-8")
    report = tmp_path / "report.html"
    CliRunner().invoke(cli, [str(plan), "--no-cache", "--isolated", "--format", f"html:{report}"])
    html = report.read_text(encoding="utf-8")
    assert 'id="t0-p0"' in html and 'class="cycle"' not in html
