"""Putting fixed plans where they belong: in place (atomically, mode kept, only when the
file still holds the bytes that were read, only inside the linted paths), as a
unified diff, or on standard output for a plan read from standard input."""
from __future__ import annotations

import difflib
import os
import stat
import tempfile
from typing import Iterable, List, Optional

from planlint.api import Text
from planlint.fix.passes import FileFix
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
            os.replace(temp, target)
        except BaseException:
            if os.path.exists(temp):
                os.unlink(temp)
            raise
    except OSError as exc:
        return f"cannot write it: {exc.strerror or exc}"
    return None


def unified_diff(item: FileFix) -> str:
    """`--diff` output for one file: its lines before and after, as text."""
    before = item.base.splitlines(keepends=True)
    after = item.fixed.splitlines(keepends=True)
    lines: List[str] = []
    for line in difflib.unified_diff(before, after, f"a/{item.path}", f"b/{item.path}"):
        lines.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(lines)
