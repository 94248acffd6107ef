"""Hostile and broken input: never a traceback, never a hang, the rest of the run unaffected.

Time and memory bounds are measured by benchmarks/hostile.py, not asserted here.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli
from planlint.engine.entry import pack, unpack
from planlint.parse.loader import Limits, load

from helpers import DATA, HERE, lint_paths

HOSTILE = DATA / "hostile"
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
    assert "deeper than 3" in load(b"a: [[[[1]]]]\n", Limits(max_depth=3)).problems[0][1].render()


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
    uncovered = [f.message for f in found if f.code == "PL101"]
    if tier_count <= 1_000:
        assert len(uncovered) == tier_count - 1
    else:  # a thousand one by one, the rest summarised in one more finding (never made, so not counted)
        assert len(uncovered) == 1_001 and uncovered.count(
            "more PL101 findings in this file are not shown; "
            "planlint reports the first 1000 of a rule in a file one by one") == 1


# --- Outputs: a report never replaces an input, a device or a link -------------

PLAN = HERE / "rules" / "PL205" / "fail_monthly_day_6.yaml"


def _run(args: list, folder: Path, monkeypatch: pytest.MonkeyPatch, input: object = None):
    monkeypatch.chdir(folder)
    return CliRunner().invoke(cli, [*args], input=input)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(GOOD)
    (tmp_path / "plans" / "b.yaml").write_text(GOOD.replace("id: acme", "id: other").replace("X only for Acme", "Y only for Other"))
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


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A checkout with plans, beside a folder of the machine's that it must never reach."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "existing.conf").write_text("keep me\n")
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    (checkout / "plans").mkdir()
    (checkout / "plans" / "a.yaml").write_text(GOOD)
    return checkout


@pytest.mark.parametrize("args, link, target", [
    (["--format", "sarif:planlint.sarif"], "planlint.sarif", "../outside/existing.conf"),
    (["--format", "html", "-o", "planlint-report.html"], "planlint-report.html", "../outside/created.sh"),
    (["--format", "json", "-o", "r.json"], "r.json", "../outside/existing.conf"),
    (["--write-baseline", "baseline.json"], "baseline.json", "../outside/created.sh"),
])
def test_a_committed_link_named_like_a_report_is_replaced_never_followed(repo: Path, monkeypatch, args: list,
                                                                         link: str, target: str) -> None:
    """A pull request commits `planlint.sarif -> ../outside/existing.conf` (or a link to a
    file that does not exist yet); the recipe's command must not write there."""
    os.symlink(target, repo / link)
    result = _run(["plans", *args, "--no-cache"], repo, monkeypatch)
    assert result.exit_code in (0, 1), result.stderr
    assert sorted(p.name for p in (repo.parent / "outside").iterdir()) == ["existing.conf"]
    assert (repo.parent / "outside" / "existing.conf").read_text() == "keep me\n"
    assert not os.path.islink(repo / link) and "PL205" in (repo / link).read_text()


def test_a_report_through_a_linked_folder_of_the_repository_is_refused(repo: Path, monkeypatch) -> None:
    os.symlink("../outside", repo / "reports")
    result = _run(["plans", "-o", "reports/r.json", "--format", "json", "--no-cache"], repo, monkeypatch)
    assert result.exit_code == 2
    assert ("planlint: error: cannot write the json report to reports/r.json: reports is a symbolic link inside "
            "the repository, and planlint writes nothing through one") in result.stderr
    assert sorted(p.name for p in (repo.parent / "outside").iterdir()) == ["existing.conf"]
    zh = _run(["plans", "-o", "reports/r.json", "--lang", "zh", "--no-cache"], repo, monkeypatch)
    assert zh.exit_code == 2 and "reports 是仓库里的符号链接，planlint 不会通过符号链接写文件" in zh.stderr


