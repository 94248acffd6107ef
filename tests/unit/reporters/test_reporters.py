"""Reports for machines: SARIF against the official schema, JUnit through a JUnit parser,
GitHub workflow commands and step summary, GitLab Code Quality; and escaping in all of them."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from junitparser import Failure, JUnitXml

from planlint.cli.main import cli
from planlint.model import Result
from planlint.registry import load_registry
from planlint.reporters import junit_format

from helpers import DATA, HERE, SHARED

REPO = HERE.parent
SARIF_SCHEMA = json.loads((SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "html")


def report(fmt: str, *paths: str, env: dict | None = None) -> str:
    result = CliRunner(env=env).invoke(cli, [*paths, "--format", fmt, "--today", "2026-11-23"])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture(autouse=True)
def from_repo_root(monkeypatch) -> None:
    monkeypatch.chdir(REPO)


def sarif_validator():
    return jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA)


@pytest.mark.parametrize("paths", [["examples/plans"], ["examples/plans/gome-2027.yaml"],
                                   ["tests/data/reports/suppressed.yaml"], ["tests/data/reports/hostile.yaml"]])
def test_sarif_validates_against_the_official_schema(paths: list) -> None:
    document = json.loads(report("sarif", *paths))
    errors = sorted(sarif_validator().iter_errors(document), key=str)
    assert errors == []
    run = document["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]][:3] == ["PL001", "PL002", "PL003"]
    assert len(run["tool"]["driver"]["rules"]) == 41


def test_sarif_empty_run_has_empty_results_and_rule_help() -> None:
    run = json.loads(report("sarif", "examples/plans/gome-2027.yaml"))["runs"][0]
    assert run["results"] == []
    pl201 = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "PL201")
    assert pl201["defaultConfiguration"] == {"level": "error"}
    assert "Example that fails" in pl201["help"]["text"] and "Why it matters" in pl201["help"]["text"]


def test_sarif_results_have_locations_and_suppressions() -> None:
    run = json.loads(report("sarif", "tests/data/reports/suppressed.yaml"))["runs"][0]
    [result] = run["results"]
    assert result["ruleId"] == "PL201" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "tests/data/reports/suppressed.yaml"},
        "region": {"startLine": 30, "startColumn": 5, "endLine": 30, "endColumn": 14}}
    assert result["suppressions"] == [{"kind": "inSource", "justification": "agreed with Li Ming"}]


def test_fingerprints_survive_unrelated_edits(tmp_path: Path) -> None:
    original = (REPO / "examples/plans/northwind-mobile-2027.yaml").read_text(encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    target = plans / "northwind.yaml"

    def fingerprints() -> dict:
        results = json.loads(report("sarif", str(target)))["runs"][0]["results"]
        return {(r["ruleId"], r["partialFingerprints"]["planlintFinding/v1"]): r["locations"][0]
                ["physicalLocation"]["region"]["startLine"] for r in results}

    target.write_text(original, encoding="utf-8")
    before = fingerprints()
    target.write_text("# a new comment\n" * 10 + original, encoding="utf-8")
    after = fingerprints()
    assert set(before) == set(after) and len(before) == 14
    assert all(after[key] == before[key] + 10 for key in before)


def test_junit_has_one_test_case_per_finding_and_counts_that_add_up(tmp_path: Path) -> None:
    """Most readers show only a test case's first failure: each finding is its own test case,
    a file without findings one passing case, and tests=/failures= count them as pytest does."""
    path = tmp_path / "report.xml"
    path.write_text(report("junit", "examples/plans"), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    assert len(cases) == 3 + 14
    assert [case.name for case in cases][:4] == [
        "examples/plans/gome-2027.yaml", "examples/plans/meridian-foods-2027.yaml",
        "examples/plans/northwind-mobile-2027.yaml:23:1 PL103", "examples/plans/northwind-mobile-2027.yaml:28:5 PL102"]
    assert cases[-1].name == "examples/plans/suning-2027-zh.yaml"
    failures = [[r for r in case.result if isinstance(r, Failure)] for case in cases]
    assert [len(f) for f in failures] == [0, 0] + [1] * 14 + [0]
    first = failures[2][0]
    assert first.type == "PL103" and "northwind-mobile-2027.yaml:23:1" in first.text
    for element in (xml, *xml):
        assert (element.tests, element.failures, element.errors) == (17, 14, 0)


def test_junit_counts_an_internal_error_as_a_test_case(tmp_path: Path) -> None:
    result = Result(findings=[], suppressed=[], files=["a.yaml"], texts={}, errors=["rule PL999 crashed"])
    path = tmp_path / "report.xml"
    path.write_text(junit_format.render(result, load_registry()), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    assert [(s.tests, s.failures, s.errors) for s in xml] == [(2, 0, 1)]
    assert (xml.tests, xml.failures, xml.errors) == (2, 0, 1)


def test_github_commands_and_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    lines = report("github", "examples/plans", env={"GITHUB_STEP_SUMMARY": str(summary)}).splitlines()
    assert len(lines) == 14
    assert lines[2] == ("::error file=examples/plans/northwind-mobile-2027.yaml,line=31,col=5,endLine=31,"
                        "endColumn=14,title=PL201 short lead time::plan `summer-campaign` is finalized 14 days "
                        "before it starts; a promotion needs at least 42 days")
    assert {line.split(" ", 1)[0] for line in lines} == {"::error", "::warning", "::notice"}
    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("earlier step\n## planlint\n")
    assert "| PL201 | short lead time | error | 1 |" in markdown
    assert "| northwind\\-mobile | 14 |" in markdown


def test_gitlab_code_quality() -> None:
    issues = json.loads(report("gitlab", "examples/plans"))
    assert len(issues) == 14 and len({i["fingerprint"] for i in issues}) == 14
    assert issues[2]["check_name"] == "PL201 short-lead-time" and issues[2]["severity"] == "major"
    assert issues[2]["location"] == {"path": "examples/plans/northwind-mobile-2027.yaml",
                                     "positions": {"begin": {"line": 31, "column": 5}}}
    assert {i["severity"] for i in issues} == {"major", "minor", "info"}


def test_hostile_plan_text_cannot_inject_into_any_format() -> None:
    github = report("github", "tests/data/reports/hostile.yaml")
    assert all(line.startswith(("::error file=", "::warning file=")) for line in github.splitlines())
    assert len(github.splitlines()) == 2 and "\r" not in github and "\x07" not in github
    junit = report("junit", "tests/data/reports/hostile.yaml")
    assert "<img" not in junit and "&lt;img" in junit and "\x07" not in junit
    html = report("html", "tests/data/reports/hostile.yaml")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    for fmt in ("json", "sarif", "gitlab"):
        json.loads(report(fmt, "tests/data/reports/hostile.yaml"))
    text = report("text", "tests/data/reports/hostile.yaml")
    assert "\x07" not in text and "\\u0007" in text


def test_several_outputs_in_one_run(tmp_path: Path) -> None:
    # --output takes the first --format that names no file; the other one goes to stdout.
    result = CliRunner().invoke(cli, ["examples/plans", "--today", "2026-11-23", "--format", "junit",
                                      "--output", str(tmp_path / "junit.xml"),
                                      "--format", f"sarif:{tmp_path / 'out.sarif'}",
                                      "--format", f"html:{tmp_path / 'report.html'}", "--format", "text"])
    assert result.exit_code == 1
    assert result.stdout.endswith("Found 14 findings (9 errors, 4 warnings, 1 info) in 1 of 4 files.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junit.xml", "out.sarif", "report.html"]
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    two_on_stdout = CliRunner().invoke(cli, ["examples/plans", "--format", "text", "--format", "json"])
    assert two_on_stdout.exit_code == 2 and "only one report can go to standard output" in two_on_stdout.output


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_report_for_the_examples(fmt: str) -> None:
    golden = DATA / "golden" / f"examples.{fmt}"
    assert report(fmt, "examples/plans") == golden.read_text(encoding="utf-8")


def test_html_lists_suppressed_findings_with_their_reason() -> None:
    html = report("html", "tests/data/reports/suppressed.yaml")
    assert "Suppressed findings (1)" in html
    assert "tests/data/reports/suppressed.yaml:30:5</td><td>PL201 short lead time</td><td>agreed with Li Ming" in html


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "github"])
def test_a_streamed_report_file_holds_exactly_the_golden_bytes(fmt: str, tmp_path: Path) -> None:
    """These formats are written piece by piece as they are made (a block at a
    time, never the whole report in memory); the file must still be the report."""
    target = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(cli, ["examples/plans", "--format", f"{fmt}:{target}", "--today", "2026-11-23"])
    assert result.exit_code == 1, result.output
    assert target.read_bytes() == (DATA / "golden" / f"examples.{fmt}").read_bytes()


def test_a_streamed_report_larger_than_one_block_is_whole(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for index in range(40):  # about 200 findings, several 64 KB blocks of JSON
        text = (REPO / "examples" / "plans" / "northwind-mobile-2027.yaml").read_text(encoding="utf-8")
        (plans / f"p{index:02}.yaml").write_text(text.replace("id: northwind-mobile", f"id: account-{index}"),
                                                 encoding="utf-8")
    target = tmp_path / "report.json"
    result = CliRunner().invoke(cli, [str(plans), "--format", f"json:{target}", "--today", "2026-11-23"])
    assert result.exit_code == 1, result.output
    streamed = target.read_text(encoding="utf-8")
    findings = json.loads(streamed)
    assert len(streamed) > 1 << 17 and len(findings) >= 40 * 14
    assert streamed == json.dumps(findings, ensure_ascii=False, indent=2) + "\n"


def test_html_landing_names_no_healthy_account_among_the_lowest() -> None:
    html = report("html", "examples/plans/gome-2027.yaml", "examples/plans/meridian-foods-2027.yaml")
    assert "<p>Every account scores 100.</p>" in html and "Lowest health scores" not in html


def test_html_shows_quoted_names_as_code_and_still_escapes_what_the_plan_holds() -> None:
    html = report("html", "tests/data/reports/hostile.yaml")
    assert '<div class="message">project plan <code>promo</code> records no consultation' in html
    assert "<code>Stands &lt;img src=x onerror=alert(2)&gt;" in html and "<img src=x" not in html


def test_each_format_declares_what_it_reads_beyond_the_findings() -> None:
    from planlint.reporters import FORMATS, needs_of

    assert {name: sorted(needs_of([name])) for name in FORMATS} == {
        "text": [], "json": ["fixes"], "sarif": ["fixes"], "junit": [], "github": [], "gitlab": [],
        "html": ["calendar", "due", "fixes", "text"]}
    assert sorted(needs_of(["text", "json"])) == ["fixes"] and needs_of([]) == frozenset()
