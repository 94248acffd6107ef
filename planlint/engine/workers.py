"""Linting files one after another or in worker processes, through the cache."""
from __future__ import annotations

import contextlib
import gc
import os
from typing import Any, Callable, Iterator, List, Optional, Protocol, Sequence, Tuple

from planlint.api import name_list
from planlint.discover import Source
from planlint.engine.one_file import lint_file
from planlint.engine.outcome import Checks, FileOutcome
from planlint.messages import builtin_message


class Cache(Protocol):
    """Where outcomes of unchanged files are kept: planlint.engine.cache on disk, planlint.engine.memo in memory."""

    stores_entries: bool  # `put` takes each outcome's entry as bytes, made where the file was linted

    def prefetch(self, sources: Sequence[Source], limit: int) -> None: ...
    def locate(self, source: Source, limit: int) -> Tuple[Optional[bytes], Optional[bytes]]: ...
    def key(self, digest: bytes) -> Any: ...
    def get(self, key: Any, path: str) -> Optional[FileOutcome]: ...
    def put(self, key: Any, outcome: FileOutcome, entry: Optional[bytes] = None) -> None: ...
    def linted(self, source: Source, digest: bytes) -> None: ...


AUTO_PARALLEL_FILES = 300  # below this, starting processes costs more than it saves
_CHECKS: Optional[Checks] = None
# A file to lint, and whether to return the digest of the bytes it was linted from
# (the cache's key) and its cache entry. The file is read where it is linted: a run
# of 10,000 plans that held every plan's bytes in the main process until a worker
# took them peaked at 250 MB, and each worker forked from it started as big. Its
# entry is made there too: made in the main process, the 10,000 took 4 s after
# the workers had finished.
Task = Tuple[Source, bool, bool]
Linted = Tuple[FileOutcome, Optional[bytes], Optional[bytes]]  # outcome, digest, cache entry


def default_jobs(file_count: int) -> int:
    return min(os.cpu_count() or 1, 8) if file_count >= AUTO_PARALLEL_FILES else 1


@contextlib.contextmanager
def young_gc_only() -> Iterator[Callable[[], None]]:
    """Pause Python's automatic garbage collector for the run. Each file makes and
    drops hundreds of thousands of objects while the run keeps a growing list of
    outcomes, and the automatic collector's full passes over that list made a run
    of 10,000 plans 60% slower. The returned `tick` collects only the young
    objects (a recursive alias's node cycle, say) every few hundred files."""
    was_enabled = gc.isenabled()
    gc.disable()
    count = 0

    def tick() -> None:
        nonlocal count
        count += 1
        if count % 256 == 0:
            gc.collect(0)

    try:
        yield tick
    finally:
        if was_enabled:
            gc.enable()


def lint_files(sources: Sequence[Source], checks: Checks, processes: int, progress: Optional[Callable[[], None]],
             cache: Optional[Cache] = None) -> List[FileOutcome]:
    """One outcome per source, in order; cached outcomes are reused, new ones stored."""
    with young_gc_only() as tick:
        return _lint_files(sources, checks, processes, progress, cache, tick)


def _lint_files(sources: Sequence[Source], checks: Checks, processes: int, progress: Optional[Callable[[], None]],
              cache: Optional[Cache], tick: Callable[[], None]) -> List[FileOutcome]:
    def done() -> None:
        tick()
        if progress is not None:
            progress()

    outcomes: List[Optional[FileOutcome]] = [None] * len(sources)
    todo: List[Tuple[int, Task]] = []
    limit = checks.limits.max_bytes + 1
    if cache is not None:
        cache.prefetch(sources, limit)
    for index, source in enumerate(sources):
        _, digest = cache.locate(source, limit) if cache is not None else (None, None)
        hit = cache.get(cache.key(digest), source.path) if cache is not None and digest is not None else None
        if hit is not None:
            outcomes[index] = hit
            done()
        else:
            todo.append((index, (source, cache is not None, cache is not None and cache.stores_entries)))
    for (index, (source, _, _)), (outcome, digest, entry) in zip(todo, _compute([task for _, task in todo], checks,
                                                                                processes, done)):
        outcomes[index] = outcome
        if cache is not None and digest is not None:
            cache.linted(source, digest)
            if not outcome.errors:
                cache.put(cache.key(digest), outcome, entry)
    return [o for o in outcomes if o is not None]


def lint_and_digest(task: Task, checks: Checks) -> Linted:
    """Lint a file, and (if asked) digest the very bytes it was linted from (the file
    may have changed since its digest was looked up) and make its cache entry."""
    source, digest_wanted, entry_wanted = task
    if not digest_wanted:
        return lint_file(source, checks), None, None
    import hashlib

    try:
        raw = source.read(checks.limits.max_bytes + 1)
    except OSError:
        return lint_file(source, checks), None, None  # which reports it; nothing to cache
    outcome = lint_file(source, checks, raw)
    entry = None
    if entry_wanted and not outcome.errors:
        from planlint.engine.entry import entry_of

        entry = entry_of(outcome)
    return outcome, hashlib.sha256(raw).digest(), entry


def _compute(tasks: List[Task], checks: Checks, processes: int, done: Callable[[], None]) -> List[Linted]:
    if processes <= 1 or len(tasks) < 2 or not _can_fork():
        outcomes = []
        for task in tasks:
            outcomes.append(lint_and_digest(task, checks))
            done()
        return outcomes
    return _in_processes(tasks, checks, processes, done)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _in_processes(tasks: List[Task], checks: Checks, processes: int, done: Callable[[], None]) -> List[Linted]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork shares the loaded rules (plugins included) with the workers for free.
    context = multiprocessing.get_context("fork")
    global _CHECKS
    _CHECKS = checks
    processes = min(processes, max_jobs(), len(tasks))
    chunk = max(1, min(64, len(tasks) // (processes * 8)))
    outcomes: List[Linted] = []
    # concurrent.futures notices a worker that died (killed, out of memory) and
    # says so; multiprocessing.Pool would wait for its results forever.
    with ProcessPoolExecutor(processes, mp_context=context, initializer=gc.disable) as pool:
        try:
            for outcome in pool.map(_lint_in_worker, tasks, chunksize=chunk):
                outcomes.append(outcome)
                done()
        except BrokenProcessPool:
            left = [task[0].path for task in tasks[len(outcomes):]]
            message = builtin_message("worker_died", files=name_list(left), count=len(left)).render(checks.lang)
            outcomes += [(FileOutcome(path, errors=[message]), None, None) for path in left]  # never cached
    return outcomes


def max_jobs() -> int:
    """At most four worker processes per core: `--jobs 2000` must not fork 2,000."""
    return 4 * (os.cpu_count() or 1)


def _lint_in_worker(task: Task) -> Linted:
    assert _CHECKS is not None
    linted = lint_and_digest(task, _CHECKS)
    gc.collect(0)  # the automatic collector is off in workers too (see young_gc_only)
    return linted
