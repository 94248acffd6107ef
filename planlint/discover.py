"""Command-line paths -> the plan files to lint, in a stable order."""
from __future__ import annotations

import errno
import fnmatch
import os
import stat
from dataclasses import dataclass
from typing import Iterable, List, Optional, Tuple

CONFIG_FILES = ("planlint.yaml", ".planlint.yaml", "planlint.yml", ".planlint.yml")  # in the order config looks
CONFIG_NAMES = frozenset(CONFIG_FILES)
PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Source:
    """One plan to lint: `path` as the user will see it, and where its bytes come from."""

    path: str
    fs_path: Optional[str] = None
    data: Optional[bytes] = None  # standard input

    def read(self, limit: int) -> bytes:
        """At most `limit` bytes, so a huge file costs no more than the size limit.
        A FIFO or device would block or never end: only regular files are read."""
        if self.data is not None:
            return self.data[:limit]
        descriptor = os.open(self.fs_path or self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or socket)")
            return handle.read(limit)


class PathError(Exception):
    """A path named on the command line that cannot be linted."""


def discover(paths: Iterable[str], exclude: Iterable[str] = (), root: str = ".") -> List[Source]:
    """Plan files under `paths`; `exclude` globs are relative to `root` (the config's folder)."""
    exclude = list(exclude)
    found: List[Source] = []
    seen = set()
    for arg in paths:
        if os.path.isdir(arg):
            candidates = _walk(arg, exclude, root)
        elif os.path.exists(arg):
            candidates = [arg]  # a file named explicitly is always linted
        else:
            raise PathError(f"{arg}: no such file or directory")
        for path in candidates:
            key = os.path.abspath(path)  # realpath would cost three lstat calls per file
            if key not in seen:
                seen.add(key)
                found.append(Source(path))
    return found


def _walk(top: str, exclude: List[str], root: str) -> List[str]:
    files: List[str] = []
    for folder, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not _excluded(os.path.join(folder, d), exclude, root))
        for name in sorted(names):
            path = os.path.join(folder, name)
            if _is_plan_name(name) and not _excluded(path, exclude, root):
                files.append(path)
    return files


def _is_plan_name(name: str) -> bool:
    lowered = name.lower()
    return (not name.startswith(".") and lowered.endswith(PLAN_SUFFIXES)
            and lowered not in CONFIG_NAMES)


def _excluded(path: str, patterns: List[str], root: str) -> bool:
    """A glob matches the path relative to `root`, or any trailing part of it (`legacy/*`)."""
    if not patterns:
        return False
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    parts = relative.split("/")
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    return any(fnmatch.fnmatch(tail, pattern) for pattern in patterns for tail in tails)


def split_stdin(paths: Tuple[str, ...]) -> Tuple[List[str], bool]:
    """The paths without `-`, and whether `-` (standard input) was among them."""
    return [p for p in paths if p != "-"], "-" in paths
