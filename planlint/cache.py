"""A content-addressed cache of per-file outcomes in `.planlint_cache/`.

The key covers everything a file's outcome depends on: planlint's version, the
enabled rules (their code, severity, options and the source file they came
from), the run's date, language and limits, and the file's bytes. The file's
path is not part of it: a cached outcome is re-stamped with the path it is
found under. Entries are written atomically, so runs can share the folder.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import sys
from typing import Optional

from planlint import __version__
from planlint.filelint import FileOutcome, Job
from planlint.output import write_atomically

OUTCOME_FORMAT = "2"  # bumped when FileOutcome gains what older entries lack (account facts)


class Cache:
    def __init__(self, folder: str, job: Job) -> None:
        self.folder = folder
        self.prefix = _job_key(job)
        self.tagged = False  # the folder's .gitignore is checked once per run

    def key(self, raw: bytes) -> str:
        return hashlib.sha256(self.prefix + raw).hexdigest()

    def get(self, key: str, path: str) -> Optional[FileOutcome]:
        try:
            with open(os.path.join(self.folder, key[:2], key), "rb") as handle:
                outcome = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None  # a missing, torn or outdated entry is a miss
        if not isinstance(outcome, FileOutcome):
            return None
        outcome.path = path
        outcome.findings = [dataclasses.replace(f, path=path) for f in outcome.findings]
        return outcome

    def put(self, key: str, outcome: FileOutcome) -> None:
        folder = os.path.join(self.folder, key[:2])
        try:
            os.makedirs(folder, exist_ok=True)
            if not self.tagged:
                _keep_out_of_git(self.folder)
                self.tagged = True
            write_atomically(os.path.join(folder, key), pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only checkout still lints; it just does not remember


def _job_key(job: Job) -> bytes:
    parts = [__version__, OUTCOME_FORMAT, sys.version, repr(job.today), job.lang, repr(job.limits), repr(job.keep_text),
             repr(job.keep_facts)]
    for rule in job.rules:
        module = sys.modules.get(getattr(rule.check or rule.summarize, "__module__", ""), None)
        source = getattr(module, "__file__", None) or ""
        stamp = os.stat(source) if source and os.path.exists(source) else None
        parts += [rule.code, rule.name, job.severity[rule.code].value, repr(job.options[rule.code]),
                  source, repr((stamp.st_mtime_ns, stamp.st_size) if stamp else None)]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).digest()


def _keep_out_of_git(folder: str) -> None:
    ignore = os.path.join(folder, ".gitignore")
    if not os.path.exists(ignore):
        with open(ignore, "w", encoding="utf-8") as handle:
            handle.write("# Created by planlint\n*\n")
