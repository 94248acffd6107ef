"""What git ignores below the folders a run walks (`.gitignore` files at every
level, `.git/info/exclude`, the user's global excludes), so that planlint skips
it as ruff and pre-commit users expect.

git itself answers, once per work tree and run (never once per file): `git
ls-files --others --ignored --exclude-standard --directory`, limited to the
walked folders, lists the ignored files and whole ignored folders (a
`node_modules/` of 20,000 files is one line). Outside a work tree git is not
asked; when git is missing, refuses or takes too long, the walk goes on without
it and a notice says so. Tracked files are never ignored: git tracks them.
"""
from __future__ import annotations

import os
import subprocess
from typing import Dict, Iterable, List, Optional, Set

from planlint.api import Text
from planlint.discover import visible_path, work_tree
from planlint.messages import builtin_message

_TIMEOUT = 30  # seconds: a huge work tree is slow to list; a stuck git must not hold the run


class GitIgnored:
    """A predicate for discover's walk: whether git ignores this file or folder."""

    def __init__(self, folders: Iterable[str], notices: Optional[List[Text]] = None) -> None:
        self.ignored: Set[str] = set()  # real paths
        self._real_folders: Dict[str, str] = {}
        by_tree: Dict[str, List[str]] = {}
        for folder in folders:
            if os.path.isdir(folder):
                real = os.path.realpath(folder)
                top = work_tree(real)
                if top is not None:
                    by_tree.setdefault(top, []).append(os.path.relpath(real, top).replace(os.sep, "/"))
        for top, specs in by_tree.items():
            # git reads and writes `/` on every system; the walk has `\` on Windows.
            self.ignored.update(os.path.join(top, os.path.normpath(name)) for name in _ask_git(top, specs, notices))

    def __call__(self, path: str) -> bool:
        if not self.ignored:
            return False
        folder, name = os.path.split(path)
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(real_folder, name) in self.ignored


def _ask_git(top: str, specs: List[str], notices: Optional[List[Text]]) -> List[str]:
    """The ignored paths under `specs` (relative to `top`), relative to `top`;
    a folder is given once, whole. Nothing when git cannot answer."""
    # --literal-pathspecs: a folder called `[draft]` is that folder, not a glob;
    # core.fsmonitor=false: no helper program of the repository's config runs.
    command = ["git", "--literal-pathspecs", "-c", "core.fsmonitor=false", "ls-files", "-z", "--others",
               "--ignored", "--exclude-standard", "--directory", "--", *dict.fromkeys(specs)]
    try:
        done = subprocess.run(command, cwd=top, capture_output=True, timeout=_TIMEOUT, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        return _unanswered(notices, "gitignore_no_git", folder=visible_path(top))
    except subprocess.TimeoutExpired:
        return _unanswered(notices, "gitignore_slow", folder=visible_path(top), seconds=_TIMEOUT)
    except (OSError, subprocess.SubprocessError) as exc:
        return _unanswered(notices, "gitignore_failed", folder=visible_path(top), reason=exc)
    if done.returncode != 0:  # `detected dubious ownership`, a broken .git file, ...
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[-1] if lines else f"exit {done.returncode}"
        return _unanswered(notices, "gitignore_failed", folder=visible_path(top), reason=reason)
    return [os.fsdecode(name).rstrip("/") for name in done.stdout.split(b"\0") if name]


def _unanswered(notices: Optional[List[Text]], why: str, **args: object) -> List[str]:
    if notices is not None:
        notices.append(builtin_message(why, **args))
    return []
