"""A date in another common spelling: the message's hint and `--fix` accept
the same spellings and write the same `YYYY-MM-DD`, in both languages; a spelling that
is not one of them, or not a real date, gets neither."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA, HERE

PLAN = (DATA / "chinese" / "status.yaml").read_text(encoding="utf-8")  # `start: 2027/1/1` on line 15
ARGS = ["--isolated", "--no-cache", "--today", "2026-11-23", "--format", "json"]
REWRITTEN = {"en": "`period.start` must be a date written YYYY-MM-DD, got `{got}`; write `{iso}`",
             "zh": "`period.start` 要写 YYYY-MM-DD 格式的日期，现在写的是 `{got}`；请写成 `{iso}`"}
NOT_A_DATE = {"en": "`period.start` must be a real date written YYYY-MM-DD, got `{got}`",
              "zh": "`period.start` 要写 YYYY-MM-DD 格式的真实日期，现在写的是 `{got}`"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("written, got, iso", [
    ("2027/1/5", "2027/1/5", "2027-01-05"),
    ("2027.01.05", "2027.01.05", "2027-01-05"),
    ("2027-1-5", "2027-1-5", "2027-01-05"),
    ("2027年1月5日", "2027年1月5日", "2027-01-05"),
    ("2027年1月5", "2027年1月5", "2027-01-05"),
    ("2027 年 1 月 5 日", "2027 年 1 月 5 日", "2027-01-05"),
    ("2027 / 1 / 5", "2027 / 1 / 5", "2027-01-05"),
    ("'2027/12/31'", "2027/12/31", "2027-12-31"),
    ("2027/1.5", "2027/1.5", None),       # two separators: not one of the spellings
    ("2027年1/5", "2027年1/5", None),
    ("2027/2/30", "2027/2/30", None),     # not a real date: only the author knows which one
    ("5/1/2027", "5/1/2027", None),       # day or month first: ambiguous
])
def test_the_hint_and_the_fix_agree_on_each_spelling(tmp_path: Path, monkeypatch, lang: str, written: str,
                                                    got: str, iso: Optional[str]) -> None:
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.replace("start: 2027/1/1", f"start: {written}"), encoding="utf-8")
    found = json.loads(CliRunner().invoke(cli, ["plan.yaml", "--lang", lang, *ARGS]).stdout)
    expected = (REWRITTEN[lang] if iso else NOT_A_DATE[lang]).format(got=got, iso=iso)
    assert [(f["code"], f["line"], f["message"]) for f in found] == [("PL002", 15, expected)]
    CliRunner().invoke(cli, ["plan.yaml", "--fix", "--lang", lang, *ARGS])
    line = plan.read_text(encoding="utf-8").splitlines()[14]
    quote = written[0] if written[0] in "'\"" else ""  # a quoted date keeps its quotes
    assert line == (f"  start: {quote}{iso}{quote}" if iso else f"  start: {written}")


@pytest.mark.parametrize("lang, said", [
    ("en", "Error: Invalid value for '--today': `2027/6/15` is not written YYYY-MM-DD; write `2027-06-15`"),
    ("zh", "错误：`--today` 的值无效：`2027/6/15` 不是 YYYY-MM-DD 格式；请写成 `2027-06-15`"),
])
def test_today_in_another_spelling_gets_the_same_rewrite(lang: str, said: str) -> None:
    result = CliRunner().invoke(cli, ["plan.yaml", "--today", "2027/6/15", "--lang", lang])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, said)
