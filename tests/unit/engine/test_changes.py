"""--changed-since: which plans differ from a git commit (added, modified, renamed, new
and not ignored), and a clear error outside a work tree or for an unknown ref."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from planlint.discover import discover
from planlint.engine.changes import changed_files, split_changed
from planlint.errors import ConfigError


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=folder,
                   check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    for name in ("a", "b", "c", "d"):
        (tmp_path / "plans" / f"{name}.yaml").write_text(f"account:\n  id: {name}\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("ignored.yaml\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "plans")
    return tmp_path


def test_added_modified_renamed_and_new_files_differ_and_deleted_or_ignored_ones_do_not(repository: Path) -> None:
    plans = repository / "plans"
    (plans / "a.yaml").write_text("account:\n  id: a2\n", encoding="utf-8")
    git(repository, "mv", "plans/b.yaml", "plans/b2.yaml")
    (plans / "c.yaml").unlink()
    (plans / "e.yaml").write_text("account:\n  id: e\n", encoding="utf-8")
    (plans / "ignored.yaml").write_text("account:\n  id: i\n", encoding="utf-8")
    changed = changed_files("HEAD", str(repository))
    assert changed == {os.path.realpath(plans / name) for name in ("a.yaml", "b2.yaml", "e.yaml")}
    sources, context = split_changed(discover([str(plans)]), changed)
    assert [Path(s.path).name for s in sources] == ["a.yaml", "b2.yaml", "e.yaml"]
    assert [Path(s.path).name for s in context] == ["d.yaml", "ignored.yaml"]


def test_nothing_differs_from_the_head_of_a_clean_checkout(repository: Path) -> None:
    assert changed_files("HEAD", str(repository / "plans")) == set()


@pytest.mark.parametrize("ref", ["no-such-branch", "--output=/tmp/x", "HEAD~5"])
def test_a_ref_that_names_no_commit_is_a_clear_error_in_both_languages(repository: Path, ref: str) -> None:
    with pytest.raises(ConfigError) as raised:
        changed_files(ref, str(repository))
    assert raised.value.render("en") == f"--changed-since {ref}: git knows no commit by that name"
    assert raised.value.render("zh") == f"--changed-since {ref}：git 中没有这个名字的提交"


def test_outside_a_work_tree_is_a_clear_error_in_both_languages(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        changed_files("HEAD", str(tmp_path))
    assert raised.value.render("en") == f"--changed-since needs a git work tree, and {tmp_path} is not in one"
    assert raised.value.render("zh") == f"--changed-since 需要在 git 工作区中运行，而 {tmp_path} 不在 git 工作区中"
