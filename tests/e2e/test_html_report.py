"""The HTML report in a real browser: headless Debian Chromium driven by Playwright.

The browser is Debian's `chromium` (installed by .ci/run); set PLANLINT_CHROMIUM to
use another binary. Screenshots of the English and Chinese reports land in
build/test-artifacts/ for people to look at. A missing browser fails, never skips.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA, HERE

REPO = HERE.parent
ARTIFACTS = Path(os.environ.get("PLANLINT_ARTIFACTS", REPO / "build" / "test-artifacts"))
CHROMIUM_FLAGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NORTHWIND = "examples/plans/northwind-mobile-2027.yaml"


def chromium_path() -> str:
    found = os.environ.get("PLANLINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "the HTML report test needs Chromium: apt-get install chromium (as .ci/run does)"
    return found


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(autouse=True)
def from_repo_root(monkeypatch) -> None:
    monkeypatch.chdir(REPO)


def write_report(tmp_path: Path, *args: str, lang: str = "en", exit_code: int = 1) -> Path:
    target = tmp_path / "report.html"
    result = CliRunner().invoke(cli, [*args, "--today", "2026-11-23", "--format", f"html:{target}",
                                      "--lang", lang, "--no-cache"])
    assert result.exit_code == exit_code, result.output
    return target


def open_page(browser, report: Path, width: int = 1280, **context_options):
    context = browser.new_context(viewport={"width": width, "height": 900}, **context_options)
    page = context.new_page()
    seen = {"requests": [], "console_errors": [], "dialogs": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("console", lambda message: seen["console_errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen["console_errors"].append(str(error)))
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    return page, seen


def visible_findings(page) -> int:
    return page.locator("article.finding:visible").count()


def table_rows(page) -> list:
    """Each visible accounts row as [name, id, class, manager, *counts, score] (the cells' values)."""
    return page.eval_on_selector_all("#accounts tbody tr", """rows => rows
        .filter(row => row.offsetParent !== null)
        .map(row => [row.querySelector('th').innerText,
                     ...Array.from(row.querySelectorAll('td')).map(cell => cell.dataset.value)])""")


def scores(page) -> list:
    return [int(row[-1]) for row in table_rows(page)]


def test_accounts_table_shows_each_account_with_its_score_offline(browser, tmp_path: Path) -> None:
    page, seen = open_page(browser, write_report(tmp_path, "examples/plans"))
    assert seen["console_errors"] == []
    assert seen["requests"] == [page.url]  # the file itself, nothing from the network
    # Name, id, class, manager, operational and project plans, file & format, the five mistakes, what is due
    # in the next 30 days, score. Northwind: 9 errors, 4 warnings, 1 info -> 100 - 90 - 16 - 1, floored at 0.
    assert table_rows(page) == [
        ["Northwind Mobile", "northwind-mobile", "A", "Alex Morgan", "0", "2", "0", "2", "4", "3", "3", "2", "0", "0"],
        ["Gome Electrical Appliances", "gome", "A", "Zhang Wei", "2", "2", "0", "0", "0", "0", "0", "0", "6", "100"],
        ["Meridian Foods", "meridian-foods", "A", "Nora Quinn", "2", "2", "0", "0", "0", "0", "0", "0", "6", "100"],
        ["苏宁易购", "suning", "A", "刘洋", "2", "2", "0", "0", "0", "0", "0", "0", "1", "100"]]
    assert page.locator("#accounts td.cell-error").count() == 5
    assert "Best practice" not in page.locator("#accounts thead").inner_text()
    landing = page.locator("#landing").inner_text()
    # Only accounts that lost points are named among the lowest.
    assert landing.startswith("Lowest health scores: Northwind Mobile (0, Alex Morgan).\n")
    assert "The rule costing the most points is PL103 no operational plan (" in landing
    assert page.locator("[data-severity-count=error] strong").inner_text() == "9"
    assert visible_findings(page) == 14
    page.get_by_role("button", name="error (9)").click()
    assert visible_findings(page) == 9
    page.get_by_role("button", name="All").click()
    page.select_option("#filter-rule", "PL201")
    assert visible_findings(page) == 1
    page.select_option("#filter-rule", "")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-en.png"), full_page=True)
    assert (ARTIFACTS / "report-en.png").stat().st_size > 10_000


def test_the_score_weights_come_from_config(browser, tmp_path: Path) -> None:
    shutil.copy(REPO / NORTHWIND, tmp_path / "northwind.yaml")
    (tmp_path / "planlint.yaml").write_text("score: {error: 5, warning: 2, info: 0}\n", encoding="utf-8")
    os.chdir(tmp_path)
    page, _ = open_page(browser, write_report(tmp_path, "northwind.yaml"))
    assert scores(page) == [100 - 9 * 5 - 4 * 2]


def test_without_javascript_worst_score_first_and_every_finding_shown(browser, tmp_path: Path) -> None:
    page, seen = open_page(browser, write_report(tmp_path, "examples/plans", "tests/data/reports/hostile.yaml"),
                           java_script_enabled=False)
    assert scores(page) == [0, 86, 100, 100, 100]
    assert visible_findings(page) == 16
    assert page.locator("#filter-manager").is_hidden()  # no control that would do nothing


def test_clicking_a_heading_sorts_by_that_column(browser, tmp_path: Path) -> None:
    page, _ = open_page(browser, write_report(tmp_path, "examples/plans", "tests/data/reports/hostile.yaml"))
    assert scores(page) == [0, 86, 100, 100, 100]
    page.locator("#accounts thead button", has_text="Health score").click()
    assert scores(page) == [100, 100, 100, 86, 0]
    assert page.locator("#accounts thead th[aria-sort=descending]").inner_text().startswith("Health score")
    page.locator("#accounts thead button", has_text="Health score").click()
    assert scores(page) == [0, 86, 100, 100, 100]
    page.locator("#accounts thead button", has_text="Manager").click()
    assert [row[3] for row in table_rows(page)] == ["Alex Morgan", "Nora Quinn", "Pat Kim", "Zhang Wei", "刘洋"]
    page.locator("#accounts thead button", has_text="Project plans").click()
    page.locator("#accounts thead button", has_text="Project plans").click()
    assert [row[5] for row in table_rows(page)] == ["2", "2", "2", "2", "1"]


def test_filter_by_manager_and_class_hides_the_other_accounts(browser, tmp_path: Path) -> None:
    page, _ = open_page(browser, write_report(tmp_path, "examples/plans"))
    page.select_option("#filter-manager", "Zhang Wei")
    assert [row[0] for row in table_rows(page)] == ["Gome Electrical Appliances"]
    assert page.locator("section.account:visible").count() == 1
    assert page.locator("section.account:visible h3").inner_text().startswith("Gome Electrical Appliances")
    page.select_option("#filter-manager", "")
    assert page.eval_on_selector_all("#filter-class option", "os => os.map(o => o.value)") == ["", "A"]
    page.select_option("#filter-class", "A")
    assert len(table_rows(page)) == 4 and page.locator("section.account:visible").count() == 4


def test_one_timeline_per_account_with_bars_at_their_dates(browser, tmp_path: Path) -> None:
    page, _ = open_page(browser, write_report(tmp_path, "examples/plans"))
    assert page.locator("svg").count() == 4 and page.locator("svg.timeline").count() == 4
    svg = page.locator("#account-2 svg.timeline")  # northwind-mobile, the third file
    # The calendar runs from the month of today (2026-11-23, within half a year of the plans)
    # to the end of the period, across x 280..1140 of a 1160-wide drawing.
    assert (svg.get_attribute("data-d0"), svg.get_attribute("data-d1")) == ("2026-11-01", "2028-01-01")
    box = svg.bounding_box()
    scale = box["width"] / 1160
    days = (dt.date(2028, 1, 1) - dt.date(2026, 11, 1)).days

    def screen_x(day: dt.date) -> float:
        return box["x"] + (280 + 860 * (day - dt.date(2026, 11, 1)).days / days) * scale

    bars = svg.locator("rect.bar")
    assert bars.count() == 2  # one per project plan
    for bar, start, end in ((bars.nth(0), dt.date(2027, 6, 15), dt.date(2027, 7, 15)),
                            (bars.nth(1), dt.date(2027, 8, 15), dt.date(2027, 9, 5))):
        drawn = bar.bounding_box()
        assert abs(drawn["x"] - screen_x(start)) < 1.5
        assert abs(drawn["x"] + drawn["width"] - screen_x(end)) < 1.5
    # Summer campaign: finalized 14 days before the start, inside the 42-day window: red.
    assert svg.locator("rect.lead.late").count() == 1 and svg.locator("rect.lead").count() == 2
    # Window posters ready 2027-06-12, later than start - 7: a red dot; demo handsets on time.
    assert svg.locator("circle.ready.late").count() == 1 and svg.locator("circle.ready").count() == 2
    assert svg.locator("path.consult").count() == 1 and svg.locator("rect.review").count() == 1
    assert page.locator("#account-0 svg.timeline rect.band-ops").count() == 2  # gome's operational plans


def test_a_finding_links_to_its_mark_and_back(browser, tmp_path: Path) -> None:
    page, _ = open_page(browser, write_report(tmp_path, "examples/plans"))
    finding = page.locator("article.finding[data-rule=PL202]")
    link = finding.locator("a.to-mark")
    assert link.get_attribute("href") == "#t2-p0-m0"  # plan 0, material 0 of the third file
    link.click()
    page.wait_for_function("location.hash === '#t2-p0-m0'")
    mark = page.locator("#t2-p0-m0")
    assert mark.evaluate("e => e.classList.contains('late')")
    box, height = mark.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] + box["height"] / 2 <= height  # scrolled into view
    assert finding.bounding_box()["y"] > height  # and the finding scrolled away
    back = mark.evaluate("e => e.closest('a').getAttribute('href')")
    assert back == "#" + finding.get_attribute("id")
    page.locator("#t2-p0-m0").click()
    page.wait_for_function(f"location.hash === '{back}'")
    assert 0 <= finding.bounding_box()["y"] < height


