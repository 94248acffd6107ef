"""Errors that end a run with exit status 2 and a message for people, never a traceback."""
from __future__ import annotations

from typing import Union

from planlint.api import Text


class ConfigError(Exception):
    """A usage or configuration mistake: exit status 2 with this message, in the run's language."""

    def __init__(self, message: Union[str, Text]) -> None:
        super().__init__(message if isinstance(message, str) else message.render("en"))
        self.message = message

    def render(self, lang: str = "en") -> str:
        return self.message if isinstance(self.message, str) else self.message.render(lang)
