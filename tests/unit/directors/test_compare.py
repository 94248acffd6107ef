"""--compare PREVIOUS.json: new and fixed findings since an earlier JSON report, matched
by file, code and data path (never the line), and `+N new, -M fixed` in the summary."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import HERE

NORTHWIND = HERE.parent / "examples" / "plans" / "northwind-mobile-2027.yaml"


def run(*args: str):
    return CliRunner().invoke(cli, [*args, "--today", "2026-11-23", "--no-cache"])


def last_month(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(NORTHWIND, tmp_path / "northwind.yaml")
    assert run("northwind.yaml", "--format", "json:previous.json").exit_code == 1
    return tmp_path / "northwind.yaml"


def test_one_fix_and_one_new_mistake(tmp_path: Path, monkeypatch) -> None:
    plan = last_month(tmp_path, monkeypatch)
    text = plan.read_text(encoding="utf-8")
    text = text.replace("quantity: 800", "quantity: 1200")  # PL203 fixed
    text = text.replace("  - id: back-to-school", "  - id: back-to-school\n    owner: Sam\n    typo: 1")  # PL002 new
    plan.write_text("# moved down a line\n" + text, encoding="utf-8")
    result = run("northwind.yaml", "--compare", "previous.json")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Found 14 findings (9 errors, 4 warnings, 1 info) in 1 of 1 file. +1 new, -1 fixed since previous.json.")


def test_nothing_changed_but_the_lines(tmp_path: Path, monkeypatch) -> None:
    plan = last_month(tmp_path, monkeypatch)
    plan.write_text("# one\n# two\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("northwind.yaml", "--compare", "previous.json", "--lang", "zh")
    assert result.output.splitlines()[-1].endswith("）。与 previous.json 相比：新增 0 个问题，修复 0 个。")


def test_json_findings_carry_their_data_path(tmp_path: Path, monkeypatch) -> None:
    last_month(tmp_path, monkeypatch)
    findings = json.loads((tmp_path / "previous.json").read_text(encoding="utf-8"))
    assert [f["data_path"] for f in findings][:3] == ["plans", "plans[0].tier", "plans[0].finalized"]


def test_a_file_that_is_not_a_json_report_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    last_month(tmp_path, monkeypatch)
    (tmp_path / "bad.json").write_text('{"findings": []}', encoding="utf-8")
    result = run("northwind.yaml", "--compare", "bad.json")
    assert result.exit_code == 2
    assert "--compare bad.json: not a planlint JSON report (expected a list of findings" in result.output
    missing = run("northwind.yaml", "--compare", "nowhere.json")
    assert missing.exit_code == 2 and "nowhere.json: the file does not exist" in missing.output


def test_score_weights_in_config_are_validated_like_other_keys(tmp_path: Path, monkeypatch) -> None:
    last_month(tmp_path, monkeypatch)
    (tmp_path / "planlint.yaml").write_text("score:\n  errors: 5\n  warning: -1\n", encoding="utf-8")
    result = run("northwind.yaml")
    assert result.exit_code == 2
    assert "planlint.yaml:2:3: unknown key `errors` in `score`; did you mean `error`?" in result.output
    assert "planlint.yaml:3:12: `score.warning` must be at least 0, got `-1`" in result.output


def test_a_file_named_another_way_is_the_same_file(tmp_path: Path, monkeypatch) -> None:
    last_month(tmp_path, monkeypatch)
    result = run(str(tmp_path / "northwind.yaml"), "--compare", "previous.json")
    assert result.output.splitlines()[-1].endswith("+0 new, -0 fixed since previous.json.")
