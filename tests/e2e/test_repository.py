"""The checkout itself: the README's fresh-machine commands, what CI runs, and no
stray files or trailing spaces in what users read."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from helpers import HERE

REPO = HERE.parent


def readme_code_blocks() -> list:
    return re.findall(r"```sh\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_opens_with_the_two_fresh_machine_commands_and_ci_runs_the_second() -> None:
    install_and_lint, install_and_test = [block.strip() for block in readme_code_blocks()[:2]]
    assert install_and_lint.endswith("planlint examples/plans")
    assert install_and_test.startswith("sh tools/system-deps.sh && ")
    assert install_and_test.endswith("-m pytest")
    ci_lines = [line for line in (REPO / ".ci" / "run").read_text().splitlines()
                if line and not line.startswith("#")]
    assert ci_lines[-1] == install_and_test


def test_system_deps_installs_what_the_tests_need_only_when_missing() -> None:
    script = (REPO / "tools" / "system-deps.sh").read_text()
    assert "command -v chromium" in script and "command -v nvim" in script and "fonts-wqy-microhei" in script
    assert re.search(r"apt-get install -y -qq \$missing", script)


def tracked_files() -> list:
    done = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    return [name for name in done.stdout.decode("utf-8").split("\0") if name]


def test_no_file_with_an_odd_name_is_tracked() -> None:
    # A stray `herever your team hosts planlint#` once came from a broken sed command.
    odd = [name for name in tracked_files() if not re.fullmatch(r"[A-Za-z0-9._/+-]+", name)]
    assert odd == []


def test_docs_and_examples_have_no_trailing_whitespace() -> None:
    readable = [name for name in tracked_files()
                if name.endswith((".md", ".yml", ".yaml", ".toml", ".j2", ".sh"))
                and not name.startswith("tests/")]
    found = [f"{name}:{number}" for name in readable
             for number, line in enumerate((REPO / name).read_text(encoding="utf-8").splitlines(), 1)
             if line != line.rstrip()]
    assert found == []
