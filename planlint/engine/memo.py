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
from typing import Dict, Optional, Tuple

from planlint.engine.one_file import Checks, FileOutcome


class Memo:
    def __init__(self) -> None:
        self.entries: Dict[str, Tuple[int, FileOutcome]] = {}  # key -> (run it was last used in, outcome)
        self.run = 0

    def bind(self, checks: Checks) -> "MemoView":
        """The cache interface that planlint.engine.workers.lint_files uses, for one set of checks."""
        return MemoView(self, _checks_key(checks))

    def next_run(self) -> None:
        """Call once per lint: forget what the previous two runs did not use."""
        self.run += 1
        self.entries = {k: v for k, v in self.entries.items() if v[0] >= self.run - 1}


class MemoView:
    def __init__(self, memo: Memo, prefix: bytes) -> None:
        self.memo = memo
        self.prefix = prefix

    def key(self, raw: bytes) -> str:
        return hashlib.sha256(self.prefix + raw).hexdigest()

    def get(self, key: str, path: str) -> Optional[FileOutcome]:
        entry = self.memo.entries.get(key)
        if entry is None:
            return None
        self.memo.entries[key] = (self.memo.run, entry[1])
        return _at(entry[1], path)

    def put(self, key: str, outcome: FileOutcome) -> None:
        self.memo.entries[key] = (self.memo.run, _at(outcome, outcome.path))


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
             checks.today, checks.lang, checks.limits, checks.keep_text, checks.keep_facts, checks.keep_fixes)
    return hashlib.sha256(repr(parts).encode("utf-8")).digest()
