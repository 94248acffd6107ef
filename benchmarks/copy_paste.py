"""PL705 (copy-paste-plan) compares project plans across accounts: it must not
compare every pair. This times its cross-file step on 2,500 to 40,000 project
plans (a fifth of them copies of another account's plan with one item changed)
and prints the time per doubling: about 2x is linear, 4x would be quadratic.

    python benchmarks/copy_paste.py [--max 40000]
"""
from __future__ import annotations

import argparse
import random
import time
from typing import List

from planlint.api import FileFacts
from planlint.rules import pl705_copy_paste_plan as rule

KINDS = ["promotion", "product-launch", "event", "training", "other"]
COMMON = ["display stands", "posters", "leaflets", "promoters"]  # in most plans: never a candidate key


def corpus(plans: int, seed: int = 7) -> List[FileFacts]:
    """Five project plans per account; items from a vocabulary that grows with the
    corpus (free text), plus common items, plus near-copies of earlier plans."""
    rng = random.Random(seed)
    vocabulary = [f"item {n}" for n in range(plans * 2)]
    files, made = [], []
    for account in range(plans // 5):
        facts = []
        for index in range(5):
            if made and rng.random() < 0.2:
                kind, items = rng.choice(made)
                items = set(items) - {rng.choice(sorted(items))} | {rng.choice(vocabulary)}
            else:
                kind = rng.choice(KINDS)
                items = set(rng.sample(COMMON, 2)) | set(rng.sample(vocabulary, rng.randint(2, 8)))
            made.append((kind, tuple(sorted(items))))
            facts.append((("plans", index), (kind, f"p{index}", tuple(sorted(items)))))
        files.append(FileFacts(f"plan-{account}.yaml", f"account-{account}", tuple(facts)))
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=40000)
    args = parser.parse_args()
    size, previous = 2500, None
    while size <= args.max:
        files = corpus(size)
        started = time.perf_counter()
        found = sum(1 for _ in rule.check_run(files, dict(rule.OPTIONS)))
        seconds = time.perf_counter() - started
        ratio = f"  x{seconds / previous:.1f}" if previous else ""
        print(f"{size:>6} project plans: {seconds:6.3f} s, {found} findings{ratio}")
        size, previous = size * 2, seconds


if __name__ == "__main__":
    main()
