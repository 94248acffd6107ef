"""Reporters turn one Result into one output text; none re-reads files or re-runs rules."""
from __future__ import annotations

from importlib import import_module
from typing import Callable

FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "html")


def get_reporter(name: str) -> Callable[..., str]:
    """The `render(result, registry, color=False, lang="en")` function of a format."""
    return import_module(f"planlint.reporters.{name}_format").render