def test_csv_link_holds_the_table(browser, tmp_path: Path) -> None:
    page, _ = open_page(browser, write_report(tmp_path, "examples/plans", "tests/data/reports/hostile.yaml"))
    href = page.locator("a#csv").get_attribute("href")
    assert href.startswith("data:text/csv;charset=utf-8,")
    assert page.locator("a#csv").get_attribute("download") == "planlint-accounts.csv"
    text = unquote(href.split(",", 1)[1])
    assert text.startswith("\ufeff")  # spreadsheets then read 苏宁易购 as UTF-8
    header, *rows = list(csv.reader(io.StringIO(text[1:])))
    headings = page.eval_on_selector_all("#accounts thead th", "cells => cells.map(c => c.innerText.trim())")
    assert header == [h.rstrip(" ▲▼") for h in headings]
    assert rows == table_rows(page)
    assert rows[1][0] == "Acme <b>Stores</b>\\u0001\\u000a::warning::injected"  # shown as escapes, as in messages


def test_print_fits_a4_landscape(browser, tmp_path: Path) -> None:
    # A4 landscape is 297 mm wide; the page margins are 10 mm: 277 mm = 1047 CSS pixels.
    page, _ = open_page(browser, write_report(tmp_path, "examples/plans", "tests/data/reports/hostile.yaml"), width=1047)
    page.get_by_role("button", name="info (1)").click()
    page.select_option("#filter-manager", "Zhang Wei")
    page.emulate_media(media="print")
    assert visible_findings(page) == 16  # filters do not hide anything on paper
    assert page.locator("section.account:visible").count() == 5
    assert page.locator(".filters").is_hidden() and page.locator("#csv").is_hidden()
    widest = page.evaluate("""() => Math.max(document.documentElement.scrollWidth,
        ...Array.from(document.querySelectorAll('table, svg, section')).map(e => e.getBoundingClientRect().right))""")
    assert widest <= 1047
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    sizes = {tuple(round(float(n)) for n in box.split()) for box in
             re.findall(rb"/MediaBox\s*\[([^\]]+)\]", pdf)}
    assert sizes == {(0, 0, 842, 595)}  # A4 landscape, in points


