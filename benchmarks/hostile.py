"""Time and memory for hostile inputs: each must be refused in under a second and
100 MB of extra memory, and must not hold up the rest of the run. Some cases are
not refused but linted, to show that a file's cost grows linearly with its size:
a plan with 100,000 tiers gives 100,000 findings; 80,000 tiers with one repeat
and 8,000 project plans in one file were quadratic once (6 s and 4.8 s at half
that size) and must each take under 2 s.

    python benchmarks/hostile.py          # exit 1 when a case misses its bound
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import run_measured  # noqa: E402

BIN = Path(sys.executable).parent


def cases(folder: Path) -> dict:
    """Write each case to a file; nothing big stays in this process (its size would
    show in the children's peak memory: Linux counts the forked copy before exec)."""
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    plan = (Path(__file__).parent.parent / "examples/plans/gome-2027.yaml").read_bytes()
    many_tiers = b"tiers: [" + b", ".join(b"t%d" % i for i in range(100_000)) + b"]"
    repeated_tier = b"tiers: [" + b", ".join(b"t%d" % i for i in range(80_000)) + b", t0]"
    makers = {
        "baseline: a normal plan": lambda: plan,
        "100,000 tiers, all different": lambda: plan.replace(b"tiers: [headquarters, branch, store]", many_tiers),
        "80,000 tiers and a repeat": lambda: plan.replace(b"tiers: [headquarters, branch, store]", repeated_tier),
        "8,000 project plans": lambda: many_projects(plan, 8_000),
        "billion laughs": lambda: ("\n".join(bomb) + "\n").encode(),
        "recursive alias": lambda: b"x: &a [*a]\n",
        "10,000 levels of nesting": lambda: b"x: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
        "100,000 levels of nesting": lambda: b"x: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "50 MB file": lambda: b"notes: '" + b"x" * (50 * 1024 * 1024) + b"'\n",
        "binary": lambda: os.urandom(1 << 20),
    }
    paths = {}
    for index, (name, make) in enumerate(makers.items()):
        path = folder / f"case-{index}.yaml"
        path.write_bytes(make())
        paths[name] = path
    return paths


def many_projects(plan: bytes, count: int) -> bytes:
    """Short project plans with new ids, all for the same tier, dates and
    materials: the copy check (PL102) compares each project plan with the ones
    before it. Short, so that the file stays under the 5 MB read limit."""
    block = (b"  - {id: promo-%d, type: project, title: Promo, tier: store, kind: promotion,\n"
             b"     finalized: 2026-11-20, start: 2027-01-20, end: 2027-02-10,\n"
             b"     materials: [{item: POS display stands, ready: 2027-01-10}]}\n")
    start = plan.index(b"  - id: spring-promo")
    return plan[:start] + b"".join(block % i for i in range(count)) + plan[start:]


# Seconds a case may take; the refused inputs must also stay within EXTRA_MB.
BOUNDS = {"80,000 tiers and a repeat": 2.0, "8,000 project plans": 2.0}
REFUSED_SECONDS = 1.0
EXTRA_MB = 100.0
LINTED = ("baseline: a normal plan", "100,000 tiers, all different", *BOUNDS)


def run(path: Path) -> tuple:
    seconds, peak, code, out, _ = run_measured([str(BIN / "planlint"), str(path), "--no-cache", "--isolated"])
    return seconds, peak, code, out.splitlines()[0]


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        results = {name: run(path) for name, path in cases(Path(scratch)).items()}
    base_memory = results["baseline: a normal plan"][1]
    print(f"{'input':<28} {'seconds':>8} {'peak MB':>8} {'extra MB':>9} exit  bound  first line")
    missed = []
    for name, (seconds, peak, code, first) in results.items():
        within = _within(name, seconds, peak - base_memory)
        if not within:
            missed.append(name)
        print(f"{name:<28} {seconds:>8.3f} {peak:>8.1f} {peak - base_memory:>9.1f} {code:>4}  "
              f"{'ok' if within else 'MISS':<5}  {first[:80]}")
    if missed:
        raise SystemExit(f"over the bound: {', '.join(missed)}")


def _within(name: str, seconds: float, extra_mb: float) -> bool:
    if name in BOUNDS:
        return seconds < BOUNDS[name]
    if name in LINTED:
        return True  # measured for comparison, no bound
    return seconds < REFUSED_SECONDS and extra_mb < EXTRA_MB


if __name__ == "__main__":
    main()
