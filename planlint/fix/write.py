"""Putting fixed plans where they belong: in place (atomically, mode kept, only when the
file still holds the bytes that were read, only inside the linted paths), as a
unified diff, or on standard output for a plan read from standard input."""
from __future__ import annotations

import difflib
import os
import stat
import tempfile
from typing import Iterable, Iterator, List, Optional

from planlint.api import Text
from planlint.fix.passes import FileFix
from planlint.errors import os_reason
from planlint.messages import builtin_message


def inside(path: str, roots: Iterable[str]) -> bool:
    """True when `path` (its real location) is one of `roots` or lies below one."""
    real = os.path.realpath(path)
    for root in roots:
        top = os.path.realpath(root)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


def write_fixed(item: FileFix, fs_path: str) -> Optional[Text]:
    """Write the fixed bytes over `fs_path`; the reason when it was not written."""
    target = os.path.realpath(fs_path)  # a link stays a link; its target gets the fix
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            return builtin_message("fix_not_regular")
        with open(target, "rb") as handle:
            if handle.read(len(item.raw) + 1) != item.raw:
                return builtin_message("fix_changed_on_disk")
        handle_fd, temp = tempfile.mkstemp(prefix=".planlint-fix-", suffix=".tmp", dir=os.path.dirname(target))
        try:
            with os.fdopen(handle_fd, "wb") as out:
                out.write(item.encoded())
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, stat.S_IMODE(info.st_mode))
            _keep_owner(temp, info)
            os.replace(temp, target)
        except BaseException:
            if os.path.exists(temp):
                os.unlink(temp)
            raise
    except OSError as exc:
        return builtin_message("fix_cannot_write", reason=os_reason(exc))
    return None


def _keep_owner(temp: str, info: os.stat_result) -> None:
    """The fixed plan keeps its owner and group: `--fix` run as root (in CI, or sudo)
    must not turn a colleague's plan into root's file that they can no longer save."""
    if (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(temp, info.st_uid, info.st_gid)
    except PermissionError:
        pass  # not root: the file is the user's, as any file they save


def unified_diff(item: FileFix) -> str:
    """`--diff` output for one file: its lines before and after, as text."""
    before = item.base.splitlines(keepends=True)
    after = item.fixed.splitlines(keepends=True)
    lines: List[str] = []
    for line in _unified(before, after, f"a/{item.path}", f"b/{item.path}"):
        lines.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


MANY_CHANGED = 50  # lines changed in place from which difflib's search is skipped


def _unified(before: List[str], after: List[str], old: str, new: str) -> Iterator[str]:
    """difflib's unified diff; when fixes changed many lines in place (as date and
    spelling fixes do), the lines are paired by number instead of searched for:
    6,000 fixed lines were minutes of difflib's matching."""
    changed = [n for n, (a, b) in enumerate(zip(before, after)) if a != b] if len(before) == len(after) else []
    if len(changed) < MANY_CHANGED:
        yield from difflib.unified_diff(before, after, old, new)
        return
    opcodes, at = [], 0
    for n in changed:
        if opcodes and opcodes[-1][0] == "replace" and opcodes[-1][2] == n:
            opcodes[-1] = ("replace", opcodes[-1][1], n + 1, opcodes[-1][3], n + 1)
        else:
            if n > at:
                opcodes.append(("equal", at, n, at, n))
            opcodes.append(("replace", n, n + 1, n, n + 1))
        at = n + 1
    if at < len(before):
        opcodes.append(("equal", at, len(before), at, len(before)))
    matcher = difflib.SequenceMatcher(None, [], [])
    matcher.a, matcher.b, matcher.opcodes = before, after, opcodes
    yield f"--- {old}\n"
    yield f"+++ {new}\n"
    for group in matcher.get_grouped_opcodes(3):
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in before[i1:i2])
            else:
                yield from ("-" + line for line in before[i1:i2])
                yield from ("+" + line for line in after[j1:j2])


def _range(start: int, stop: int) -> str:
    """difflib's `start,length` of a hunk (1-based; a one-line hunk is its line)."""
    length = stop - start
    return f"{start + 1}" if length == 1 else f"{start + 1 if length else start},{length}"
