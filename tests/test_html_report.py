"""The HTML report in a real browser: headless Debian Chromium driven by Playwright.

The browser is Debian's `chromium` (installed by .ci/run); set PLANLINT_CHROMIUM to
use another binary. A screenshot lands in build/test-artifacts/ for people to look at.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli import cli

from helpers import HERE

REPO = HERE.parent
ARTIFACTS = Path(os.environ.get("PLANLINT_ARTIFACTS", REPO / "build" / "test-artifacts"))
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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


def write_report(tmp_path: Path, *paths: str, lang: str = "en") -> Path:
    target = tmp_path / "report.html"
    result = CliRunner().invoke(cli, [*paths, "--today", "2026-11-23", "--format", f"html:{target}",
                                      "--lang", lang])
    assert result.exit_code == 1, result.output
    return target


def open_page(browser, report: Path, **context_options):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, **context_options)
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


def test_report_loads_offline_with_the_right_matrix_and_filters(browser, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    page, seen = open_page(browser, write_report(tmp_path, "examples/plans"))
    assert seen["console_errors"] == []
    assert seen["requests"] == [page.url]  # the file itself, nothing from the network
    rows = {row.locator("th").inner_text(): [cell.inner_text() for cell in row.locator("td").all()]
            for row in page.locator("#matrix tbody tr").all()}
    assert rows == {"gome": [""] * 6, "northwind-mobile": ["", "2", "4", "3", "3", "2"], "suning": [""] * 6}
    assert page.locator("#matrix td.cell-error").count() == 5
    assert page.locator("[data-severity-count=error] strong").inner_text() == "9"
    assert visible_findings(page) == 14
    page.get_by_role("button", name="error (9)").click()
    assert visible_findings(page) == 9
    assert page.locator("article.finding.severity-warning:visible").count() == 0
    page.get_by_role("button", name="All").click()
    page.select_option("#filter-rule", "PL201")
    assert visible_findings(page) == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.select_option("#filter-rule", "")
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_without_javascript_every_finding_is_shown(browser, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    page, _ = open_page(browser, write_report(tmp_path, "examples/plans"), java_script_enabled=False)
    assert visible_findings(page) == 14


def test_print_shows_every_finding_and_no_filters(browser, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    page, _ = open_page(browser, write_report(tmp_path, "examples/plans"))
    page.get_by_role("button", name="info (1)").click()
    page.emulate_media(media="print")
    assert visible_findings(page) == 14
    assert page.locator(".filters").is_hidden()


def test_plan_text_is_escaped_and_never_runs(browser, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    page, seen = open_page(browser, write_report(tmp_path, "tests/reports/hostile.yaml"))
    assert seen["dialogs"] == [] and seen["console_errors"] == []
    assert seen["requests"] == [page.url]  # the <img src=x> in a material name stayed text
    assert "<script>alert(1)</script>" in page.locator("article.finding").first.inner_text()
    assert page.locator("img").count() == 0


def test_chinese_report(browser, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    page, seen = open_page(browser, write_report(tmp_path, "examples/plans", lang="zh"))
    assert seen["console_errors"] == []
    assert page.locator("h1").inner_text() == "planlint 检查报告"
    assert "计划体系不完整" in page.locator("#matrix thead").inner_text()
    page.get_by_role("button", name="错误 (9)").click()
    assert visible_findings(page) == 9
