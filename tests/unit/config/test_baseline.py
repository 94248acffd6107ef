"""A baseline lets a team adopt planlint on an existing repository: only new findings fail."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import HERE

MISTAKES = HERE.parent / "examples" / "plans" / "northwind-mobile-2027.yaml"


def run(*args: str):
    return CliRunner().invoke(cli, [*args, "--today", "2026-11-23", "--isolated"])


def test_baseline_hides_known_findings_across_edits_and_reports_new_ones(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plans" / "northwind.yaml"
    plan.parent.mkdir()
    original = MISTAKES.read_text(encoding="utf-8")
    plan.write_text(original, encoding="utf-8")
    written = run("plans", "--write-baseline", "planlint-baseline.json")
    assert written.exit_code == 0 and "wrote 14 findings" in written.stderr
    entries = json.loads((tmp_path / "planlint-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert entries[0] == {"path": "plans/northwind.yaml", "code": "PL102", "account": "northwind-mobile",
                          "plan": "summer-campaign", "node": "plans[0].tier"}

    plan.write_text("# moved down by ten lines\n" * 10 + original, encoding="utf-8")
    quiet = run("./plans/", "--baseline", "planlint-baseline.json")
    assert (quiet.exit_code, quiet.stdout) == (0, "No findings in 1 file. 14 known from the baseline.\n")

    plan.write_text(plan.read_text(encoding="utf-8").replace("        with: sam-lee", "        with: sam-le"),
                    encoding="utf-8")
    new = run("plans", "--baseline", "planlint-baseline.json", "--format", "json")
    assert new.exit_code == 1
    assert [(f["code"], f["line"]) for f in json.loads(new.stdout)] == [("PL004", 58)]


def test_fixed_findings_are_reported_and_pruned(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "northwind.yaml"
    plan.write_text(MISTAKES.read_text(encoding="utf-8"), encoding="utf-8")
    run("northwind.yaml", "--write-baseline", "baseline.json")
    plan.write_text(plan.read_text(encoding="utf-8").replace("quantity: 800", "quantity: 1200"), encoding="utf-8")
    stale = run("northwind.yaml", "--baseline", "baseline.json")
    assert stale.exit_code == 0 and "1 finding in the baseline baseline.json is fixed; remove it" in stale.stderr
    pruned = run("northwind.yaml", "--baseline", "baseline.json", "--prune-baseline")
    assert "removed 1 fixed finding from" in pruned.stderr
    codes = [e["code"] for e in json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]]
    assert len(codes) == 13 and "PL203" not in codes
    assert run("northwind.yaml", "--baseline", "baseline.json").stderr == ""


def test_baseline_from_config_and_missing_baseline_is_exit_2(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(MISTAKES.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "planlint.yaml").write_text("baseline: known.json\n", encoding="utf-8")
    missing = CliRunner().invoke(cli, ["plan.yaml"])
    assert missing.exit_code == 2 and "create it with --write-baseline" in missing.stderr
    CliRunner().invoke(cli, ["plan.yaml", "--write-baseline", "known.json", "--today", "2026-11-23"])
    assert CliRunner().invoke(cli, ["plan.yaml", "--today", "2026-11-23"]).exit_code == 0
