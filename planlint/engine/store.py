"""The cache's one SQLite file (`planlint.sqlite` in the cache folder): per-file
outcomes and cross-file facts by content key, and each plan's last seen size,
modification time and content hash by path (so an unchanged file is only stat'ed).

The file may lie in a repository anyone can send a pull request to, so it is
data that planlint trusts only where it wrote it itself (docs/security.md):

- every row carries an HMAC made with the user's secret (cache.secret); a row
  that fails it is a miss, so a crafted or copied database can hide no finding;
- a database holding anything but planlint's tables (a trigger, a view) or not
  marked with the user's secret is not read; it is replaced by a new one, built
  aside and renamed into place; a database, journal or folder that is a link or
  no regular file is never opened (SQLite would write through it);
- reads happen as the run goes; every write of a run is one transaction at its
  end (`finish`), so a killed run leaves the last complete state, and two runs
  at once (WAL) each see a whole one; a run that finds the file locked too long
  just does not remember.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import stat
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

NAME = "planlint.sqlite"
FORMAT = b"planlint-cache 6"  # 4 to 6: SQLite (3: one JSON file per entry)
KEEP_RUNS = 10
PRUNE_EVERY = 10
MAX_BYTES = 256 * 1024 * 1024
_BATCH = 500  # keys per SELECT … IN (…): below SQLite's limit on bound values
_SCHEMA = {
    "meta": "CREATE TABLE meta(name TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID",
    "files": "CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,"
             " checked_ns INTEGER, digest BLOB, used INTEGER, mac BLOB) WITHOUT ROWID",
    # A rowid table: a WITHOUT ROWID row keeps at most about 1 KB in its page and
    # spills the rest of a body to overflow pages of its own (a cache twice the size).
    "entries": "CREATE TABLE entries(key BLOB PRIMARY KEY, body BLOB, used INTEGER, mac BLOB)",
}
# size, mtime_ns, ctime_ns (which no program can set back), when it was read (ns), content digest
FileRow = Tuple[int, int, int, int, bytes]


class Store:
    """One run's view of the database: reads now, writes at `finish`."""

    def __init__(self, folder: str, secret: bytes) -> None:
        self.path = os.path.join(folder, NAME)
        self.secret = secret
        self.db = _open(self.path, secret)
        self.run = self._runs() + 1 if self.db is not None else 0
        self.files: Dict[str, Optional[FileRow]] = {}
        self.seen: Dict[str, bytes] = {}  # path -> digest of the bytes this run linted or trusted
        self.new_files: Dict[str, FileRow] = {}
        self.new_entries: Dict[bytes, bytes] = {}
        self.touched: List[bytes] = []  # entries, files: used here, last marked long ago
        self.touched_files: List[str] = []
        self.code_stamps: Optional[List[str]] = None  # planlint's own files, stamped once for the run's keys

    def file_rows(self, paths: Sequence[str]) -> None:
        """Fetch the rows of `paths` (absolute) into `self.files`, in a few queries."""
        wanted = [p for p in paths if p not in self.files]
        self.files.update(dict.fromkeys(wanted))
        for batch in _batches(wanted):
            for path, size, mtime, ctime, checked, digest, used, mac in self._select(
                    "SELECT path, size, mtime_ns, ctime_ns, checked_ns, digest, used, mac FROM files WHERE path IN",
                    batch):
                row = (size, mtime, ctime, checked, digest)
                if isinstance(digest, bytes) and hmac.compare_digest(mac, self._file_mac(path, row)):
                    self.files[path] = row
                    if used < self.run - KEEP_RUNS // 2:
                        self.touched_files.append(path)

    def remember_file(self, path: str, row: FileRow) -> None:
        self.files[path] = self.new_files[path] = row

    def entries(self, keys: Iterable[bytes]) -> Dict[bytes, bytes]:
        """Bodies of the entries under `keys` whose HMAC holds."""
        found: Dict[bytes, bytes] = {}
        for batch in _batches(list(keys)):
            for key, body, used, mac in self._select("SELECT key, body, used, mac FROM entries WHERE key IN", batch):
                if isinstance(body, bytes) and hmac.compare_digest(mac, self._mac(b"entry", key, body)):
                    found[key] = body
                    if used < self.run - KEEP_RUNS // 2:  # marked now and then, not rewritten each run
                        self.touched.append(key)
        return found

    def existing(self, keys: List[bytes]) -> Set[bytes]:
        """Which of `keys` have an entry (checked or not: only to skip writing it again)."""
        found = {key for batch in _batches(keys) for key, in self._select("SELECT key FROM entries WHERE key IN", batch)}
        return found | (set(keys) & set(self.new_entries))

    def put(self, key: bytes, body: bytes) -> None:
        self.new_entries[key] = body

    def finish(self) -> None:
        """Everything this run learnt, in one transaction; pruned every PRUNE_EVERYth run."""
        if self.db is None:
            return
        db, run = self.db, self.run
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('runs', ?)", (run,))
                db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               [(p, *r, run, self._file_mac(p, r)) for p, r in self.new_files.items()])
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)",
                               [(k, b, run, self._mac(b"entry", k, b)) for k, b in self.new_entries.items()])
                db.executemany("UPDATE entries SET used = ? WHERE key = ?", [(run, k) for k in self.touched])
                db.executemany("UPDATE files SET used = ? WHERE path = ?", [(run, p) for p in self.touched_files])
                if run % PRUNE_EVERY == 0:
                    _prune(db, run)
        except sqlite3.Error:
            pass  # locked by another run for too long, or a read-only folder: not remembered
        finally:
            db.close()
            self.db = None
            # Written (or given up): the cross-file rules run next, and 10,000 plans'
            # entries and rows held beside them were 12 MB of a first run's peak.
            self.files, self.seen, self.new_files, self.new_entries = {}, {}, {}, {}
            self.touched, self.touched_files = [], []

    def _runs(self) -> int:
        rows = self._select("SELECT value FROM meta WHERE name IN", ["runs"])
        return next((value for value, in rows if isinstance(value, int)), 0)

    def _select(self, query: str, keys: Sequence[object]) -> List[tuple]:
        if self.db is None:
            return []
        try:
            return self.db.execute(f"{query} ({','.join('?' * len(keys))})", list(keys)).fetchall()
        except sqlite3.Error:
            return []

    def _mac(self, kind: bytes, key: bytes, body: bytes) -> bytes:
        return hmac.digest(self.secret, b"%s\0%d\0%s%s" % (kind, len(key), key, body), "sha256")

    def _file_mac(self, path: str, row: FileRow) -> bytes:
        size, mtime, ctime, checked, digest = row
        return self._mac(b"file", path.encode("utf-8", "surrogateescape"), b"%d:%d:%d:%d:%s" % (
            size, mtime, ctime, checked, digest))


