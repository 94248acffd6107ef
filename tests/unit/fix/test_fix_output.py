"""Fixes in reports: JSON `fix` objects (or null) and SARIF `fixes`."""
from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner

from planlint.cli.main import cli

from helpers import DATA, HERE, SHARED

FIXABLE = str(DATA / "fixes" / "fixable.yaml")


def _report(fmt: str, path: str) -> str:
    result = CliRunner().invoke(cli, [path, "--isolated", "--no-cache", "--today", "2026-11-23", "--format", fmt])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_json_findings_carry_their_fix_or_null() -> None:
    findings = {(f["line"], f["code"]): f for f in json.loads(_report("json", FIXABLE))}
    assert findings[(39, "PL002")]["fix"] == {
        "title": "Write `5000`", "applicability": "safe",
        "edits": [{"line": 39, "column": 17, "end_line": 39, "end_column": 22, "text": "5000"}]}
    assert findings[(16, "PL002")]["fix"]["edits"][0]["text"] == "'2027-12-31'"  # quoting kept
    assert findings[(22, "PL002")]["fix"]["applicability"] == "unsafe"  # `montly`: a guess
    assert findings[(12, "PL007")]["fix"]["edits"] == [
        {"line": 12, "column": 18, "end_line": 12, "end_column": 46, "text": ""}]
    assert findings[(26, "PL007")]["fix"]["edits"] == [
        {"line": 26, "column": 1, "end_line": 27, "end_column": 1, "text": ""}]
    assert (8, "PL101") not in findings  # `tier: Headquarters` is PL004's finding, no knock-on
    unfixable = json.loads(_report("json", str(HERE / "rules" / "PL101" / "fail_tier_without_plan.yaml")))
    assert [f["fix"] for f in unfixable] == [None]


def test_sarif_results_carry_fixes_and_validate() -> None:
    document = json.loads(_report("sarif", FIXABLE))
    schema = json.loads((SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.validators.validator_for(schema)(schema).iter_errors(document))
    results = document["runs"][0]["results"]
    fixed = [r for r in results if r.get("fixes")]
    assert len(fixed) == 18 and all("fixes" not in r for r in results if r["ruleId"] == "PL101")
    needed = next(r for r in fixed if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 39)
    assert needed["fixes"] == [{
        "description": {"text": "Write `5000`"},
        "artifactChanges": [{"artifactLocation": {"uri": needed["locations"][0]["physicalLocation"]
                                                  ["artifactLocation"]["uri"]},
                             "replacements": [{"deletedRegion": {"startLine": 39, "startColumn": 17,
                                                                 "endLine": 39, "endColumn": 22},
                                               "insertedContent": {"text": "5000"}}]}],
        "properties": {"applicability": "safe"}}]


def test_no_fix_for_a_mapping_where_a_name_belongs() -> None:
    # Found by --fix --unsafe-fixes on the generated corpus: the verification refused it; now it is not offered.
    text = (DATA / "fixes" / "fixable.yaml").read_text(encoding="utf-8").replace(
        "    tier: Headquarters", "    tier: {name: headquarters}")
    result = CliRunner().invoke(cli, ["-", "--isolated", "--no-cache", "--today", "2026-11-23", "--format", "json"],
                                input=text)
    tier = [f for f in json.loads(result.stdout) if f["line"] == 21]
    assert [(f["code"], f["fix"]) for f in tier] == [("PL002", None)]