def test_an_absolute_output_outside_the_repository_is_the_user_s_own_link(repo: Path, monkeypatch) -> None:
    """`-o $RUNNER_TEMP/x` is the user's: a link there (to a device, or to a file) is followed."""
    outside = repo.parent / "outside"
    os.symlink(os.devnull, outside / "null")
    os.symlink("existing.conf", outside / "latest.json")
    result = _run(["plans", "-o", str(outside / "null"), "--format", f"json:{outside / 'latest.json'}",
                   "--format", "text", "--no-cache"], repo, monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert os.readlink(outside / "null") == os.devnull and not os.path.isfile(os.devnull)
    assert os.readlink(outside / "latest.json") == "existing.conf"
    assert [f["code"] for f in json.loads((outside / "existing.conf").read_text())] == ["PL205"]


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
        assert (code, problem.position[:2], problem.render()) == (
            "PL001", (1, 71) if source is flow else (65, 129), "the document nests deeper than 64 levels")


# --- The cache: data that cannot run, trusted only when planlint wrote it ----------------------

def _database(folder: Path) -> Path:
    return folder / ".planlint_cache" / "planlint.sqlite"


def _outcome_keys(database: Path) -> list:
    """The keys of the per-file outcomes (zlib-compressed JSON; facts start with m or j, the snapshot with z)."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        return sorted(key for key, body in db.execute("SELECT key, body FROM entries") if body[:1] not in b"mjz")


def _set_bodies(database: Path, change) -> None:
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        for key, body in db.execute("SELECT key, body FROM entries").fetchall():
            db.execute("UPDATE entries SET body = ? WHERE key = ?", (change(body), key))


@pytest.fixture
def cached(plans: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose cache lives in the repository, as it does by default."""
    monkeypatch.delenv("PLANLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(plans / "home-cache"))
    return plans


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_a_pickled_cache_entry_never_runs_and_is_a_miss(cached: Path, monkeypatch) -> None:
    import pickle

    first = _run(["plans/a.yaml", "--format", "json"], cached, monkeypatch)
    _set_bodies(_database(cached), lambda body: pickle.dumps(_Boom()))
    again = _run(["plans/a.yaml", "--format", "json"], cached, monkeypatch)
    assert not (cached / "pwned").exists()
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout) == (1, first.stdout)


def _no_findings(body: bytes) -> bytes:
    if body[:1] in b"mjz":  # facts and the snapshot: not outcomes
        return body
    text = unpack(body)
    start = text.index(b'"findings":[') + len(b'"findings":[')
    return pack(text[:start] + text[text.index(b'],"directives"'):])


@pytest.mark.parametrize("damage", ["no findings, same mac", "garbage", "torn", "a link to /dev/zero",
                                    "a trigger", "another user's secret"])
def test_a_crafted_or_broken_cache_database_is_a_miss(cached: Path, monkeypatch, damage: str) -> None:
    first = _run(["plans/a.yaml", "--format", "json"], cached, monkeypatch)
    database = _database(cached)
    if damage == "no findings, same mac":
        _set_bodies(database, _no_findings)
    elif damage == "garbage":
        database.write_bytes(b"\x80\x04garbage" * 100)
    elif damage == "torn":
        database.write_bytes(database.read_bytes()[:1500])
    elif damage == "a link to /dev/zero":
        database.unlink()
        os.symlink("/dev/zero", database)
    elif damage == "a trigger":  # would empty every entry as planlint writes: not planlint's database
        with contextlib.closing(sqlite3.connect(database)) as db, db:
            db.execute("CREATE TRIGGER t AFTER INSERT ON entries BEGIN UPDATE entries SET body = x''; END")
    else:  # a database committed by someone else: made with their secret
        monkeypatch.setenv("XDG_CACHE_HOME", str(cached / "another-home"))
    again = _run(["plans/a.yaml", "--format", "json"], cached, monkeypatch)
    assert again.exit_code == 1 and again.stdout == first.stdout and "PL205" in again.stdout
    assert "internal error" not in again.stderr
    third = _run(["plans/a.yaml", "--format", "json"], cached, monkeypatch)
    assert third.stdout == first.stdout


def test_a_cache_folder_that_is_a_link_is_not_written_through(cached: Path, monkeypatch, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    os.symlink(outside, cached / ".planlint_cache")
    result = _run(["plans/a.yaml"], cached, monkeypatch)
    assert result.exit_code == 1 and list(outside.iterdir()) == []


def test_a_cache_journal_that_is_a_link_is_not_written_through(cached: Path, monkeypatch, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (cached / ".planlint_cache").mkdir()
    os.symlink(outside / "wal", cached / ".planlint_cache" / "planlint.sqlite-wal")
    result = _run(["plans/a.yaml"], cached, monkeypatch)
    assert result.exit_code == 1 and list(outside.iterdir()) == []


def test_the_cache_folder_comes_from_PLANLINT_CACHE_DIR(cached: Path, monkeypatch, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(elsewhere))
    result = _run(["plans/a.yaml"], cached, monkeypatch)
    assert result.exit_code == 1 and len(_outcome_keys(elsewhere / "planlint.sqlite")) == 1
    assert not (cached / ".planlint_cache").exists()


def test_a_changed_schema_is_not_answered_from_the_cache(cached: Path, monkeypatch) -> None:
    import importlib.util

    spec = importlib.util.find_spec("planlint.schemas")
    schema = Path(next(iter(spec.submodule_search_locations))) / "account-plan.schema.json"
    _run(["plans/a.yaml"], cached, monkeypatch)
    before = schema.stat()
    try:
        os.utime(schema, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        _run(["plans/a.yaml"], cached, monkeypatch)
    finally:
        os.utime(schema, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert len(_outcome_keys(_database(cached))) == 2


def test_cache_entries_unused_for_ten_runs_are_pruned(cached: Path, monkeypatch) -> None:
    _run(["plans/a.yaml"], cached, monkeypatch)
    [old] = _outcome_keys(_database(cached))
    for _ in range(20):
        _run(["plans/b.yaml"], cached, monkeypatch)
    assert old not in _outcome_keys(_database(cached)) and len(_outcome_keys(_database(cached))) == 1


# --- Files: no secret through a link, each real file once, no silent skip ----------

def test_a_plan_that_links_outside_the_linted_paths_is_skipped_with_a_notice(plans: Path, monkeypatch) -> None:
    os.symlink("/proc/self/environ", plans / "plans" / "env.yaml")
    (plans / "secret").mkdir()
    (plans / "secret" / "token.yaml").write_text("token: hunter2\n")
    os.symlink("../secret/token.yaml", plans / "plans" / "token.yaml")
    os.mkfifo(plans / "plans" / "pipe.yaml")
    for args in (["plans"], ["plans/env.yaml", "plans/token.yaml", "plans/a.yaml"]):
        result = _run([*args, "--format", "html", "--no-cache"], plans, monkeypatch)
        assert result.exit_code == 1
        assert "hunter2" not in result.stdout and "PATH=" not in result.stdout and "\x00" not in result.stdout
        assert "planlint: notice: plans/env.yaml: skipped: it is a symbolic link to a file outside the linted " \
               "paths" in result.stderr
        assert "planlint: notice: plans/token.yaml: skipped" in result.stderr


def test_a_fifo_in_a_folder_is_skipped_with_a_notice(plans: Path, monkeypatch) -> None:
    os.mkfifo(plans / "plans" / "pipe.yaml")
    result = _run(["plans", "--format", "json", "--no-cache"], plans, monkeypatch)
    assert "planlint: notice: plans/pipe.yaml: skipped: not a regular file (a FIFO, device or socket)" \
        in result.stderr
    assert {f["path"] for f in json.loads(result.stdout)} == {"plans/a.yaml", "plans/b.yaml"}


def test_each_real_file_is_linted_once(plans: Path, monkeypatch) -> None:
    """A folder named twice through a link, or a link beside its target, is not PL005 against itself."""
    os.symlink("plans", plans / "same")
    os.symlink("a.yaml", plans / "plans" / "again.yaml")
    result = _run(["plans", "same", "--format", "json", "--no-cache"], plans, monkeypatch)
    assert [(f["path"], f["code"]) for f in json.loads(result.stdout)] == [
        ("plans/a.yaml", "PL205"), ("plans/b.yaml", "PL205")]


def test_standard_input_named_as_a_file_of_paths_is_not_linted_twice(plans: Path, monkeypatch) -> None:
    (plans / "planlint.yaml").write_text("paths: [plans]\n")
    result = _run(["-", "--stdin-filename", "plans/a.yaml", "--format", "json", "--no-cache"], plans, monkeypatch,
                  input=GOOD)
    assert [(f["path"], f["code"]) for f in json.loads(result.stdout)] == [("plans/a.yaml", "PL205")]


def test_stdin_filename_without_a_dash_is_a_usage_error_saying_to_add_it(plans: Path, monkeypatch) -> None:
    """Alone, it once linted the current folder instead of the plan piped in."""
    result = _run(["--stdin-filename", "plans/new.yaml", "--format", "json", "--no-cache"], plans, monkeypatch,
                  input=GOOD)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--stdin-filename names the plan read from standard input: add `-` to read it" in result.stderr


def test_an_unreadable_folder_is_an_error(plans: Path, monkeypatch) -> None:
    (plans / "plans" / "locked").mkdir()
    real_scandir = os.scandir

    def refuse(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    result = _run(["plans", "--format", "json", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2
    assert "planlint: plans/locked: cannot read the folder: Permission denied" in result.stderr
    assert len(json.loads(result.stdout)) == 2


@pytest.mark.parametrize("name, shown", [(b"x\xff.yaml", "x\\xff.yaml"),
                                         (b"x\nfake.yaml:1:1: PL000.yaml", "x\\u000afake.yaml"),
                                         (b"x\x1b[2J.yaml", "x\\u001b"),
                                         ("x\u2028y\u061c.yaml".encode(), "x\\u2028y\\u061c.yaml")])
@pytest.mark.parametrize("format", ["text", "json", "sarif", "gitlab", "junit", "github", "html"])
def test_a_file_name_with_odd_bytes_is_shown_escaped_in_every_report(tmp_path: Path, monkeypatch, name: bytes,
                                                                     shown: str, format: str) -> None:
    folder = os.fsencode(tmp_path / "plans")
    os.mkdir(folder)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
        handle.write(GOOD)
    result = _run(["plans", "--format", format, "--fail-on", "warning", "--no-cache"], tmp_path, monkeypatch)
    assert result.exit_code == 1, result.stderr
    report = result.stdout.replace("\\\\", "\\")  # JSON writes a backslash as two
    assert shown in report or shown.replace("\\", "/") in report  # SARIF: URIs use `/`
    assert "\x1b" not in report and "\ufffd" not in report and "\nfake.yaml" not in report


@pytest.mark.parametrize("format", ["text", "json", "sarif", "gitlab", "junit", "github", "html"])
def test_line_separators_and_bidi_marks_from_a_plan_are_escapes_in_every_report(plans: Path, monkeypatch,
                                                                                format: str) -> None:
    """U+2028 and U+2029 start a new line in many viewers; U+061C reorders what follows."""
    (plans / "plans" / "a.yaml").write_text(GOOD.replace("class: A", 'class: "A\\u2028B\\u2029C\\u061cD"'))
    result = _run(["plans/a.yaml", "--format", format, "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 1, result.stderr
    assert not any(c in result.stdout for c in "\u2028\u2029\u061c")
    assert "A\\u2028B\\u2029C\\u061cD" in result.stdout.replace("\\\\", "\\")


# --- Configs and plugins: no code from above the repository or from someone else --

EVIL = "import pathlib\npathlib.Path(__file__).with_name('pwned').write_text('ran')\nRULES = []\n"


def _evil_config(folder: Path, plugin: str = "evil.py") -> None:
    (folder / "evil.py").write_text(EVIL)
    (folder / "planlint.yaml").write_text(f"plugins: [{plugin}]\nselect: [PL101]\n")


@pytest.mark.parametrize("command", [["rules"], ["plans", "--no-cache"]])
def test_a_config_above_the_repository_root_is_not_read(tmp_path: Path, monkeypatch, command: list) -> None:
    _evil_config(tmp_path)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "plans").mkdir()
    (repo / "plans" / "a.yaml").write_text(GOOD)
    result = _run(command, repo, monkeypatch)
    assert not (tmp_path / "pwned").exists()
    assert result.exit_code == 0
    assert command == ["rules"] or "PL205" in result.stdout  # select: [PL101] of the parent is not applied


def test_a_config_above_the_home_folder_is_not_read(tmp_path: Path, monkeypatch) -> None:
    _evil_config(tmp_path)
    home = tmp_path / "home"
    (home / "work").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    result = _run(["rules"], home / "work", monkeypatch)
    assert result.exit_code == 0 and not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("plugin, reason", [
    ("../evil.py", "the file is outside"),
    ("sub/../../evil.py", "the file is outside"),
])
def test_a_plugin_file_outside_the_config_folder_is_not_loaded(tmp_path: Path, monkeypatch, plugin: str,
                                                               reason: str) -> None:
    (tmp_path / "evil.py").write_text(EVIL)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "planlint.yaml").write_text(f"plugins: [{plugin}]\n")
    result = _run(["rules"], repo, monkeypatch)
    assert result.exit_code == 2 and f"plugin `{plugin}` was not loaded: {reason}" in result.stderr
    assert not (tmp_path / "pwned").exists()


def test_a_plugin_of_a_config_owned_by_another_user_is_not_loaded(tmp_path: Path, monkeypatch) -> None:
    _evil_config(tmp_path)
    (tmp_path / ".git").mkdir()
    monkeypatch.setattr(os, "geteuid", lambda: (tmp_path / "planlint.yaml").stat().st_uid + 1)
    result = _run(["rules"], tmp_path, monkeypatch)
    assert result.exit_code == 2 and "planlint.yaml belongs to another user" in result.stderr
    assert not (tmp_path / "pwned").exists()


def test_a_plugin_in_a_folder_everyone_may_write_is_not_loaded(tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    _evil_config(shared)
    (shared / ".git").mkdir()
    shared.chmod(0o777)
    result = _run(["rules"], shared, monkeypatch)
    assert result.exit_code == 2 and "everyone may replace files in the folder of" in result.stderr
    assert not (shared / "pwned").exists()


def test_a_plugin_named_as_a_module_loads(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "team_module.py").write_text((DATA / "plugins" / "local_ok" / "team_rules.py").read_text())
    (tmp_path / "planlint.yaml").write_text("plugins: [team_module]\n")
    (tmp_path / ".git").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    result = _run(["rules"], tmp_path, monkeypatch)
    assert result.exit_code == 0 and "TEAM001" in result.stdout


# --- Crashes that once aborted the run: each is a finding or a clear exit-2 error ---------------

@pytest.mark.parametrize("config, error", [
    ("limits: {max-file-size: 100000000000000000000000000000}", "`limits.max-file-size` must be at most 1000000000"),
    ("limits: {max-depth: 100000000000000000000}", "`limits.max-depth` must be at most 10000"),
    ("rules: {PL202: {buffer_days: 100000000000000000}}", "`rules.PL202.buffer_days` must be at most 100000"),
])
def test_huge_limits_and_rule_options_are_config_errors(plans: Path, monkeypatch, config: str, error: str) -> None:
    (plans / "planlint.yaml").write_text(config + "\n")
    result = _run(["plans", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and error in result.stderr and "internal error" not in result.stderr


def test_a_limit_written_as_a_float_is_a_config_error_with_the_spelling(plans: Path, monkeypatch) -> None:
    (plans / "planlint.yaml").write_text("limits: {max-file-size: 100.0}\n")
    result = _run(["plans/a.yaml", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and "`limits.max-file-size` must be a whole number of bytes from 1 to " \
        "1,000,000,000, got `100.0`; write `100`" in result.stderr


@pytest.mark.parametrize("toml, error", [
    (b"[tool.planlint]\ntoday = \"\xff\"\n", "not valid TOML: not UTF-8 text"),
    (b"[tool.planlint]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n", "not valid TOML: nested too deeply"),
    (b"[tool.planlint]\nx = " + b"1" * 5000 + b"\n", "not valid TOML: Exceeds the limit (4300 digits)"),
])
def test_a_broken_pyproject_is_a_clear_error(tmp_path: Path, monkeypatch, toml: bytes, error: str) -> None:
    (tmp_path / "pyproject.toml").write_bytes(toml)
    (tmp_path / "a.yaml").write_text(GOOD)
    result = _run(["a.yaml", "--no-cache"], tmp_path, monkeypatch)
    assert result.exit_code == 2 and error in result.stderr


def test_a_toml_date_for_today_is_the_run_s_date(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.planlint]\ntoday = 2027-06-01\n")
    plan = (HERE / "rules" / "PL403" / "fail_past_review_without_actions.yaml")
    (tmp_path / "a.yaml").write_text(plan.read_text(encoding="utf-8"))
    later = _run(["a.yaml", "--format", "json", "--no-cache"], tmp_path, monkeypatch)
    assert "PL403" in {f["code"] for f in json.loads(later.stdout)}
    (tmp_path / "pyproject.toml").write_text("[tool.planlint]\ntoday = 2020-01-01\n")
    earlier = _run(["a.yaml", "--format", "json", "--no-cache"], tmp_path, monkeypatch)
    assert "PL403" not in {f["code"] for f in json.loads(earlier.stdout)}


@pytest.mark.parametrize("content, error", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"planlint-baseline": 1, "findings": [{"path": ["x"], "code": 1, "account": null, "plan": null, "node": {}}]}',
     "`findings` must be a list of {path, code, account, plan, node} entries of text"),
    ('{"planlint-baseline": 1, "findings": [5]}', "`findings` must be a list"),
    ('{"planlint-baseline": 1, "findings": {"a": 1}}', "`findings` must be a list"),
    ("[1]", "not a planlint baseline"),
])
def test_a_broken_baseline_is_a_clear_error(plans: Path, monkeypatch, content: str, error: str) -> None:
    (plans / "baseline.json").write_text(content)
    result = _run(["plans", "--baseline", "baseline.json", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and f"baseline baseline.json cannot be read: {error}" in result.stderr


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_baseline_that_is_a_device_or_fifo_is_refused_without_reading(plans: Path, monkeypatch,
                                                                       target: str) -> None:
    os.mkfifo(plans / "fifo")
    result = _run(["plans", "--baseline", target, "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2
    assert f"baseline {target} cannot be read: not a regular file (a FIFO, device or socket)" in result.stderr


def test_a_bad_github_step_summary_is_a_clear_error(plans: Path, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(plans / "missing" / "summary.md"))
    result = _run(["plans/a.yaml", "--format", "github", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and "::warning file=plans/a.yaml" in result.stdout
    assert "cannot append the step summary to GITHUB_STEP_SUMMARY" in result.stderr
    assert "internal error" not in result.stderr


def test_a_closed_standard_output_is_a_clear_error(plans: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "planlint", "plans/a.yaml", "--no-cache"], cwd=plans,
                          preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "standard output is closed" in done.stderr


# --- Wrong results --------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--select", ""], ["--select", " , "], ["--select=", "--extend-select", "PL205"]])
def test_an_empty_select_is_a_usage_error(plans: Path, monkeypatch, args: list) -> None:
    """`--select "$RULES"` with the variable unset must not turn every check green."""
    result = _run(["plans/a.yaml", *args, "--format", "json", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and result.stdout == ""
    assert "planlint: error: --select names no rule (an empty value: an unset CI variable?)" in result.stderr
    zh = _run(["plans/a.yaml", *args, "--lang", "zh", "--no-cache"], plans, monkeypatch)
    assert zh.exit_code == 2 and "--select 没有写任何规则" in zh.stderr


def test_a_utf32_plan_is_read() -> None:
    import codecs

    loaded = load(codecs.BOM_UTF32_LE + GOOD.encode("utf-32-le"))
    assert loaded.problems == [] and loaded.data["account"]["id"] == "acme"


def test_positions_in_a_file_with_cr_line_ends_count_lines() -> None:
    source = "version: 1\rx-a: 1\rx-b: \x01\r"
    [(code, problem)] = load(source.encode()).problems
    assert (code, problem.position[:2]) == ("PL001", (3, 6))
    [(code, problem)] = load(b"version: 1\rx-a: 1\rx-b: \xff\r").problems
    assert problem.position[:2] == (3, 6)


# --- Bounds: every limit holds for every input, counted while reading -------------------------

class _Endless(io.RawIOBase):
    """`yes | planlint -`: standard input that never ends (and refuses to be read whole)."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
        return len(buffer)

    def readall(self) -> bytes:
        raise AssertionError("standard input read without a limit")


def test_standard_input_is_read_only_up_to_the_size_limit(plans: Path, monkeypatch) -> None:
    (plans / "planlint.yaml").write_text("limits: {max-file-size: 1000}\n")
    result = _run(["-", "--format", "json", "--no-cache"], plans, monkeypatch, input=io.BufferedReader(_Endless()))
    [finding] = json.loads(result.stdout)
    assert (finding["path"], finding["code"]) == ("-", "PL001") and "1,000-byte limit" in finding["message"]


def test_complex_keys_count_against_the_node_limit() -> None:
    loaded = load(GOOD.encode() + b"? []\n" * 60_000, Limits(max_nodes=100_000))
    [(code, problem)] = loaded.problems
    assert code == "PL001" and "more than 100,000 nodes" in problem.render()


def test_nodes_are_counted_before_the_document_is_built() -> None:
    loaded = load(b"x-list: [" + b"1," * 300_000 + b"1]\n")
    [(code, problem)] = loaded.problems
    assert (code, problem.position[:2]) == ("PL001", (1, 400_004)) and "200,000 nodes" in problem.render()


def test_an_integer_of_5000_digits_is_a_schema_finding_quoted_short(plans: Path, monkeypatch) -> None:
    (plans / "plans" / "a.yaml").write_text(GOOD.replace("review_day: 6", "review_day: " + "9" * 5000))
    result = _run(["plans/a.yaml", "--format", "json", "--no-cache"], plans, monkeypatch)
    [finding] = json.loads(result.stdout)
    assert finding["code"] == "PL002" and "`review_day` must be a whole number" in finding["message"]
    assert "9" * 200 + "…" in finding["message"] and len(finding["message"]) < 400


def test_a_long_unknown_reference_gets_no_guess_and_a_short_quote(plans: Path, monkeypatch) -> None:
    long_id = "li-ming" + "x" * 3000
    (plans / "plans" / "a.yaml").write_text(GOOD.replace("review_with: li-ming", f"review_with: {long_id}y"))
    result = _run(["plans/a.yaml", "--format", "json", "--no-cache"], plans, monkeypatch)
    [reference] = [f for f in json.loads(result.stdout) if f["code"] == "PL004"]
    assert "did you mean" not in reference["message"] and "x" * 193 + "…" in reference["message"]


def test_jobs_are_capped_at_four_per_core(plans: Path, monkeypatch) -> None:
    from concurrent.futures import ProcessPoolExecutor

    started = []

    class Counting(ProcessPoolExecutor):
        def __init__(self, workers, **kwargs):
            started.append(workers)
            super().__init__(workers, **kwargs)

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Counting)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    for index in range(8):
        (plans / "plans" / f"p{index}.yaml").write_text(GOOD.replace("id: acme", f"id: acme{index}")
                                                        .replace("X only for Acme", f"X only for {index}"))
    result = _run(["plans", "--jobs", "100000", "--format", "json", "--no-cache"], plans, monkeypatch)
    assert started == [4] and len(json.loads(result.stdout)) == 10


KILLER = '''"""Kills the worker process that lints die.yaml.

## What it does
Test.

## Why it matters
Test.

## Options
None.

## Example that fails
```yaml
x: 1
```

## Fix
```yaml
x: 2
```
"""
import os
import signal

CODE = "KILL001"
NAME = "killer"
SEVERITY = "warning"
OPTIONS = {}
PARENT = os.getpid()


def check(doc, options):
    if doc.path.endswith("die.yaml") and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return iter(())
'''


def test_a_worker_that_dies_is_an_error_not_a_hang(plans: Path) -> None:
    import subprocess
    import sys

    (plans / "killer.py").write_text(KILLER)
    (plans / "planlint.yaml").write_text("plugins: [killer.py]\n")
    (plans / "plans" / "die.yaml").write_text(GOOD.replace("id: acme", "id: die").replace("Acme", "Die"))
    done = subprocess.run([sys.executable, "-m", "planlint", "plans", "--jobs", "2", "--no-cache"], cwd=plans,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "planlint: a worker process died (killed, or out of memory) while linting one of" in done.stderr


def test_fixes_are_offered_for_the_first_thousand_findings_only(plans: Path, monkeypatch) -> None:
    keys = "".join(f"period{i}: 1\n" for i in range(1_000))  # each a guess at the missing `period`
    period = GOOD[GOOD.index("period:"):GOOD.index("plans:")]
    plan = GOOD.replace(period, "").replace("review_with: li-ming", "review_with: li-mign") + keys
    (plans / "plans" / "a.yaml").write_text(plan)
    result = _run(["plans/a.yaml", "--format", "json", "--no-cache"], plans, monkeypatch)
    found = json.loads(result.stdout)
    unknown = [f for f in found if f["code"] == "PL002" and "`period" in f["message"]]
    [reference] = [f for f in found if f["code"] == "PL004"]  # the 1,001st fixable finding
    assert len(unknown) == 1_000 and unknown[0]["fix"] is not None and reference["fix"] is None
    assert "did you mean `li-ming`" in reference["message"]


@pytest.mark.parametrize("comment, codes", [("# planlint: disable=PL205" + " " * 1_500 + "x", ["PL007"]),
                                            ("# planlint: disable-file=", ["PL205", "PL007"])])
def test_odd_suppression_comments_are_read_in_one_pass(plans: Path, monkeypatch, comment: str,
                                                       codes: list) -> None:
    """1,500 spaces once made the directive pattern backtrack for minutes; an empty
    `disable-file=` once hid every finding of the file."""
    (plans / "plans" / "a.yaml").write_text(GOOD.replace("review_day: 6", f"review_day: 6  {comment}"))
    result = _run(["plans/a.yaml", "--format", "json", "--no-cache"], plans, monkeypatch)
    assert [f["code"] for f in json.loads(result.stdout)] == codes


def test_a_report_compared_with_is_an_input_too(plans: Path, monkeypatch) -> None:
    (plans / "previous.json").write_text("[]\n")
    refused = _run(["plans", "--compare", "previous.json", "--format", "json:previous.json", "--no-cache"], plans,
                   monkeypatch)
    assert refused.exit_code == 2 and "previous.json is the report being compared with" in refused.stderr
    endless = _run(["plans", "--compare", "/dev/zero", "--no-cache"], plans, monkeypatch)
    assert endless.exit_code == 2 and "not a regular file" in endless.stderr
    assert (plans / "previous.json").read_text() == "[]\n"


def test_an_output_to_dev_stdout_on_a_pipe_is_written_to_the_pipe(plans: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "planlint", "plans/a.yaml", "--no-cache", "--format",
                           "json:/dev/stdout"], cwd=plans, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert [f["code"] for f in json.loads(done.stdout)] == ["PL205"]


@pytest.mark.parametrize("body", ["x-a: {" + ", ".join(f"k{i}" for i in range(60_000)) + "}\n",
                                  "".join(f"k{i}:\n" for i in range(60_000)),
                                  "x-a: [" + ", ".join(["[a: b]"] * 40_000) + "]\n"])
def test_the_node_count_holds_however_the_nodes_are_written(body: str) -> None:
    """The cheap count that spares most files a second parse never lets too many through."""
    [(code, problem)] = load(body.encode(), Limits(max_nodes=100_000)).problems
    assert code == "PL001" and "more than 100,000 nodes" in problem.render()


def test_a_config_that_links_outside_the_repository_is_not_read(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "secret.yaml").write_text("select: [hunter2]\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "shared").mkdir()
    (repo / "shared" / "planlint.yaml").write_text("fail-on: warning\n")
    (repo / "a.yaml").write_text(GOOD)
    os.symlink("../secret.yaml", repo / "planlint.yaml")
    outside = _run(["a.yaml", "--no-cache"], repo, monkeypatch)
    assert outside.exit_code == 0 and "hunter2" not in outside.output  # no config read: PL205 is a warning
    (repo / "planlint.yaml").unlink()
    os.symlink("shared/planlint.yaml", repo / "planlint.yaml")
    inside = _run(["a.yaml", "--no-cache"], repo, monkeypatch)
    assert inside.exit_code == 1  # fail-on: warning from the linked config inside the repository


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo"])
@pytest.mark.parametrize("args", [["plans/a.yaml"], ["--bogus"]], ids=["run", "usage error"])
def test_a_config_that_is_no_regular_file_is_an_error_not_a_hang(plans: Path, kind: str, args: list) -> None:
    """The usage-error language reads the config too (cli_language): never from a device or a FIFO."""
    import subprocess
    import sys

    if kind == "fifo":
        os.mkfifo(plans / "cfg.yaml")
    else:
        os.symlink("/dev/zero", plans / "cfg.yaml")
    done = subprocess.run([sys.executable, "-m", "planlint", "--config", "cfg.yaml", *args], cwd=plans,
                          capture_output=True, text=True, timeout=120)  # a hang fails here instead of hanging
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == ("planlint: error: config file cfg.yaml does not exist" if args[0] != "--bogus"
                                            else "Error: No such option '--bogus'. Did you mean '--jobs'?")


# --- Inputs: nothing outside the repository through its links -------------------------------------

@pytest.fixture
def linked_out(repo: Path) -> Path:
    """`plans/cfg.yaml -> ../../outside`: a link named like a plan, to a folder of the machine."""
    (repo.parent / "outside" / "hosts.yml").write_text(GOOD.replace("X only for Acme", "token-hunter2"))
    (repo.parent / "outside" / "victim.yaml").write_text(GOOD.replace("review_day: 6", "review_day: 6.0"))
    os.symlink("../../outside", repo / "plans" / "cfg.yaml")
    (repo / "deep").mkdir()
    os.symlink("../../outside", repo / "deep" / "via")
    return repo


@pytest.mark.parametrize("named", [["plans/cfg.yaml"], ["deep/via/victim.yaml"], ["deep/via"]])
def test_a_named_path_whose_link_leads_outside_the_repository_is_skipped(linked_out: Path, monkeypatch,
                                                                        named: list) -> None:
    result = _run([*named, "plans/a.yaml", "--format", "html", "--no-cache"], linked_out, monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert "token-hunter2" not in result.stdout and "victim" not in result.stdout
    shown = named[0]
    assert (f"planlint: notice: {shown}: skipped: it leads outside the repository (through a symbolic link, or as "
            "a path the config names)") in result.stderr
    zh = _run([*named, "plans/a.yaml", "--lang", "zh", "--no-cache"], linked_out, monkeypatch)
    assert f"{shown}：已跳过，因为它指向仓库以外" in zh.stderr


def test_fix_never_writes_outside_the_repository_through_a_link(linked_out: Path, monkeypatch) -> None:
    victim = linked_out.parent / "outside" / "victim.yaml"
    before = victim.read_bytes()
    for named in ("plans/cfg.yaml", "deep/via/victim.yaml", "deep/via"):
        result = _run(["--fix", named, "plans/a.yaml", "--no-cache"], linked_out, monkeypatch)
        assert "internal error" not in result.stderr and "skipped" in result.stderr
        assert victim.read_bytes() == before


def test_a_path_the_user_names_outside_the_repository_is_linted(linked_out: Path, monkeypatch) -> None:
    """`planlint ../outside` or an absolute path is the user's own choice, not a pull request's link."""
    result = _run([str(linked_out.parent / "outside" / "hosts.yml"), "../outside/victim.yaml", "--format", "json",
                   "--no-cache"], linked_out, monkeypatch)
    found = {(Path(f["path"]).name, f["code"]) for f in json.loads(result.stdout)}
    assert {("hosts.yml", "PL205"), ("victim.yaml", "PL002")} <= found and "notice" not in result.stderr


# --- The directors' CSV: no cell a spreadsheet would run --------------------------------------------

def test_the_accounts_csv_quotes_every_cell_and_keeps_formulas_as_text(plans: Path, monkeypatch) -> None:
    """Opened with `;` as separator (Excel's default in much of Europe), each piece between
    separators is a cell: every piece that starts like a formula gets a `'`."""
    import re
    from urllib.parse import unquote

    (plans / "plans" / "a.yaml").write_text(GOOD.replace("manager: Pat Kim", 'manager: "Zhang;=HYPERLINK(A1);Wei"')
                                            .replace("name: Acme Stores", 'name: "@SUM(1+1)"'))
    (plans / "plans" / "b.yaml").write_text(GOOD.replace("id: acme", "id: bolt").replace(
        "manager: Pat Kim", 'manager: "-2+3,+cmd|x\\t=1"'))
    result = _run(["plans", "--format", "html", "--no-cache"], plans, monkeypatch)
    href = re.search(r'id="csv" download="[^"]*" href="([^"]+)"', result.stdout).group(1)
    lines = unquote(href.split(",", 1)[1]).lstrip("\ufeff").split("\r\n")
    assert lines[1].startswith('"\'@SUM(1+1)","acme","A","Zhang;\'=HYPERLINK(A1);Wei","1","1",')
    assert lines[2].startswith('"Acme Stores","bolt","A","\'-2+3,\'+cmd|x\\u0009=1","1","1",')  # a tab is shown escaped
    assert all(line.startswith('"') and line.endswith('"') and '",' in line for line in lines[:3])  # the header too


# --- The entry-point cache names modules to import: the user's own file only, never the checkout --

EVIL_MODULE = "import pathlib\npathlib.Path('pwned').write_text('ran')\nRULES = []\n"


def _planlint_rules(folder: Path, home: Path):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "planlint", "rules"], cwd=folder, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "XDG_CACHE_HOME": str(home)})


@pytest.mark.parametrize("damage", ["everyone may write it", "its folder is everyone's", "another user's",
                                    "the user's own"])
def test_a_planted_entry_point_cache_never_imports_from_the_checkout(tmp_path: Path, damage: str) -> None:
    """A checkout holds evilmod.py; the cache names it. `python -m planlint` puts the current
    folder first on sys.path: the entry is never trusted from a file someone else could
    write, and never imported from the current folder even from the user's own file."""
    checkout, home = tmp_path / "checkout", tmp_path / "home"
    checkout.mkdir()
    (checkout / "evilmod.py").write_text(EVIL_MODULE)
    assert _planlint_rules(checkout, home).returncode == 0
    [cache] = (home / "planlint").glob("entry-points-*.json")
    content = json.loads(cache.read_text())
    content["entry_points"].append(["evil", "evilmod:RULES"])
    cache.write_text(json.dumps(content))
    if damage == "everyone may write it":
        cache.chmod(0o666)
    elif damage == "its folder is everyone's":
        cache.parent.chmod(0o777)
    elif damage == "another user's":
        os.chown(cache, 65534, 65534)  # the suite runs as root where a case needs another user
    result = _planlint_rules(checkout, home)
    assert not (checkout / "pwned").exists()
    assert "PL205" in result.stdout and "Traceback" not in result.stderr


def test_a_distribution_in_the_checkout_is_no_rule_pack(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    (checkout / "evil-1.0.dist-info").mkdir(parents=True)
    (checkout / "evil-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n")
    (checkout / "evil-1.0.dist-info" / "entry_points.txt").write_text("[planlint.rules]\nevil = evilmod:RULES\n")
    (checkout / "evilmod.py").write_text(EVIL_MODULE)
    result = _planlint_rules(checkout, tmp_path / "home")
    assert result.returncode == 0 and not (checkout / "pwned").exists() and "evil" not in result.stderr


# --- A GitHub run: no workflow command from a plan, a file name or a config -------------------------

def _no_workflow_command(output: str) -> None:
    assert "##[" not in output
    assert [line for line in output.splitlines() if line.lstrip().startswith("::")] == []


FORGED = "\n".join(["x-notes: |", "  ::error file=README.md,line=1::Forged", "  ::add-mask::hunter2",
                    "  see ##[error]Forged too", ""])


@pytest.mark.parametrize("case", ["--diff context", "text message", "file name", "config key"])
def test_nothing_planlint_prints_in_a_github_run_is_a_workflow_command(plans: Path, monkeypatch,
                                                                       case: str) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    args = ["plans/a.yaml", "--no-cache"]
    if case == "--diff context":
        (plans / "plans" / "a.yaml").write_text(GOOD.replace("period:\n", FORGED + "period:\n")
                                                .replace("start: 2027-01-01", "start: 2027/1/1"))
        args += ["--diff"]
    elif case == "text message":
        (plans / "plans" / "a.yaml").write_text(GOOD.replace("class: A", 'class: "##[error file=README.md;line=1]Forged"'))
    elif case == "file name":
        os.symlink("/etc/hostname", plans / "plans" / "##[error]Forged.yaml")
        os.symlink("/etc/hostname", plans / "plans" / "::error::Forged.yaml")
        args = ["plans", "--no-cache"]
    else:
        (plans / "planlint.yaml").write_text('"x\\n::error::Forged ##[error]x\\u2028y": 1\n')
    result = _run(args, plans, monkeypatch)
    assert "Traceback" not in result.stderr and result.exit_code in (1, 2)
    _no_workflow_command(result.stdout)
    _no_workflow_command(result.stderr)
    if case == "--diff context":
        assert "+  start: 2027-01-01" in result.stdout and "   :\u200b:add-mask::hunter2" in result.stdout
    elif case == "text message":
        assert "##\u200b[error file=README.md;line=1]Forged" in result.stdout
    elif case == "file name":
        assert "planlint: notice: plans/##\u200b[error]Forged.yaml: skipped" in result.stderr
    else:
        assert "unknown key `x\\u000a::error::Forged ##\u200b[error]x\\u2028y`" in result.stderr
        assert len(result.stderr.splitlines()) == 2  # the head line and one problem, each one line


@pytest.mark.parametrize("entry", [{"account": [1]}, {"data_path": {"a": 1}}, {"message": {"x": 1}},
                                   {"severity": "fatal"}])
def test_a_previous_report_with_odd_values_is_a_clear_error(plans: Path, monkeypatch, entry: dict) -> None:
    finding = {"path": "plans/a.yaml", "code": "PL205", "severity": "warning", "message": "m", **entry}
    (plans / "previous.json").write_text(json.dumps([finding]))
    result = _run(["plans", "--compare", "previous.json", "--format", "html", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 2 and "internal error" not in result.stderr
    assert "--compare previous.json: finding 1 is not a planlint finding (it needs path, code, severity)" \
        in result.stderr


def test_control_characters_of_a_previous_report_reach_the_html_as_escapes(plans: Path, monkeypatch) -> None:
    gone = {"path": "plans/a.yaml", "code": "PL999", "severity": "warning", "account": "acme", "line": "3\u2028",
            "name": "n\x1b[2J", "plan": None, "message": "fixed \x1b]0;title\x07 \u202e", "data_path": None}
    (plans / "previous.json").write_text(json.dumps([gone]))
    result = _run(["plans", "--compare", "previous.json", "--format", "html", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 1, result.stderr
    assert "fixed \\u001b]0;title\\u0007 \\u202e" in result.stdout
    assert not any(c in result.stdout for c in "\x1b\x07\u2028\u202e")


def test_fix_as_root_keeps_the_plan_s_owner_and_mode(plans: Path, monkeypatch) -> None:
    """The suite runs as root where a case needs another user."""
    plan = plans / "plans" / "a.yaml"
    plan.write_text(GOOD.replace("start: 2027-01-01", "start: 2027/1/1"))
    os.chown(plan, 4242, 4343)
    plan.chmod(0o640)
    result = _run(["--fix", "plans/a.yaml", "--no-cache"], plans, monkeypatch)
    assert result.exit_code == 1 and "start: 2027-01-01" in plan.read_text()
    info = plan.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4242, 4343, 0o640)


ESCAPING_PLUGIN = KILLER.replace('CODE = "KILL001"', 'CODE = "ESC001"').replace(
    'NAME = "killer"', 'NAME = "bad\\x1b[2Jname\\nforged"')


def test_escape_sequences_in_a_plugin_s_rule_name_and_a_config_key_never_reach_the_terminal(plans: Path,
                                                                                          monkeypatch) -> None:
    (plans / ".git").mkdir()
    (plans / "escaping.py").write_text(ESCAPING_PLUGIN)
    (plans / "planlint.yaml").write_text("plugins: [escaping.py]\n")
    listed = _run(["rules"], plans, monkeypatch)
    assert "bad\\u001b[2Jname\\u000aforged" in listed.stdout and "\x1b" not in listed.stdout + listed.stderr
    (plans / "planlint.yaml").write_text('plugins: ["esc\\e[31m.py"]\n')
    missing = _run(["plans/a.yaml", "--no-cache"], plans, monkeypatch)
    assert "esc\\u001b[31m.py` failed to load" in missing.output and "\x1b" not in missing.output
    (plans / "planlint.yaml").write_text('"key\\e[2J\\nx": 1\n')
    broken = _run(["plans/a.yaml", "--no-cache"], plans, monkeypatch)
    assert broken.exit_code == 2 and "key\\u001b[2J\\u000ax" in broken.stderr and "\x1b" not in broken.stderr


def test_config_paths_outside_the_repository_are_never_read(linked_out: Path, monkeypatch) -> None:
    """`paths:` came with the pull request: `../outside` (or a link there) is no context."""
    (linked_out / "planlint.yaml").write_text("paths: [../outside, deep/via, plans]\n")
    (linked_out.parent / "outside" / "same.yaml").write_text(GOOD)  # account `acme` once more: PL005 if read
    result = _run(["plans/a.yaml", "--format", "json", "--no-cache"], linked_out, monkeypatch)
    assert [f["code"] for f in json.loads(result.stdout)] == ["PL205"]
    assert f"planlint: notice: {linked_out.parent / 'outside'}: skipped: it leads outside the repository" in result.stderr
    assert f"planlint: notice: {linked_out / 'deep' / 'via'}: skipped: it leads outside the repository" in result.stderr
