"""The directors' report shows what is due: a "Due in the next 30 days" section per
account (worst score first, overdue items marked, owner and date), a due count in
the accounts table, and the deadlines on each account's timeline; in both languages."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA


def report(tmp_path: Path, *extra: str) -> str:
    for name in ("acme.yaml", "suppressed.yaml"):
        shutil.copy(DATA / "due" / name, tmp_path / name)
    out = tmp_path / "report.html"
    done = CliRunner().invoke(cli, [str(tmp_path / "acme.yaml"), str(tmp_path / "suppressed.yaml"), "--today",
                                    "2027-01-05", "--select", "PL", "--isolated", "--no-cache", "--format",
                                    f"html:{out}", *extra])
    assert done.exit_code == 1, done.output
    return out.read_text(encoding="utf-8")


def section(html: str) -> str:
    return html.split('<section id="due">', 1)[1].split("</section>\n\n<section", 1)[0]


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment)).strip()


def test_due_section_lists_each_account_worst_first_with_overdue_marked(tmp_path: Path) -> None:
    due = section(report(tmp_path))
    assert "<h2>Due in the next 30 days</h2>" in due
    accounts = re.findall(r'<section class="due-account" id="due-\d+"', due)
    assert len(accounts) == 2
    items = re.findall(r'<li class="due-(\w+)">(.*?)</li>', due, re.S)
    assert [kind for kind, _ in items].count("overdue") == 2
    first = text(items[0][1])
    assert first.startswith("2026-11-29 37 days ago overdue confirm the details of contact li-ming (Li Ming)")
    assert "owner Pat Kim" in first and "PL704" in first
    review = next(text(body) for kind, body in items if "PL403" in body)
    assert review.startswith("2027-01-12 in 7 days deadline write the actions of the review of plan promo")
    assert "owner Lee Park" in review


def test_the_accounts_table_counts_what_is_due_and_the_timeline_marks_deadlines(tmp_path: Path) -> None:
    html = report(tmp_path)
    assert re.search(r'<th scope="col"><button type="button" class="sort" data-column="\d+">Due</button></th>', html)
    counts = re.findall(r'<td class="num due" data-value="(\d+)">', html)
    assert sorted(map(int, counts)) == [5, 9]
    marks = re.findall(r'<path class="deadline (\w+)" d="M[\d.]+,34 [^"]*"><title>([^<]*)</title>', html)
    assert ("deadline", "2027-01-12 · deadline · PL403: write the actions of the review of plan `promo` held on "
            "2027-01-12") in marks


def test_in_chinese(tmp_path: Path) -> None:
    html = report(tmp_path, "--lang", "zh")
    due = section(html)
    assert "<h2>未来 30 天内的待办</h2>" in due and "负责人：Lee Park" in due and "7 天后" in due
    assert ">待办</button></th>" in html and "即将到期的检查节点" in html
