"""Hostile and broken input: never a traceback, never a hang, the rest of the run unaffected.

Time and memory bounds are measured by benchmarks/hostile.py, not asserted here.
"""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli import cli
from planlint.loader import Limits, load

from helpers import HERE, lint_paths

HOSTILE = HERE / "hostile"
GOOD = (HERE / "rules" / "PL205" / "fail_monthly_day_6.yaml").read_text(encoding="utf-8")


def billion_laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def write_hostile_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "a-bomb.yaml").write_text(billion_laughs())
    (folder / "b-recursive.yaml").write_text("x-loop: &loop [*loop]\n")
    (folder / "c-deep.yaml").write_text("plans: " + "[" * 10_000 + "]" * 10_000 + "\n")
    with open(folder / "d-huge.yaml", "wb") as handle:
        handle.write(b"notes: '")
        handle.write(b"x" * (50 * 1024 * 1024))
        handle.write(b"'\n")
    (folder / "e-binary.yaml").write_bytes(bytes(range(256)) * 64)
    (folder / "z-good.yaml").write_text(GOOD)


def test_every_hostile_file_is_one_finding_and_the_good_plan_is_still_linted(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    write_hostile_folder(folder)
    result = lint_paths([str(folder)])
    by_file = {Path(f.path).name: (f.code, f.line, f.column, f.message) for f in result.findings
               if f.code == "PL001"}
    assert sorted(by_file) == ["a-bomb.yaml", "b-recursive.yaml", "c-deep.yaml", "d-huge.yaml", "e-binary.yaml"]
    assert "expands to more than 200,000 nodes" in by_file["a-bomb.yaml"][3]
    assert by_file["b-recursive.yaml"][1:3] == (1, 9) and "recursive alias" in by_file["b-recursive.yaml"][3]
    assert "nests deeper than 64 levels" in by_file["c-deep.yaml"][3]
    assert "larger than the 5,000,000-byte limit" in by_file["d-huge.yaml"][3]
    assert "binary file" in by_file["e-binary.yaml"][3]
    assert [(f.code, f.line) for f in result.findings if f.path.endswith("z-good.yaml")] == [("PL205", 24)]
    assert result.errors == []


def test_limits_are_set_in_config(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "planlint.yaml").write_text("limits: {max-file-size: 100, max-depth: 3}\n")
    (tmp_path / "plan.yaml").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["plan.yaml", "--format", "json", "--no-cache"])
    [finding] = json.loads(result.stdout)
    assert finding["code"] == "PL001" and "100-byte limit" in finding["message"]
    assert "deeper than 3" in load(b"a: [[[[1]]]]\n", Limits(max_depth=3)).problems[0][1].text()


def test_tab_indentation_gets_a_plain_message() -> None:
    [finding] = lint_paths([str(HOSTILE / "tab_indent.yaml")]).findings
    assert (finding.code, finding.line, finding.column) == ("PL001", 4, 1)
    assert "tab" in finding.message and "replace the tab with spaces" in finding.message


def test_very_long_lines_are_read_normally() -> None:
    findings = lint_paths([str(HOSTILE / "long_line.yaml")]).findings
    assert [(f.code, f.line) for f in findings] == [("PL205", 22)]


