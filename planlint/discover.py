"""Command-line paths -> the plan files to lint, in a stable order."""
from __future__ import annotations

import errno
import fnmatch
import operator
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Tuple

from planlint.api import Text
from planlint.errors import ConfigError, os_reason
from planlint.messages import builtin_message

CONFIG_FILES = ("planlint.yaml", ".planlint.yaml", "planlint.yml", ".planlint.yml")  # in the order config looks
CONFIG_NAMES = frozenset(CONFIG_FILES)
PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Source:
    """One plan to lint: `path` as the user will see it, and where its bytes come from."""

    path: str
    fs_path: Optional[str] = None
    data: Optional[bytes] = None  # standard input
    real: Optional[str] = field(default=None, compare=False, repr=False)  # its real path, when discover knows it

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


def repository_root(start: str = ".") -> str:
    """The real path of the folder holding `.git` from `start` upwards, else of `start`:
    what a pull request controls, so what no link inside may lead planlint out of."""
    return work_tree(os.path.realpath(start)) or os.path.realpath(start)


def work_tree(real: str) -> Optional[str]:
    """The top of the git work tree holding the real path `real`, or None."""
    folder = real
    while not os.path.lexists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return folder


def within(real: str, root: str) -> bool:
    """Whether the real path `real` is `root` or lies below it."""
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


class PathError(ConfigError):
    """A path named on the command line that cannot be linted."""


def discover(paths: Iterable[str], exclude: Iterable[str] = (), root: str = ".",
             notices: Optional[List[Text]] = None, errors: Optional[List[Text]] = None,
             confined: bool = False, repository: Optional[str] = None,
             ignored: Optional[Callable[[str], bool]] = None) -> List[Source]:
    """Plan files under `paths`; `exclude` globs are relative to `root` (the config's folder).

    A pull request can add a plan that is a link to a secret (`/proc/self/environ`)
    or a FIFO: a file whose real path lies outside the linted paths, or that is
    not a regular file, is skipped with a line in `notices`. A file named on the
    command line may also lie in its own folder. A path whose way leads out of
    the repository through one of its links (`plans/cfg.yaml -> ../../outside`)
    is skipped too; with `confined` (paths a config names, which came with the
    pull request) so is any path outside it. Each real file is linted once. A
    folder that cannot be read goes to `errors`. Below a folder, what `ignored`
    says yes to (a file or a folder; git's ignore rules) is not walked."""
    exclude = list(exclude)
    top = repository or repository_root()
    paths = [arg for arg in paths if not _skipped_outside(arg, top, confined, notices)]
    roots = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    found: List[Source] = []
    seen = set()
    real_folders: Dict[str, str] = {}
    for arg in paths:
        if os.path.isdir(arg):
            groups, inside, walked = _walk(arg, exclude, root, errors, ignored), roots, True
        elif os.path.lexists(arg):
            groups = [("", "", [(arg, False)])]  # a file named explicitly is always linted
            inside, walked = roots + [os.path.realpath(os.path.dirname(os.path.abspath(arg)))], False
        else:
            raise PathError(builtin_message("no_such_path", path=visible_path(arg)))
        for prefix, folder, names in groups:
            real_prefix, folder_inside = "", False  # of the folder, worked out for its first plain file
            for name, plain in names:
                path = prefix + name
                if plain:  # a regular file and no link, in a walked folder: no stat needed
                    if not real_prefix:
                        real_folder = real_folders.get(folder) or os.path.realpath(folder or ".")
                        real_prefix = real_folder.rstrip(os.sep) + os.sep
                        folder_inside = any(within(real_folder, r) for r in inside)
                    real, why = real_prefix + name, None if folder_inside else "skipped_link"
                else:
                    real = _real_path(path, real_folders)
                    why = _why_skipped(path, real, inside, walked)
                if why is not None:
                    if notices is not None:
                        notices.append(builtin_message(why, path=visible_path(path)))
                    continue
                if real not in seen:
                    seen.add(real)
                    shown = path if path.isascii() and path.isprintable() else visible_path(path)
                    found.append(Source(shown, None if shown == path else path, None, real))
    return found


