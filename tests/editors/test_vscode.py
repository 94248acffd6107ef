"""planlint's VS Code extension in a real VS Code: code-server 4.100.3 (installed into
a cache folder outside the checkout, see tests/support/code_server.py) driven by
Playwright with Debian's Chromium. The .vsix is built from editors/vscode with
`npm run package`; planlint comes from a virtual environment made for the test.

What a user sees is compared with the command line: the status bar's problem counts
("Errors: N, Warnings: M"), the rule's documentation on hover, a quick fix that makes
its finding go, Chinese messages with planlint.lang zh, and the server found in the
workspace's .venv when planlint.path is empty. Screenshots and the time from opening
a plan to its first diagnostics land in build/test-artifacts/. A missing Node or a
code-server that cannot run fails the test, never skips it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path
from typing import Dict, Iterator, List, Tuple
from urllib.parse import quote

import pytest
from code_server import CodeServer, code_server, extension
from helpers import DATA, HERE

from planlint.registry import load_registry

ARTIFACTS = Path(os.environ.get("PLANLINT_ARTIFACTS", HERE.parent / "build" / "test-artifacts"))
CHROMIUM = os.environ.get("PLANLINT_CHROMIUM") or "/usr/bin/chromium"
PLAN = DATA / "editors" / "acme.yaml"
WAIT = 120_000  # ms before a missing answer fails the test (never a timing assertion)
USER_SETTINGS = {"workbench.startupEditor": "none", "telemetry.telemetryLevel": "off",
                 "workbench.secondarySideBar.defaultVisibility": "hidden", "chat.commandCenter.enabled": False,
                 "extensions.ignoreRecommendations": True, "update.showReleaseNotes": False}


def make_venv(folder: Path) -> Path:
    """A virtual environment whose `planlint` is this checkout's (the test interpreter's
    packages, added by a .pth file), with the console script pip would write."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    [site] = folder.glob("lib/python3*/site-packages")
    (site / "planlint-checkout.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n", encoding="utf-8")
    script = folder / "bin" / "planlint"
    script.write_text(f"#!{folder / 'bin' / 'python'}\nimport sys\nfrom planlint.__main__ import main\n"
                      "sys.exit(main())\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def cli_findings(planlint: Path, folder: Path, lang: str) -> List[dict]:
    done = subprocess.run([str(planlint), "check", "acme.yaml", "--format", "json", "--lang", lang, "--no-cache"],
                          cwd=folder, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    return json.loads(done.stdout)


def counts_label(findings: List[dict]) -> str:
    """What VS Code's status bar says for these findings."""
    names = (("error", "Errors"), ("warning", "Warnings"), ("info", "Infos"))
    parts = [f"{title}: {n}" for level, title in names if (n := sum(f["severity"] == level for f in findings))]
    return ", ".join(parts) or "No Problems"


def workspace(root: Path, name: str, settings: Dict[str, str]) -> Path:
    folder = root / name
    (folder / ".vscode").mkdir(parents=True)
    shutil.copy(PLAN, folder / "acme.yaml")
    shutil.copy(DATA / "editors" / "planlint.yaml", folder / "planlint.yaml")
    (folder / ".vscode" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def vscode(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[str, Path]]:
    """A running code-server with the extension installed, and a folder for workspaces."""
    assert shutil.which("node") and shutil.which("npm"), "the VS Code test needs Node.js 20 and npm"
    home = tmp_path_factory.mktemp("code-server")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "vscode-first-diagnostics.txt").write_text("", encoding="utf-8")
    server = CodeServer(code_server(), home)
    server.install(extension())
    server.settings(USER_SETTINGS)
    try:
        # No planlint on the PATH code-server passes on: the extension must find the one meant.
        url = server.start(path=os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep)
                                                if not (Path(d) / "planlint").exists()))
        yield url, tmp_path_factory.mktemp("workspaces")
    finally:
        server.stop()


@pytest.fixture(scope="module")
def page(vscode: Tuple[str, Path]) -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--headless", "--disable-gpu"])
        yield browser.new_page(viewport={"width": 1200, "height": 760})
        browser.close()


def open_plan(page, url: str, folder: Path, expected: str) -> float:
    """Open `folder`, then its plan; wait for the status bar's counts to read
    `expected`; the seconds from opening the plan to its first diagnostics."""
    page.goto(f"{url}/?folder={quote(str(folder))}")
    item = page.get_by_role("treeitem", name="acme.yaml")
    item.wait_for(timeout=WAIT)
    opened = time.monotonic()
    item.click()
    page.wait_for_function("() => { const e = document.getElementById('status.problems');"
                           " return e && e.getAttribute('aria-label') !== 'No Problems'; }", timeout=WAIT)
    seconds = time.monotonic() - opened
    problems(page, expected)
    return seconds


def problems(page, expected: str) -> None:
    page.locator(f'[id="status.problems"][aria-label="{expected}"]').wait_for(timeout=WAIT)


