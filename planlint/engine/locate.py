"""A file's content digest: from planlint.engine.store's `files` rows (its last seen
size, modification time and inode change time) when all are unchanged and the file
had not been touched for a while when it was read; else from its bytes. The change
time is set by the system on every write, and no program can set it back (as
`touch -d` sets the modification time). The disk cache, the memo and the
cross-file index all key what they keep by it.
"""
from __future__ import annotations

import hashlib
import os
import time
from typing import TYPE_CHECKING, Callable, List, Optional, Sequence, Tuple

from planlint.discover import Source

if TYPE_CHECKING:
    from planlint.engine.store import Store

# A file written in the same clock tick as it was read could change without a new
# modification time: its stat is trusted only once it is older than this when read.
RACY_NS = 2_000_000_000
# (the bytes, when they are held in memory anyway or were read without a store; content digest)
Located = Tuple[Optional[bytes], Optional[bytes]]


def sha256(raw: bytes) -> bytes:
    return hashlib.sha256(raw).digest()


def locate_all(store: Optional[Store], sources: Sequence[Source], limit: int,
               hasher: Callable[[bytes], bytes] = sha256) -> List[Located]:
    """Each source's content digest, from the store's file rows where the file is
    unchanged; `hasher` digests bytes read now or held in memory (the language
    server's memo remembers those of the plans it holds)."""
    on_disk = {s.path: store_path(s) for s in sources if s.data is None}
    if store is not None:
        store.file_rows(list(on_disk.values()))
    return [_locate(store, source, on_disk.get(source.path), limit, hasher) for source in sources]


def _locate(store: Optional[Store], source: Source, where: Optional[str], limit: int,
            hasher: Callable[[bytes], bytes]) -> Located:
    if where is None or store is None:
        try:
            raw = source.read(limit)
        except OSError:
            return None, None  # lint_file reports it; nothing to cache
        return raw, hasher(raw)
    try:
        info = os.stat(where)
    except OSError:
        return None, None
    row = store.files.get(where)
    stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    if row is not None and row[:3] == stamp and max(stamp[1:]) + RACY_NS < row[3]:
        store.seen[where] = row[4]
        return None, row[4]
    now = time.time_ns()
    try:
        raw = source.read(limit)
    except OSError:
        return None, None
    digest = store.seen[where] = hashlib.sha256(raw).digest()
    if len(raw) == info.st_size < limit:
        store.remember_file(where, (*stamp, now, digest))
    return None, digest  # not kept: 10,000 plans' bytes are 100 MB; the file is read again where it is linted


def digest_linted(store: Optional[Store], source: Source) -> Optional[bytes]:
    """The digest of the bytes `source` was linted from in this run."""
    if source.data is not None:
        return hashlib.sha256(source.data).digest()
    return store.seen.get(store_path(source)) if store is not None else None


def store_path(source: Source) -> str:
    """The path the store keeps a file on disk under (its `files` rows, what a run saw)."""
    return os.path.abspath(source.fs_path or source.path)
