"""The wheel installs one top-level package, `planlint`; rules and schemas live inside it."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import source_copy


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
