"""Inline `# planlint: disable…` directives: reading them, which findings they hide,
and writing them (the editor's quick fixes, `--add-suppressions`, PL007's fixes), so
that their syntax is known in this module only.

A directive at the end of a line covers that line; alone on a line it covers
the next line that holds YAML. When the covered line is a plan's start line it
covers every finding that belongs to that plan. `disable-file` covers the file.
"""
from __future__ import annotations

import fnmatch
import functools
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple

from planlint.api import Text
from planlint.model import Finding
from planlint.messages import builtin_message

# Only the start of a directive is found by a pattern; the rest is read by hand, so
# no line (a run of 1,500 spaces, say) can make the search backtrack. A Chinese
# keyboard types `：`, `＝`, `，` and `、`: they are read as `:`, `=` and `,`.
_START = re.compile(r"(?:^|(?<=\s))#[ \t]*planlint[ \t]*[:：]", re.IGNORECASE)
_VERB = re.compile(r"[A-Za-z-]*")
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_SEPARATORS = re.compile(r"[,，、\s]+")
_NEXT_COMMENT = re.compile(r"\s#")
_VERBS = ("disable", "disable-file")


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
    malformed: Optional[Text] = None  # what is wrong and how to write it; hides nothing
    codes_span: Tuple[int, int] = (0, 0)  # 0-based columns of its line holding the codes after `=`
    # Noted once the file's findings are matched: codes that hid nothing (of a rule
    # enabled in this run, or of no rule at all) and, of those, the ones no rule has.
    unused: List[str] = field(default_factory=list)
    unknown: List[str] = field(default_factory=list)


def parse_directives(source: str) -> List[Directive]:
    found: List[Directive] = []
    for number, line in enumerate(source.splitlines(), start=1):
        if "planlint" not in line.lower():
            continue
        match = _START.search(line)
        if match is None:
            continue
        head = match.end() - match.start()
        directive = _read(_own_part(line[match.start():], head), head)
        directive.line, directive.column = number, match.start() + 1
        directive.codes_span = (directive.codes_span[0] + match.start(), directive.codes_span[1] + match.start())
        before = line[:match.start()]
        directive.gap = len(before) - len(before.rstrip())
        # "The line before" is the immediately preceding line: a blank
        # or a comment line in between breaks it.
        directive.target_line = number + 1 if before.strip() == "" else number
        found.append(directive)
    return found


def _own_part(comment: str, head: int) -> str:
    """The directive without a comment of the user's that follows it on the line
    (`disable=PL201  # YYYY-MM-DD`), as ruff reads `# noqa: E501  # why`; after ` -- `
    everything is the reason."""
    tail = comment[head:]
    reason = _REASON.search(tail)
    after = _NEXT_COMMENT.search(tail)
    if after is not None and (reason is None or after.start() < reason.start()):
        tail = tail[:after.start()]
    return (comment[:head] + tail).rstrip()


def _read(comment: str, head: int) -> Directive:
    """One `# planlint: …` comment (from its `#` to the end of the line)."""
    parts = _REASON.split(comment[head:], maxsplit=1)
    body = parts[0].strip()
    reason = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    verb = _VERB.match(body).group()  # type: ignore[union-attr]
    rest = body[len(verb):].strip()
    directive = Directive(0, 0, comment, verb.lower() == "disable-file", None, reason)
    if verb.lower() not in _VERBS:
        directive.malformed = builtin_message("directive_unknown_verb", verb=verb or rest[:20], directive=comment[:80])
    elif rest and rest[0] in "=＝":
        directive.tokens = [t for t in _SEPARATORS.split(rest[1:]) if t]
        end = head + len(parts[0].rstrip())  # the codes end the part before the reason
        directive.codes_span = (end - len(rest[1:].strip()), end)
        if not directive.tokens:
            directive.malformed = builtin_message("directive_no_codes", directive=comment[:80], verb=verb.lower())
    elif rest:
        codes = ",".join(t for t in _SEPARATORS.split(rest) if t)
        directive.malformed = builtin_message("directive_missing_equals", directive=comment[:80],
                                   fixed=f"# planlint: {verb.lower()}={codes}")
    return directive


