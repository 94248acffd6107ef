"""JUnit XML: one test case per finding, and one passing test case per file
without findings, so `tests=`/`failures=`/`errors=` add up as pytest writes
them (most readers show only a test case's first failure).

Written one test case at a time: each is serialized by ElementTree with the
indentation `ET.indent` gives the whole document, so a run with 80,000
findings never holds the whole tree."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any, Dict, Iterator, List

from planlint.model import SEVERITY_NAMES, Finding, Result
from planlint.reporters.escape import xml_safe

# What this report reads of a Result beyond the findings (see planlint.reporters.needs_of).
NEEDS: frozenset = frozenset()


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    return "".join(chunks(result, registry, color, lang))


def chunks(result: Result, registry: Any, color: bool = False, lang: str = "en") -> Iterator[str]:
    by_file = _by_file(result)
    tests = sum(len(findings) or 1 for findings in by_file.values()) + len(result.errors)
    counts = f'tests="{tests}" failures="{len(result.findings)}" errors="{len(result.errors)}"'
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield f'<testsuites name="planlint" {counts} time="0">\n'
    suite = f'  <testsuite name="planlint" {counts} skipped="0" time="0"'
    cases = _cases(by_file, result.errors, registry, lang)
    case = next(cases, None)
    if case is None:
        yield suite + " />\n</testsuites>\n"
        return
    yield suite + ">\n    "
    while case is not None:
        following = next(cases, None)
        ET.indent(case, space="  ", level=2)
        case.tail = "\n    " if following is not None else "\n  "
        yield ET.tostring(case, encoding="unicode")  # its tail indents the next one
        case = following
    yield "</testsuite>\n</testsuites>\n"


def _by_file(result: Result) -> Dict[str, List[Finding]]:
    """Each linted file in run order with its findings; a finding about any other
    file (a config, say) still gets its test case, so the counts always add up."""
    by_file: Dict[str, List[Finding]] = {path: [] for path in result.files}
    others: Dict[str, List[Finding]] = defaultdict(list)
    for finding in result.findings:
        (by_file if finding.path in by_file else others)[finding.path].append(finding)
    by_file.update(others)
    return by_file


def _cases(by_file: Dict[str, List[Finding]], errors: List[str], registry: Any, lang: str) -> Iterator[ET.Element]:
    for path, findings in by_file.items():
        if not findings:
            yield ET.Element("testcase", classname="planlint", name=xml_safe(path), file=xml_safe(path), time="0")
        for finding in findings:
            yield _finding_case(finding, registry, lang)
    for message in errors:
        error = ET.Element("testcase", classname="planlint", name="planlint internal error")
        ET.SubElement(error, "error", message=xml_safe(message)).text = xml_safe(message)
        yield error


def _finding_case(finding: Finding, registry: Any, lang: str) -> ET.Element:
    where = f"{finding.path}:{finding.line}:{finding.column}"
    case = ET.Element("testcase", classname="planlint", name=xml_safe(f"{where} {finding.code}"),
                      file=xml_safe(finding.path), line=str(finding.line), time="0")
    failure = ET.SubElement(case, "failure", type=finding.code, message=xml_safe(f"{finding.code} {finding.message}"))
    failure.text = xml_safe(f"{where}: {finding.code} [{SEVERITY_NAMES[lang][finding.severity.value]}] "
                            f"{registry.title(finding.code, finding.name, lang)}: {finding.message}")
    return case
