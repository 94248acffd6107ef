"""The cross-file index: what the rules that compare files read of each file (its
account id and each rule's `summarize` facts), by content, so a run with thousands
of unchanged context files stats them and reads their facts: it parses none
(a file's content digest: planlint.engine.locate).
"""
from __future__ import annotations

import datetime
import hashlib
import json
import marshal
import zlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple

from planlint.api import FileFacts
from planlint.discover import Source
from planlint.engine.cachecodec import decode, encode
from planlint.engine.locate import digest_linted, locate_all, sha256, store_path
from planlint.engine.outcome import Checks, FileOutcome, interned
from planlint.engine.snapshot import Snapshot

if TYPE_CHECKING:
    from planlint.engine.memo import Memo
    from planlint.engine.store import Store

FACTS_DAY = datetime.date(2000, 1, 1)  # the one date in the facts' key
Facts = Tuple[Optional[str], Dict[str, List[Tuple[Any, Any]]]]  # account id, rule code -> summarize facts


class FactsIndex:
    """Cross-file facts by content, in the store (across runs) and the memo (in a server)."""

    def __init__(self, checks: Checks, store: Optional[Store], memo: Optional[Memo]) -> None:
        # Facts depend on neither what the reports keep nor the date, the language or
        # the cap of a fix run (a rule's `summarize` may not read them): one entry serves
        # every run, so the first commit of a day does not read 10,000 plans again.
        facts_checks = replace(checks, keep_text=False, keep_facts=False, keep_fixes=False, today=FACTS_DAY,
                               lang="en", due_within=None, fixing=False)
        self.store, self.memo = store, memo
        self.limit = checks.limits.max_bytes + 1
        self.facts: Dict[bytes, Facts] = memo.facts if memo is not None else {}
        self.memo_prefix = memo.checks_key(facts_checks) if memo is not None else b""
        self.store_prefix = b""
        self.snapshot: Optional[Snapshot] = None
        if store is not None:
            from planlint.engine.cache import checks_key

            self.store_prefix = checks_key(facts_checks, store) + b"facts"
            self.snapshot = Snapshot(store, _key(self.store_prefix, b"snapshot"), checks.rules, checks.options)

    def needed(self, context: Sequence[Source], reported: Sequence[FileOutcome]) -> List[int]:
        """Which `context` files the cross-file rules need for the `reported` ones: all,
        unless the snapshot holds which unchanged files relate to them."""
        snapshot = self.snapshot
        if snapshot is None or not snapshot.narrows:
            return list(range(len(context)))
        unchanged = snapshot.unchanged_among(context)
        rule_facts = {code: [FileFacts(o.path, o.account, tuple(o.facts.get(code, ()))) for o in reported]
                      for code in snapshot.rules}
        try:
            related = snapshot.related(rule_facts)
        except Exception:  # noqa: BLE001 - a plugin's `related` that fails: every file is context
            return list(range(len(context)))
        keep = set(range(len(context))) - set(unchanged.values())
        keep.update(unchanged[where] for where in related if where in unchanged)
        return sorted(keep)

    def known(self, sources: Sequence[Source]) -> Dict[int, FileOutcome]:
        """The facts of those `sources` the index holds, by their index in `sources`."""
        located = locate_all(self.store, sources, self.limit, self.memo.digest if self.memo is not None else sha256)
        digests = {i: d for i, (_, d) in enumerate(located) if d is not None}
        missing = [d for d in digests.values() if _key(self.memo_prefix, d) not in self.facts]
        stored = self.store.entries(_key(self.store_prefix, d) for d in missing) if self.store and missing else {}
        found: Dict[int, FileOutcome] = {}
        for i, digest in digests.items():
            memo_key = _key(self.memo_prefix, digest)
            facts = self.facts.get(memo_key)
            if facts is None and stored:
                body = stored.get(_key(self.store_prefix, digest))
                facts = _decode(body) if body is not None else None
                if facts is not None:
                    self.facts[memo_key] = facts
            if facts is not None:
                self.used(memo_key)
                found[i] = FileOutcome(sources[i].path, account=facts[0], facts=facts[1])
                self._note(sources[i], digest, facts)
        return found

    def record(self, linted: Iterable[Tuple[Source, FileOutcome]], checks: Checks) -> None:
        """Keep the facts of files linted in full in this run."""
        cross = [rule.code for rule in checks.rules if rule.summarize is not None]
        fresh: Dict[bytes, Facts] = {}
        for source, outcome in linted:
            digest = digest_linted(self.store, source)
            if digest is None or outcome.errors:
                continue
            facts = (outcome.account, {code: outcome.facts[code] for code in cross if code in outcome.facts})
            self._note(source, digest, facts)
            memo_key = _key(self.memo_prefix, digest)
            if memo_key not in self.facts:
                self.facts[memo_key] = facts
                fresh[_key(self.store_prefix, digest)] = facts
            self.used(memo_key)
        if self.snapshot is not None:
            self.snapshot.write_if_stale()
        if self.store is None or not fresh:
            return
        have = self.store.existing(list(fresh))
        for key, facts in fresh.items():
            if key not in have:
                body = _encode(facts)
                if body is not None:
                    self.store.put(key, body)

    def _note(self, source: Source, digest: bytes, facts: Facts) -> None:
        """The snapshot's row of a file read here, when the store saw its stat."""
        if self.snapshot is None or self.store is None or source.data is not None:
            return
        row = self.store.files.get(store_path(source))
        if row is not None and row[4] == digest:
            self.snapshot.note(source, row, facts[1], facts[0])

    def used(self, key: bytes) -> None:
        if self.memo is not None:
            self.memo.facts_used[key] = self.memo.run


def _key(prefix: bytes, digest: bytes) -> bytes:
    return hashlib.sha256(prefix + digest).digest()


def _encode(facts: Facts) -> Optional[bytes]:
    """Plain facts (text, numbers, tuples, lists, text-keyed dicts: the built-in rules')
    in marshal's format, compressed (a third of the size), which 10,000 files read in
    milliseconds; others as JSON through cachecodec. Either is read only after the
    store checked its HMAC, and builds values only: no code runs."""
    if _plain(facts):
        return b"m" + zlib.compress(marshal.dumps(facts, 4), 6)
    try:
        return b"j" + json.dumps(encode(list(facts)), ensure_ascii=False, separators=(",", ":")).encode()
    except (TypeError, ValueError):
        return None  # facts JSON cannot say are just not remembered


def _plain(value: Any) -> bool:
    """Values marshal writes and reads back as they were: text, bytes, numbers, tuples,
    lists and text-keyed dicts of them (a plugin's facts may be anything else)."""
    if value is None or type(value) in (str, int, float, bool, bytes):
        return True
    if type(value) in (tuple, list):
        return all(_plain(v) for v in value)
    return type(value) is dict and all(type(k) is str and _plain(v) for k, v in value.items())


def _decode(body: bytes) -> Optional[Facts]:
    try:
        if body[:1] == b"m":
            account, facts = marshal.loads(zlib.decompress(body[1:]))
        else:
            account, facts = decode(json.loads(body[1:]))
        if (account is None or isinstance(account, str)) and isinstance(facts, dict):
            # one copy of each data path for 10,000 files
            return account, {code: [(interned(path), fact) for path, fact in items] for code, items in facts.items()}
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is a miss
        pass
    return None
