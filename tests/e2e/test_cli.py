"""The command line as users meet it: exit status, discovery, output, stdin, colour."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA, HERE

CLI_DIR = DATA / "cli"
REPO = HERE.parent
EXAMPLES = REPO / "examples" / "plans"
TODAY = "--today=2026-11-23"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, [*args], input=input, catch_exceptions=False)


def test_clean_plan_exits_0_with_a_summary() -> None:
    result = run(str(EXAMPLES / "gome-2027.yaml"), TODAY)
    assert (result.exit_code, result.output) == (0, "No findings in 1 file.\n")


def test_findings_exit_1_and_print_path_line_column_code_severity() -> None:
    result = run(str(CLI_DIR / "named.plan"), TODAY)
    assert result.exit_code == 1
    first, summary = result.output.splitlines()
    assert re.fullmatch(r".*named\.plan:29:11: PL002 \[error\] plan `promo`: `kind` must be one of .*", first)
    assert summary == "Found 1 finding (1 error) in 1 of 1 file."


def test_fail_on_and_exit_zero() -> None:
    plan = str(CLI_DIR / "warning_only.yaml")
    assert run(plan, TODAY).exit_code == 0
    assert run(plan, TODAY, "--fail-on", "warning").exit_code == 1
    assert run(plan, TODAY, "--fail-on", "warning", "--exit-zero").exit_code == 0


@pytest.mark.parametrize("args, message", [
    (["does-not-exist.yaml"], "does-not-exist.yaml: no such file or directory"),
    (["--select", "PL999", "tests/data/cli/tree"], "select: `PL999` is not a rule code, name or code prefix"),
    (["--today", "2026-02-30", "tests/data/cli/tree"], "is not a real date written YYYY-MM-DD"),
    (["--format", "xml", "tests/data/cli/tree"], "--format: `xml` is not a format"),
    (["tests/data/cli/no_plans"], "no plan files (*.yaml, *.yml) found under tests/data/cli/no_plans"),
])
def test_usage_errors_exit_2_with_a_message(args: list, message: str, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_discovery_recurses_skips_hidden_and_config_and_keeps_given_paths(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("tests/data/cli/tree/", "tests/data/cli/named.plan", "--format", "json", TODAY,
                 "--select", "PL002")
    paths = {f["path"] for f in json.loads(result.output)}
    assert paths == {"tests/data/cli/named.plan"}
    listed = run("tests/data/cli/tree", TODAY)
    assert listed.output == "No findings in 2 files.\n"


def test_select_and_ignore_take_codes_or_names() -> None:
    plan = str(EXAMPLES / "northwind-mobile-2027.yaml")
    selected = json.loads(run(plan, TODAY, "--format=json", "--select", "material-late,PL203").output)
    assert [f["code"] for f in selected] == ["PL202", "PL203"]
    group = json.loads(run(plan, TODAY, "--format=json", "--select", "pl2").output)
    assert [f["code"] for f in group] == ["PL201", "PL202", "PL203", "PL204"]
    ignored = json.loads(run(plan, TODAY, "--format=json", "--ignore", "pl202", "--ignore", "PL203").output)
    assert {"PL202", "PL203"}.isdisjoint(f["code"] for f in ignored) and len(ignored) == 12


def test_stdin_with_stdin_filename() -> None:
    data = (CLI_DIR / "named.plan").read_bytes()
    result = run("-", "--stdin-filename", "plans/from-stdin.yaml", TODAY, "--format", "json", input=data)
    assert result.exit_code == 1
    assert [(f["path"], f["code"], f["line"]) for f in json.loads(result.output)] == [
        ("plans/from-stdin.yaml", "PL002", 29)]


def test_output_file_is_written_and_plans_are_untouched(tmp_path: Path) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in EXAMPLES.iterdir()}
    report = tmp_path / "report.json"
    report.write_text("old report")
    result = run(str(EXAMPLES), TODAY, "--format", "json", "--output", str(report))
    assert (result.exit_code, result.output) == (1, "")
    assert len(json.loads(report.read_text(encoding="utf-8"))) == 14
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in EXAMPLES.iterdir()} == before


def test_rules_lists_every_rule_once() -> None:
    lines = run("rules").output.splitlines()
    assert len(lines) == 41
    assert lines[11].split()[:4] == ["PL201", "short-lead-time", "error", "default"]
    assert lines[27].split()[:4] == ["PL601", "objective-not-measurable", "warning", "opt-in"]


def test_explain_by_code_or_name_shows_the_rule_docs_and_defaults() -> None:
    by_code, by_name = run("explain", "PL201"), run("explain", "Short-Lead-Time")
    assert by_code.output == by_name.output
    for part in ("What it does", "Why it matters", "Example that fails", "Fix", '"promotion": 42'):
        assert part in by_code.output
    unknown = CliRunner().invoke(cli, ["explain", "PL999"])
    assert unknown.exit_code == 2 and "not a rule code or name" in unknown.output


def test_schema_prints_the_packaged_json_schema() -> None:
    printed = json.loads(run("schema").output)
    assert printed == json.loads((REPO / "schemas" / "account-plan.schema.json").read_text())
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _planlint_command() -> list:
    return [sys.executable, "-m", "planlint"]


def test_real_subprocess_exit_codes_and_no_traceback_on_a_directory_of_junk() -> None:
    suite = HERE.parent.parent / "shared" / "data" / "yaml-test-suite"
    done = subprocess.run([*_planlint_command(), str(suite), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert {f["code"] for f in json.loads(done.stdout)} <= {"PL001", "PL002", "PL003"}


@pytest.mark.parametrize("args, status, stdout_start", [
    ([str(EXAMPLES / "gome-2027.yaml")], 0, "No findings in 1 file."),
    ([str(CLI_DIR / "named.plan")], 1, str(CLI_DIR / "named.plan") + ":29:11: PL002"),
    ([str(EXAMPLES), "--select", "PL999"], 2, ""),
    ([str(CLI_DIR / "no_plans")], 2, ""),
])
def test_the_installed_command_exits_with_the_status_and_prints_all_its_output(args, status, stdout_start) -> None:
    command = str(Path(sys.executable).parent / "planlint")
    for launcher in ([command], _planlint_command()):
        done = subprocess.run([*launcher, *args, TODAY, "--isolated", "--no-cache"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == status, done.stderr
        assert done.stdout.startswith(stdout_start) and "Traceback" not in done.stderr
        assert (done.stderr != "") is (status == 2)


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path) -> None:
    plan = (EXAMPLES / "northwind-mobile-2027.yaml").read_text(encoding="utf-8")
    for index in range(200):  # 100 KB of findings: more than a pipe holds
        (tmp_path / f"plan-{index:03}.yaml").write_text(plan.replace("northwind-mobile", f"nw-{index}"))
    process = subprocess.Popen([*_planlint_command(), str(tmp_path), TODAY, "--isolated", "--no-cache"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first_line = process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=120) == 1  # click's answer to a closed pipe, as `| head` gives
    assert b"PL" in first_line and process.stderr.read() == b""


def _run_in_terminal(env: dict) -> str:
    import pty

    leader, follower = pty.openpty()
    subprocess.run([*_planlint_command(), str(CLI_DIR / "named.plan"), TODAY], stdout=follower,
                   stderr=follower, env=env, timeout=60)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return output.decode()


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert "\033[31m[error]" in _run_in_terminal(env)
    assert "\033[" not in _run_in_terminal({**env, "NO_COLOR": "1"})
    piped = subprocess.run([*_planlint_command(), str(CLI_DIR / "named.plan"), TODAY],
                           capture_output=True, text=True, env=env, timeout=60)
    assert "\033[" not in piped.stdout and "[error]" in piped.stdout


def test_init_writes_a_template_that_passes_and_never_overwrites(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for today in ("2026-11-23", "2028-01-01"):  # the plan is for the year after the day it is written
        assert run("init", f"{today}.yaml", "--today", today, "--lang", "en").exit_code == 0
        assert run(f"{today}.yaml", "--today", today, "--isolated").output == "No findings in 1 file.\n"
    assert run("init", "x.yaml").exit_code == 0
    written = (tmp_path / "x.yaml").read_bytes()
    again = CliRunner().invoke(cli, ["init", "x.yaml"])
    assert again.exit_code == 2 and "already exists" in again.output
    assert (tmp_path / "x.yaml").read_bytes() == written


def test_init_creates_the_folders_of_a_new_plan(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    done = run("init", "plans/2027/new.yaml")
    assert done.exit_code == 0, done.output
    assert run("plans/2027/new.yaml", "--today", "2026-11-23", "--isolated").exit_code == 0
    (tmp_path / "taken").write_text("not a folder")
    blocked = CliRunner().invoke(cli, ["init", "taken/new.yaml"])
    assert blocked.exit_code == 2 and "cannot create the folder taken" in blocked.output


def _read_until_closed(descriptor: int, chunks: list) -> None:
    while True:
        try:
            chunk = os.read(descriptor, 65536)
        except OSError:  # the terminal's other end was closed
            return
        if not chunk:
            return
        chunks.append(chunk)


def test_progress_bar_on_a_terminal_for_long_runs_only(tmp_path: Path) -> None:
    import pty

    plan = (EXAMPLES / "gome-2027.yaml").read_text(encoding="utf-8")
    for index in range(301):
        (tmp_path / f"plan-{index:03}.yaml").write_text(plan.replace("id: gome", f"id: gome-{index}"))
    command = [*_planlint_command(), str(tmp_path), TODAY, "--select", "PL2", "--output", str(tmp_path / "r.txt")]
    leader, follower = pty.openpty()
    chunks: list = []
    # The terminal is read while planlint runs: a full pty buffer would block its
    # progress bar (and the run) on a slow machine.
    reader = threading.Thread(target=_read_until_closed, args=(leader, chunks), daemon=True)
    reader.start()
    subprocess.run(command, stderr=follower, stdout=subprocess.DEVNULL, timeout=120)
    os.close(follower)
    reader.join(timeout=30)
    os.close(leader)
    shown = b"".join(chunks).decode(errors="replace")
    assert "Linting plans" in shown
    piped = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert piped.stderr == ""
