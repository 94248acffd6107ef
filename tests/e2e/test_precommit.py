"""planlint as a pre-commit hook, run by the real pre-commit on a real git repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import HERE, tagged_clone
from planlint import __version__

REPO = HERE.parent
CLEAN = (HERE.parent / "examples" / "plans" / "gome-2027.yaml").read_text(encoding="utf-8")


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.com",
           "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home"),
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=check, timeout=900)


def this_commit() -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout.strip()


def plans_repo_with_hook(tmp_path: Path, hook: str, plan: str) -> Path:
    """A git repository with plans/gome.yaml and pre-commit installed for planlint's `hook`."""
    plans_repo = tmp_path / "plans-repo"
    (plans_repo / "plans").mkdir(parents=True)
    git(plans_repo, "init", "-q", "-b", "main")
    config = {"repos": [{"repo": str(REPO), "rev": this_commit(), "hooks": [{"id": hook}]}]}
    (plans_repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (plans_repo / "planlint.yaml").write_text("paths: [plans]\n", encoding="utf-8")
    (plans_repo / "plans" / "gome.yaml").write_text(plan, encoding="utf-8")
    pre_commit = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or "pre-commit"
    subprocess.run([pre_commit, "install"], cwd=plans_repo, check=True, capture_output=True,
                   env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")})
    return plans_repo


def test_precommit_hook_blocks_mistakes_and_keeps_cross_file_context(tmp_path: Path) -> None:
    plans_repo = plans_repo_with_hook(tmp_path, "planlint", CLEAN)

    git(plans_repo, "add", ".")
    first = git(plans_repo, "commit", "-m", "a clean plan", check=False)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "planlint" in first.stderr + first.stdout and "Passed" in first.stderr + first.stdout

    late = CLEAN.replace("id: gome", "id: gome-east").replace("finalized: 2026-11-20", "finalized: 2026-12-20") \
        .replace("sold only through Gome", "sold only through Gome East") \
        .replace("Two-month launch window", "Three-month launch window") \
        .replace("within 24 hours in Gome stores", "within 12 hours in Gome East stores")
    (plans_repo / "plans" / "gome-east.yaml").write_text(late, encoding="utf-8")
    git(plans_repo, "add", ".")
    blocked = git(plans_repo, "commit", "-m", "a plan frozen too late", check=False)
    assert blocked.returncode != 0
    assert "plans/gome-east.yaml:56:5: PL201 [error]" in blocked.stdout + blocked.stderr, blocked.stderr

    on_time = late.replace("finalized: 2026-12-20", "finalized: 2026-11-20")
    (plans_repo / "plans" / "gome-east.yaml").write_text(on_time, encoding="utf-8")
    git(plans_repo, "add", ".")
    clean = git(plans_repo, "commit", "-m", "the plan on time", check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr

    shared = on_time.replace("sold only through Gome East", "sold only through Gome")
    (plans_repo / "plans" / "gome-east.yaml").write_text(shared, encoding="utf-8")
    git(plans_repo, "add", ".")
    copied = git(plans_repo, "commit", "-m", "copy gome's exclusive offer", check=False)
    assert copied.returncode != 0
    output = copied.stdout + copied.stderr
    assert "plans/gome-east.yaml:83:9: PL503 [error]" in output
    assert "also an exclusive offer of `gome`" in output
    assert "plans/gome.yaml" not in output  # only the files given are reported


def test_precommit_fix_hook_mends_the_plan_and_shows_the_changed_file(tmp_path: Path) -> None:
    typed = CLEAN.replace("needed: 6000", "needed: 6,000").replace("kind: promotion", "kind: Promotion")
    assert typed != CLEAN
    plans_repo = plans_repo_with_hook(tmp_path, "planlint-fix", typed)

    git(plans_repo, "add", ".")
    first = git(plans_repo, "commit", "-m", "a plan typed in a hurry", check=False)
    output = first.stdout + first.stderr
    assert first.returncode != 0, output
    assert "files were modified by this hook" in output and "plans/gome.yaml" in output
    assert (plans_repo / "plans" / "gome.yaml").read_text(encoding="utf-8") == CLEAN
    git(plans_repo, "add", ".")
    second = git(plans_repo, "commit", "-m", "the fixed plan", check=False)
    assert second.returncode == 0, second.stdout + second.stderr


def test_the_documented_config_installs_the_hook_from_the_release_tag(tmp_path: Path) -> None:
    """examples/ci/pre-commit-config.yaml as written, with its repository URL pointing at a
    clone of this one that carries the release tag it pins."""
    recipe = (REPO / "examples" / "ci" / "pre-commit-config.yaml").read_text(encoding="utf-8")
    clone = tagged_clone(tmp_path / "hosted-planlint")
    plans_repo = tmp_path / "plans-repo"
    (plans_repo / "plans").mkdir(parents=True)
    git(plans_repo, "init", "-q", "-b", "main")
    config = recipe.replace("https://github.com/OWNER/planlint", str(clone))
    assert config != recipe and f"rev: v{__version__}\n" in config
    (plans_repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    late = CLEAN.replace("finalized: 2026-11-20", "finalized: 2026-12-20")
    (plans_repo / "plans" / "gome.yaml").write_text(late, encoding="utf-8")
    git(plans_repo, "add", ".")
    done = subprocess.run(
        [shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or "pre-commit", "run", "--all-files"],
        cwd=plans_repo, capture_output=True, text=True, timeout=900,
        env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")})
    assert done.returncode == 1, done.stdout + done.stderr
    assert "plans/gome.yaml:56:5: PL201 [error]" in done.stdout
