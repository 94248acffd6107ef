"""The cross-file index of a whole repository in one stored entry: each plan file's
size, modification and change times and when they were read, and, for each
cross-file rule that says which files relate (`related`), which files carry
each key.

A run that lints one changed plan with 10,000 others as context reads this one
entry and stats each file; of the unchanged files it fetches the facts (from the
per-file index, planlint.engine.index) only of those related to the changed
plan, so its cost stays near that of the plan alone. A file whose stat differs
from its row, or that the snapshot lacks, is read as before. The snapshot is
written again only once many rows are out of date: a run that changes a few
plans writes nothing big.

The entry is one of the store's (planlint.engine.store), checked with the user's
secret like any other. It is a few flat arrays (reading 10,000 rows as Python
objects would cost more than linting the changed plan): the paths, their stamps,
and per rule the sorted 32-bit hashes of the keys with the number
of the file carrying each. A hash that two keys share only adds a file.
"""
from __future__ import annotations

import bisect
import hashlib
import marshal
import os
from array import array
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from planlint.api import FileFacts
from planlint.discover import Source
from planlint.engine.locate import RACY_NS, store_path

if TYPE_CHECKING:
    from planlint.engine.store import FileRow, Store
    from planlint.model import Rule

Links = Tuple["array[int]", "array[int]"]  # sorted key hashes, the file carrying each
# Rows out of date before the snapshot is written again: at least MIN_STALE, and at
# least one in STALE_SHARE of the run's files.
MIN_STALE = 50
STALE_SHARE = 100