def _batches(keys: List) -> Iterable[List]:
    for start in range(0, len(keys), _BATCH):
        yield keys[start:start + _BATCH]


def _open(path: str, secret: bytes) -> Optional[sqlite3.Connection]:
    """A connection to planlint's own database at `path`, made anew if missing or not ours."""
    if not all(_regular_or_missing(path + suffix) for suffix in ("", "-wal", "-shm", "-journal")):
        return None
    db = _connect(path) if os.path.lexists(path) else None
    if db is not None and not _ours(db, secret):
        db.close()
        db = None
    if db is None and _create(path, secret):
        db = _connect(path)
    return db if db is not None and _ours(db, secret) else None


def _regular_or_missing(path: str) -> bool:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid()


def _connect(path: str) -> Optional[sqlite3.Connection]:
    try:
        db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        # A crafted file's schema may name functions: SQLite runs none of them.
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("PRAGMA cell_size_check = ON")
        db.execute("PRAGMA synchronous = NORMAL")  # WAL: a crash may lose the last run's rows, never corrupt
        return db
    except sqlite3.Error:
        return None


def _ours(db: sqlite3.Connection, secret: bytes) -> bool:
    try:
        tables = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex_%'"))
        mark = db.execute("SELECT value FROM meta WHERE name = 'mark'").fetchone()
        mode = db.execute("PRAGMA journal_mode").fetchone()
    except sqlite3.Error:
        return False
    return tables == _SCHEMA and mark is not None and mode == ("wal",) and hmac.compare_digest(
        mark[0] if isinstance(mark[0], bytes) else b"", _mark(secret))


def _mark(secret: bytes) -> bytes:
    return hmac.digest(secret, FORMAT, "sha256")


def _create(path: str, secret: bytes) -> bool:
    """Build a fresh database aside and rename it over `path`: a second run sees
    either no database, the old one or the whole new one."""
    aside = f"{path}.{os.getpid()}.new"
    try:
        for leftover in (aside, aside + "-journal"):
            if os.path.lexists(leftover):
                os.unlink(leftover)
        db = sqlite3.connect(aside, isolation_level=None)
        try:
            db.execute("PRAGMA auto_vacuum = INCREMENTAL")
            for sql in _SCHEMA.values():
                db.execute(sql)
            db.execute("INSERT INTO meta VALUES ('mark', ?)", (_mark(secret),))
            db.execute("PRAGMA journal_mode = WAL")
        finally:
            db.close()
        for stale in ("-wal", "-shm"):  # an old database's journal must not be replayed into the new one
            if os.path.lexists(path + stale):
                os.unlink(path + stale)
        os.replace(aside, path)
        return True
    except (OSError, sqlite3.Error):
        return False


def _prune(db: sqlite3.Connection, run: int) -> None:
    """Drop rows unused in the last KEEP_RUNS runs, then the least recently used
    entries until the file is under MAX_BYTES. Cross-file facts (bodies starting with
    m or j) go by size only: runs on a few changed plans read the others' facts from
    the snapshot, not from these entries, which the next full read of the repository
    (a language server opening it, a snapshot written again) still wants."""
    db.execute("DELETE FROM entries WHERE used < ? AND substr(body, 1, 1) NOT IN (X'6d', X'6a')",
               (run - KEEP_RUNS,))
    db.execute("DELETE FROM files WHERE used < ?", (run - KEEP_RUNS,))
    (pages,), (page_size,), (free,) = (db.execute(f"PRAGMA {p}").fetchone() for p in (
        "page_count", "page_size", "freelist_count"))
    excess = (pages - free) * page_size - MAX_BYTES
    if excess > 0:
        (count, total), = db.execute("SELECT count(*), total(length(body)) FROM entries")
        drop = int(count * excess / total) + 1 if total else count
        db.execute("DELETE FROM entries WHERE key IN (SELECT key FROM entries ORDER BY used LIMIT ?)", (drop,))
    db.execute("PRAGMA incremental_vacuum")


def digest(raw: bytes) -> bytes:
    return hashlib.sha256(raw).digest()
