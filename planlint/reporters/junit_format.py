"""JUnit XML: one test case per linted file, one failure per finding.

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
    counts = f'tests="{len(result.files)}" failures="{len(result.findings)}" errors="{len(result.errors)}"'
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield f'<testsuites name="planlint" {counts} time="0">\n'
    suite = f'  <testsuite name="planlint" {counts} skipped="0" time="0"'
    cases = _cases(result, registry, lang)
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


def _cases(result: Result, registry: Any, lang: str) -> Iterator[ET.Element]:
    by_file: Dict[str, List[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[finding.path].append(finding)
    for path in result.files:
        case = ET.Element("testcase", classname="planlint", name=xml_safe(path), file=xml_safe(path), time="0")
        for finding in by_file.get(path, []):
            failure = ET.SubElement(case, "failure", type=finding.code,
                                    message=xml_safe(f"{finding.code} {finding.message}"))
            failure.text = xml_safe(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} "
                                    f"[{SEVERITY_NAMES[lang][finding.severity.value]}] "
                                    f"{registry.title(finding.code, finding.name, lang)}: {finding.message}")
        yield case
    for message in result.errors:
        error = ET.Element("testcase", classname="planlint", name="planlint internal error")
        ET.SubElement(error, "error", message=xml_safe(message)).text = xml_safe(message)
        yield error
