"""The options of the best-practice pack, set in config: each moves its boundary."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import HERE

RULES = HERE / "rules"


def findings(tmp_path: Path, config: str, *paths: Path, today: str = "2026-11-23") -> list:
    (tmp_path / "planlint.yaml").write_text(config, encoding="utf-8")
    result = CliRunner().invoke(cli, [*map(str, paths), "--config", str(tmp_path / "planlint.yaml"),
                                      "--select", "PL", "--format", "json", "--today", today])
    assert result.exit_code in (0, 1), result.output
    return sorted({f["code"] for f in json.loads(result.stdout)} & {"PL605", "PL703", "PL704", "PL705"})


def test_tolerance_percent_moves_the_budget_boundary(tmp_path: Path) -> None:
    over = RULES / "PL605" / "fail_one_percent_and_one_over.yaml"  # 1001 over 100000
    assert findings(tmp_path, "rules: {}\n", over) == ["PL605"]
    assert findings(tmp_path, "rules: {PL605: {tolerance_percent: 2}}\n", over) == []
    exact = RULES / "PL605" / "pass_exactly_one_percent_over.yaml"  # 1000 over 100000
    assert findings(tmp_path, "rules: {budget-mismatch: {tolerance_percent: 0}}\n", exact) == ["PL605"]


def test_max_age_days_moves_the_contact_and_survey_boundaries(tmp_path: Path) -> None:
    contact = RULES / "PL704" / "pass_confirmed_180_days_ago.yaml"
    assert findings(tmp_path, "rules: {PL704: {max_age_days: 179}}\n", contact, today="2027-04-30") == ["PL704"]
    survey = RULES / "PL703" / "pass_survey_365_days_old.yaml"
    assert "PL703" in findings(tmp_path, "rules: {PL703: {max_age_days: 364}}\n", survey, today="2027-11-01")


def test_min_similarity_takes_a_fraction(tmp_path: Path) -> None:
    below = RULES / "PL705" / "pass_jaccard_one_item_below"  # 4 of 6 items: 0.67
    assert findings(tmp_path, "rules: {PL705: {min_similarity: 0.66}}\n", below) == ["PL705"]
    assert findings(tmp_path, "rules: {PL705: {min_similarity: 0.67}}\n", below) == []
    (tmp_path / "planlint.yaml").write_text("rules: {PL705: {min_similarity: high}}\n", encoding="utf-8")
    bad = CliRunner().invoke(cli, [str(below), "--config", str(tmp_path / "planlint.yaml")])
    assert bad.exit_code == 2 and "min_similarity" in bad.output
