"""Every command on a console that cannot show every character (Windows cp1252, Chinese
Windows GBK when redirected, ASCII, a C locale): what it cannot show comes out as `?`,
never as a crash, in both languages; reports written to files are UTF-8 whatever the
console; English text keeps to ASCII punctuation. The CLI runs as a subprocess, as a user runs it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, Tuple

import pytest

from helpers import HERE

TODAY = "2026-11-23"
CONSOLES: Dict[str, Dict[str, str]] = {
    "cp1252": {"PYTHONIOENCODING": "cp1252"}, "gbk": {"PYTHONIOENCODING": "gbk"},
    "ascii": {"PYTHONIOENCODING": "ascii"}, "C": {"LC_ALL": "C"}}
# What a console's bytes are read as: click writes UTF-8 to a stream that claims ASCII.
READ_AS = {"cp1252": "cp1252", "gbk": "gbk", "ascii": "utf-8", "C": "utf-8"}
EXPLAIN_EVERY_RULE = """
import sys
from planlint.__main__ import _replace_what_the_console_cannot_show
from planlint.cli.main import cli
from planlint.registry import load_registry
_replace_what_the_console_cannot_show()  # as the planlint command does before anything
for code in sorted(load_registry().rules):
    try:
        cli(["explain", code, "--lang", sys.argv[1]])
    except SystemExit as stop:
        assert stop.code in (0, None), (code, stop.code)
"""
BROKEN_RUN = """
from planlint.__main__ import main
from planlint.cli import run
def broken(self):
    raise RuntimeError("boom")
run.CheckRun.lint = broken
main()
"""


def planlint(console: str, *args: str, cwd: Path, code: str = "") -> Tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE")}
    command = [sys.executable, "-X", "utf8=0", *(["-c", code] if code else ["-m", "planlint"]), *args]
    done = subprocess.run(command, cwd=cwd, env={**env, **CONSOLES[console]}, capture_output=True, timeout=600)
    stdout, stderr = (stream.decode(READ_AS[console]) for stream in (done.stdout, done.stderr))
    assert "Traceback" not in stderr and "UnicodeEncodeError" not in stderr, stderr
    return done.returncode, stdout, stderr


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    shutil.copytree(HERE.parent / "examples" / "plans", tmp_path / "plans")
    return tmp_path


@pytest.mark.parametrize("console", CONSOLES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_prints_every_finding(console: str, lang: str, plans: Path) -> None:
    status, out, _ = planlint(console, "plans", "--lang", lang, "--today", TODAY, "--no-cache", cwd=plans)
    assert status == 1 and out.count("plans/northwind-mobile-2027.yaml:") == 14
    assert "plans/northwind-mobile-2027.yaml:31:5: PL201 [" in out
    if console == "gbk" and lang == "zh":
        assert "检查了 4 个文件，其中 1 个有问题，共 14 个问题" in out


@pytest.mark.parametrize("console", CONSOLES)
def test_reports_written_to_files_are_utf8(console: str, plans: Path) -> None:
    status, _, _ = planlint(console, "plans", "--lang", "zh", "--today", TODAY, "--no-cache",
                            "--format", "text:report.txt", "--format", "json:report.json", cwd=plans)
    assert status == 1
    assert "检查了 4 个文件" in (plans / "report.txt").read_text(encoding="utf-8")
    assert "独家权益" in json.loads((plans / "report.json").read_text(encoding="utf-8"))[-1]["message"]


@pytest.mark.parametrize("console", CONSOLES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_every_rule(console: str, lang: str, tmp_path: Path) -> None:
    status, out, _ = planlint(console, lang, cwd=tmp_path, code=EXPLAIN_EVERY_RULE)
    assert status == 0 and out.count("Example that fails" if lang == "en" else "PL7") >= 5
    # zh: `PL201 定稿太晚（short-lead-time）[错误]`, its Chinese as `?` where the console has none
    assert "PL201 " in out and "short-lead-time" in out and "PL705" in out


@pytest.mark.parametrize("console", CONSOLES)
def test_english_text_is_plain_ascii_punctuation(console: str, tmp_path: Path) -> None:
    _, out, _ = planlint(console, "explain", "PL201", cwd=tmp_path)
    assert "Reports a project plan where `start - finalized` in days" in out


@pytest.mark.parametrize("console", CONSOLES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_init_rules_and_help(console: str, lang: str, tmp_path: Path) -> None:
    status, out, _ = planlint(console, "init", "new.yaml", "--lang", lang, "--today", TODAY, cwd=tmp_path)
    assert status == 0 and "new.yaml" in out
    template = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    assert ("计划" in template) == (lang == "zh")
    status, out, _ = planlint(console, "rules", "--lang", lang, cwd=tmp_path)
    assert status == 0 and out.count("PL") >= 41
    status, out, _ = planlint(console, "--help", cwd=tmp_path)
    assert status == 0 and "explain" in out
    status, out, _ = planlint(console, "explain", "--help", "--lang", lang, cwd=tmp_path)
    assert status == 0 and ("--lang [en|zh]" if lang == "en" else "--lang ??" if "?" in out else "--lang 语言") in out


@pytest.mark.parametrize("console", CONSOLES)
def test_compare_says_new_and_fixed_in_ascii(console: str, plans: Path) -> None:
    planlint(console, "plans", "--today", TODAY, "--no-cache", "--format", "json:previous.json", cwd=plans)
    status, out, err = planlint(console, "plans", "--today", TODAY, "--no-cache", "--compare", "previous.json",
                                cwd=plans)
    assert status == 1 and "+0 new, -0 fixed since previous.json." in out + err


@pytest.mark.parametrize("console", CONSOLES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_internal_error_is_told_not_crashed(console: str, lang: str, plans: Path) -> None:
    status, _, err = planlint(console, "plans", "--lang", lang, "--no-cache", cwd=plans, code=BROKEN_RUN)
    assert status == 2 and "RuntimeError: boom" in err
    if console == "gbk":
        assert err.startswith("planlint: internal error:" if lang == "en" else "planlint：内部错误：")
