"""Per-file outcomes kept in memory from one run to the next (the language server).

A long-lived caller passes one `Memo` to every `lint_texts` call: a workspace
file whose bytes and settings are unchanged is not linted again, so a keystroke
costs one file plus the cross-file rules. Keys are the file's bytes and the
run's settings, never the path (as in planlint.engine.cache); entries unused for two
runs are dropped, so an edited file's old outcomes do not pile up.
"""
from __future__ import annotations

import dataclasses
import hashlib
from typing import Any, Dict, Optional, Sequence, Tuple

from planlint.discover import Source
from planlint.engine.locate import Located, locate_all, sha256
from planlint.engine.outcome import Checks, FileOutcome


class Memo:
    def __init__(self) -> None:
        self.entries: Dict[bytes, Tuple[int, FileOutcome]] = {}  # key -> (run it was last used in, outcome)
        self.facts: Dict[bytes, Any] = {}  # planlint.engine.index's cross-file facts, by key
        self.facts_used: Dict[bytes, int] = {}
        # id of bytes held in memory -> (those bytes, their digest, run last used in): a
        # server's workspace plans are the same bytes objects from one keystroke to the
        # next, and hashing 10,000 of them on each would cost more than the lint.
        self.digests: Dict[int, Tuple[bytes, bytes, int]] = {}
        self.run = 0

    def bind(self, checks: Checks) -> "MemoView":
        """The cache interface that planlint.engine.workers.lint_files uses, for one set of checks."""
        return MemoView(self, self.checks_key(checks))

    def checks_key(self, checks: Checks) -> bytes:
        return _checks_key(checks)

    def next_run(self) -> None:
        """Call once per lint: forget what the previous two runs did not use."""
        self.run += 1
        self.entries = {k: v for k, v in self.entries.items() if v[0] >= self.run - 1}
        self.facts_used = {k: run for k, run in self.facts_used.items() if run >= self.run - 1}
        self.facts = {k: v for k, v in self.facts.items() if k in self.facts_used}
        self.digests = {k: v for k, v in self.digests.items() if v[2] >= self.run - 1}

    def digest(self, raw: bytes) -> bytes:
        """The SHA-256 of `raw`, worked out once for the very same bytes object (kept
        here, so its id names no other object while the entry lives)."""
        found = self.digests.get(id(raw))
        digest = found[1] if found is not None and found[0] is raw else sha256(raw)
        self.digests[id(raw)] = (raw, digest, self.run)
        return digest


class MemoView:
    stores_entries = False  # it keeps outcomes as they are

    def __init__(self, memo: Memo, prefix: bytes) -> None:
        self.memo = memo
        self.prefix = prefix

    def prefetch(self, sources: Sequence[Source], limit: int) -> None:
        pass

    def locate(self, source: Source, limit: int) -> Located:
        return locate_all(None, [source], limit)[0]

    def key(self, digest: bytes) -> bytes:
        return hashlib.sha256(self.prefix + digest).digest()

    def get(self, key: bytes, path: str) -> Optional[FileOutcome]:
        entry = self.memo.entries.get(key)
        if entry is None:
            return None
        self.memo.entries[key] = (self.memo.run, entry[1])
        return _at(entry[1], path)

    def put(self, key: bytes, outcome: FileOutcome, entry: Optional[bytes] = None) -> None:
        self.memo.entries[key] = (self.memo.run, _at(outcome, outcome.path))

    def linted(self, source: Source, digest: bytes) -> None:
        pass  # the memo keys by content only


def _at(outcome: FileOutcome, path: str) -> FileOutcome:
    """A copy found under `path`. The engine marks directives used as it applies
    them, so each run gets its own; the stored outcome never changes."""
    findings = outcome.findings
    if path != outcome.path:
        findings = [dataclasses.replace(f, path=path) for f in findings]
    return dataclasses.replace(outcome, path=path, findings=list(findings),
                               directives=[dataclasses.replace(d, used=set()) for d in outcome.directives])


def _checks_key(checks: Checks) -> bytes:
    # Rules are compared as the functions they run: a memo lives in one process.
    rules = [(r.code, r.name, id(r.check), id(r.summarize), id(r.check_run)) for r in checks.rules]
    parts = (rules, sorted((c, s.value) for c, s in checks.severity.items()), repr(checks.options),
             checks.today, checks.lang, checks.limits, checks.keep_text, checks.keep_facts, checks.keep_fixes,
             checks.due_within, checks.fixing)
    return hashlib.sha256(repr(parts).encode("utf-8")).digest()


class Layered:
    """The memo first, then the disk cache (a language server reading its workspace)."""

    stores_entries = True

    def __init__(self, memo: MemoView, disk: Any) -> None:
        self.memo, self.disk = memo, disk

    def prefetch(self, sources: Sequence[Source], limit: int) -> None:
        self.disk.prefetch(sources, limit)

    def locate(self, source: Source, limit: int) -> Located:
        return self.disk.locate(source, limit)  # type: ignore[no-any-return]

    def key(self, digest: bytes) -> Tuple[bytes, bytes]:
        return self.memo.key(digest), self.disk.key(digest)

    def get(self, key: Tuple[bytes, bytes], path: str) -> Optional[FileOutcome]:
        found = self.memo.get(key[0], path)
        if found is None:
            found = self.disk.get(key[1], path)
            if found is not None:
                self.memo.put(key[0], found)
        return found

    def put(self, key: Tuple[bytes, bytes], outcome: FileOutcome, entry: Optional[bytes] = None) -> None:
        self.memo.put(key[0], outcome)
        self.disk.put(key[1], outcome, entry)

    def linted(self, source: Source, digest: bytes) -> None:
        self.disk.linted(source, digest)
