"""GitHub Actions workflow commands, and a Markdown step summary.

GitHub shows only the first few annotations of a step and drops the rest
silently, so the step summary (when GITHUB_STEP_SUMMARY is set) counts every
finding by rule and by account.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

from planlint.engine import Result
from planlint.reporters.escape import github_data, github_property, markdown_cell

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    return "".join(chunks(result, registry, color, lang))


def chunks(result: Result, registry: Any, color: bool = False, lang: str = "en") -> Iterator[str]:
    """One workflow command per line, for writing the report as it is made."""
    for f in result.findings:
        props = [f"file={github_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None and f.end_column is not None:
            props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
        props.append(f"title={github_property(f'{f.code} {f.name}')}")
        yield f"::{COMMANDS[f.severity.value]} {','.join(props)}::{github_data(f.message)}\n"
    for message in result.errors:
        yield f"::error title=planlint::{github_data(message)}\n"


def step_summary(result: Result, registry: Any) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: totals, then counts per rule and per account."""
    severities = Counter(f.severity.value for f in result.findings)
    rules = Counter((f.code, f.name, f.severity.value) for f in result.findings)
    accounts = Counter(f.account or f.path for f in result.findings)
    out = ["## planlint", "",
           f"{len(result.findings)} findings in {len(result.files)} files: "
           f"{severities['error']} errors, {severities['warning']} warnings, {severities['info']} info.", ""]
    if rules:
        out += ["| Rule | Name | Severity | Findings |", "| --- | --- | --- | ---: |"]
        out += [f"| {code} | {name} | {severity} | {count} |" for (code, name, severity), count in sorted(rules.items())]
        out += ["", "| Account | Findings |", "| --- | ---: |"]
        out += [f"| {markdown_cell(account)} | {count} |" for account, count in sorted(accounts.items())]
    return "\n".join(out) + "\n\n"
