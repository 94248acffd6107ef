"""The wheel installs one top-level package, `planlint`; rules and schemas live inside it."""
from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import planlint
from helpers import HERE, source_copy


def test_installed_environment_has_no_top_level_rules_or_schemas(tmp_path: Path) -> None:
    code = ("import importlib.util as u, importlib.resources as r; "
            "print(u.find_spec('rules'), u.find_spec('schemas'), "
            "r.files('planlint.schemas').joinpath('account-plan.schema.json').is_file())")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.stdout.split() == ["None", "None", "True"]
    assert importlib.util.find_spec("planlint.rules.pl201_short_lead_time") is not None


def test_wheel_holds_only_the_planlint_package(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path), str(source_copy(tmp_path / "source"))], check=True, capture_output=True)
    [wheel] = tmp_path.glob("planlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"planlint", wheel.name.split("-py")[0] + ".dist-info"}
    assert "planlint/rules/pl201_short_lead_time.py" in names
    assert "planlint/schemas/account-plan.schema.json" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt")))
    assert b"[planlint.rules]" in entry_points and b"PL503 = planlint.rules.pl503" in entry_points


def test_one_version_for_the_metadata_the_cli_and_the_changelog() -> None:
    changelog = (HERE.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, flags=re.M)
    done = subprocess.run([sys.executable, "-m", "planlint", "--version"], capture_output=True, text=True)
    assert released[0] == importlib.metadata.version("planlint") == planlint.__version__
    assert done.stdout == f"planlint, version {released[0]}\n"
    assert f"[{released[0]}]: " in changelog
    extension = HERE.parent / "editors" / "vscode"
    assert json.loads((extension / "package.json").read_text(encoding="utf-8"))["version"] == released[0]
    lock = json.loads((extension / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["version"] == lock["packages"][""]["version"] == released[0]
