"""Time and memory for hostile inputs: each must be refused in under a second and
100 MB of extra memory, and must not hold up the rest of the run. One case is not
refused but linted, to show that a file's cost grows linearly with its size: a
plan with 100,000 tiers gives 100,000 findings.

    python benchmarks/hostile.py
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
    makers = {
        "baseline: a normal plan": lambda: plan,
        "100,000 tiers, all different": lambda: plan.replace(b"tiers: [headquarters, branch, store]", many_tiers),
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


def run(path: Path) -> tuple:
    seconds, peak, code, out, _ = run_measured([str(BIN / "planlint"), str(path), "--no-cache", "--isolated"])
    return seconds, peak, code, out.splitlines()[0]


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        results = {name: run(path) for name, path in cases(Path(scratch)).items()}
    base_memory = results["baseline: a normal plan"][1]
    print(f"{'input':<28} {'seconds':>8} {'peak MB':>8} {'extra MB':>9} exit  first line")
    for name, (seconds, peak, code, first) in results.items():
        print(f"{name:<28} {seconds:>8.3f} {peak:>8.1f} {peak - base_memory:>9.1f} {code:>4}  {first[:90]}")


if __name__ == "__main__":
    main()
