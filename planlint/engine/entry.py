"""A file's outcome as the disk cache keeps it: JSON through cachecodec (never
pickle: reading an entry builds only plain values and planlint's own dataclasses),
compressed with a dictionary of the names every entry spells out. The path is
stored but not trusted: a hit is re-stamped with the path it is found under."""
from __future__ import annotations

import functools
import json
import zlib
from typing import Optional

from planlint.engine.cachecodec import decode, encode
from planlint.engine.outcome import FileOutcome


def entry_of(outcome: FileOutcome) -> Optional[bytes]:
    try:
        text = json.dumps(encode(outcome), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):
        return None  # an outcome holding something JSON cannot say is just not remembered
    return pack(text)


def outcome_of(entry: bytes) -> Optional[FileOutcome]:
    """The outcome an entry holds, or None for anything else (then it is a miss)."""
    _load_entry_classes()
    try:
        outcome = decode(json.loads(unpack(entry)))
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is a miss
        return None
    return outcome if isinstance(outcome, FileOutcome) else None


def pack(text: bytes) -> bytes:
    """An entry's JSON compressed as the cache keeps it."""
    packer = zlib.compressobj(6, zdict=_dictionary())
    return packer.compress(text) + packer.flush()


def unpack(entry: bytes) -> bytes:
    return zlib.decompressobj(zdict=_dictionary()).decompress(entry)


@functools.lru_cache(maxsize=None)
def _dictionary() -> bytes:
    """What every entry spells out (class and field names), for zlib to refer to
    instead: entries of about 1 KB come out a quarter smaller, and a first run of
    10,000 plans holds them all until it writes them."""
    from planlint.model import Finding, Severity

    finding = Finding("", 1, 1, 1, 1, "PL", "", Severity.WARNING, "", "", "", "plans[0].")
    outcome = FileOutcome("", findings=[finding, finding], account="", plan_extents=(1, 1, 1, ""),
                          facts={"PL": ((("plans", 0), ""),)}, spans=((("plans", 0), "value"), 1, 1, 1, 1))
    return json.dumps(encode(outcome), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _load_entry_classes() -> None:
    """cachecodec builds only classes of modules already loaded. A run loads the fix,
    facts and suppression modules only when it needs them, so an entry holding a Fix,
    the account facts or a directive would be a miss in a new process unless they are
    loaded here (and only here: a run whose outcomes all come from the index needs none)."""
    from planlint import fixes, suppress  # noqa: F401
    from planlint.directors import calendar, due  # noqa: F401
