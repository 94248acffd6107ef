"""Fixes: what a finding offers to change in the file, as text edits by position.

A rule (or the reading layer) attaches a `Fix` to a `Problem`; its edits name a
node by data path (`Edit.replace(path, text)`) or a range of the file. The engine
turns every edit into a range once (`resolve`), as it does for a finding's
position. `apply` splices edits into the decoded text by position: YAML is never
re-serialized, so every byte outside an edit stays as it was.

Positions are 1-based lines and columns counted in Unicode characters, a byte-order
mark not counted; ends are exclusive. Lines break where YAML breaks them.
"""
from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Protocol, Sequence, Tuple, Union

SAFE = "safe"
UNSAFE = "unsafe"
APPLICABILITIES = (SAFE, UNSAFE)
_Path = Tuple[Union[str, int], ...]
# libyaml's line breaks: a position's line is counted the way the parser counts it.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class Edit:
    """Replace a range with `text` (an empty range inserts, empty text deletes).

    A rule names the range by node: `Edit.replace(path, text)` replaces the scalar
    at `path` (`at="key"`: its key). The engine fills in the positions."""

    text: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    path: Optional[_Path] = None
    at: str = "value"

    @classmethod
    def replace(cls, path: Sequence[Union[str, int]], text: str, at: str = "value") -> "Edit":
        return cls(text, path=tuple(path), at=at)

    @property
    def start(self) -> Tuple[int, int]:
        return self.line, self.column

    @property
    def end(self) -> Tuple[int, int]:
        return self.end_line, self.end_column

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "text": self.text}


class Words(Protocol):
    """A title in every language (an `api.Text`): fixes sit below the rule API, which
    hands them to rules, so they name what a title does rather than import it."""

    def render(self, lang: str = "en") -> str: ...


@dataclass(frozen=True)
class Fix:
    """A title ("Write `5000`"), `safe` or `unsafe`, and the edits that make it."""

    title: Union[str, Words]  # a Text speaks the run's language once the fix is resolved
    edits: Tuple[Edit, ...]
    applicability: str = SAFE

    def __post_init__(self) -> None:
        if self.applicability not in APPLICABILITIES:
            raise ValueError(f"a fix is `safe` or `unsafe`, not `{self.applicability}`")
        object.__setattr__(self, "edits", tuple(self.edits))

    @property
    def safe(self) -> bool:
        return self.applicability == SAFE

    def as_dict(self) -> dict:
        title = self.title if isinstance(self.title, str) else self.title.render()
        return {"title": title, "applicability": self.applicability,
                "edits": [edit.as_dict() for edit in self.edits]}


def replace(path: Sequence[Union[str, int]], text: str, title: str, applicability: str = SAFE,
            at: str = "value") -> Fix:
    """The common fix: replace one scalar (or key) with `text`, written as YAML."""
    return Fix(title, (Edit.replace(path, text, at),), applicability)


def resolve(fix: Optional[Fix], positions: Any, lang: str = "en") -> Optional[Fix]:
    """Turn node edits into ranges and the title into `lang`; None when an edit names
    no scalar that has an end."""
    if fix is None:
        return None
    edits = []
    for edit in fix.edits:
        if edit.path is None:
            edits.append(edit)
            continue
        if not hasattr(positions, "has_key") or not positions.has_key(edit.path):
            return None  # a cross-file finding keeps no nodes to name
        span = positions.locate(edit.path, edit.at)
        if span.end_line is None:
            return None
        edits.append(Edit(edit.text, span.line, span.column, span.end_line, span.end_column))
    title = fix.title if isinstance(fix.title, str) else fix.title.render(lang)
    return Fix(title, tuple(edits), fix.applicability)


class Lines:
    """Line starts of a text, to turn positions into offsets and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        breaks = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
        self.starts = [0] + [end for _, end in breaks]
        # where each line's break begins: a 300 KB line is not searched again per finding
        self.ends = [start for start, _ in breaks] + [len(text)]

    def offset(self, line: int, column: int) -> Optional[int]:
        if not 1 <= line <= len(self.starts) or column < 1:
            return None
        start = self.starts[line - 1]
        end = self.line_end(line)
        offset = start + column - 1
        return offset if offset <= end else None

    def line_end(self, line: int) -> int:
        """The offset of line `line`'s break (or of the end of the text)."""
        return self.ends[line - 1] if 1 <= line <= len(self.ends) else len(self.text)

    def line_text(self, line: int) -> str:
        return self.text[self.starts[line - 1]:self.line_end(line)]

    def span(self, edit: Edit) -> Optional[Tuple[int, int]]:
        start, end = self.offset(edit.line, edit.column), self.offset(edit.end_line, edit.end_column)
        if start is None or end is None or end < start:
            return None
        return start, end


def choose(fixes: Iterable[Fix], lines: Lines) -> Tuple[List[Tuple[int, int, str]], List[Fix], List[Fix]]:
    """Non-overlapping edits for this pass: (spliced edits, fixes taken, fixes left for a
    later pass). A fix is all or nothing; an edit equal to one already taken counts as
    made (two findings with one cure); an edit that names no range is dropped."""
    taken: List[Tuple[int, int, str]] = []  # sorted, and no two overlap: so are their ends
    done: List[Fix] = []
    later: List[Fix] = []
    for fix in fixes:
        spans = [(lines.span(e), e.text) for e in fix.edits]
        if any(span is None for span, _ in spans):
            continue
        wanted = [(s[0], s[1], text) for s, text in spans if s is not None]
        fresh = [w for w in wanted if not _holds(taken, w)]
        if any(_overlaps_taken(taken, w) for w in fresh) or _overlap_within(fresh):
            later.append(fix)
            continue
        for edit in fresh:
            bisect.insort(taken, edit)
        done.append(fix)
    return taken, done, later


def _holds(taken: List[Tuple[int, int, str]], edit: Tuple[int, int, str]) -> bool:
    at = bisect.bisect_left(taken, edit)
    return at < len(taken) and taken[at] == edit


def _overlaps_taken(taken: List[Tuple[int, int, str]], edit: Tuple[int, int, str]) -> bool:
    """Whether `edit` overlaps a taken edit: only those starting at or before its end
    and ending at or after its start can, the last few before that point (6,000 fixes
    in one file were 18 million comparisons)."""
    at = bisect.bisect_right(taken, (edit[1], sys.maxsize, ""))
    while at > 0 and taken[at - 1][1] >= edit[0]:
        at -= 1
        if _overlaps(edit, taken[at]):
            return True
    return False


def _overlaps(a: Tuple[int, int, str], b: Tuple[int, int, str]) -> bool:
    # Two inserts at one point, or an insert touching a replaced range, conflict too.
    if a[0] == a[1] or b[0] == b[1]:
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def _overlap_within(edits: List[Tuple[int, int, str]]) -> bool:
    return any(_overlaps(a, b) for i, a in enumerate(edits) for b in edits[i + 1:])


def splice(text: str, edits: List[Tuple[int, int, str]]) -> str:
    """Apply sorted, non-overlapping (start, end, replacement) edits to `text`."""
    out, last = [], 0
    for start, end, replacement in edits:
        out += [text[last:start], replacement]
        last = end
    out.append(text[last:])
    return "".join(out)
