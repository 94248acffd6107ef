"""Writing files atomically (reports, baselines, caches): a reader, or a second
planlint run, never sees half a file, and a failed write leaves the old one."""
from __future__ import annotations

import os
from typing import Union


def write_atomically(path: str, content: Union[str, bytes]) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=".planlint-", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; these are ordinary files
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
