"""A run's memory grows with what it reports, not with its plans' bytes: a first
run of 10,000 plans (100 MB of YAML) must fit in a CI runner's memory. Python's own
allocation tracer counts what the run holds, so these figures do not depend on the
machine or its load. A plan is read where it is linted, not kept from when it was
digested: what that asks of the cache is tested here too."""
from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import List, Optional

from planlint.discover import Source
from planlint.engine.run import Settings, lint
from planlint.parse.loader import Limits
from planlint.registry import load_registry

from helpers import DEFAULT_TODAY, HERE

PLANS = 60
PADDING = 100_000  # bytes of comment lines per plan: 6 MB in all


def padded_plans(folder: Path) -> List[Source]:
    """Copies of an example plan, each with 100 KB of comment lines and its own account."""
    folder.mkdir()
    example = (HERE.parent / "examples" / "plans" / "gome-2027.yaml").read_text(encoding="utf-8")
    padding = "".join(f"# note {n:06}: background for the next review\n" for n in range(PADDING // 46))
    sources = []
    for number in range(PLANS):
        plan = folder / f"plan-{number:03}.yaml"
        plan.write_text(example.replace("id: gome", f"id: gome-{number}", 1) + padding, encoding="utf-8")
        sources.append(Source(str(plan)))
    return sources


def peak_mb_of_a_run(sources: List[Source], cache: Path) -> float:
    # A file is read into a buffer of the size limit: a small limit keeps that out of the peak.
    registry, settings = load_registry(), Settings(today=DEFAULT_TODAY, limits=Limits(max_bytes=2 * PADDING))
    tracemalloc.start()
    try:
        lint(sources, registry, settings, cache_folder=str(cache), keep_facts=False)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_a_first_run_with_the_cache_does_not_hold_every_plan_s_bytes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    sources = padded_plans(tmp_path / "plans")
    first = peak_mb_of_a_run(sources, tmp_path / "cache")  # reads, digests and lints every plan
    second = peak_mb_of_a_run(sources, tmp_path / "cache")  # every outcome from the cache
    total = PLANS * PADDING / 1e6
    assert first < total / 2, f"a first run peaked at {first:.1f} MB for {total:.0f} MB of plans"
    assert second < total / 2, f"a cached run peaked at {second:.1f} MB for {total:.0f} MB of plans"



def test_a_plan_edited_while_the_run_reads_it_leaves_no_outcome_under_its_old_text(
        tmp_path: Path, monkeypatch) -> None:
    """The run digests a plan to look for its outcome, and reads it again where it lints
    it: the outcome is kept under the digest of the text it was linted from."""
    from planlint.engine import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    plan = tmp_path / "plan.yaml"
    good = (HERE.parent / "examples" / "plans" / "gome-2027.yaml").read_text(encoding="utf-8")
    plan.write_text(good, encoding="utf-8")
    digested = cache.Cache.prefetch

    def edited_after_the_digest(self, sources, limit) -> None:
        digested(self, sources, limit)
        plan.write_text(good.replace("account:", "acount:", 1), encoding="utf-8")

    def codes(cache_folder: Optional[Path]) -> List[str]:
        result = lint([Source(str(plan))], load_registry(), Settings(today=DEFAULT_TODAY),
                      cache_folder=str(cache_folder) if cache_folder else None)
        return [f.code for f in result.findings]

    monkeypatch.setattr(cache.Cache, "prefetch", edited_after_the_digest)
    assert "PL002" in codes(tmp_path / "cache")  # what was on disk when it was linted
    monkeypatch.setattr(cache.Cache, "prefetch", digested)
    plan.write_text(good, encoding="utf-8")
    assert codes(tmp_path / "cache") == codes(None)
    assert "PL002" not in codes(None)
