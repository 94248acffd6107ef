"""The GitHub Action (action.yml): valid for GitHub, and its steps run here in bash as the
runner runs them, with the runner's variables set and `${{ ... }}` filled in by the test."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

import yaml

from helpers import HERE, source_copy, tagged_clone
from planlint import __version__

REPO = HERE.parent
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def run_action(tmp_path: Path, inputs: Dict[str, str], **github: str) -> subprocess.CompletedProcess:
    """Every step of the composite action in order, as `bash -e -o pipefail`, until one fails:
    the last step's status with what all of them printed."""
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | inputs
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    env = {**os.environ, "RUNNER_TEMP": str(runner_temp), "GITHUB_ACTIONS": "true",
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "GITHUB_OUTPUT": str(tmp_path / "output"),
           **github}
    printed, complained = "", ""
    for step in ACTION["runs"]["steps"]:
        assert step["shell"] == "bash"
        step_env = {k: re.sub(r"\$\{\{ inputs\.(\w+) \}\}", lambda m: values[m.group(1)], v)
                    for k, v in step.get("env", {}).items()}
        assert "${{" not in step["run"], "inputs reach the script through env only"
        done = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step["run"]],
                              cwd=tmp_path / "workspace", env={**env, **step_env}, capture_output=True,
                              text=True, timeout=900)
        printed, complained = printed + done.stdout, complained + done.stderr
        if done.returncode != 0:
            break
    return subprocess.CompletedProcess(done.args, done.returncode, printed, complained)


def workspace(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "examples" / "plans", tmp_path / "workspace" / "plans")
    return tmp_path / "workspace"


def test_action_yml_is_a_valid_action() -> None:
    done = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema",
                           "vendor.github-actions", str(REPO / "action.yml")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert set(ACTION["inputs"]) == {"paths", "args", "sarif", "report", "version"}
    assert ACTION["runs"]["using"] == "composite"


def test_action_annotates_summarises_and_reports_outside_the_checkout(tmp_path: Path) -> None:
    checkout = workspace(tmp_path)
    before = sorted(p.relative_to(checkout) for p in checkout.rglob("*"))
    done = run_action(tmp_path, {"paths": "plans", "args": "--today 2026-11-23 --no-cache"},
                      GITHUB_ACTION_PATH=str(source_copy(tmp_path / "action")))
    assert done.returncode == 1, done.stderr
    assert "::error file=plans/northwind-mobile-2027.yaml,line=31," in done.stdout
    assert "| PL201 |" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    reports = tmp_path / "runner-temp" / "planlint"
    assert (tmp_path / "output").read_text(encoding="utf-8") == \
        f"sarif={reports / 'planlint.sarif'}\nreport={reports / 'planlint-report.html'}\n"
    assert '"ruleId": "PL201"' in (reports / "planlint.sarif").read_text(encoding="utf-8")
    assert "<!DOCTYPE html>" in (reports / "planlint-report.html").read_text(encoding="utf-8")
    assert sorted(p.relative_to(checkout) for p in checkout.rglob("*")) == before


def test_action_installs_the_release_named_by_version(tmp_path: Path) -> None:
    clone = tagged_clone(tmp_path / "hosted" / "planlint")
    workspace(tmp_path)
    (tmp_path / "workspace" / "plans" / "northwind-mobile-2027.yaml").unlink()
    server = f"file://localhost{tmp_path}"  # pip 23 refuses a git+file URL without a host
    done = run_action(tmp_path, {"paths": "plans", "sarif": "", "report": "", "version": __version__},
                      GITHUB_ACTION_PATH=str(tmp_path / "nowhere"), GITHUB_SERVER_URL=server,
                      GITHUB_ACTION_REPOSITORY="hosted/planlint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"planlint, version {__version__}" in done.stdout
    assert (tmp_path / "output").read_text(encoding="utf-8") == "sarif=\nreport=\n"
