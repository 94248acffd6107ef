"""What the command prints that is not a report: status lines, errors, the exit for a
usage or configuration problem; all in the run's language."""
from __future__ import annotations

import os
import sys
from typing import Any, NoReturn, Union

import click

from planlint.api import Text
from planlint.cli import language as cli_language
from planlint.messages import builtin_message


def language() -> str:
    """The run's language: --lang, the config's `lang`, the locale (planlint.cli.language)."""
    return cli_language.language()


def say(name: str, **args: Any) -> str:
    """One of planlint's messages, in the run's language."""
    return builtin_message(name, **args).render(language())


def shown(text: str) -> str:
    """What planlint prints, as printed: in a GitHub Actions run (GITHUB_ACTIONS=true) text
    taken from plans, file names or configs cannot be read as a workflow command."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return text
    from planlint.reporters.escape import workflow_safe

    return workflow_safe(text)


def status(message: Union[str, Text]) -> None:
    """A line on standard error that is not a finding: `planlint: wrote 3 findings to the baseline …`."""
    lang = language()
    said = message.render(lang) if isinstance(message, Text) else message
    click.echo(shown(("planlint: " if lang == "en" else "planlint：") + said), err=True)


def fail(message: Union[str, Text, Exception]) -> NoReturn:
    """The error that ends the run with status 2: no verdict on the plans."""
    from planlint.errors import ConfigError

    lang = language()
    if isinstance(message, (ConfigError, Text)):
        message = message.render(lang)
    click.echo(shown(f"planlint: error: {message}" if lang == "en" else f"planlint：错误：{message}"), err=True)
    sys.exit(2)


def use_color(choice: str) -> bool:
    """--color always|never wins; auto: NO_COLOR (set to anything but empty) turns colour off
    even with FORCE_COLOR (as no-color.org asks), FORCE_COLOR turns it on in CI logs, else a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR", ""):
        return False
    return os.environ.get("FORCE_COLOR", "") not in ("", "0") or sys.stdout.isatty()
