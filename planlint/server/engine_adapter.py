"""The language server's one way into the engine.

Issue 18 is landing a public in-process entry point ("lint these texts as these
paths, with this workspace as cross-file context, under these settings"); until it
is on main, every call the server makes into the engine's internals is here, so
switching is a change to this file only.

A `Linter` keeps the workspace's per-file outcomes (the small facts that
cross-file rules compare) in memory, so an edit costs one file's lint plus the
cross-file pass, never a re-read of the workspace.
"""
from __future__ import annotations

import os
from typing import Dict, List, Optional, Sequence, Tuple

from planlint.api import Finding
from planlint.baseline import apply_baseline, read_baseline
from planlint.config import Config, check_rule_references, choose_language, load_config
from planlint.discover import Source, discover
from planlint.engine import Settings, _cross_file_findings, _finish_file, prepare
from planlint.filelint import FileOutcome, Job, lint_file
from planlint.registry import Registry, load_registry
from planlint.workers import default_jobs, run_jobs


def load_settings(folder: str) -> Tuple[Config, Registry, Settings]:
    """The config found from `folder` upwards, its rules and settings, as `planlint FILE`
    run from that folder would use them. Raises ConfigError for a broken config."""
    from planlint.cli import _plugin_ref, _settings

    config = load_config(None, False, start=folder)
    registry = load_registry([_plugin_ref(config, p) for p in config.get("plugins", [])])
    check_rule_references(config, registry)
    settings = _settings(config, (), (), None, choose_language(None, config))
    if config.get("baseline"):
        settings.baseline = config.resolve_path(config.get("baseline"))
    return config, registry, settings


def workspace_sources(config: Config, folders: Sequence[str]) -> List[Source]:
    """The plans cross-file rules see: the config's `paths`, else the workspace folders."""
    wanted = [config.resolve_path(p) for p in config.get("paths", [])] or list(folders)
    found = discover([os.path.abspath(f) for f in wanted if os.path.isdir(f)],
                     config.get("exclude", []), config.root)
    return [Source(os.path.abspath(s.path)) for s in found]


class Linter:
    """Lints open texts against the workspace's other plans, under one config."""

    def __init__(self, config: Config, registry: Registry, settings: Settings) -> None:
        self.config, self.registry, self.settings = config, registry, settings
        self.prepared = prepare(registry, settings)
        self.job = Job(tuple(self.prepared.enabled.values()), self.prepared.severity,
                       self.prepared.options, settings.today, settings.limits, settings.lang)
        self.disk: Dict[str, FileOutcome] = {}  # absolute path -> outcome of the file on disk
        self.baseline = read_baseline(settings.baseline) if settings.baseline else None

    def load_workspace(self, sources: Sequence[Source], use_cache: bool = True) -> None:
        cache = None
        if use_cache:
            from planlint.cache import Cache

            cache = Cache(os.path.join(self.config.root, ".planlint_cache"), self.job)
        outcomes = run_jobs(sources, self.job, default_jobs(len(sources)), None, cache)
        self.disk = {o.path: o for o in outcomes}

    def refresh(self, path: str) -> None:
        """A workspace file changed on disk (or went away)."""
        if os.path.isfile(path):
            self.disk[path] = lint_file(Source(path), self.job)
        else:
            self.disk.pop(path, None)

    def lint_text(self, path: str, text: str) -> FileOutcome:
        return lint_file(Source(path, data=text.encode("utf-8")), self.job)

    def finish(self, open_files: Dict[str, FileOutcome]) -> Dict[str, List[Finding]]:
        """Final findings for each open file: cross-file rules over the open files and
        the rest of the workspace (open buffers win over the disk), then per-file
        ignores, suppressions and the baseline, as the engine does for a run."""
        outcomes = list(open_files.values())
        context = [o for path, o in self.disk.items() if path not in open_files]
        extra, _ = _cross_file_findings(outcomes, context, self.job)
        done: Dict[str, List[Finding]] = {}
        for outcome in outcomes:
            kept, _ = _finish_file(outcome, extra.get(outcome.path, []), self.prepared, self.registry,
                                   self.settings, self.job)
            kept.sort(key=Finding.sort_key)
            if self.baseline is not None and self.settings.baseline is not None:
                kept = apply_baseline(kept, self.baseline, self.settings.baseline, [outcome.path]).kept
            done[outcome.path] = kept
        return done

    def accounts(self) -> Dict[str, str]:
        """account id -> the file that defines it, over the workspace on disk."""
        return {o.account: path for path, o in sorted(self.disk.items()) if o.account}

    def account_of(self, path: str) -> Optional[str]:
        outcome = self.disk.get(path)
        return outcome.account if outcome is not None else None
