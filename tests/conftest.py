"""Every test runs in English unless it asks for Chinese (LANG/LC_ALL would change
messages), and in isolation: caches go to temporary folders, never into the
checkout, a fixture folder or the user's home. A run that leaves a new file in
the checkout fails."""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional, Set

import pytest

# Hypothesis keeps examples and caches in .hypothesis/ of the working folder unless told otherwise.
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="planlint-hypothesis-")
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, ignore_errors=True)
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = _HYPOTHESIS_HOME

CHECKOUT = Path(__file__).parent.parent
ARTIFACTS = "build/test-artifacts/"  # screenshots the browser test leaves for people to look at


def _untracked_and_ignored() -> Optional[Set[str]]:
    """Files git does not track in the checkout, ignored ones included (None outside git)."""
    try:
        done = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
                              cwd=CHECKOUT, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return {line[3:] for line in done.stdout.splitlines()
            if line[:2] in ("??", "!!") and not line[3:].startswith((".venv/", ARTIFACTS))}


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # the xdist controller, or a plain run
        session.config.stash[_BEFORE] = _untracked_and_ignored()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.config.stash.get(_BEFORE, None)
    after = _untracked_and_ignored() if before is not None else None
    if before is None or after is None:
        return
    left = sorted(after - before)
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("tests left files in the checkout: " + ", ".join(left[:20]), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_BEFORE = pytest.StashKey[Optional[Set[str]]]()


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def isolated_caches(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """planlint's cache and every XDG cache (pre-commit, pip…) live in a fresh temporary folder."""
    caches = tmp_path_factory.mktemp("caches")
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(caches / "planlint"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(caches / "xdg"))
    return caches
