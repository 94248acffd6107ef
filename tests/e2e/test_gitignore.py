"""Files git ignores are skipped when planlint walks a folder of a git work tree
(`.gitignore` at any level, `.git/info/exclude`, the user's global excludes), as
ruff does; `--no-respect-gitignore` or `respect-gitignore: false` lints them too;
a file named on the command line is always linted."""
from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.config import load_config
from planlint.engine import gitignored
from planlint.server.engine_adapter import workspace_sources

EVERY_PLAN = ["plans/a.yaml", "plans/build/b.yaml", "plans/c.draft.yaml", "plans/mine.yaml", "plans/private.yaml",
              "plans/sub/d.yaml", "plans/sub/old.yaml", "plans/tracked.draft.yaml"]
NOT_IGNORED = ["plans/a.yaml", "plans/sub/d.yaml", "plans/tracked.draft.yaml"]


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=folder,
                   check=True, capture_output=True)


@pytest.fixture(autouse=True)
def own_git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A global git config of the test's own, whose excludes file ignores `mine.yaml`."""
    excludes = tmp_path / "global-excludes"
    excludes.write_text("mine.yaml\n", encoding="utf-8")
    config = tmp_path / "gitconfig"
    config.write_text(f"[core]\n\texcludesFile = {excludes}\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return config


def make_plans(root: Path) -> Path:
    """Empty plans (one PL001 each, so each linted file shows) and the ignore rules of every kind."""
    for name in EVERY_PLAN:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")
    (root / ".gitignore").write_text("build/\n*.draft.yaml\n", encoding="utf-8")
    (root / "plans" / "sub" / ".gitignore").write_text("old.yaml\n", encoding="utf-8")
    return root


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = make_plans(tmp_path / "repo")
    git(root, "init", "-q")
    (root / ".git" / "info" / "exclude").write_text("private.yaml\n", encoding="utf-8")
    git(root, "add", "-f", ".gitignore", "plans/sub/.gitignore", "plans/tracked.draft.yaml")
    git(root, "commit", "-qm", "plans")
    return root


def linted(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str, code: int = 1) -> list:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--no-cache"])
    assert result.exit_code == code, result.output
    return sorted(finding["path"] for finding in json.loads(result.stdout))


def test_a_walked_folder_skips_what_git_ignores_at_every_level(repository: Path, monkeypatch) -> None:
    assert linted(repository, monkeypatch, "plans") == NOT_IGNORED


def test_a_folder_below_the_top_and_the_top_itself_skip_the_same(repository: Path, monkeypatch) -> None:
    assert linted(repository / "plans", monkeypatch, ".") == ["./a.yaml", "./sub/d.yaml", "./tracked.draft.yaml"]
    assert linted(repository, monkeypatch) == [f"./{path}" for path in NOT_IGNORED]


def test_no_respect_gitignore_lints_every_plan(repository: Path, monkeypatch) -> None:
    assert linted(repository, monkeypatch, "plans", "--no-respect-gitignore") == EVERY_PLAN


def test_the_config_key_turns_it_off_and_the_command_line_wins(repository: Path, monkeypatch) -> None:
    (repository / "planlint.yaml").write_text("respect-gitignore: false\n", encoding="utf-8")
    assert linted(repository, monkeypatch, "plans") == EVERY_PLAN
    assert linted(repository, monkeypatch, "plans", "--respect-gitignore") == NOT_IGNORED


def test_a_file_or_folder_named_on_the_command_line_is_linted_though_git_ignores_it(repository: Path,
                                                                                    monkeypatch) -> None:
    assert linted(repository, monkeypatch, "plans/c.draft.yaml", "plans/sub/old.yaml", "plans/build") == [
        "plans/build/b.yaml", "plans/c.draft.yaml", "plans/sub/old.yaml"]


def test_the_config_paths_skip_what_git_ignores_too(repository: Path, monkeypatch) -> None:
    """The context plans cross-file rules see come from the same walk (PL005: one account, two files)."""
    plan = (Path(__file__).parents[2] / "examples" / "plans" / "gome-2027.yaml").read_text(encoding="utf-8")
    (repository / "plans" / "a.yaml").write_text(plan, encoding="utf-8")
    (repository / "plans" / "build" / "b.yaml").write_text(plan, encoding="utf-8")
    (repository / "planlint.yaml").write_text("paths: [plans]\n", encoding="utf-8")
    assert linted(repository, monkeypatch, "plans/a.yaml", code=0) == []
    assert "PL005" in CliRunner().invoke(cli, ["plans/a.yaml", "--no-respect-gitignore", "--no-cache"]).output


def test_outside_a_work_tree_nothing_is_skipped_and_git_is_not_asked(tmp_path: Path, monkeypatch) -> None:
    folder = make_plans(tmp_path / "no-git")
    monkeypatch.setenv("PATH", str(fake_git(tmp_path, "echo asked >> \"$0.log\"; exit 1")))
    assert linted(folder, monkeypatch, "plans") == EVERY_PLAN
    assert not (tmp_path / "bin" / "git.log").exists()  # a git outside a work tree would have written it


def test_one_git_call_for_the_whole_run(repository: Path, tmp_path: Path, monkeypatch) -> None:
    real_git = subprocess.run(["which", "git"], capture_output=True, text=True, check=True).stdout.strip()
    monkeypatch.setenv("PATH", str(fake_git(tmp_path, f'echo "$@" >> "$0.log"; exec {real_git} "$@"')))
    (repository / "planlint.yaml").write_text("paths: [plans]\n", encoding="utf-8")
    assert linted(repository, monkeypatch, "plans/sub", "plans") == NOT_IGNORED
    calls = (tmp_path / "bin" / "git.log").read_text(encoding="utf-8").splitlines()
    assert len(calls) == 1 and calls[0].startswith("--literal-pathspecs -c core.fsmonitor=false ls-files")


def test_a_folder_named_like_a_glob_is_that_folder(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "repo"
    for name in ("[ab]/x.yaml", "a/x.yaml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")
    (root / ".gitignore").write_text("a/\n", encoding="utf-8")
    git(root, "init", "-q")
    assert linted(root, monkeypatch, "[ab]") == ["[ab]/x.yaml"]


@pytest.mark.parametrize("lang, notice", [
    ("en", "planlint: notice: files git ignores in {top} are linted too: git was not found"),
    ("zh", "planlint：提示：{top} 中被 git 忽略的文件也会检查：找不到 git 程序"),
])
def test_without_git_every_plan_is_linted_and_a_notice_says_why(repository: Path, tmp_path: Path, monkeypatch,
                                                                 lang: str, notice: str) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.chdir(repository)
    result = CliRunner().invoke(cli, ["plans", "--format", "json", "--no-cache", "--lang", lang])
    assert result.exit_code == 1
    assert sorted(f["path"] for f in json.loads(result.stdout)) == EVERY_PLAN
    assert result.stderr.splitlines() == [notice.format(top=os.path.realpath(repository))]


def test_git_refusing_the_repository_is_a_notice_with_its_reason(repository: Path, tmp_path: Path,
                                                                  monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(fake_git(tmp_path, "echo \"fatal: detected dubious ownership in repository\" >&2; "
                                                      "exit 128")))
    monkeypatch.chdir(repository)
    result = CliRunner().invoke(cli, ["plans", "--format", "json", "--no-cache"])
    assert result.exit_code == 1 and len(json.loads(result.stdout)) == len(EVERY_PLAN)
    assert result.stderr == (f"planlint: notice: files git ignores in {os.path.realpath(repository)} are linted too: "
                             "git failed: fatal: detected dubious ownership in repository\n")


def test_a_git_that_does_not_answer_is_given_up(repository: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(gitignored, "_TIMEOUT", 0.5)
    monkeypatch.setenv("PATH", str(fake_git(tmp_path, "exec sleep 30")))
    monkeypatch.chdir(repository)
    result = CliRunner().invoke(cli, ["plans", "--format", "json", "--no-cache"])
    assert result.exit_code == 1 and len(json.loads(result.stdout)) == len(EVERY_PLAN)
    assert "are linted too: git gave no answer in 0.5 seconds" in result.stderr


def fake_git(tmp_path: Path, script: str) -> Path:
    """A PATH whose first `git` runs `script` (`$0.log` is tmp_path/bin/git.log)."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    program = folder / "git"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return Path(f"{folder}{os.pathsep}{os.environ['PATH']}")


@pytest.mark.parametrize("setting, expected", [("respect-gitignore: true\n", NOT_IGNORED),
                                              ("respect-gitignore: false\n", EVERY_PLAN)])
def test_the_language_servers_workspace_skips_what_the_command_line_skips(repository: Path, setting: str,
                                                                         expected: list) -> None:
    (repository / "planlint.yaml").write_text(setting, encoding="utf-8")
    config = load_config(str(repository / "planlint.yaml"))
    found = workspace_sources(config, [str(repository)])
    assert sorted(os.path.relpath(s.path, repository).replace(os.sep, "/") for s in found) == expected
