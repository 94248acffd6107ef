"""The HTML report under --lang zh reads as Chinese: full-width punctuation after Chinese
words (in the marks' hover titles too), the run's date as 检查日期：, accounts by name, and
Chinese fonts before system-ui so bold Chinese stays bold."""
from __future__ import annotations

import re

from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import HERE


def _page(monkeypatch, lang: str) -> str:
    monkeypatch.chdir(HERE.parent)
    return CliRunner().invoke(cli, ["examples/plans", "--format", "html", "--lang", lang, "--today", "2027-06-01",
                                    "--no-cache", "--isolated"]).stdout


def test_the_chinese_report_speaks_chinese_punctuation_and_names(monkeypatch) -> None:
    page = _page(monkeypatch, "zh")
    assert " · 检查日期：2027-06-01</p>" in page
    assert re.findall(r"[\u4e00-\u9fff]: ", page) == []  # titles of the timeline's marks included
    assert "PL503 独家权益并不独家：独家权益 `Student bundle with 50 GB data` 并不独家" in page
    assert re.search(r'<option value="northwind-mobile">Northwind Mobile</option>', page)
    assert re.search(r'font: 15px/1\.5 "Noto Sans SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", '
                     r'"PingFang SC", system-ui', page)
    assert ":lang(zh) thead th { word-break: keep-all; }" in page
    # a weekly review day names the weekday (1 = Monday), a monthly one the date
    assert "每周一回顾" in page and "每月 5 日回顾" in page and "前回顾" not in page


def test_the_english_report_keeps_its_words(monkeypatch) -> None:
    page = _page(monkeypatch, "en")
    assert " · today 2027-06-01</p>" in page and "PL503 offer not exclusive: " in page
