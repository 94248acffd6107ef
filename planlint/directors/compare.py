"""`--compare PREVIOUS.json`: what changed since an earlier run's JSON report.

Findings are matched as the baseline matches them (planlint/baseline.py): by
file, code, account, plan and data path, never by line, so an edit elsewhere in
the file does not make an old finding look new. A report written before JSON
findings carried `data_path` is matched by message instead.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

from planlint.api import visible
from planlint.model import Finding
from planlint.errors import ConfigError, reason_of
from planlint.messages import builtin_message

Key = Tuple[str, ...]
_REQUIRED = ("path", "code", "severity")
_TEXT_OR_NULL = ("account", "plan", "data_path", "message")
_SEVERITIES = ("error", "warning", "info")


@dataclass
class Trend:
    source: str                      # the previous report's file name, as given
    new: Set[Finding] = field(default_factory=set)
    fixed: List[dict] = field(default_factory=list)  # previous findings that matched nothing now
    previous: Dict[str, List[dict]] = field(default_factory=dict)  # path -> that file's previous findings

    def summary(self, lang: str = "en") -> str:
        if lang == "zh":
            return f"与 {self.source} 相比：新增 {len(self.new)} 个问题，修复 {len(self.fixed)} 个。"
        return f"+{len(self.new)} new, -{len(self.fixed)} fixed since {self.source}."


def read_previous(path: str) -> List[dict]:
    """The findings of a JSON report (`--format json`); a ConfigError says what is wrong."""
    what = f"--compare {path}"
    from planlint.baseline import read_json

    try:
        document = read_json(path)  # a FIFO, /dev/zero or deep brackets: an error, not a hang
    except FileNotFoundError:
        raise ConfigError(builtin_message("previous_missing", what=what, path=path)) from None
    except (OSError, ValueError) as exc:
        raise ConfigError(builtin_message("previous_unreadable", what=what, reason=reason_of(exc))) from None
    if not isinstance(document, list):
        raise ConfigError(builtin_message("previous_not_list", what=what))
    for index, entry in enumerate(document):
        if not _is_finding(entry):
            raise ConfigError(builtin_message("previous_bad_entry", what=what, index=index + 1, fields=", ".join(_REQUIRED)))
    # The earlier report came with the pull request too: its text reaches the HTML only as escapes.
    return [{key: visible(value) if isinstance(value, str) else value for key, value in entry.items()}
            for entry in document]


def _is_finding(entry: object) -> bool:
    """A finding as `--format json` writes it: text where it has text, text or null where it may."""
    return (isinstance(entry, dict) and all(isinstance(entry.get(key), str) for key in _REQUIRED)
            and entry["severity"] in _SEVERITIES
            and all(isinstance(entry.get(key), (str, type(None))) for key in _TEXT_OR_NULL))


def norm_path(path: str) -> str:
    """Both reports name files as found from the arguments; `plans/a.yaml` and
    `./plans/a.yaml` or its absolute path are one file (relative to this run's folder)."""
    return os.path.abspath(path).replace(os.sep, "/")


def _key(path: str, code: str, account: Optional[str], plan: Optional[str], node: Optional[str]) -> Key:
    return (norm_path(path), code, account or "", plan or "", node or "")


def _entry_key(entry: dict, by_path: bool) -> Key:
    node = entry.get("data_path") if by_path else None
    return _key(entry["path"], entry["code"], entry.get("account"), entry.get("plan"),
                node if node is not None else entry.get("message"))


def _finding_key(finding: Finding, by_path: bool) -> Key:
    node = finding.data_path if by_path and finding.data_path is not None else finding.message
    return _key(finding.path, finding.code, finding.account, finding.plan, node)


def compare(previous: Sequence[dict], findings: Sequence[Finding], linted: Sequence[str], source: str) -> Trend:
    """New findings, and previous ones fixed since; a file not linted now has nothing fixed."""
    by_path = any("data_path" in entry for entry in previous)
    remaining: Counter = Counter(_entry_key(e, by_path) for e in previous)
    trend = Trend(os.path.basename(source))
    for finding in findings:
        key = _finding_key(finding, by_path)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            trend.new.add(finding)
    linted_paths = {norm_path(p) for p in linted}
    for entry in previous:
        key = _entry_key(entry, by_path)
        if key[0] in linted_paths:
            trend.previous.setdefault(key[0], []).append(entry)
            if remaining[key] > 0:
                remaining[key] -= 1
                trend.fixed.append(entry)
    return trend
