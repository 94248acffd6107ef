"""Reporters turn one Result into one output text; none re-reads files or re-runs rules."""
from __future__ import annotations

from importlib import import_module
from typing import Callable, FrozenSet, Iterable

FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "html")
# The HTML report has parts of its own and lives in a subpackage.
_MODULES = {name: f"planlint.reporters.{name}_format" for name in FORMATS} | {"html": "planlint.reporters.html.page"}


def needs_of(formats: Iterable[str]) -> FrozenSet[str]:
    """What the chosen reports read of a run beyond its findings: "text" (source lines),
    "calendar" (each account's calendar, the directors' report), "fixes" (each finding's
    fix), "due" (what falls due soon). Each format's module declares its NEEDS; a run
    keeps only what these need (a run for a text report computes no fix)."""
    found: FrozenSet[str] = frozenset()
    for name in formats:
        found |= import_module(_MODULES[name]).NEEDS
    return found


def get_reporter(name: str) -> Callable[..., str]:
    """The `render(result, registry, color=False, lang="en")` function of a format."""
    return import_module(_MODULES[name]).render


def get_chunks(name: str) -> Callable[..., Iterable[str]]:
    """The report in pieces, for writing it as it is made: the `chunks(...)` of a
    format that streams (json, text, github, junit), else its whole text as one piece.
    A run with 80,000 findings then never holds its report as one string."""
    module = import_module(_MODULES[name])
    chunks = getattr(module, "chunks", None)
    if chunks is not None:
        return chunks  # type: ignore[no-any-return]
    return lambda *args, **kwargs: (module.render(*args, **kwargs),)