def test_symlink_loop_fifo_and_unreadable_files_are_findings(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    os.symlink(folder / "loop-b.yaml", folder / "loop-a.yaml")
    os.symlink(folder / "loop-a.yaml", folder / "loop-b.yaml")
    os.symlink(folder, folder / "again")  # a folder that contains itself is not followed
    os.mkfifo(folder / "pipe.yaml")
    (folder / "secret.yaml").write_text(GOOD)
    real_open = os.open

    def refuse_secret(path, *args, **kwargs):
        if str(path).endswith("secret.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_secret)
    result = lint_paths([str(folder), str(folder / "pipe.yaml")])
    messages = {Path(f.path).name: f.message for f in result.findings}
    assert set(messages) == {"loop-a.yaml", "loop-b.yaml", "pipe.yaml", "secret.yaml"}
    assert "Too many levels of symbolic links" in messages["loop-a.yaml"]
    assert "not a regular file" in messages["pipe.yaml"]
    assert "Permission denied" in messages["secret.yaml"]
    assert {f.code for f in result.findings} == {"PL001"}


def test_a_failing_report_write_keeps_the_old_report(tmp_path: Path, monkeypatch) -> None:
    report = tmp_path / "report.json"
    report.write_text("the old report")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = CliRunner().invoke(cli, [str(HERE / "rules/PL205/fail_monthly_day_6.yaml"), "--format",
                                      f"json:{report}", "--no-cache"])
    assert result.exit_code == 2
    assert "cannot write the json report" in result.stderr and "No space left on device" in result.stderr
    assert report.read_text() == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@pytest.mark.parametrize("target", ["missing-folder/report.json"])
def test_report_into_a_missing_folder_is_a_clear_error(tmp_path: Path, target: str) -> None:
    result = CliRunner().invoke(cli, [str(HERE / "rules/PL205/fail_monthly_day_6.yaml"), "--format",
                                      f"json:{tmp_path / target}", "--no-cache"])
    assert result.exit_code == 2 and "cannot write the json report" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("tier_count, hint", [(3, "; did you mean `store`?"), (20_000, "")])
def test_a_huge_tier_list_is_linted_without_a_guess_among_thousands(tmp_path: Path, tier_count: int,
                                                                    hint: str) -> None:
    """Every tier entry and every tier reference is checked (the 20,000 tiers once
    cost minutes through per-entry list scans); "did you mean" stays quiet among
    more than a thousand candidates, as guessing there would be noise."""
    plan = (HERE / "rules" / "PL004" / "fail_unknown_tier.yaml").read_text(encoding="utf-8")
    tiers = ["store"] + [f"t{i}" for i in range(tier_count - 1)]
    path = tmp_path / "plan.yaml"
    path.write_text(plan.replace("tiers: [store]", f"tiers: [{', '.join(tiers)}]"), encoding="utf-8")
    found = lint_paths([str(path)]).findings
    unknown = [f for f in found if f.code == "PL004"]
    assert [(f.line, f.message) for f in unknown] == [
        (31, f"plan `promo`: `tier` names tier `stores`, which this file does not define{hint}")]
    assert len([f for f in found if f.code == "PL101"]) == tier_count - 1


# --- Outputs (SPEC 7a.15): a report never replaces an input, a device or a link -------------

PLAN = HERE / "rules" / "PL205" / "fail_monthly_day_6.yaml"


def _run(args: list, folder: Path, monkeypatch: pytest.MonkeyPatch, input: object = None):
    monkeypatch.chdir(folder)
    return CliRunner().invoke(cli, [*args], input=input)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(GOOD)
    (tmp_path / "plans" / "b.yaml").write_text(GOOD.replace("id: acme", "id: other"))
    (tmp_path / "planlint.yaml").write_text("fail-on: warning\n")
    return tmp_path


@pytest.mark.parametrize("args, what", [
    (["plans/a.yaml", "-o", "plans/a.yaml"], "--format text: plans/a.yaml is a plan being linted"),
    (["plans", "--format", "json:plans/a.yaml"], "--format json: plans/a.yaml is a plan being linted"),
    (["plans", "--write-baseline", "plans/b.yaml"], "--write-baseline: plans/b.yaml is a plan being linted"),
    (["plans", "-o", "planlint.yaml"], "--format text: planlint.yaml is the config file"),
    (["plans", "-o", "pyproject.toml"], "--format text: pyproject.toml is a config file"),
    (["plans", "--format", "json:r.json", "--format", "sarif:./r.json"],
     "--format sarif: ./r.json is also the file of --format json"),
])
def test_an_output_onto_an_input_is_refused_and_nothing_is_written(plans: Path, monkeypatch, args: list,
                                                                   what: str) -> None:
    before = {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()}
    result = _run([*args, "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and what in result.stderr
    assert {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()} == before


def test_an_output_through_a_symlink_writes_the_target_and_keeps_the_link(plans: Path, monkeypatch) -> None:
    (plans / "reports").mkdir()
    os.symlink("reports/latest.json", plans / "report.json")
    result = _run(["plans/a.yaml", "--format", "json:report.json", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 1
    assert os.readlink(plans / "report.json") == "reports/latest.json"
    assert [f["code"] for f in json.loads((plans / "reports" / "latest.json").read_text())] == ["PL205"]


def test_an_output_onto_a_link_to_a_device_writes_the_device(plans: Path, monkeypatch) -> None:
    os.symlink(os.devnull, plans / "null")
    result = _run(["plans", "-o", "null", "--write-baseline", "null", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert os.readlink(plans / "null") == os.devnull
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


def test_an_output_into_a_fifo_is_written_in_place(plans: Path, monkeypatch) -> None:
    fifo = plans / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = _run(["plans/a.yaml", "--format", "json:pipe", "--no-cache"], plans, monkeypatch)
        report = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert result.exit_code == 1 and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [f["code"] for f in json.loads(report)] == ["PL205"]


def test_a_fifo_nobody_reads_is_an_error_not_a_hang(plans: Path, monkeypatch) -> None:
    os.mkfifo(plans / "pipe")
    result = _run(["plans/a.yaml", "--format", "json:pipe", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and "cannot write the json report to pipe" in result.stderr
    assert stat.S_ISFIFO(os.lstat(plans / "pipe").st_mode)


def test_a_baseline_into_a_missing_folder_is_a_clear_error(plans: Path, monkeypatch) -> None:
    result = _run(["plans", "--write-baseline", "nowhere/baseline.json", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and "cannot write the baseline nowhere/baseline.json" in result.stderr
    assert "internal error" not in result.stderr
def test_nesting_beyond_libyaml_s_own_limit_is_the_same_too_deep_finding() -> None:
    # libyaml 0.2.6 (PyYAML 6.0.4) refuses 1,000 levels itself, in flow and in block style.
    flow = "plans: " + "[" * 1200 + "]" * 1200 + "\n"
    block = "plans:\n" + "".join("  " * depth + "- \n" for depth in range(1, 1200))
    for source in (flow, block):
        [(code, problem)] = load(source.encode(), Limits()).problems
        assert (code, problem.position[:2], problem.text()) == (
            "PL001", (1, 71) if source is flow else (65, 129), "the document nests deeper than 64 levels")
