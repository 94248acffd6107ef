"""Long-running fuzzing: random bytes, YAML-like text and mutated example plans through
the whole pipeline and every reporter. Reports how many inputs it tried and what escaped.

    python benchmarks/fuzz.py 100000          # inputs; ~1 ms each on a laptop
"""
from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
import traceback
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "support"))
from mutations import mutated_plan  # noqa: E402

from planlint.discover import Source  # noqa: E402
from planlint.engine.run import Settings, lint  # noqa: E402
from planlint.registry import load_registry  # noqa: E402
from planlint.reporters import FORMATS, get_reporter  # noqa: E402

YAMLISH = list("ab:-[]{},&*!|>'\"#\n\t ?%@`~01\ufeff总") + ["version: 1\n", "plans:\n", "  - id: x\n"]


def random_input(rnd: random.Random, examples: list) -> bytes:
    roll = rnd.random()
    if roll < 0.15:
        return bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 400)))
    if roll < 0.35:
        return "".join(rnd.choice(YAMLISH) for _ in range(rnd.randint(0, 300))).encode("utf-8")
    return mutated_plan(rnd.choice(examples), rnd.getrandbits(32), rounds=6)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    examples = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "examples/plans").glob("*.yaml"))]
    registry = load_registry()
    settings = Settings(today=dt.date(2027, 3, 1))
    rnd = random.Random(20261123)
    escaped = 0
    start = time.perf_counter()
    for index in range(count):
        data = random_input(rnd, examples)
        try:
            result = lint([Source(f"fuzz/{index}.yaml", data=data)], registry, settings, keep_text=True)
            if result.errors:
                raise RuntimeError(result.errors[0])
            if index % 20 == 0:  # every reporter, on a sample: they dominate the time otherwise
                for name in FORMATS:
                    report = get_reporter(name)(result, registry)
                    if name in ("json", "sarif", "gitlab"):
                        json.loads(report)
        except Exception:  # what this script exists to find
            escaped += 1
            if escaped <= 5:
                print(f"input {index} escaped:\n{traceback.format_exc()}\n{data[:300]!r}", file=sys.stderr)
        if (index + 1) % 10_000 == 0:
            print(f"{index + 1:,} inputs, {escaped} escaped, {time.perf_counter() - start:.0f} s", flush=True)
    elapsed = time.perf_counter() - start
    print(f"tried {count:,} inputs in {elapsed:.1f} s ({count / elapsed:,.0f}/s); escaped exceptions: {escaped}")
    sys.exit(1 if escaped else 0)


if __name__ == "__main__":
    main()
