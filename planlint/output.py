"""Writing reports: atomically, so a reader never sees half a report."""
from __future__ import annotations

import os


def write_atomically(path: str, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=".planlint-", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
