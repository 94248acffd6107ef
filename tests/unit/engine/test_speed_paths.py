"""What makes planlint fast must not change what it finds: worker processes, the cache,
and lazy imports. (Speed itself is measured by benchmarks/run.py, never asserted here.)"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.registry import load_registry

from helpers import HERE

REPO = HERE.parent


def corpus(tmp_path: Path) -> Path:
    """Forty plans: the examples and the rule fixtures, cross-file findings included."""
    folder = tmp_path / "plans"
    folder.mkdir()
    sources = sorted((REPO / "examples" / "plans").glob("*.yaml")) + sorted((HERE / "rules").rglob("*.yaml"))
    for index, source in enumerate(sources[:40]):
        shutil.copy(source, folder / f"{index:02}-{source.name}")
    return folder


def lint_json(*args: str) -> list:
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--today", "2026-11-23", "--isolated"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_worker_processes_find_exactly_what_one_process_finds(tmp_path: Path) -> None:
    folder = str(corpus(tmp_path))
    one = lint_json(folder, "--jobs", "1", "--no-cache")
    two = lint_json(folder, "--jobs", "2", "--no-cache")
    assert one == two
    assert {f["code"] for f in one} >= {"PL001", "PL002", "PL005", "PL201", "PL503"}


def test_cached_runs_find_the_same_and_cross_file_rules_see_every_file(tmp_path: Path, monkeypatch) -> None:
    folder = corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANLINT_CACHE_DIR")  # the default place: beside the config, here the working folder
    fresh = lint_json(str(folder), "--no-cache")
    first = lint_json(str(folder))
    with contextlib.closing(sqlite3.connect(tmp_path / ".planlint_cache" / "planlint.sqlite")) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone()[0] >= 30
    second = lint_json(str(folder))
    assert fresh == first == second
    # A changed file is linted again; the unchanged ones come from the cache and still
    # take part in the cross-file rules.
    example = next(folder.glob("*northwind*"))
    example.write_text(example.read_text(encoding="utf-8").replace("Extra 10% off", "Extra 12% off"),
                       encoding="utf-8")
    changed = lint_json(str(folder))
    assert changed == lint_json(str(folder), "--no-cache")
    assert any(f["code"] == "PL503" for f in changed)


def test_a_cache_filled_by_worker_processes_gives_one_process_the_same_findings(tmp_path: Path, monkeypatch) -> None:
    """Workers read, digest and lint each plan and make its entry; the main process
    stores what they send back."""
    folder = corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANLINT_CACHE_DIR")
    fresh = lint_json(str(folder), "--no-cache", "--jobs", "1")
    filled = lint_json(str(folder), "--jobs", "2")
    with contextlib.closing(sqlite3.connect(tmp_path / ".planlint_cache" / "planlint.sqlite")) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone()[0] >= 30
    from planlint.engine import workers

    linted = []
    monkeypatch.setattr(workers, "lint_file", lambda source, *args: linted.append(source.path))
    read = lint_json(str(folder), "--jobs", "1")
    assert linted == []  # every outcome came from the entries the workers made
    assert fresh == filled == read


def test_two_runs_can_share_the_cache_at_the_same_time(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    command = [sys.executable, "-m", "planlint", str(folder), "--format", "json", "--today", "2026-11-23",
               "--isolated", "--jobs", "1"]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(3)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [1, 1, 1]
    assert all(err == b"" for _, err in outputs)
    assert len({out for out, _ in outputs}) == 1


def test_a_run_on_a_valid_plan_and_config_imports_only_what_it_needs(tmp_path: Path) -> None:
    """No jinja2 without an HTML report, no jsonschema while plan and config are
    valid, and no scan of installed packages once the entry points are cached.
    A pre-commit run lints one plan, so a clean plan's run also leaves out what
    only other runs use: baselines, the memo, the report's facts, fixes, error wording."""
    (tmp_path / "planlint.yaml").write_text("ignore: [PL503]\nrules:\n  PL201: {min_lead_days: {promotion: 30}}\n")
    code = ("import sys\nfrom planlint.cli.main import cli\n"
            f"try:\n    cli([{str(REPO / 'examples' / 'plans' / 'gome-2027.yaml')!r}, '--no-cache'],"
            " standalone_mode=False)\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('jinja2', 'jsonschema', 'importlib.metadata', 'planlint.baseline',"
            " 'planlint.engine.memo', 'planlint.directors.calendar', 'planlint.fix.builtin', 'planlint.fixes', 'planlint.fix.comments',"
            " 'planlint.schema.messages', 'planlint.parse.yaml_errors', 'planlint.engine.cache') if m in sys.modules))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    runs = [subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                           timeout=60, env=env) for _ in range(2)]
    assert [run.stdout.strip().splitlines()[-1] for run in runs] == [
        "['importlib.metadata']", "[]"], runs[1].stdout + runs[1].stderr


def test_invalid_plans_and_config_are_reported_without_importing_jsonschema(tmp_path: Path) -> None:
    """The error walk writes the PL002 findings and the config error; jsonschema,
    which costs more to import than a plan costs to lint, stays out."""
    (tmp_path / "planlint.yaml").write_text("rules:\n  PL201: {min_lead_days: {promotion: soon}}\n")
    plans = [str(p) for p in sorted((HERE / "rules" / "PL002").glob("fail_*.yaml"))]
    code = ("import sys\nfrom planlint.cli.main import cli\n"
            "for args in (sys.argv[1:], sys.argv[1:] + ['--isolated']):\n"
            "    try:\n        cli([*args, '--no-cache', '--format', 'json'], standalone_mode=False)\n"
            "    except SystemExit:\n        pass\n"
            "    print('jsonschema imported:', 'jsonschema' in sys.modules)\n")
    run = subprocess.run([sys.executable, "-c", code, *plans], cwd=tmp_path, capture_output=True, text=True,
                         timeout=60)
    assert "min_lead_days" in run.stderr + run.stdout
    assert '"code": "PL002"' in run.stdout
    imported = [line for line in run.stdout.splitlines() if line.startswith("jsonschema imported")]
    assert imported == ["jsonschema imported: False"] * 2, run.stdout[-2000:] + run.stderr


def test_a_new_process_takes_findings_with_fixes_and_report_facts_from_the_cache(tmp_path: Path) -> None:
    """The classes of a cached outcome (fixes, the HTML report's facts, directives) load on
    demand in a plain run; a second run in a new process must still find every entry, not lint again."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for source in [REPO / "examples" / "plans" / "gome-2027.yaml", *sorted((HERE / "rules" / "PL002").glob(
            "fail_fix_*.yaml")), *sorted((HERE / "rules" / "PL004").glob("fail_fix_*.yaml")),
                   *sorted((HERE / "rules" / "PL007").glob("fail_fix_*.yaml"))]:
        if ".fixed." not in source.name and ".unsafe-fixed." not in source.name:
            shutil.copy(source, folder / source.name)
    args = [str(folder), "--format", "json", "--format", "html:report.html", "--today", "2026-11-23",
            "--isolated", "--jobs", "1"]
    env = {**os.environ, "PLANLINT_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-m", "planlint", *args], cwd=tmp_path, capture_output=True,
                           text=True, timeout=120, env=env)
    assert first.returncode == 1, first.stderr
    assert '"fix": {' in first.stdout
    # The second run may not lint a single file: each one must come from the cache.
    code = ("import sys\nimport planlint.engine.workers as workers\n"
            "def no_linting(*args, **kwargs):\n    raise RuntimeError('linted ' + str(args[0].path))\n"
            "workers.lint_file = no_linting\n"
            "from planlint.cli.main import main\nsys.argv = ['planlint', *sys.argv[1:]]\nmain()\n")
    second = subprocess.run([sys.executable, "-c", code, *args], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, env=env)
    assert (second.returncode, second.stderr) == (1, ""), second.stderr
    assert second.stdout == first.stdout


def test_a_text_report_leaves_fixes_out_and_a_later_json_run_on_the_same_cache_has_them(tmp_path: Path) -> None:
    """A text report shows no fixes, so a pre-commit run does not work them out (nor load
    the fixers); a JSON run afterwards, sharing the cache, still reports every fix."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for source in [*sorted((HERE / "rules" / "PL002").glob("fail_fix_*.yaml")),
                   *sorted((HERE / "rules" / "PL007").glob("fail_fix_*.yaml"))]:
        if ".fixed." not in source.name:
            shutil.copy(source, folder / source.name)
    env = {**os.environ, "PLANLINT_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sys\nfrom planlint.cli.main import main\nsys.argv = ['planlint', *sys.argv[1:]]\n"
            "try:\n    main()\nfinally:\n    print('fixers loaded:', 'planlint.fix.builtin' in sys.modules, file=sys.stderr)\n")
    common = [str(folder), "--today", "2026-11-23", "--isolated", "--jobs", "1"]
    text = subprocess.run([sys.executable, "-c", code, *common], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, env=env)
    assert text.returncode == 1 and "PL002" in text.stdout
    assert "fixers loaded: False" in text.stderr
    fresh = lint_json(*common, "--no-cache")
    assert any(f["fix"] is not None for f in fresh if f["code"] == "PL002")
    assert any(f["fix"] is not None for f in fresh if f["code"] == "PL007")
    cached = subprocess.run([sys.executable, "-m", "planlint", *common, "--format", "json"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, env=env)
    assert json.loads(cached.stdout) == fresh


def test_runs_from_other_folders_share_one_rule_pack_cache_file(tmp_path: Path) -> None:
    """`python -m planlint` puts the folder it starts in on sys.path: each folder
    once left its own cache file behind, without end."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        run = subprocess.run([sys.executable, "-m", "planlint", str(REPO / "examples" / "plans" / "gome-2027.yaml"),
                              "--no-cache", "--isolated"], cwd=tmp_path / folder, capture_output=True, text=True,
                             timeout=60, env=env)
        assert run.returncode == 0, run.stdout + run.stderr
    assert len(list((tmp_path / "user-cache" / "planlint").glob("entry-points-*.json"))) == 1


def test_every_code_with_a_fixer_loads_the_fixers() -> None:
    """A file loads the fixers only for the codes whose rules declare FIXABLE: a fixer
    for a rule that does not would never run, in --fix or anywhere."""
    from planlint.fix import builtin as fixers

    declared = {rule.code for rule in load_registry().rules.values() if rule.fixable}
    assert declared == set(fixers._FIXERS) == {"PL002", "PL004"}
