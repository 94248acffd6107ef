"""Writing files atomically (reports, baselines, caches): a reader, or a second
planlint run, never sees half a file, and a failed write leaves the old one.

A report path is the user's, and on CI it may be a device: `-o /dev/null` must
stay a device node (replacing it breaks every later step of the job). But the
folder it names is often a checkout a pull request controls: a committed link
`planlint.sarif -> ../outside/existing.conf` must not make planlint replace, or
create, a file there. So a symbolic link inside the repository is never
followed on the way to a report: the last part, if one, is replaced itself, and
one on the way is an error. Links outside the repository (`/dev/stdout`, the
user's own folders) are the user's and are followed.
"""
from __future__ import annotations

import errno
import os
import stat
from typing import Iterable, Iterator, List, Tuple, Union

from planlint.discover import repository_root, visible_path, within
from planlint.messages import builtin_message

# A report may come as pieces (see reporters.get_chunks): it is written as it is
# made, in blocks, and never held whole.
Content = Union[str, bytes, Iterable[str]]


def text_blocks(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The pieces joined into blocks of about `size` characters."""
    pending: List[str] = []
    length = 0
    for chunk in chunks:
        pending.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(pending)
            pending, length = [], 0
    if pending:
        yield "".join(pending)


def _byte_blocks(content: Content) -> Iterator[bytes]:
    if isinstance(content, bytes):
        yield content
    elif isinstance(content, str):
        yield content.encode("utf-8")
    else:
        for block in text_blocks(content):
            yield block.encode("utf-8")


def write_atomically(path: str, content: Content, mode: int = 0o666) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=".planlint-", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, mode & ~_umask())  # mkstemp makes 0600; most are ordinary files
        with os.fdopen(handle, "wb") as out:
            for block in _byte_blocks(content):
                out.write(block)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_report(path: str, content: Content) -> None:
    """A report or baseline, atomically; never through a link inside the repository;
    into a device or FIFO in place, never replacing the node."""
    target, follow = output_location(path)
    try:  # the kernel follows the user's links: /dev/stdout -> /proc/self/fd/1 -> a pipe has no path
        mode = (os.stat if follow else os.lstat)(target).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder")
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):  # a link of the repository is replaced, never followed
        write_atomically(os.path.realpath(target) if follow else target, content)
        return
    # O_NONBLOCK: a FIFO nobody reads is an error (ENXIO), never a hang.
    no_follow = 0 if follow else getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | no_follow)
    try:
        os.set_blocking(descriptor, True)  # then wait for a slow reader as any writer does
        for block in _byte_blocks(content):
            view = memoryview(block)
            while view:
                view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


def output_location(path: str) -> Tuple[str, bool]:
    """(The absolute path to write for `path`, whether its last part may be followed.)
    The path is walked a part at a time, as the kernel walks it: a link in a folder
    of the repository (which a pull request controls) is never followed; a link
    outside it is the user's own and is."""
    root = repository_root()
    current = os.sep if os.path.isabs(path) else os.getcwd()
    parts = [part for part in path.split(os.sep) if part not in ("", ".")]
    for index, part in enumerate(parts):
        if part == "..":
            current = os.path.dirname(current)
            continue
        candidate, last = os.path.join(current, part), index == len(parts) - 1
        if not os.path.islink(candidate):
            current = candidate
        elif not within(current, root):  # the kernel follows /proc/self/fd/1 to a pipe that has no path
            current = candidate if last else os.path.realpath(candidate)
        elif last:
            return candidate, False
        else:
            folder = visible_path(os.path.join(*parts[:index + 1]))
            raise NotADirectoryError(errno.ENOTDIR, builtin_message("output_link_folder", folder=folder))
    return current, True


def is_regular_target(path: str) -> bool:
    """Whether writing `path` creates or replaces a regular file (not a device or FIFO)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