class Snapshot:
    """One run's use of the stored snapshot: which files are unchanged, which relate
    to the reported ones, and this run's rows for the next snapshot."""

    def __init__(self, store: Store, key: bytes, rules: Iterable[Rule], options: Dict[str, dict]) -> None:
        self.store, self.key, self.options = store, key, options
        self.rules: Dict[str, Optional[Callable[[FileFacts, dict], Any]]] = {
            rule.code: rule.related for rule in rules if rule.summarize is not None and rule.check_run is not None}
        self.paths: List[str] = []
        self.stamps: "array[int]" = array("q")  # size, mtime_ns, ctime_ns of each file
        self.links: Dict[str, Links] = {}
        _read(store, key, self)
        self.number = {path: i for i, path in enumerate(self.paths)}
        self.unchanged: Dict[str, int] = {}  # this run's files the snapshot holds as they are
        self.noted: Dict[str, Tuple[FileRow, Dict[str, Any], Optional[str]]] = {}
        self.stale = 0  # this run's files the snapshot lacks or holds out of date

    @property
    def narrows(self) -> bool:
        """Whether every cross-file rule says which files relate (else each needs all)."""
        return bool(self.paths) and all(related is not None and code in self.links
                                        for code, related in self.rules.items())

    def unchanged_among(self, sources: Sequence[Source]) -> Dict[str, int]:
        """Which of `sources` are unchanged since the snapshot saw them: the same size,
        modification and change times (the snapshot keeps rows only of files untouched
        for a while when they were read). One tight loop: it runs for every file of the
        repository."""
        number, stamps, stat = self.number, self.stamps, os.stat
        found: Dict[str, int] = {}  # as `disk_path` names the file -> its number in `sources`
        for i, source in enumerate(sources):
            where = source.real or disk_path(source)
            n = number.get(where) if where is not None else None
            if n is None:
                continue
            try:
                info = stat(where)  # type: ignore[arg-type]
            except OSError:
                continue
            k = 3 * n
            if stamps[k] == info.st_size and stamps[k + 1] == info.st_mtime_ns and stamps[k + 2] == info.st_ctime_ns:
                self.unchanged[where] = n  # type: ignore[index]
                found[where] = i  # type: ignore[index]
        return found

    def related(self, rule_facts: Dict[str, List[FileFacts]]) -> Set[str]:
        """The files (as `disk_path` names them) carrying a key one of `rule_facts` looks for."""
        found: Set[str] = set()
        for code, related in self.rules.items():
            hashes, files = self.links.get(code, (array("I"), array("I")))
            for facts in rule_facts.get(code, ()):
                for key in related(facts, self.options[code])[1]:  # type: ignore[misc]
                    wanted = key_hash(key)
                    at = bisect.bisect_left(hashes, wanted)
                    while at < len(hashes) and hashes[at] == wanted:
                        found.add(self.paths[files[at]])
                        at += 1
        return found

    def note(self, source: Source, file_row: FileRow, facts: Dict[str, Any], account: Optional[str]) -> None:
        """This run's row of a file it read in full or from the per-file index."""
        where = disk_path(source)
        if where is None:
            return
        self.noted[where] = (file_row, facts, account)
        self.unchanged.pop(where, None)
        i = self.number.get(where)
        if i is None or tuple(self.stamps[3 * i:3 * i + 3]) != file_row[:3]:
            self.stale += 1

    def write_if_stale(self) -> None:
        """A new snapshot of this run's files, when the stored one is far out of date."""
        count = len(self.unchanged) + len(self.noted)
        if not self.noted or (self.paths and self.stale < max(MIN_STALE, count // STALE_SHARE)):
            return
        # A file read in the same clock tick as it was written may change again unseen:
        # its row is left out (the file is read each time, until the next snapshot).
        noted = [where for where, (row, _, _) in self.noted.items() if max(row[1], row[2]) + RACY_NS < row[3]]
        paths = list(self.unchanged) + noted
        new_number = {path: i for i, path in enumerate(paths)}
        stamps = array("q")
        for i in self.unchanged.values():
            stamps.extend(self.stamps[3 * i:3 * i + 3])
        for where in noted:
            stamps.extend(self.noted[where][0][:3])
        try:
            links = {code: self._links(code, related, new_number) for code, related in self.rules.items()
                     if related is not None}
        except Exception:  # noqa: BLE001 - a plugin's `related` that fails: no snapshot, files are read one by one
            return
        stored = {"paths": "\0".join(paths), "stamps": stamps.tobytes(),
                  "links": {code: (hashes.tobytes(), files.tobytes()) for code, (hashes, files) in links.items()}}
        self.store.put(self.key, b"z" + marshal.dumps(stored, 4))

    def _links(self, code: str, related: Callable[[FileFacts, dict], Any], new_number: Dict[str, int]) -> Links:
        """The rule's (key hash, file) pairs: unchanged files keep theirs, read files get new ones."""
        pairs: List[Tuple[int, int]] = []
        hashes, files = self.links.get(code, (array("I"), array("I")))
        for wanted, i in zip(hashes, files):
            now = new_number.get(self.paths[i])
            if now is not None and self.paths[i] in self.unchanged:
                pairs.append((wanted, now))
        for where, (_row, facts, account) in self.noted.items():
            number = new_number.get(where)
            if number is not None:
                pairs += [(key_hash(key), number)
                          for key in related(FileFacts(where, account, tuple(facts.get(code, ()))), self.options[code])[0]]
        pairs.sort()
        return array("I", (h for h, _ in pairs)), array("I", (f for _, f in pairs))


def key_hash(key: Any) -> int:
    """A key's stable 32-bit hash (Python's own hash of text changes from run to run)."""
    return int.from_bytes(hashlib.blake2b(repr(key).encode("utf-8", "surrogateescape"), digest_size=4).digest(),
                          "big")


def disk_path(source: Source) -> Optional[str]:
    """The path the snapshot knows a file on disk by (None: held in memory)."""
    if source.data is not None:
        return None
    return source.real or store_path(source)


def _read(store: Store, key: bytes, into: Snapshot) -> None:
    body = store.entries([key]).get(key)
    if body is None or body[:1] != b"z":
        return
    try:
        stored = marshal.loads(body[1:])  # not compressed: hashes do not shrink, and this is read on every run
        paths = stored["paths"].split("\0") if stored["paths"] else []
        stamps = array("q")
        stamps.frombytes(stored["stamps"])
        links = {}
        for code, (hashes_bytes, files_bytes) in stored["links"].items():
            hashes, files = array("I"), array("I")
            hashes.frombytes(hashes_bytes)
            files.frombytes(files_bytes)
            if len(hashes) != len(files) or (files and max(files) >= len(paths)):
                return
            links[code] = (hashes, files)
    except Exception:  # noqa: BLE001 - whatever is wrong with the entry, it is a miss
        return
    if len(stamps) == 3 * len(paths):
        into.paths, into.stamps, into.links = paths, stamps, links

