"""`path:line:column: CODE [severity] message` lines and a summary line."""
from __future__ import annotations

from collections import Counter
from typing import Any

from planlint.engine import Result

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def render(result: Result, registry: Any, color: bool = False) -> str:
    lines = []
    for f in result.findings:
        where = f"{f.path}:{f.line}:{f.column}:"
        level = f"[{f.severity.value}]"
        if color:
            where = _BOLD + where + _RESET
            level = _COLORS[f.severity.value] + level + _RESET
        lines.append(f"{where} {f.code} {level} {f.message}")
    lines.extend(f"error: {message}" for message in result.errors)
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def summary(result: Result) -> str:
    files = len(result.files)
    file_word = "file" if files == 1 else "files"
    if not result.findings:
        text = f"No findings in {files} {file_word}."
    else:
        counts = Counter(f.severity.value for f in result.findings)
        parts = [f"{counts[s]} {s if counts[s] == 1 or s == 'info' else s + 's'}"
                 for s in ("error", "warning", "info") if counts[s]]
        with_findings = len({f.path for f in result.findings})
        total = len(result.findings)
        text = (f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) "
                f"in {with_findings} of {files} {file_word}.")
    if result.suppressed:
        text += f" {len(result.suppressed)} suppressed."
    return text