def go_to(page, line: int, column: int) -> None:
    page.locator(".monaco-editor .view-lines").first.click()
    page.keyboard.press("Control+g")
    page.keyboard.type(f"{line}:{column}")
    page.keyboard.press("Enter")
    page.locator(".monaco-editor .cursor").first.wait_for(timeout=WAIT)


def choose_action(page, title: str) -> None:
    """Ctrl+. and the action `title`, chosen with the keyboard as a user does."""
    page.keyboard.press("Control+.")
    page.locator(".action-widget").get_by_text(title).wait_for(timeout=WAIT)
    for _ in range(10):
        if page.locator(".action-widget .monaco-list-row.focused").inner_text().strip() == title:
            page.keyboard.press("Enter")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no action {title!r} in {page.locator('.action-widget').inner_text()!r}")


def record(name: str, seconds: float) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with open(ARTIFACTS / "vscode-first-diagnostics.txt", "a", encoding="utf-8") as handle:
        handle.write(f"{name}: {seconds:.2f} s from opening the plan to its first diagnostics\n")


def test_english_counts_hover_and_quick_fix(vscode: Tuple[str, Path], page, tmp_path: Path) -> None:
    url, root = vscode
    planlint = make_venv(tmp_path / "tools")
    folder = workspace(root, "en", {"planlint.path": str(planlint), "planlint.lang": "en"})
    findings = cli_findings(planlint, folder, "en")
    assert [(f["code"], f["line"]) for f in findings] == [("PL201", 31), ("PL002", 37), ("PL404", 41)]
    record("en", open_plan(page, url, folder, counts_label(findings)))
    go_to(page, 31, 6)  # on `finalized`, under PL201's squiggle
    cursor = page.locator(".monaco-editor .cursor").first.bounding_box()
    page.mouse.move(cursor["x"] + 4, cursor["y"] + cursor["height"] / 2)
    hover = page.locator(".monaco-hover:visible").filter(has_text="What it does").first
    hover.wait_for(timeout=WAIT)
    text = hover.inner_text()
    rule = load_registry().rules["PL201"]
    assert f"PL201 {rule.title('en')} · error" in text
    # The message twice, as written: VS Code's own line for the diagnostic and planlint's hover,
    # which shows a plan's text as itself (its backticks make no code span there).
    assert text.count(findings[0]["message"]) == 2
    assert rule.headline("en") in text and "Why it matters" in text
    page.wait_for_timeout(1000)  # the hover fades in: the picture waits for it, no assertion does
    page.screenshot(path=str(ARTIFACTS / "vscode-en-hover.png"))
    page.keyboard.press("Escape")
    go_to(page, 37, 17)  # on PL002's `2027-1-10`
    choose_action(page, "Write the date as `2027-01-10`")
    problems(page, counts_label([f for f in findings if f["code"] != "PL002"]))


def test_chinese_messages_with_planlint_lang_zh(vscode: Tuple[str, Path], page, tmp_path: Path) -> None:
    url, root = vscode
    planlint = make_venv(tmp_path / "tools")
    folder = workspace(root, "zh", {"planlint.path": str(planlint), "planlint.lang": "zh"})
    findings = cli_findings(planlint, folder, "zh")
    record("zh", open_plan(page, url, folder, counts_label(findings)))
    page.locator('[id="status.problems"]').click()  # opens the Problems panel
    panel = page.locator(".markers-panel")
    for finding in findings:
        panel.get_by_text(finding["message"], exact=False).first.wait_for(timeout=WAIT)
    assert "请写成 `2027-01-10`" in findings[1]["message"]
    page.screenshot(path=str(ARTIFACTS / "vscode-zh-problems.png"))


def test_the_server_is_found_in_the_workspace_venv(vscode: Tuple[str, Path], page) -> None:
    url, root = vscode
    folder = workspace(root, "venv", {"planlint.lang": "en"})  # planlint.path left empty
    planlint = make_venv(folder / ".venv")
    record(".venv", open_plan(page, url, folder, counts_label(cli_findings(planlint, folder, "en"))))


def test_without_planlint_one_notification_says_how_to_install(vscode: Tuple[str, Path], page) -> None:
    url, root = vscode
    folder = workspace(root, "missing", {"planlint.lang": "en"})  # no planlint.path, .venv or PATH entry
    page.goto(f"{url}/?folder={quote(str(folder))}")
    page.get_by_role("treeitem", name="acme.yaml").click(timeout=WAIT)
    toasts = page.locator(".notifications-toasts")
    toasts.get_by_text('Install it with `pipx install "planlint[lsp]"`', exact=False).wait_for(timeout=WAIT)
    page.locator('[id$="planlint.status"][aria-label*="planlint: error: planlint not found"]').wait_for(timeout=WAIT)
    page.screenshot(path=str(ARTIFACTS / "vscode-not-found.png"))
    toasts.get_by_role("button", name="Open setting").wait_for(timeout=WAIT)