def test_plan_text_is_escaped_and_never_runs(browser, tmp_path: Path) -> None:
    page, seen = open_page(browser, write_report(tmp_path, "tests/data/reports/hostile.yaml"))
    assert seen["dialogs"] == [] and seen["console_errors"] == []
    assert seen["requests"] == [page.url]  # the <img src=x> in a material name stayed text
    assert "<script>alert(1)</script>" in page.locator("article.finding").first.inner_text()
    labels = page.eval_on_selector_all("svg.timeline g.plan-row > text", "ts => ts.map(t => t.textContent)")
    assert any(label.startswith('<script>alert(1)</script> & "Spring"') for label in labels)
    titles = page.eval_on_selector_all("svg.timeline title", "ts => ts.map(t => t.textContent)")
    assert any("Stands <img src=x onerror=alert(2)>" in title for title in titles)
    assert page.locator("script").count() == 1 and page.locator("svg script, svg img, img").count() == 0


def test_chinese_report(browser, tmp_path: Path) -> None:
    page, seen = open_page(browser, write_report(tmp_path, "examples/plans", lang="zh"))
    assert seen["console_errors"] == []
    assert page.locator("h1").inner_text() == "planlint 检查报告"
    assert "计划体系不完整" in page.locator("#accounts thead").inner_text()
    assert "健康分" in page.locator("#accounts thead").inner_text()
    assert page.locator("#landing").inner_text().startswith("健康分最低的客户：Northwind Mobile（0 分，Alex Morgan）")
    assert "6月" in page.locator("#account-1 svg.timeline").text_content()
    page.get_by_role("button", name="错误（9）").click()
    assert visible_findings(page) == 9
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.get_by_role("button", name="全部").click()
    page.screenshot(path=str(ARTIFACTS / "report-zh.png"), full_page=True)
    assert (ARTIFACTS / "report-zh.png").stat().st_size > 10_000


