"""The language server's one way into the engine: `planlint.engine.run.lint` and
`lint_texts` (the in-process entry point the CLI's `--fix` shares) with a long-lived `Memo`.

A `Linter` holds the workspace's plans as bytes and the memo of their outcomes,
so an edit costs one file's lint plus the cross-file pass: no file is read from
disk and no unchanged file is linted again. The first read of the workspace also
goes through the disk cache (.planlint_cache), so a restart is quick.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Set, Tuple

from planlint.config import Config, load_config
from planlint.discover import Source, discover, within
from planlint.engine.run import Settings, lint_texts, workspace_facts
from planlint.engine.memo import Memo
from planlint.model import Finding
from planlint.registry import Registry


def load_settings(folder: str, lang: Optional[str] = None, trusted: bool = True
                  ) -> Tuple[Config, Registry, Settings]:
    """The config found from `folder` upwards, its rules and settings, as `planlint FILE`
    run from that folder would use them (`lang` as --lang; no plugin of the config's
    unless `trusted`). Raises ConfigError for a broken config."""
    from planlint import config as configuration

    settings, registry = configuration.load_settings(start=folder, lang=lang, load_plugins=trusted)
    return load_config(None, False, start=folder), registry, settings


def workspace_sources(config: Config, folders: Sequence[str]) -> List[Source]:
    """The plans cross-file rules see: the config's `paths`, else the workspace folders.
    The config came with the branch: a path of it outside the workspace (`paths:
    [../../other-team]`, or a link there) is never read, nor jumped to."""
    tops = [os.path.realpath(folder) for folder in folders] or [os.path.realpath(config.root)]
    wanted = [config.resolve_path(p) for p in config.get("paths", [])] or list(folders)
    inside = [os.path.abspath(f) for f in wanted
              if os.path.isdir(f) and any(within(os.path.realpath(f), top) for top in tops)]
    from planlint.engine.gitignored import GitIgnored  # read after the first diagnostics

    # The editor's context is the command line's: what git ignores counts for neither.
    ignored = GitIgnored(inside) if config.get("respect-gitignore", True) else None
    found = discover(inside, config.get("exclude", []), config.root, ignored=ignored)
    return [Source(os.path.abspath(s.path)) for s in found]


@dataclass
class WorkspaceRead:
    """What reading a workspace's plans found, for `Linter.adopt`."""

    disk: Dict[str, Optional[bytes]]
    accounts: Dict[str, Optional[str]]
    memo: Memo
    seconds: float


class Linter:
    """Lints open texts against the workspace's other plans, under one config."""

    def __init__(self, config: Config, registry: Registry, settings: Settings) -> None:
        self.config, self.registry, self.settings = config, registry, settings
        self.memo = Memo()
        self.disk: Dict[str, Optional[bytes]] = {}  # absolute path -> bytes (None: unreadable)
        self.disk_accounts: Dict[str, Optional[str]] = {}  # absolute path -> account.id
        self.open_accounts: Dict[str, Optional[str]] = {}
        self.reading = False  # the workspace is being read (see read_workspace)
        self.changed_while_reading: Set[str] = set()

    def read_workspace(self, sources: Sequence[Source], use_cache: bool = True) -> WorkspaceRead:
        """The workspace's plans and their cross-file facts, in a memo of their own:
        this runs in a thread while the open texts are linted as before, with the
        linter's memo and without the workspace, until `adopt`."""
        started = time.perf_counter()
        disk = {source.path: _read(source.path, self.settings.limits.max_bytes) for source in sources}
        memo = Memo()
        workspace = [Source(path, data=raw) for path, raw in disk.items() if raw is not None]
        accounts = workspace_facts(workspace, self.registry, self.settings, memo,
                                   self.settings.cache_folder if use_cache else None)
        return WorkspaceRead(disk, accounts, memo, time.perf_counter() - started)

    def adopt(self, read: WorkspaceRead) -> None:
        """Lint against the workspace as read from now on; a plan that changed on disk
        while it was read is read again."""
        changed = sorted(self.changed_while_reading)
        self.disk, self.disk_accounts, self.memo = read.disk, read.accounts, read.memo
        self.reading, self.changed_while_reading = False, set()
        if changed:
            self.refresh(changed)

    def refresh(self, paths: Sequence[str]) -> None:
        """Workspace files changed on disk (or went away). One run over the whole
        workspace, so the memo keeps every other file's outcome (it forgets what a
        run does not use)."""
        if self.reading:
            self.changed_while_reading.update(paths)
        changed: Dict[str, bytes] = {}
        for path in paths:
            if os.path.isfile(path):
                self.disk[path] = _read(path, self.settings.limits.max_bytes)
                changed[path] = self.disk[path] or b""
            else:
                self.disk.pop(path, None)
                self.disk_accounts.pop(path, None)
        if changed:
            workspace = {path: raw for path, raw in self.disk.items() if path not in changed}
            result = lint_texts(changed, self.settings, workspace=workspace, registry=self.registry, memo=self.memo)
            self.disk_accounts.update(result.accounts)

    def lint(self, texts: Dict[str, str]) -> Dict[str, List[Finding]]:
        """Final findings for each open text, with the rest of the workspace as
        cross-file context (open buffers win over the disk), as `planlint FILE` gives."""
        workspace = {path: raw for path, raw in self.disk.items() if path not in texts}
        result = lint_texts(texts, self.settings, workspace=workspace, registry=self.registry, memo=self.memo)
        self.open_accounts = dict(result.accounts)
        found: Dict[str, List[Finding]] = {path: [] for path in texts}
        for finding in result.findings:
            found.setdefault(finding.path, []).append(finding)
        return found

    def accounts(self) -> Dict[str, str]:
        """account id -> the file that defines it (open buffers first, then the disk)."""
        merged = {**self.disk_accounts, **self.open_accounts}
        return {account: path for path, account in sorted(merged.items(), reverse=True) if account}


def _read(path: str, limit: int) -> Optional[bytes]:
    try:
        return Source(path).read(limit + 1)
    except OSError:
        return None
