"""Inline `# planlint: disable…` directives: which findings they hide, and PL007.

A directive at the end of a line covers that line; alone on a line it covers
the next line that holds YAML. When the covered line is a plan's start line it
covers every finding that belongs to that plan. `disable-file` covers the file.
"""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Set, Tuple

from planlint.api import Text
from planlint.model import Finding
from planlint.messages import text

_DIRECTIVE = re.compile(
    r"(?:^|\s)(#\s*planlint:\s*(disable-file|disable)\b\s*(?:=\s*([^#]*?))?\s*(?:\s--\s*(.*?))?)\s*$",
    re.IGNORECASE)


@dataclass
class Directive:
    line: int
    column: int
    text: str
    whole_file: bool
    tokens: Optional[List[str]]  # None: every rule
    reason: Optional[str]
    target_line: int = 0
    used: Set[str] = field(default_factory=set)  # tokens that hid something; "*" for a bare one
    gap: int = 0  # whitespace before the `#` (PL007's fix removes it with the comment)


def parse_directives(text: str) -> List[Directive]:
    lines = text.splitlines()
    found: List[Directive] = []
    for number, line in enumerate(lines, start=1):
        if "planlint" not in line.lower():
            continue
        match = _DIRECTIVE.search(line)
        if not match:
            continue
        codes = match.group(3)
        tokens = [t.strip() for t in codes.split(",") if t.strip()] if codes else None
        directive = Directive(number, match.start(1) + 1, match.group(1).strip(),
                              match.group(2).lower() == "disable-file", tokens,
                              (match.group(4) or "").strip() or None)
        alone = line[:match.start(1)].strip() == ""
        directive.gap = match.start(1) - len(line[:match.start(1)].rstrip())
        directive.target_line = _next_yaml_line(lines, number) if alone else number
        found.append(directive)
    return found


def _next_yaml_line(lines: List[str], number: int) -> int:
    for later in range(number, len(lines)):
        stripped = lines[later].strip()
        if stripped and not stripped.startswith("#"):
            return later + 1
    return number + 1


@dataclass
class Outcome:
    kept: List[Finding]
    suppressed: List[Tuple[Finding, str]]  # (finding, reason)
    unused: List[Tuple[int, int, Text]]    # (line, column, message) for PL007


def apply_directives(findings: List[Finding], directives: List[Directive],
                     plan_starts: Dict[int, str], resolve: Callable[[str], Optional[str]],
                     enabled: Set[str]) -> Outcome:
    """Split one file's findings into kept and suppressed; report unused directives."""
    kept: List[Finding] = []
    suppressed: List[Tuple[Finding, str]] = []
    for finding in findings:
        directive = next((d for d in directives if _covers(d, finding, plan_starts, resolve)), None)
        if directive is None:
            kept.append(finding)
        else:
            suppressed.append((finding, directive.reason or ""))
    return Outcome(kept, suppressed, _unused(directives, resolve, enabled))


def _covers(directive: Directive, finding: Finding, plan_starts: Dict[int, str],
            resolve: Callable[[str], Optional[str]]) -> bool:
    if not directive.whole_file and not _in_scope(directive.target_line, finding, plan_starts):
        return False
    if directive.tokens is None:
        directive.used.add("*")
        return True
    for token in directive.tokens:
        if resolve(token) == finding.code:
            directive.used.add(token)
            return True
    return False


def _in_scope(line: int, finding: Finding, plan_starts: Dict[int, str]) -> bool:
    if finding.line == line:
        return True
    plan_path = plan_starts.get(line)
    data_path = finding.data_path or ""
    return plan_path is not None and (data_path == plan_path or data_path.startswith(
        (plan_path + ".", plan_path + "[")))


def _unused(directives: List[Directive], resolve: Callable[[str], Optional[str]],
            enabled: Set[str]) -> List[Tuple[int, int, Text]]:
    unused = []
    for directive in directives:
        if directive.tokens is None:
            problems = [] if directive.used else [text("unused_directive", directive=directive.text)]
        else:
            problems = []
            for token in directive.tokens:
                code = resolve(token)
                if code is None:
                    problems.append(text("unknown_code", code=token, directive=directive.text))
                elif token not in directive.used and code in enabled:
                    problems.append(text("unused_code", code=token, directive=directive.text))
        unused += [(directive.line, directive.column, message) for message in problems]
    return unused


def ignored_in_file(path: str, file_ignores: List[Tuple[str, Set[str]]], root: str) -> Set[str]:
    """Codes that `per-file-ignores` switches off for `path`; globs are relative to
    the config file's folder, and a pattern without `/` also matches the file name."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    ignored: Set[str] = set()
    for pattern, codes in file_ignores:
        if fnmatch.fnmatch(relative, pattern) or ("/" not in pattern and
                                                  fnmatch.fnmatch(os.path.basename(path), pattern)):
            ignored |= codes
    return ignored
