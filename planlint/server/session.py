"""What the server knows between messages: one project per config file (its linter
and the workspace's plans), the open documents' latest outcomes, and what was
published, so only diagnostics that changed are sent again."""
from __future__ import annotations

import gc
import logging
import os
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

from planlint.config import find_config, language_before_settings
from planlint.model import Finding
from planlint.errors import ConfigError
from planlint.messages import builtin_message
from planlint.server.engine_adapter import Linter, WorkspaceRead, load_settings, workspace_sources

log = logging.getLogger(__name__)


@dataclass
class Project:
    """Everything linted under one config file (or under no config)."""

    key: str
    linter: Optional[Linter] = None
    error: Optional[str] = None  # a broken config: reported on every open file, nothing linted
    load_seconds: float = 0.0
    unread: bool = True  # the workspace's plans are read after the first diagnostics


@dataclass
class OpenFile:
    uri: str
    path: str  # absolute
    project: Project
    findings: List[Finding] = field(default_factory=list)
    crash: Optional[str] = None


class Session:
    def __init__(self, use_cache: bool = True) -> None:
        self.folders: List[str] = []  # workspace folders, absolute
        self.use_cache = use_cache
        # What the client said at initialization: the language ("auto": as the CLI
        # decides it) and whether the workspace is trusted to run its plugins (a
        # reviewer opening a pull request's branch must not run its author's code).
        self.lang: Optional[str] = None
        self.trusted = False
        self.notices: List[str] = []  # for the editor to show once each
        self.projects: Dict[str, Project] = {}  # by config path ("" without a config)
        self.by_folder: Dict[str, Project] = {}  # a document's folder -> its project
        self.by_config_file: Dict[str, Project] = {}  # the config file found ("" for none) -> its project
        self.open: Dict[str, OpenFile] = {}  # by uri

    def project_for(self, path: str) -> Project:
        folder = os.path.dirname(path)
        project = self.by_folder.get(folder)
        if project is None:
            project = self._load_project(folder)
            self.by_folder[folder] = project
        return project

    def _load_project(self, folder: str) -> Project:
        try:
            # A plan in a subfolder shares its workspace's config: its rules are loaded once.
            found = find_config(folder) or ""
            if found in self.by_config_file:
                return self.by_config_file[found]
            config, registry, settings = load_settings(folder, self.lang, self.trusted)
        except ConfigError as exc:
            return self._broken(folder, exc.render(language_before_settings(None, start=folder)))
        except Exception as exc:  # never down: whatever stops the config is shown, not raised
            log.error("planlint: reading the configuration from %s failed", folder, exc_info=True)
            return self._broken(folder, f"planlint: internal error reading the configuration: {exc}")
        key = config.path or ""
        if key in self.projects:
            return self.projects[key]
        if not self.trusted and config.get("plugins"):
            self.notices.append(builtin_message(
                "plugins_not_trusted", config=config.path, plugins=", ".join(config.get("plugins"))
            ).render(settings.lang))
        project = Project(key, Linter(config, registry, settings))
        self.projects[key] = project
        self.by_config_file[found] = project
        return project

    def begin_read(self, project: Project) -> Optional[Callable[[], WorkspaceRead]]:
        """The read of the project's workspace plans for the cross-file rules (the
        cache's index makes unchanged ones cheap), to run once, in any thread: nothing
        the lints of the open files use changes until `finish_read`. None if begun already."""
        if not project.unread or project.linter is None:
            return None
        project.unread = False
        linter, folders, use_cache = project.linter, list(self.folders), self.use_cache
        linter.reading = True
        return lambda: linter.read_workspace(workspace_sources(linter.config, folders), use_cache)

    def finish_read(self, project: Project, read: Future) -> bool:
        """Adopt what the read found. True if the project's open files may lint
        differently now (False: the read failed, or a config changed meanwhile)."""
        if project.linter is None or self.projects.get(project.key) is not project:
            return False
        try:
            found = read.result()
        except Exception:  # the open files are still linted, without the workspace's plans
            log.error("planlint: reading the workspace's plans failed", exc_info=True)
            project.linter.reading = False
            return False
        project.linter.adopt(found)
        # The workspace's facts live as long as the server: the collector need
        # not walk them again on every full pass.
        gc.collect()
        gc.freeze()
        project.load_seconds = found.seconds
        log.info("planlint: %d workspace plans ready in %.2f s", len(found.disk), found.seconds)
        return True

    def _broken(self, folder: str, message: str) -> Project:
        key = f"error:{folder}"
        return self.projects.setdefault(key, Project(key, error=message))

    def reset(self) -> None:
        """A config changed: every project is read again (the cache keeps it quick)."""
        self.projects.clear()
        self.by_folder.clear()
        self.by_config_file.clear()
        for item in self.open.values():
            item.project = self.project_for(item.path)

    def open_in(self, project: Project) -> List[OpenFile]:
        return [item for item in self.open.values() if item.project is project]

    def disk_changed(self, paths: Sequence[str]) -> None:
        for project in self.projects.values():
            if project.linter is not None:
                mine = [p for p in paths if p in project.linter.disk or self._inside(p, project)]
                if mine:
                    project.linter.refresh(mine)

    def _inside(self, path: str, project: Project) -> bool:
        assert project.linter is not None
        config = project.linter.config
        roots = [config.resolve_path(p) for p in config.get("paths", [])] or self.folders
        return any(os.path.abspath(path).startswith(os.path.abspath(root) + os.sep) for root in roots)
