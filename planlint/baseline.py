"""A baseline: today's findings, recorded so that only new ones are reported.

A finding's identity is its file, code, account, plan and data path (its
message where it has no data path), never its line, so edits elsewhere in the
file do not bring it back. Paths are stored relative to the baseline's folder.

This module owns the baseline file: reading it (once per run), matching a
run's findings, writing a new one and pruning fixed entries. It never exits:
every failure is a ConfigError whose message the CLI prints.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any, List, Sequence, Tuple

from planlint.errors import ConfigError, Unreadable, os_reason, reason_of
from planlint.messages import builtin_message
from planlint.model import Finding

FORMAT_VERSION = 1
Key = Tuple[str, ...]


@dataclass
class BaselineOutcome:
    kept: List[Finding]
    known: List[Finding]  # findings the baseline already holds
    stale: List[dict]     # baseline entries that matched nothing: fixed since


FIELDS = ("path", "code", "account", "plan", "node")


def _relative(path: str, folder: str) -> str:
    return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")


def _key(finding: Finding, folder: str) -> Key:
    path, *rest = finding.identity()
    return (_relative(path, folder), *rest)


def _entry(key: Key) -> dict:
    return dict(zip(FIELDS, key))


def _key_of(entry: dict) -> Key:
    return tuple(entry[field] for field in FIELDS)


def _document(keys: Sequence[Key]) -> str:
    entries = [_entry(key) for key in sorted(keys)]
    return json.dumps({"planlint-baseline": FORMAT_VERSION, "findings": entries},
                      ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: str, findings: Sequence[Finding]) -> None:
    """Record `findings` as the baseline in `path`, atomically."""
    folder = os.path.dirname(os.path.abspath(path))
    _write(path, _document([_key(f, folder) for f in findings]))


def _write(path: str, content: str) -> None:
    from planlint.atomic import write_report

    try:
        write_report(path, content)
    except OSError as exc:  # the old baseline, if any, is left as it was
        raise ConfigError(builtin_message("baseline_unwritable", path=path, reason=os_reason(exc))) from None


MAX_BASELINE_BYTES = 100_000_000


def read_json(path: str) -> Any:
    """A JSON file that came with the pull request (a baseline, a previous report):
    a FIFO or device, more than 100 MB or 100,000 levels of brackets is a ValueError
    or OSError, never a hang, a blow-up or a RecursionError."""
    from planlint.discover import Source

    raw = Source(path).read(MAX_BASELINE_BYTES + 1)
    if len(raw) > MAX_BASELINE_BYTES:
        raise Unreadable(builtin_message("json_too_big", limit=f"{MAX_BASELINE_BYTES:,}"))
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise Unreadable(builtin_message("json_too_deep")) from None


def _read_keys(path: str) -> List[Key]:
    """A baseline comes with the pull request: a FIFO, /dev/zero, 100,000 levels of
    brackets or entries of the wrong shape are a clear error, never a hang or a crash."""
    try:
        document = read_json(path)
        if not isinstance(document, dict) or document.get("planlint-baseline") != FORMAT_VERSION:
            raise Unreadable(builtin_message("not_a_baseline"))
        entries = document["findings"]
        if not isinstance(entries, list) or not all(_well_formed(entry) for entry in entries):
            raise Unreadable(builtin_message("baseline_bad_findings"))
        return [_key_of(entry) for entry in entries]
    except FileNotFoundError:
        raise ConfigError(builtin_message("baseline_missing", path=path)) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(builtin_message("baseline_unreadable", path=path, reason=reason_of(exc))) from None


def _well_formed(entry: object) -> bool:
    return isinstance(entry, dict) and all(isinstance(entry.get(field), str) for field in FIELDS)


@dataclass
class Baseline:
    """A baseline file as read: matched against a run, then pruned without a second read."""

    path: str
    keys: List[Key]

    @classmethod
    def read(cls, path: str) -> "Baseline":
        return cls(path, _read_keys(path))

    def match(self, findings: Sequence[Finding], linted: Sequence[str]) -> BaselineOutcome:
        """Hide findings the baseline holds, each entry at most once. An entry is stale
        only when its file was linted in this run and nothing matched it."""
        folder = os.path.dirname(os.path.abspath(self.path))
        remaining: Counter = Counter(self.keys)
        kept, known = [], []
        for finding in findings:
            key = _key(finding, folder)
            if remaining[key] > 0:
                remaining[key] -= 1
                known.append(finding)
            else:
                kept.append(finding)
        linted_paths = {_relative(p, folder) for p in linted}
        stale = [_entry(key) for key, count in sorted(remaining.items()) for _ in range(count)
                 if key[0] in linted_paths]
        return BaselineOutcome(kept, known, stale)

    def prune(self, stale: Sequence[dict]) -> None:
        """Rewrite the file without its stale entries, atomically."""
        remaining: Counter = Counter(self.keys)
        remaining.subtract(Counter(_key_of(entry) for entry in stale))
        _write(self.path, _document(list(remaining.elements())))
