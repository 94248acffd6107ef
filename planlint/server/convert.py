"""planlint positions (1-based lines, columns counted in characters) <-> LSP positions
(0-based, columns in the negotiated encoding's code units: UTF-16 unless the client
offered UTF-8 or UTF-32), and findings -> diagnostics."""
from __future__ import annotations

import re
from typing import List, Optional, Sequence

from lsprotocol import types

from planlint.model import Finding, Severity

SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
            Severity.INFO: types.DiagnosticSeverity.Information}


def split_lines(text: str) -> List[str]:
    """Lines as LSP counts them: \\n, \\r\\n and \\r end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def units(text: str, encoding: str) -> int:
    """The length of `text` in the encoding's code units."""
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def to_lsp(lines: Sequence[str], line: int, column: int, encoding: str) -> types.Position:
    """A planlint (line, column) as an LSP position; out-of-range values are clamped."""
    index = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[index] if lines else ""
    return types.Position(index, units(text[:max(column - 1, 0)], encoding))


def from_lsp(lines: Sequence[str], position: types.Position, encoding: str) -> tuple:
    """An LSP position as (0-based line, 0-based character index) into `lines`."""
    index = min(max(position.line, 0), max(len(lines) - 1, 0))
    text = lines[index] if lines else ""
    count = 0
    for offset, ch in enumerate(text):
        if count >= position.character:
            return index, offset
        count += units(ch, encoding)
    return index, len(text)


def finding_range(lines: Sequence[str], finding: Finding, encoding: str) -> types.Range:
    start = to_lsp(lines, finding.line, finding.column, encoding)
    if finding.end_line is not None and finding.end_column is not None:
        end = to_lsp(lines, finding.end_line, finding.end_column, encoding)
    else:  # a collection or a whole-file finding: to the end of the line's text
        text = lines[start.line] if lines else ""
        end = types.Position(start.line, units(text.rstrip(), encoding))
    if (end.line, end.character) <= (start.line, start.character):
        end = types.Position(start.line, start.character + 1)
    return types.Range(start, end)


def diagnostic(lines: Sequence[str], finding: Finding, encoding: str) -> types.Diagnostic:
    return types.Diagnostic(range=finding_range(lines, finding, encoding), message=finding.message,
                            severity=SEVERITY[finding.severity], code=finding.code, source="planlint",
                            data={"name": finding.name, "plan": finding.plan, "line": finding.line})


# Every ASCII punctuation character may be escaped in Markdown, and escaped means itself.
_MARKDOWN_SYNTAX = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_text(text: str) -> str:
    """Text taken from a plan (a finding's message quotes its values) as itself in a
    Markdown hover: a value's backticks, brackets, `!` or `<` make no code span,
    image, link or HTML of it."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", text)


def code_span(text: str) -> str:
    """`text` as one Markdown code span, whatever backticks it holds: the fence is
    longer than any run of backticks inside, and spaced off a backtick at either end."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def problem_diagnostic(message: str, code: Optional[str] = None) -> types.Diagnostic:
    """A diagnostic for what stopped planlint itself (a broken config, an internal error)."""
    return types.Diagnostic(range=types.Range(types.Position(0, 0), types.Position(0, 1)), message=message,
                            severity=types.DiagnosticSeverity.Error, code=code, source="planlint")
