"""GitHub Actions workflow commands, and a Markdown step summary.

GitHub shows only the first few annotations of a step and drops the rest
silently, so the step summary (when GITHUB_STEP_SUMMARY is set) counts every
finding by rule and by account.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

from planlint.model import Result
from planlint.reporters.escape import github_data, github_property, markdown_cell

# What this report reads of a Result beyond the findings (see planlint.reporters.needs_of).
NEEDS: frozenset = frozenset()

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(result: Result, registry: Any, color: bool = False, lang: str = "en") -> str:
    return "".join(chunks(result, registry, color, lang))


def chunks(result: Result, registry: Any, color: bool = False, lang: str = "en") -> Iterator[str]:
    """One workflow command per line, for writing the report as it is made."""
    for f in result.findings:
        props = [f"file={github_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None and f.end_column is not None:
            props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
        props.append(f"title={github_property(f'{f.code} {registry.title(f.code, f.name, lang)}')}")
        yield f"::{COMMANDS[f.severity.value]} {','.join(props)}::{github_data(f.message)}\n"
    for message in result.errors:
        yield f"::error title=planlint::{github_data(message)}\n"


# The step summary's words: a Chinese team's managers read that page too.
SUMMARY_WORDS = {
    "en": {"total": "{findings} findings in {files} files: {error} errors, {warning} warnings, {info} info.",
           "rules": "| Rule | Name | Severity | Findings |", "accounts": "| Account | Findings |"},
    "zh": {"total": "检查了 {files} 个文件，共 {findings} 个问题（{error} 个错误、{warning} 个警告、{info} 个提示）。",
           "rules": "| 规则 | 名称 | 严重程度 | 问题数 |", "accounts": "| 客户 | 问题数 |"},
}


def step_summary(result: Result, registry: Any, lang: str = "en") -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: totals, then counts per rule and per account."""
    from planlint.model import SEVERITY_NAMES

    words = SUMMARY_WORDS[lang]
    severities = Counter(f.severity.value for f in result.findings)
    rules = Counter((f.code, f.name, f.severity.value) for f in result.findings)
    accounts = Counter(f.account or f.path for f in result.findings)
    out = ["## planlint", "", words["total"].format(findings=len(result.findings), files=len(result.files),
                                                   **{s: severities[s] for s in ("error", "warning", "info")}), ""]
    if rules:
        out += [words["rules"], "| --- | --- | --- | ---: |"]
        out += [f"| {code} | {markdown_cell(registry.title(code, name, lang))} | {SEVERITY_NAMES[lang][severity]} | {count} |"
                for (code, name, severity), count in sorted(rules.items())]
        out += ["", words["accounts"], "| --- | ---: |"]
        out += [f"| {markdown_cell(account)} | {count} |" for account, count in sorted(accounts.items())]
    return "\n".join(out) + "\n\n"