def directive_on(line: str) -> Optional[Directive]:
    """The directive written on one line of a plan, if any."""
    found = parse_directives(line)
    return found[0] if found and found[0].line == 1 else None


def new_directive(codes: Sequence[str], reason: str = "", whole_file: bool = False) -> str:
    verb = "disable-file" if whole_file else "disable"
    return f"# planlint: {verb}={','.join(codes)}" + (f" -- {reason}" if reason else "")


def with_codes(directive: Directive, codes: Sequence[str], reason: str = "") -> Optional[Tuple[int, str]]:
    """(0-based column of its line, text to insert there) that makes `directive` hide
    `codes` too: `,PL202` after its last code, however it was typed (`：`, `＝`), so
    that the line keeps one directive; an empty text when it hides them already; None
    when it is malformed (only its writer knows what it meant)."""
    if directive.malformed is not None:
        return None
    have = {t.lower() for t in directive.tokens or ()}
    new = [c for c in codes if c.lower() not in have]
    if directive.tokens is None or not new:  # a bare `disable` hides every code
        return directive.codes_span[1], ""
    text = "," + ",".join(new)
    if reason and not _REASON.search(directive.text):
        text += f" -- {reason}"
    return directive.codes_span[1], text


def without_codes(directive: Directive, unused: Sequence[str]) -> Optional[Tuple[Tuple[int, int], str]]:
    """(0-based column span of its line, its new text) that drops `unused` from the
    directive's codes; None when none or all of its codes would go."""
    kept = [t for t in directive.tokens or () if t not in unused]
    if not kept or len(kept) == len(directive.tokens or ()):
        return None
    start, end = directive.codes_span
    written = directive.text[start - directive.column + 1:end - directive.column + 1]
    return directive.codes_span, (", " if ", " in written else ",").join(kept)


@dataclass
class Outcome:
    kept: List[Finding]
    suppressed: List[Tuple[Finding, str]]  # (finding, reason)


def apply_directives(findings: List[Finding], directives: List[Directive],
                     plan_starts: Dict[int, str], resolve: Callable[[str], Optional[str]],
                     enabled: Set[str]) -> Outcome:
    """Split one file's findings into kept and suppressed, and note on each directive
    which of its codes hid nothing (a rule not enabled in this run is left alone)."""
    kept: List[Finding] = []
    suppressed: List[Tuple[Finding, str]] = []
    resolve = functools.lru_cache(maxsize=None)(resolve)
    # Only the directives aimed at a finding's line, at its plan's start line, or at
    # the whole file can cover it: looked up, not scanned (5,000 comments, 5,000 findings).
    by_line: Dict[int, List[Tuple[int, Directive]]] = {}
    whole_file: List[Tuple[int, Directive]] = []
    for index, directive in enumerate(directives):
        if directive.whole_file:
            whole_file.append((index, directive))
        else:
            by_line.setdefault(directive.target_line, []).append((index, directive))
    plan_lines = {plan_path: line for line, plan_path in plan_starts.items()}
    for finding in findings:
        candidates = by_line.get(finding.line, []) + whole_file
        plan_line = plan_lines.get(_plan_of(finding.data_path))
        if plan_line is not None and plan_line != finding.line:
            candidates += by_line.get(plan_line, [])
        directive = next((d for _, d in sorted(candidates, key=lambda pair: pair[0])
                          if _covers(d, finding, plan_starts, resolve)), None)
        if directive is None:
            kept.append(finding)
        else:
            suppressed.append((finding, directive.reason or ""))
    for directive in directives:
        directive.unknown = [t for t in directive.tokens or () if resolve(t) is None]
        directive.unused = [t for t in directive.tokens or ()
                            if resolve(t) is None or (t not in directive.used and resolve(t) in enabled)]
    return Outcome(kept, suppressed)


_PLAN_PATH = re.compile(r"plans\[\d+\]")


def _plan_of(data_path: Optional[str]) -> Optional[str]:
    """`plans[2]` for `plans[2].materials[0].item`; None outside a plan."""
    match = _PLAN_PATH.match(data_path or "")
    return match.group() if match else None


def _covers(directive: Directive, finding: Finding, plan_starts: Dict[int, str],
            resolve: Callable[[str], Optional[str]]) -> bool:
    if directive.malformed is not None:
        return False
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
