"""The exact bytes of each report format for examples/plans (run from the repository root).

To refresh after an intended change: planlint examples/plans --today 2026-11-23
--format FORMAT > tests/data/golden/examples.EXT, then read the diff before committing.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA, HERE

GOLDEN = DATA / "golden"


@pytest.mark.parametrize("output_format, golden", [("json", "examples.json"), ("text", "examples.text")])
def test_examples_report_matches_golden_file(output_format: str, golden: str, monkeypatch) -> None:
    monkeypatch.chdir(HERE.parent)
    result = CliRunner().invoke(cli, ["examples/plans", "--today", "2026-11-23", "--format", output_format])
    assert result.exit_code == 1
    assert result.output == (GOLDEN / golden).read_text(encoding="utf-8")
