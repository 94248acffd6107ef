"""Linting files one after another, or in worker processes when a run is large."""
from __future__ import annotations

import os
from typing import Callable, List, Optional, Sequence

from planlint.discover import Source
from planlint.filelint import FileOutcome, Job, lint_file

AUTO_PARALLEL_FILES = 300  # below this, starting processes costs more than it saves
_JOB: Optional[Job] = None


def default_jobs(file_count: int) -> int:
    return min(os.cpu_count() or 1, 8) if file_count >= AUTO_PARALLEL_FILES else 1


def run_jobs(sources: Sequence[Source], job: Job, jobs: int,
             progress: Optional[Callable[[], None]]) -> List[FileOutcome]:
    if jobs <= 1 or len(sources) < 2 or not _can_fork():
        outcomes = []
        for source in sources:
            outcomes.append(lint_file(source, job))
            if progress is not None:
                progress()
        return outcomes
    return _in_processes(sources, job, jobs, progress)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _in_processes(sources: Sequence[Source], job: Job, jobs: int,
                  progress: Optional[Callable[[], None]]) -> List[FileOutcome]:
    import multiprocessing

    # fork shares the loaded rules (plugins included) with the workers for free.
    context = multiprocessing.get_context("fork")
    global _JOB
    _JOB = job
    chunk = max(1, min(64, len(sources) // (jobs * 8)))
    outcomes = []
    with context.Pool(jobs) as pool:
        for outcome in pool.imap(_lint_in_worker, sources, chunksize=chunk):
            outcomes.append(outcome)
            if progress is not None:
                progress()
    return outcomes


def _lint_in_worker(source: Source) -> FileOutcome:
    assert _JOB is not None
    return lint_file(source, _JOB)
