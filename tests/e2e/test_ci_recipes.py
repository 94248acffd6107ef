"""The CI recipes in docs/ci.md are real files under examples/ci/, valid for their CI."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import HERE

REPO = HERE.parent
CI = REPO / "examples" / "ci"
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


def test_github_workflow_lints_once_uploads_sarif_and_keeps_the_html() -> None:
    workflow = yaml.safe_load((CI / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["planlint"]["steps"]
    lint = next(step["run"] for step in steps if "planlint plans/" in step.get("run", ""))
    assert "--format github" in lint and "--format sarif:planlint.sarif" in lint
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    assert workflow["permissions"]["security-events"] == "write"


def test_gitlab_job_publishes_code_quality() -> None:
    job = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["planlint"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert any("--format gitlab:gl-code-quality-report.json" in line for line in job["script"])


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
