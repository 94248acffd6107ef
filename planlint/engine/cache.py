"""Per-file outcomes of unchanged files, kept in the cache folder's database
(`.planlint_cache/planlint.sqlite`, or under `$PLANLINT_CACHE_DIR`; see
planlint.engine.store for how it is kept and checked).

The cache folder often lies inside a repository that anyone can send a pull
request to, so an entry is data that cannot execute and that planlint trusts
only when it wrote it itself:

- JSON (`cachecodec`, packed by planlint.engine.entry), never pickle: reading
  an entry builds only plain values and planlint's own dataclasses.
- Each entry carries an HMAC made with a secret kept in the user's own cache
  home (never in the repository). A crafted, copied or outdated entry fails the
  check and is a miss.
- The key covers everything a file's outcome depends on: planlint's version and
  code, the bundled schemas, the enabled rules (code, severity, options, their
  module's version and source file), the run's date, language and limits, and
  the file's bytes. The path is not part of it: a hit is re-stamped with the
  path it is found under.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import sys
from typing import Dict, List, Optional, Sequence, Tuple

from planlint import __version__
from planlint.discover import Source
from planlint.engine.entry import entry_of, outcome_of
from planlint.engine.locate import locate_all, store_path
from planlint.engine.outcome import Checks, FileOutcome
from planlint.engine.store import FORMAT, Store

_FETCH = 500  # entries read in one query


def open_store(folder: str) -> Optional[Store]:
    """The run's view of the cache database in `folder`, or None when there is no
    private secret or no safe folder (then nothing is cached)."""
    secret = _secret()
    if secret is None or not _safe_folder(folder):
        return None
    _keep_out_of_git(folder)
    store = Store(folder, secret)
    return store if store.db is not None else None


class Cache:
    """Outcomes of one set of checks, by content: the interface planlint.engine.workers uses."""

    stores_entries = True

    def __init__(self, store: Store, checks: Checks) -> None:
        self.store = store
        self.prefix = checks_key(checks, store)
        self.located: Dict[str, Tuple[Optional[bytes], Optional[bytes]]] = {}
        self.bodies: Dict[bytes, bytes] = {}
        self.batches: List[List[bytes]] = []  # keys whose entries are read together, when the first is asked for
        self.batch_of: Dict[bytes, int] = {}

    def prefetch(self, sources: Sequence[Source], limit: int) -> None:
        """Find every source's content digest now, and their stored outcomes a few
        hundred at a time as they are asked for: 10,000 entries read at once held
        10 MB beside the outcomes decoded from them."""
        found = locate_all(self.store, sources, limit)
        self.located.update(zip((s.path for s in sources), found))
        keys = [self.key(d) for _, d in found if d is not None]
        for start in range(0, len(keys), _FETCH):
            self.batch_of.update(dict.fromkeys(keys[start:start + _FETCH], len(self.batches)))
            self.batches.append(keys[start:start + _FETCH])

    def locate(self, source: Source, limit: int) -> Tuple[Optional[bytes], Optional[bytes]]:
        found = self.located.pop(source.path, None)
        return found if found is not None else locate_all(self.store, [source], limit)[0]

    def linted(self, source: Source, digest: bytes) -> None:
        """The file was linted from bytes with this digest (it may have changed since
        `locate`): the cross-file index keeps its facts under it."""
        if source.data is None:
            self.store.seen[store_path(source)] = digest

    def key(self, digest: bytes) -> bytes:
        return hashlib.sha256(self.prefix + digest).digest()

    def get(self, key: bytes, path: str) -> Optional[FileOutcome]:
        batch = self.batch_of.pop(key, None)
        if batch is not None and self.batches[batch]:
            self.bodies.update(self.store.entries(self.batches[batch]))
            self.batches[batch] = []
        body = self.bodies.pop(key, None)
        outcome = outcome_of(body) if body is not None else None
        if outcome is None:
            return None
        outcome.path = path
        outcome.findings = [dataclasses.replace(f, path=path) for f in outcome.findings]
        return outcome

    def put(self, key: bytes, outcome: FileOutcome, entry: Optional[bytes] = None) -> None:
        entry = entry if entry is not None else entry_of(outcome)
        if entry is not None:
            self.store.put(key, entry)


def _safe_folder(folder: str) -> bool:
    """A real folder (not a link that could send writes elsewhere), created if missing."""
    try:
        if not os.path.lexists(folder):
            os.makedirs(folder, exist_ok=True)
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


def _read_regular(path: str, limit: int) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError("not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError("too big")
    return data


def _secret() -> Optional[bytes]:
    """The user's own key for entry checksums, kept outside any repository (0600)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "planlint", "cache-secret")
    try:
        return _read_regular(path, 1024) if _owned(path) else None
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        secret = os.urandom(32).hex().encode("ascii")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secret)
        return secret
    except OSError:
        return None  # no private place for a key: no cache rather than a forgeable one


def _owned(path: str) -> bool:
    info = os.lstat(path)
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o077


def checks_key(checks: Checks, store: Optional[Store] = None) -> bytes:
    """`store`: the run's, which keeps the stamps of planlint's own files for the run's other keys."""
    code = store.code_stamps if store is not None else None
    if code is None:
        code = _code_stamps()
        if store is not None:
            store.code_stamps = code
    parts = [__version__, str(FORMAT), sys.version, repr(checks.today), checks.lang, repr(checks.limits),
             repr(checks.keep_text), repr(checks.keep_facts), repr(checks.keep_fixes), repr(checks.due_within),
             repr(checks.fixing), *code]
    for rule in checks.rules:
        module = sys.modules.get(getattr(rule.check or rule.summarize, "__module__", "") or "", None)
        source = getattr(module, "__file__", None) or ""
        package = sys.modules.get((getattr(module, "__name__", "") or "").split(".")[0])
        parts += [rule.code, rule.name, checks.severity[rule.code].value, repr(checks.options[rule.code]),
                  str(getattr(package, "__version__", "")), source, _stamp(source)]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).digest()


def _code_stamps() -> List[str]:
    """planlint's own modules (its subpackages' too) and bundled schemas: a changed
    loader or schema changes outcomes even when the version number stays."""
    import importlib.util

    stamps = []
    for package in ("planlint", "planlint.schemas"):
        spec = importlib.util.find_spec(package)
        top = next(iter(spec.submodule_search_locations or []), "") if spec is not None else ""
        for folder, dirs, names in os.walk(top) if top else ():
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            stamps += [f"{os.path.relpath(os.path.join(folder, name), top)}:{_stamp(os.path.join(folder, name))}"
                       for name in sorted(names) if name.endswith((".py", ".json"))]
    return stamps


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return "-"
    return f"{info.st_mtime_ns}:{info.st_size}"


def _keep_out_of_git(folder: str) -> None:
    try:
        descriptor = os.open(os.path.join(folder, ".gitignore"), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                             0o644)
    except OSError:
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("# Created by planlint\n*\n")
