"""`planlint --changed-since REF`: findings for the plans that differ from REF only,
with every plan under the config's `paths` as cross-file context."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import HERE

EXAMPLES = HERE.parent / "examples" / "plans"


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=folder,
                   check=True, capture_output=True)


def run(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str):
    monkeypatch.chdir(folder)
    return CliRunner().invoke(cli, [*args, "--today", "2026-11-23"])


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """The four example plans and a second file for Gome's account, committed."""
    (tmp_path / "plans").mkdir()
    for source in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(source, tmp_path / "plans" / source.name)
    shutil.copy(EXAMPLES / "gome-2027.yaml", tmp_path / "plans" / "gome-old.yaml")
    (tmp_path / "planlint.yaml").write_text("paths: [plans]\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "plans")
    return tmp_path


def edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")


def test_findings_only_for_the_changed_plans_with_every_plan_as_context(repository: Path, monkeypatch) -> None:
    plans = repository / "plans"
    for name in ("gome-2027.yaml", "meridian-foods-2027.yaml", "suning-2027-zh.yaml"):
        edit(plans / name)
    result = run(repository, monkeypatch, "--changed-since", "HEAD", "--format", "json")
    assert result.exit_code == 1, result.output
    found = json.loads(result.stdout)
    assert {f["path"] for f in found} <= {"plans/gome-2027.yaml", "plans/meridian-foods-2027.yaml",
                                         "plans/suning-2027-zh.yaml"}
    everything = json.loads(run(repository, monkeypatch, "plans", "--format", "json", "--no-cache").stdout)
    assert found == [f for f in everything if f["path"] != "plans/gome-old.yaml"
                     and f["path"] != "plans/northwind-mobile-2027.yaml"]
    [pl005] = [f for f in found if f["code"] == "PL005"]  # gome-old.yaml is unchanged, and still counts
    assert (pl005["path"], "plans/gome-old.yaml" in pl005["message"]) == ("plans/gome-2027.yaml", True)


def test_a_deleted_plan_leaves_the_cross_file_facts_and_a_renamed_one_is_linted(repository: Path,
                                                                               monkeypatch) -> None:
    git(repository, "rm", "-q", "plans/gome-old.yaml")
    git(repository, "mv", "plans/gome-2027.yaml", "plans/gome.yaml")
    result = run(repository, monkeypatch, "--changed-since", "HEAD")
    assert (result.exit_code, result.stdout) == (0, "No findings in 1 file.\n")  # no PL005: gome-old.yaml is gone
    (repository / "plans" / "gome-old.yaml").write_text("account:\n  id: gome\n", encoding="utf-8")  # new, untracked
    result = run(repository, monkeypatch, "--changed-since", "HEAD", "--format", "json")
    assert {(f["path"], f["code"]) for f in json.loads(result.stdout) if f["code"] == "PL005"} == {
        ("plans/gome.yaml", "PL005"), ("plans/gome-old.yaml", "PL005")}


def test_nothing_changed_is_said_and_exits_0(repository: Path, monkeypatch) -> None:
    result = run(repository, monkeypatch, "--changed-since", "HEAD")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", "planlint: no plan differs from HEAD: nothing to lint\n")


@pytest.mark.parametrize("lang, message", [
    ("en", "planlint: error: --changed-since main2: git knows no commit by that name\n"),
    ("zh", "planlint：错误：--changed-since main2：git 中没有这个名字的提交\n")])
def test_an_unknown_ref_is_exit_2_in_both_languages(repository: Path, monkeypatch, lang: str, message: str) -> None:
    result = run(repository, monkeypatch, "--changed-since", "main2", "--lang", lang)
    assert (result.exit_code, result.stderr) == (2, message)


@pytest.mark.parametrize("lang, message", [
    ("en", "planlint: error: --changed-since needs a git work tree, and {} is not in one\n"),
    ("zh", "planlint：错误：--changed-since 需要在 git 工作区中运行，而 {} 不在 git 工作区中\n")])
def test_outside_a_work_tree_is_exit_2_in_both_languages(tmp_path: Path, monkeypatch, lang: str, message: str) -> None:
    shutil.copy(EXAMPLES / "gome-2027.yaml", tmp_path / "gome.yaml")
    result = run(tmp_path, monkeypatch, "gome.yaml", "--changed-since", "HEAD", "--lang", lang)
    assert (result.exit_code, result.stderr) == (2, message.format(tmp_path))
