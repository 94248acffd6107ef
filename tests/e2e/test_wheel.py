"""What a user installs is what the suite tests: the wheel and the sdist are built from a
copy of the checkout, the wheel is installed with `[lsp]` into a fresh venv, and every
command below runs through that venv's `planlint` only (never this editable install)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import List

import pytest

from helpers import HERE, source_copy
from jsonrpc_stdio import StdioClient

REPO = HERE.parent
TODAY = "2026-11-23"


@dataclass
class Installed:
    wheel: Path
    sdist: Path
    planlint: Path  # the console script of the fresh venv
    work: Path  # a folder outside the checkout holding a copy of examples/

    def run(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LANG", "LC_ALL", "LANGUAGE")}
        return subprocess.run([str(self.planlint), *args], cwd=cwd or self.work, capture_output=True,
                              text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    source = source_copy(root / "source")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(root / "dist"), str(source)],
                   check=True, capture_output=True, timeout=600)
    [wheel], [sdist] = (root / "dist").glob("*.whl"), (root / "dist").glob("*.tar.gz")
    venv.create(root / "venv", with_pip=True)
    python = root / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"planlint[lsp] @ {wheel.as_uri()}"],
                   check=True, capture_output=True, timeout=600)
    work = root / "work"
    (work / "examples").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(REPO / "examples" / "plans"), str(work / "examples")], check=True)
    return Installed(wheel, sdist, root / "venv" / "bin" / "planlint", work)


def test_the_wheel_holds_every_package_of_the_source(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    packages = sorted(str(p.relative_to(REPO)) for p in (REPO / "planlint").rglob("__init__.py"))
    assert packages and [p for p in packages if p not in names] == []
    assert "planlint/server/app.py" in names and "planlint/rules/__init__.py" in names


def test_the_sdist_holds_the_license_docs_and_examples(installed: Installed) -> None:
    top = installed.sdist.name.removesuffix(".tar.gz")
    names = set(tarfile.open(installed.sdist).getnames())
    wanted = ["LICENSE", "CHANGELOG.md", "README.md", "docs/releasing.md", "docs/ci.md", "docs/editors.md",
              "examples/plans/gome-2027.yaml", "examples/ci/github-workflow.yml", "setup.py"]
    assert [f for f in wanted if f"{top}/{f}" not in names] == []


def test_the_installed_version_is_the_package_metadata(installed: Installed) -> None:
    version = installed.wheel.name.split("-")[1]
    assert installed.run("--version").stdout == f"planlint, version {version}\n"


def test_installed_planlint_finds_what_the_source_tree_finds(installed: Installed) -> None:
    args = ["examples/plans", "--today", TODAY, "--no-cache", "--isolated"]
    source = subprocess.run([sys.executable, "-m", "planlint", *args], cwd=installed.work, capture_output=True,
                            text=True, encoding="utf-8", timeout=300)
    done = installed.run(*args)
    assert (done.returncode, done.stdout) == (1, source.stdout)
    assert "examples/plans/northwind-mobile-2027.yaml:31:5: PL201 [error]" in done.stdout


def test_installed_planlint_writes_the_html_report(installed: Installed) -> None:
    done = installed.run("examples/plans", "--today", TODAY, "--no-cache", "--format", "html:report.html")
    assert done.returncode == 1, done.stderr
    page = (installed.work / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "PL201" in page and "northwind-mobile" in page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_installed_planlint_writes_a_template_that_passes(installed: Installed, lang: str) -> None:
    plan = f"new-{lang}.yaml"
    written = installed.run("init", plan, "--lang", lang, "--today", TODAY)
    assert written.returncode == 0, written.stderr
    checked = installed.run(plan, "--today", TODAY, "--no-cache", "--isolated")
    assert checked.returncode == 0, checked.stdout


def test_installed_planlint_explains_every_rule(installed: Installed) -> None:
    codes = [line.split()[0] for line in installed.run("rules").stdout.splitlines() if line.startswith("PL")]
    assert len(codes) == 41
    for code in codes:
        done = installed.run("explain", code)
        assert done.returncode == 0 and code in done.stdout, done.stderr


def test_installed_planlint_prints_the_schema(installed: Installed) -> None:
    schema = json.loads(installed.run("schema").stdout)
    assert "account" in schema["properties"]


def test_installed_language_server_answers_and_publishes_diagnostics(installed: Installed) -> None:
    plan = installed.work / "examples" / "plans" / "northwind-mobile-2027.yaml"
    client = StdioClient([str(installed.planlint), "server"], cwd=str(installed.work))
    try:
        answer = client.request("initialize", {"processId": None, "capabilities": {},
                                               "rootUri": installed.work.as_uri(), "workspaceFolders": None})
        assert answer["result"]["serverInfo"]["name"] == "planlint"
        client.send("initialized", {})
        client.send("textDocument/didOpen", {"textDocument": {
            "uri": plan.as_uri(), "languageId": "yaml", "version": 1, "text": plan.read_text(encoding="utf-8")}})
        published = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and m["params"]["uri"] == plan.as_uri() and m["params"]["diagnostics"])
        codes: List[str] = sorted({d["code"] for d in published["params"]["diagnostics"]})
        assert "PL201" in codes and "PL203" in codes
        assert "result" in client.request("shutdown", None)
        client.send("exit", None)
        assert client.process.wait(timeout=60) == 0
    finally:
        client.close()
