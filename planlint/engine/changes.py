"""`--changed-since REF`: the plan files that differ from a git commit.

Added, modified and renamed files (tracked ones against REF, as `git diff REF`
sees the work tree) and new files git does not ignore; a deleted file is simply
not on disk, so it leaves the cross-file facts of the run too.
"""
from __future__ import annotations

import os
import subprocess
from typing import List, Sequence, Set, Tuple

from planlint.discover import Source, real_path
from planlint.errors import ConfigError
from planlint.messages import builtin_message

_TIMEOUT = 120  # seconds: git on a huge repository is slow, never stuck for good


def changed_files(ref: str, folder: str = ".") -> Set[str]:
    """Real paths of the files under `folder`'s work tree that differ from `ref`.
    Raises ConfigError outside a git work tree or for a ref that names no commit."""
    top = _git(["rev-parse", "--show-toplevel"], folder, ref, builtin_message(
        "not_a_git_work_tree", folder=os.path.abspath(folder))).strip()
    if ref.startswith("-"):  # never an option to git
        raise ConfigError(builtin_message("unknown_git_ref", ref=ref))
    _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top, ref,
         builtin_message("unknown_git_ref", ref=ref))
    names = _names(_git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", ref, "--"], top, ref))
    names += _names(_git(["ls-files", "--others", "--exclude-standard", "-z"], top, ref))
    return {os.path.realpath(os.path.join(top, name)) for name in names}


def _names(output: str) -> List[str]:
    return [name for name in output.split("\0") if name]


def _git(args: List[str], folder: str, ref: str, failure: object = None) -> str:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=folder, capture_output=True,
                              timeout=_TIMEOUT, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ConfigError(builtin_message("git_failed", ref=ref, reason=exc)) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise ConfigError(failure or builtin_message("git_failed", ref=ref, reason=reason[0]))
    return done.stdout.decode("utf-8", "surrogateescape")


def split_changed(found: Sequence[Source], changed: Set[str]) -> Tuple[List[Source], List[Source]]:
    """(the changed plans, to report; the others, as context for the cross-file rules)."""
    sources: List[Source] = []
    context: List[Source] = []
    for source in found:
        (sources if real_path(source) in changed else context).append(source)
    return sources, context
