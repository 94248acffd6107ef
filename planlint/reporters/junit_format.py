"""JUnit XML: one test case per linted file, one failure per finding."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any, Dict, List

from planlint.model import Finding
from planlint.engine import Result
from planlint.reporters.escape import xml_safe


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    by_file: Dict[str, List[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[finding.path].append(finding)
    total = len(result.findings)
    suites = ET.Element("testsuites", name="planlint", tests=str(len(result.files)),
                        failures=str(total), errors=str(len(result.errors)), time="0")
    suite = ET.SubElement(suites, "testsuite", name="planlint", tests=str(len(result.files)),
                          failures=str(total), errors=str(len(result.errors)), skipped="0", time="0")
    for path in result.files:
        case = ET.SubElement(suite, "testcase", classname="planlint", name=xml_safe(path),
                             file=xml_safe(path), time="0")
        for finding in by_file.get(path, []):
            failure = ET.SubElement(case, "failure", type=finding.code,
                                    message=xml_safe(f"{finding.code} {finding.message}"))
            failure.text = xml_safe(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} "
                                    f"[{finding.severity.value}] {finding.name}: {finding.message}")
    for message in result.errors:
        error = ET.SubElement(suite, "testcase", classname="planlint", name="planlint internal error")
        ET.SubElement(error, "error", message=xml_safe(message)).text = xml_safe(message)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
