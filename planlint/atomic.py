"""Writing files atomically (reports, baselines, caches): a reader, or a second
planlint run, never sees half a file, and a failed write leaves the old one.

A report path is the user's, and on CI it may be a device or a link: `-o
/dev/null` must stay a device node (replacing it breaks every later step of
the job), and a symbolic link is followed so the link itself stays (SPEC 7a.15).
"""
from __future__ import annotations

import errno
import os
import stat
from typing import Iterable, Iterator, List, Union

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


def write_atomically(path: str, content: Content) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=".planlint-", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; these are ordinary files
        with os.fdopen(handle, "wb") as out:
            for block in _byte_blocks(content):
                out.write(block)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_report(path: str, content: Content) -> None:
    """A report or baseline: through a symbolic link to its target, atomically;
    into a device or FIFO in place, never replacing the node."""
    try:  # the kernel follows the links: /dev/stdout -> /proc/self/fd/1 -> a pipe has no path
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder")
    if stat.S_ISREG(mode):
        write_atomically(os.path.realpath(path), content)
        return
    # O_NONBLOCK: a FIFO nobody reads is an error (ENXIO), never a hang.
    descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        os.set_blocking(descriptor, True)  # then wait for a slow reader as any writer does
        for block in _byte_blocks(content):
            view = memoryview(block)
            while view:
                view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


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
