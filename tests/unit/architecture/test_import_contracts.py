"""The import contracts of pyproject.toml (layers; no core module imports a rule; rules
import only planlint.api) hold, checked by import-linter on the package as installed:
rules/ installs as planlint.rules, which a checkout's planlint/ folder does not hold."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import planlint

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

CHECKOUT = Path(__file__).parents[3]
PYPROJECT = CHECKOUT / "pyproject.toml"


def _installed_tree(destination: Path) -> Path:
    """planlint laid out as an installed wheel lays it out, from pyproject's package-dir."""
    mapping = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]
    for package, folder in sorted(mapping.items()):  # "planlint" before "planlint.rules"
        shutil.copytree(CHECKOUT / folder, destination.joinpath(*package.split(".")),
                        ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    return destination


def _top_level_parts() -> set:
    folder = Path(planlint.__file__).parent
    modules = {f"planlint.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__"}
    return modules | {f"planlint.{p.parent.name}" for p in folder.glob("*/__init__.py")}


def test_the_forbidden_contracts_name_every_part_of_planlint() -> None:
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    forbidden = [c for c in contracts if c["type"] == "forbidden"]
    core = [c for c in forbidden if c["forbidden_modules"] == ["planlint.rules.**"]]
    rules = [c for c in forbidden if c["source_modules"] == ["planlint.rules.**"]]
    assert len(core) == 1 and set(core[0]["source_modules"]) == _top_level_parts()
    assert len(rules) == 1 and set(rules[0]["forbidden_modules"]) == _top_level_parts() - {"planlint.api"}


def test_lint_imports_keeps_every_contract_on_the_installed_tree(tmp_path: Path) -> None:
    tree = _installed_tree(tmp_path / "site")
    assert (tree / "planlint" / "rules" / "pl003_duplicate_key.py").is_file()
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint_imports), "--no-cache", str(PYPROJECT)], cwd=tree,
                          capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree)})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 3 kept, 0 broken." in done.stdout
    # The rule modules were in the graph: the contracts about them were not kept vacuously.
    assert f"Analyzed {len(list(tree.rglob('*.py')))} files" in done.stdout
