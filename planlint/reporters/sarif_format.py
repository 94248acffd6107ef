"""SARIF 2.1.0: one run, every rule with its docs, results with stable fingerprints."""
from __future__ import annotations

import json
from typing import Any, Optional
from urllib.parse import quote

from planlint import __version__
from planlint.model import Finding, Rule
from planlint.model import Result
from planlint.explain import doc_sections, render_explanation

# What this report reads of a Result beyond the findings (see planlint.reporters.needs_of).
NEEDS: frozenset = frozenset({"fixes"})

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/planlint/"


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    rules = registry.ordered()
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(f, index, None) for f in result.findings]
    results += [_result(f, index, reason) for f, reason in result.suppressed]
    run = {
        "tool": {"driver": {"name": "planlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [_descriptor(rule, lang) for rule in rules]}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if result.errors:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [
            {"level": "error", "message": {"text": message}} for message in result.errors]}]
    document = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _descriptor(rule: Rule, lang: str) -> dict:
    sections = doc_sections(rule, lang)
    help_text = render_explanation(rule, lang)
    return {
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": rule.title(lang)},
        "fullDescription": {"text": sections.get("What it does", rule.headline(lang))},
        "help": {"text": help_text, "markdown": help_text},
        # An opt-in rule is off until selected: SARIF's `enabled: false`.
        "defaultConfiguration": {"level": LEVELS[rule.severity.value],
                                 **({} if rule.on_by_default else {"enabled": False})},
        "properties": {"tags": ["planlint", _mistake_tag(rule.code)]},
    }


def _mistake_tag(code: str) -> str:
    if code[2] == "0":
        return "structure"
    if code[:2] == "PL" and code[2] in "67":
        return "best-practice"  # the opt-in pack
    return f"mistake-{code[2]}"


def _result(finding: Finding, index: dict, suppressed: Optional[str]) -> dict:
    region = {"startLine": finding.line, "startColumn": finding.column}
    if finding.end_line is not None and finding.end_column is not None:
        region.update(endLine=finding.end_line, endColumn=finding.end_column)
    entry = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)}, "region": region}}],
        "partialFingerprints": {"planlintFinding/v1": finding.fingerprint()},
    }
    if finding.code in index:
        entry["ruleIndex"] = index[finding.code]
    if finding.fix is not None:
        entry["fixes"] = [_fix(finding)]
    if suppressed is not None:
        entry["suppressions"] = [{"kind": "inSource", **({"justification": suppressed} if suppressed else {})}]
    return entry


def _fix(finding: Finding) -> dict:
    """A SARIF fix: the edits as replacements of regions (columns in code points)."""
    fix = finding.fix
    assert fix is not None
    replacements = [{"deletedRegion": {"startLine": e.line, "startColumn": e.column,
                                       "endLine": e.end_line, "endColumn": e.end_column},
                     "insertedContent": {"text": e.text}} for e in fix.edits]
    return {"description": {"text": fix.title},
            "artifactChanges": [{"artifactLocation": {"uri": _uri(finding.path)}, "replacements": replacements}],
            "properties": {"applicability": fix.applicability}}


def _uri(path: str) -> str:
    """A relative URI reference for a path as it was given (forward slashes, escaped)."""
    posix = path.replace("\\", "/")
    if posix.startswith("./"):
        posix = posix[2:]
    return ("file://" if posix.startswith("/") else "") + quote(posix, safe="/")

