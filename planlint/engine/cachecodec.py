"""Outcomes <-> JSON for the cache, so that reading an entry can never run code.

Plain values stay as they are; what JSON cannot say is wrapped in a one-key
object: a tuple `{"t": [...]}`, a set `{"s": [...]}`, a mapping `{"d": {...}}`
(or `{"m": [[k, v], ...]}` when a key is not text), a date `{"date": "..."}`,
and planlint's own dataclasses and enums by name. Decoding builds only those:
a name outside planlint's loaded modules, or one that is not a dataclass or
enum, is refused, and nothing is ever imported.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import sys
from typing import Any

from planlint.engine.outcome import interned

_PLAIN = (str, int, float, bool, type(None))
_SHARED_LENGTH = 8


def encode(value: Any) -> Any:
    if isinstance(value, enum.Enum):  # before the plain types: Severity is also a str
        return {"e": _name(type(value)), "v": value.value}
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"s": [encode(v) for v in sorted(value, key=repr)]}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {"d": {k: encode(v) for k, v in value.items()}}
        return {"m": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"c": _name(type(value)),
                "f": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(value: Any) -> Any:
    """Text is interned and tuples shared: a warm run of 10,000 plans holds every
    finding's rule, account, plan and data path, which recur across files."""
    if type(value) is str:
        return sys.intern(value)
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict) or len(value) not in (1, 2):
        raise ValueError("not a cache value")
    if "t" in value:
        items = tuple(decode(v) for v in value["t"])
        # data paths and the like recur in every file; a file's own long tuples (where
        # its plans and facts stand) do not
        return interned(items) if len(items) <= _SHARED_LENGTH else items
    if "s" in value:
        return set(decode(v) for v in value["s"])
    if "d" in value:
        return {sys.intern(k): decode(v) for k, v in value["d"].items()}
    if "m" in value:
        return {decode(k): decode(v) for k, v in value["m"]}
    if "date" in value:
        return dt.date.fromisoformat(value["date"])
    if "e" in value:
        kind = _known(value["e"])
        if not (isinstance(kind, type) and issubclass(kind, enum.Enum)):
            raise ValueError("not an enum")
        return kind(value["v"])
    kind = _known(value["c"])
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
        raise ValueError("not a dataclass")
    return kind(**{k: decode(v) for k, v in value["f"].items()})


def _name(kind: type) -> str:
    if kind.__module__ != "planlint" and not kind.__module__.startswith("planlint."):
        raise TypeError(f"cannot cache a {kind.__name__} from outside planlint")
    return f"{kind.__module__}:{kind.__qualname__}"


def _known(name: str) -> Any:
    """A class of one of planlint's already-loaded modules; never an import."""
    module_name, _, qualname = name.partition(":")
    if module_name != "planlint" and not module_name.startswith("planlint."):
        raise ValueError("not planlint's")
    found: Any = sys.modules[module_name]
    for part in qualname.split("."):
        if part.startswith("__"):
            raise ValueError("not a class name")
        found = getattr(found, part)
    return found
