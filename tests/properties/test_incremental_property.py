"""Property test of the cache and the cross-file index: after any sequence of edits,
renames and deletions in a small repository, linting the changed plans with every
other plan as context, and linting all of them, through a warm cache gives exactly
the findings of a run without the cache."""
from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.config import Settings
from planlint.discover import Source
from planlint.engine.run import lint
from planlint.registry import load_registry

from helpers import DEFAULT_TODAY, HERE

REGISTRY = load_registry()
SETTINGS = Settings(today=DEFAULT_TODAY)
BASES = [p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "examples" / "plans").glob("*.yaml"))]
ACCOUNTS = ["gome", "acme", "bolt", "suning"]  # three of one length: same-size edits


def variant(base: int, account: int, shared_offer: bool, broken: bool) -> str:
    """An example plan under another account id, maybe with an offer another plan
    has too (PL503), maybe broken YAML (PL001)."""
    text = re.sub(r"^(  id: ).*$", lambda m: m.group(1) + ACCOUNTS[account], BASES[base], count=1, flags=re.M)
    if shared_offer:
        text = re.sub(r"^(      - offer: ).*$", lambda m: m.group(1) + "Shared fridge", text, count=1, flags=re.M)
    return text + ("broken: [\n" if broken else "")


TEXTS = st.builds(variant, st.integers(0, len(BASES) - 1), st.integers(0, len(ACCOUNTS) - 1), st.booleans(),
                  st.integers(0, 5).map(lambda n: n == 0))
STEPS = st.lists(st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 9), TEXTS),
    st.tuples(st.just("same size, same time"), st.integers(0, 9), st.integers(0, 2)),
    st.tuples(st.just("rename"), st.integers(0, 9), st.integers(0, 99)),
    st.tuples(st.just("delete"), st.integers(0, 9), st.none()),
    st.tuples(st.just("add"), st.integers(0, 99), TEXTS)), min_size=1, max_size=6)
Finding = Tuple[str, int, int, str, str]


def findings(changed: Sequence[Path], others: Sequence[Path], cache: Optional[Path]) -> List[Finding]:
    result = lint([Source(str(p)) for p in changed], REGISTRY, SETTINGS, [Source(str(p)) for p in others],
                  cache_folder=str(cache) if cache is not None else None)
    return [(Path(f.path).name, f.line, f.column, f.code, f.message) for f in result.findings] + [
        ("error", 0, 0, "", e) for e in result.errors]


def apply(folder: Path, step: tuple) -> List[Path]:
    """Do one step; the plans it changed (a deleted one changes no file: any plan is linted)."""
    kind, which, what = step
    plans = sorted(folder.glob("*.yaml"))
    if kind == "add" or not plans:
        path = folder / f"new-{which}.yaml"
        path.write_text(what if isinstance(what, str) else BASES[0], encoding="utf-8")
        return [path]
    path = plans[which % len(plans)]
    if kind == "edit":
        path.write_text(what, encoding="utf-8")
    elif kind == "same size, same time":  # a change git's racy-timestamp check exists for
        before = path.stat()
        text = path.read_text(encoding="utf-8")
        for old in ACCOUNTS[:3]:
            text = text.replace(f"  id: {old}\n", f"  id: {ACCOUNTS[what]}\n", 1)
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    elif kind == "rename":
        target = folder / f"renamed-{what}.yaml"
        path.rename(target)
        return [target]
    else:
        path.unlink()
        rest = sorted(folder.glob("*.yaml"))
        return rest[:1]
    return [path]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEPS)
def test_incremental_runs_find_what_a_run_without_the_cache_finds(steps: List[tuple]) -> None:
    check_steps(steps)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEPS)
def test_runs_that_trust_the_stat_of_files_just_written_find_the_same(steps: List[tuple]) -> None:
    """Files written a moment ago are trusted by their stat only after a racy-timestamp
    window; without it, each run reads the unchanged plans through the snapshot and
    fetches the facts only of those related to the changed ones."""
    with mock.patch("planlint.engine.locate.RACY_NS", 0), mock.patch("planlint.engine.snapshot.RACY_NS", 0):
        check_steps(steps)


def check_steps(steps: List[tuple]) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder, cache = Path(temporary) / "plans", Path(temporary) / "cache"
        folder.mkdir()
        for index, text in enumerate(BASES):
            (folder / f"plan-{index}.yaml").write_text(text, encoding="utf-8")
        plans = sorted(folder.glob("*.yaml"))
        assert findings(plans, [], cache) == findings(plans, [], None)  # the cache and index, filled
        for step in steps:
            changed = apply(folder, step)
            plans = sorted(folder.glob("*.yaml"))
            others = [p for p in plans if p not in changed]
            assert findings(changed, others, cache) == findings(changed, others, None), step
            assert findings(plans, [], cache) == findings(plans, [], None), step