def _real_path(path: str, folders: Dict[str, str]) -> str:
    """os.path.realpath, with each folder's real path worked out once: 10,000 plans
    in one folder are 10,000 stats, not 40,000."""
    folder, name = os.path.split(path)
    if not name or name in (".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real_folder = folders.get(folder)
    if real_folder is None:
        real_folder = folders[folder] = os.path.realpath(folder or ".")
    return os.path.join(real_folder, name)


def real_path(source: Source) -> str:
    """The real path of a plan on disk (as discover found it, or worked out now)."""
    return source.real or os.path.realpath(source.fs_path or source.path)


def _skipped_outside(arg: str, top: str, confined: bool, notices: Optional[List[Text]]) -> bool:
    if not os.path.lexists(arg) or not _leaves_repository(arg, top, confined):
        return False
    if notices is not None:
        linked_file = os.path.islink(arg) and not os.path.isdir(arg)
        why = "skipped_link" if linked_file else "skipped_outside_repository"
        notices.append(builtin_message(why, path=visible_path(arg)))
    return True


def _leaves_repository(path: str, top: str, confined: bool) -> bool:
    """Whether a link in a folder of the repository `top` leads `path` out of it (any
    path outside it, when `confined`). The path is walked a part at a time, as the
    kernel walks it; links outside the repository are the user's own."""
    if confined:
        return not within(os.path.realpath(path), top)
    current = os.sep if os.path.isabs(path) else os.getcwd()
    for part in (part for part in path.split(os.sep) if part not in ("", ".")):
        if part == "..":
            current = os.path.dirname(current)
            continue
        candidate = os.path.join(current, part)
        real = os.path.realpath(candidate) if os.path.islink(candidate) else candidate
        if real != candidate and within(current, top) and not within(real, top):
            return True
        current = real
    return False


def _why_skipped(path: str, real: str, roots: List[str], walked: bool) -> Optional[str]:
    if not any(within(real, r) for r in roots):
        return "skipped_link"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # a dangling or looping link: reading it reports the reason
    if walked and not stat.S_ISREG(mode):
        return "skipped_special"
    return None


# A file name is shown in every report and on the terminal: bytes that are not
# UTF-8 (kept by Python as lone surrogates) and control characters (a newline
# would forge a report line, ESC drives the terminal) are written as escapes.
_UNSAFE_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                              "\udc80-\udcff]")


def visible_path(path: str) -> str:
    def escape(match: "re.Match[str]") -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _UNSAFE_IN_NAMES.sub(escape, path)


def _walk(top: str, exclude: List[str], root: str, errors: Optional[List[Text]] = None,
          ignored: Optional[Callable[[str], bool]] = None) -> List[Tuple[str, str, List[Tuple[str, bool]]]]:
    """Plan files below `top` in os.walk's order (a folder's files, then each subfolder
    in name order; linked folders are not entered), by folder: (the folder and a
    separator, the folder, [(file name, whether the listing showed a regular file that
    is no link: one that needs no stat)])."""
    groups: List[Tuple[str, str, List[Tuple[str, bool]]]] = []
    skip = ignored or (lambda path: False)
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                found = sorted(listing, key=_NAME)
        except OSError as exc:
            if errors is not None:
                errors.append(builtin_message("folder_unreadable", path=visible_path(exc.filename or folder),
                                              reason=os_reason(exc)))
            continue
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        folders, files = [], []
        for entry in found:
            name = entry.name
            path = prefix + name
            if _is_folder(entry):
                if not name.startswith(".") and not _is_link(entry) and not skip(path) and not (
                        exclude and _excluded(path, exclude, root)):
                    folders.append(path)
            elif _is_plan_name(name) and not (exclude and _excluded(path, exclude, root)) and not skip(path):
                files.append((name, _is_plain_file(entry)))
        if files:
            groups.append((prefix, folder, files))
        pending += reversed(folders)
    return groups


_NAME = operator.attrgetter("name")


def _is_folder(entry: "os.DirEntry[str]") -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_link(entry: "os.DirEntry[str]") -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return True


def _is_plain_file(entry: "os.DirEntry[str]") -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


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