def test_compare_marks_new_findings_lists_fixed_ones_and_the_score_change(browser, tmp_path: Path) -> None:
    shutil.copy(REPO / NORTHWIND, tmp_path / "northwind.yaml")
    os.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["northwind.yaml", "--today", "2026-11-23", "--no-cache",
                                    "--format", "json:last-month.json"]).exit_code == 1
    plan = tmp_path / "northwind.yaml"
    text = plan.read_text(encoding="utf-8").replace("quantity: 800", "quantity: 1200")  # PL203 fixed
    plan.write_text(text.replace("kind: event", "kind: event\n    typo: 1"), encoding="utf-8")  # a new PL002
    page, _ = open_page(browser, write_report(tmp_path, "northwind.yaml", "--compare", "last-month.json"))
    assert "+1 new, -1 fixed since last-month.json." in page.locator("#landing").inner_text()
    assert page.locator("[data-trend=new] strong").inner_text() == "+1"
    assert page.locator("[data-trend=fixed] strong").inner_text() == "\u22121"
    new = page.locator("article.finding[data-new=true]")
    assert new.count() == 1 and new.get_attribute("data-rule") == "PL002" and "new" in new.inner_text()
    assert "PL203 material short" in page.locator("#fixed").inner_text()
    assert page.locator("#accounts td.change").inner_text() == "0"  # one error fixed, one error new
    assert "Change" in page.locator("#accounts thead").inner_text()


def test_best_practice_counts_appear_when_those_rules_are_enabled(browser, tmp_path: Path) -> None:
    shutil.copy(REPO / NORTHWIND, tmp_path / "northwind.yaml")
    (tmp_path / "pack.py").write_text(
        (DATA / "plugins" / "local_ok" / "team_rules.py").read_text(encoding="utf-8")
        .replace('CODE = "TEAM001"', 'CODE = "PL690"').replace('"team-rule"', '"best-practice-test"'),
        encoding="utf-8")
    (tmp_path / "planlint.yaml").write_text("plugins: [pack.py]\n", encoding="utf-8")
    os.chdir(tmp_path)
    page, _ = open_page(browser, write_report(tmp_path, "northwind.yaml"))
    assert "Best practice" in page.locator("#accounts thead").inner_text()
    assert page.locator("#accounts td[data-group=bp]").inner_text() == "1"
    assert scores(page) == [0]
