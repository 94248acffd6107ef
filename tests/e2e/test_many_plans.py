"""A plans repository in git with `paths: [plans]`, after a full run has filled the
cache: one changed plan is the only one parsed again, and it still gets the
cross-file findings (PL005 for an account in two files); `--changed-since HEAD`
after three edits reports exactly those three plans, as a run without the cache
does."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import List

import pytest
from click.testing import CliRunner

import planlint.engine.workers
from planlint.cli.main import cli

from helpers import HERE

EXAMPLES = sorted((HERE.parent / "examples" / "plans").glob("*.yaml"))
PLANS = 50
TWIN = "plans/plan-07.yaml"  # its account also has plans/zz-same-account.yaml
EDITED = ("plans/plan-02.yaml", TWIN, "plans/plan-42.yaml")  # each with a finding


def plan_text(index: int) -> str:
    """An example plan under an account of its own, its exclusive offers its own too."""
    text = EXAMPLES[index % len(EXAMPLES)].read_text(encoding="utf-8")
    text = re.sub(r"^(  id: ).*$", rf"\g<1>account-{index:02}", text, count=1, flags=re.M)
    return re.sub(r"^(      - offer: .*)$", rf"\1 (account {index:02})", text, flags=re.M)


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=folder,
                   check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    for index in range(PLANS):
        (plans / f"plan-{index:02}.yaml").write_text(plan_text(index), encoding="utf-8")
    (plans / "zz-same-account.yaml").write_text("version: 1\naccount:\n  id: account-07\n  name: Twin\n",
                                                encoding="utf-8")
    (tmp_path / "planlint.yaml").write_text("paths: [plans]\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "plans")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANLINT_CACHE_DIR")  # the repository's own .planlint_cache, as a team has it
    return tmp_path


def findings(*args: str) -> List[dict]:
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--today", "2026-11-23"])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def edit(path: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("# edited\n")


def test_one_changed_plan_is_the_only_one_parsed_and_keeps_its_cross_file_finding(
        repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    findings("plans")
    assert (repository / ".planlint_cache" / "planlint.sqlite").is_file()
    edit(TWIN)
    parsed: List[str] = []
    lint_file = planlint.engine.workers.lint_file
    monkeypatch.setattr(planlint.engine.workers, "lint_file",
                        lambda source, *rest: parsed.append(source.path) or lint_file(source, *rest))
    warm = findings(TWIN)
    assert parsed == [TWIN]
    assert warm == findings(TWIN, "--no-cache")
    # A run on every plan names the other file as typed (plans/…), this one by the config's path.
    assert [where(f) for f in warm] == [where(f) for f in findings("plans", "--no-cache") if f["path"] == TWIN]
    [pl005] = [f for f in warm if f["code"] == "PL005"]
    assert f"{repository / 'plans' / 'zz-same-account.yaml'}`" in pl005["message"]


def where(finding: dict) -> tuple:
    return finding["path"], finding["line"], finding["column"], finding["code"]


def test_changed_since_head_after_three_edits_reports_those_three_only(repository: Path) -> None:
    findings("plans")
    for path in EDITED:
        edit(path)
    since = findings("--changed-since", "HEAD")
    assert {f["path"] for f in since} == set(EDITED)
    assert since == [f for f in findings("plans", "--no-cache") if f["path"] in EDITED]
    assert [f["path"] for f in since if f["code"] == "PL005"] == [TWIN]
