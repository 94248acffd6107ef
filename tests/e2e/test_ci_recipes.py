"""The CI recipes in docs/ci.md are real files under examples/ci/, valid for their CI."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from helpers import HERE, tagged_clone
from planlint import __version__

REPO = HERE.parent
CI = REPO / "examples" / "ci"
HOSTED = "https://github.com/OWNER/planlint"  # where the docs say the repository is
RELEASE = f"v{__version__}"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} comes with the test extras"
    return str(path)


@pytest.mark.parametrize("recipe, schema", [("github-workflow.yml", "vendor.github-workflows"),
                                            ("gitlab-ci.yml", "vendor.gitlab-ci")])
def test_workflows_validate_against_check_jsonschema_builtin_schemas(recipe: str, schema: str) -> None:
    done = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, str(CI / recipe)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_github_workflow_uses_the_action_at_the_release_and_uploads_its_reports() -> None:
    workflow = yaml.safe_load((CI / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["planlint"]["steps"]
    [lint] = [step for step in steps if step.get("uses", "").startswith("OWNER/planlint@")]
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert lint["uses"] == f"OWNER/planlint@{RELEASE}" and set(lint["with"]) <= set(action["inputs"])
    uploads = {step["uses"].split("@")[0]: step["with"] for step in steps if "upload" in step.get("uses", "")}
    assert uploads["github/codeql-action/upload-sarif"]["sarif_file"] == "${{ steps.planlint.outputs.sarif }}"
    assert uploads["actions/upload-artifact"]["path"] == "${{ steps.planlint.outputs.report }}"
    assert workflow["permissions"]["security-events"] == "write"


def test_gitlab_job_installs_the_release_from_the_repository_and_publishes_code_quality(tmp_path: Path) -> None:
    job = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["planlint"]
    assert job["variables"]["PLANLINT"] == f"planlint[lsp] @ git+{HOSTED}@{RELEASE}"
    clone = tagged_clone(tmp_path / "planlint")
    venv.create(tmp_path / "venv", with_pip=True)
    shutil.copytree(REPO / "examples" / "plans", tmp_path / "project" / "plans")
    hosted_here = f"file://localhost{clone}"  # pip 23 refuses a git+file URL without a host
    env = {**os.environ, "PATH": f"{tmp_path / 'venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "PLANLINT": job["variables"]["PLANLINT"].replace(HOSTED, hosted_here)}
    env.pop("PYTHONPATH", None)
    script = "\n".join(job["script"])  # GitLab stops at the first command that fails
    done = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path / "project", env=env, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 1, done.stderr
    assert "northwind-mobile-2027.yaml:31:5: PL201 [error]" in done.stdout
    report = json.loads((tmp_path / "project" / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert any(issue["check_name"].startswith("PL201") for issue in report)
    assert (tmp_path / "project" / job["artifacts"]["paths"][0]).is_file()


def test_pre_commit_manifest_and_example_config_are_valid(tmp_path: Path) -> None:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    for command, path in (("validate-manifest", REPO / ".pre-commit-hooks.yaml"),
                          ("validate-config", CI / "pre-commit-config.yaml")):
        done = subprocess.run([tool("pre-commit"), command, str(path)], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"]) for h in hooks] == [("planlint", "planlint"), ("planlint-fix", "planlint --fix")]
    for hook in hooks:
        assert hook["require_serial"] is True
        assert re.search(hook["exclude"], ".pre-commit-config.yaml") and re.search(hook["exclude"], "planlint.yaml")
        assert not re.search(hook["exclude"], "plans/gome.yaml")


def test_docs_show_exactly_the_tested_files() -> None:
    doc = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    for recipe in ("github-workflow.yml", "gitlab-ci.yml", "pre-commit-config.yaml"):
        assert (CI / recipe).read_text(encoding="utf-8").rstrip() in doc


def test_every_recipe_installs_planlint_from_the_repository_at_the_release() -> None:
    """README, docs and examples name one repository and one tag, and no registry install."""
    texts = {path: path.read_text(encoding="utf-8") for path in
             [REPO / "README.md", *sorted((REPO / "docs").glob("*.md")), *sorted(CI.glob("*"))]}
    seen = set()
    for path, text in texts.items():
        assert not re.search(r"pip install (-\S+ )*[\"']?planlint(\[[\w,]+\])?[\"']?(?=\s|$)(?! @)", text), path
        seen.update(re.findall(r"git\+(\S+?)@(v[\d.]+\d)", text))
        seen.update(re.findall(r"repo: (\S+)\s+#.*\n\s+rev: (\S+)", text))
        seen.update((HOSTED, tag) for tag in re.findall(r"uses: OWNER/planlint@(v[\d.]*\d)", text))
    assert seen == {(HOSTED, RELEASE)}
