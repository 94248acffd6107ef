"""A content-addressed cache of per-file outcomes in `.planlint_cache/` (or
`$PLANLINT_CACHE_DIR`).

The cache folder often lies inside a repository that anyone can send a pull
request to, so an entry is data that cannot execute and that planlint trusts
only when it wrote it itself:

- JSON (`cachecodec`), never pickle: reading an entry builds only plain values
  and planlint's own dataclasses.
- Each entry carries the format version, its key and an HMAC of its body made
  with a secret kept in the user's own cache home (never in the repository). A
  crafted, copied, torn or outdated entry fails the check and is a miss, as is
  anything that is not a regular file inside the folder (links are not followed).
- The key covers everything a file's outcome depends on: planlint's version and
  code, the bundled schemas, the enabled rules (code, severity, options, their
  module's version and source file), the run's date, language and limits, and
  the file's bytes. The path is not part of it: a hit is re-stamped with the
  path it is found under.
- Entries not used in the last `KEEP_RUNS` runs are removed, and the folder is
  kept under `MAX_BYTES`, at every `PRUNE_EVERY`th run.
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import stat
import sys
import time
from typing import Dict, List, Optional, Tuple

from planlint import __version__
# cachecodec builds only classes of modules already loaded. A run loads the fix,
# facts and suppression modules only when it needs them, so an entry holding a Fix,
# the account facts or a directive would be a miss in a new process unless they are loaded here.
from planlint import fixes, suppress  # noqa: F401
from planlint.directors import calendar as facts
from planlint.engine.cachecodec import decode, encode
from planlint.engine.one_file import Checks, FileOutcome
from planlint.atomic import write_atomically

FORMAT = 3  # 3: JSON with an HMAC (2 and before were pickles, never read again)
KEEP_RUNS = 10
PRUNE_EVERY = 10
MAX_BYTES = 256 * 1024 * 1024
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_RUNS: Dict[str, float] = {}  # folder -> this process's run start: counted once per run




class Cache:
    def __init__(self, folder: str, checks: Checks) -> None:
        self.folder = folder
        self.prefix = _checks_key(checks)
        self.secret = _secret()
        self.usable = self.secret is not None and _safe_folder(folder)
        if self.usable:
            _keep_out_of_git(folder)
        if self.usable and folder not in _RUNS:
            _RUNS[folder] = time.time()
            _count_run(folder)

    def key(self, raw: bytes) -> str:
        return hashlib.sha256(self.prefix + raw).hexdigest()

    def get(self, key: str, path: str) -> Optional[FileOutcome]:
        if not self.usable:
            return None
        entry = os.path.join(self.folder, key[:2], key)
        try:
            raw = _read_regular(entry, MAX_ENTRY_BYTES)
            header, body = raw.split(b"\n", 1)
            meta = json.loads(header)
            if meta != {"planlint-cache": FORMAT, "key": key, "mac": self._mac(key, body)}:
                return None
            outcome = decode(json.loads(body))
            if not isinstance(outcome, FileOutcome):
                return None
            os.utime(entry)  # used in this run: kept by the next prune
        except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is a miss
            return None
        outcome.path = path
        outcome.findings = [dataclasses.replace(f, path=path) for f in outcome.findings]
        return outcome

    def put(self, key: str, outcome: FileOutcome) -> None:
        if not self.usable:
            return
        try:
            body = json.dumps(encode(outcome), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError):
            return  # an outcome holding something JSON cannot say is just not remembered
        header = json.dumps({"planlint-cache": FORMAT, "key": key, "mac": self._mac(key, body)})
        folder = os.path.join(self.folder, key[:2])
        try:
            if _safe_folder(folder):
                write_atomically(os.path.join(folder, key), header.encode("ascii") + b"\n" + body)
        except OSError:
            pass  # a read-only checkout still lints; it just does not remember

    def _mac(self, key: str, body: bytes) -> str:
        assert self.secret is not None
        return hmac.new(self.secret, key.encode("ascii") + b"\n" + body, hashlib.sha256).hexdigest()


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


def _count_run(folder: str) -> None:
    """Remember when each of the last KEEP_RUNS runs started; prune now and then."""
    state = os.path.join(folder, "runs.json")
    try:
        saved = json.loads(_read_regular(state, 1 << 16))
        starts, count = [float(t) for t in saved["starts"]][-KEEP_RUNS:], int(saved["count"])
    except Exception:  # noqa: BLE001 - a missing or broken state starts counting again
        starts, count = [], 0
    count += 1
    if count % PRUNE_EVERY == 0 and len(starts) == KEEP_RUNS:
        prune(folder, unused_since=starts[0])
    try:
        write_atomically(state, json.dumps({"count": count, "starts": starts + [_RUNS[folder]]}))
    except OSError:
        pass


def prune(folder: str, unused_since: float, max_bytes: int = MAX_BYTES) -> None:
    """Remove entries last used before `unused_since`, then the oldest until under `max_bytes`."""
    kept: List[Tuple[float, int, str]] = []
    for sub in _entries(folder):
        for entry in _entries(sub):
            try:
                info = os.lstat(entry)
                if not stat.S_ISREG(info.st_mode) or info.st_mtime < unused_since:
                    os.unlink(entry)
                else:
                    kept.append((info.st_mtime, info.st_size, entry))
            except OSError:
                continue
    total = sum(size for _, size, _ in kept)
    for _, size, entry in sorted(kept):
        if total <= max_bytes:
            break
        try:
            os.unlink(entry)
            total -= size
        except OSError:
            pass


def _entries(folder: str) -> List[str]:
    try:
        with os.scandir(folder) as found:
            return [e.path for e in found if len(e.name) in (2, 64) and not e.is_symlink()]
    except OSError:
        return []


def _checks_key(checks: Checks) -> bytes:
    parts = [__version__, str(FORMAT), sys.version, repr(checks.today), checks.lang, repr(checks.limits),
             repr(checks.keep_text), repr(checks.keep_facts), repr(checks.keep_fixes), *_code_stamps()]
    for rule in checks.rules:
        module = sys.modules.get(getattr(rule.check or rule.summarize, "__module__", "") or "", None)
        source = getattr(module, "__file__", None) or ""
        package = sys.modules.get((getattr(module, "__name__", "") or "").split(".")[0])
        parts += [rule.code, rule.name, checks.severity[rule.code].value, repr(checks.options[rule.code]),
                  str(getattr(package, "__version__", "")), source, _stamp(source)]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).digest()


def _code_stamps() -> List[str]:
    """planlint's own modules and bundled schemas: a changed loader or schema
    changes outcomes even when the version number stays."""
    import importlib.util

    stamps = []
    for package in ("planlint", "planlint.schemas"):
        spec = importlib.util.find_spec(package)
        folder = next(iter(spec.submodule_search_locations or []), "") if spec is not None else ""
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".py", ".json")))
        except OSError:
            continue
        stamps += [f"{name}:{_stamp(os.path.join(folder, name))}" for name in names]
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
