"""Making plan text safe for formats that would otherwise read it as markup or commands."""
from __future__ import annotations

import re

# XML 1.0 allows tab, newline, carriage return and most printable characters only.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Replace characters XML cannot carry at all (escaping of <, & is the writer's job)."""
    return _XML_INVALID.sub("\ufffd", text)


_COMMAND_AT_START = re.compile(r"^([^\S\n]*):(?=:)", re.MULTILINE)


def workflow_safe(text: str) -> str:
    """Text for a GitHub Actions log that the runner cannot read as a workflow command:
    a zero-width space splits `::` at a line start (after spaces) and every `##[`."""
    return _COMMAND_AT_START.sub("\\1:\u200b", text.replace("##[", "##\u200b["))


def github_data(text: str) -> str:
    """The message part of a workflow command: a newline must not start a new command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def markdown_cell(text: str) -> str:
    """Text for a Markdown table cell: no pipes, no markup, no HTML."""
    text = re.sub(r"[\r\n]+", " ", text)
    return re.sub(r"([\\\\`*_{}\[\]<>()#+!|~-])", r"\\\1", text)
