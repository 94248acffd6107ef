"""Generate realistic plan files for benchmarks: every section, English and Chinese
text, about 250 lines each, and a quarter of them with mistakes.

    python benchmarks/generate.py OUT_DIR COUNT [--seed N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

TIERS = {"en": ["headquarters", "branch", "store"], "zh": ["总部", "分部", "门店"]}
WORDS = {
    "en": ["display", "launch", "spring", "summer", "bundle", "demo", "loyalty", "flagship", "regional", "weekend"],
    "zh": ["陈列", "新品", "春季", "夏季", "套装", "演示", "会员", "旗舰", "区域", "周末"],
}
KINDS = ["promotion", "product-launch", "event", "training", "other"]
LEAD = {"promotion": 42, "product-launch": 90, "event": 30, "training": 14, "other": 30}


def phrase(rng: random.Random, lang: str, n: int = 4) -> str:
    sep = " " if lang == "en" else ""
    return sep.join(rng.choice(WORDS[lang]) for _ in range(n))


def day(base: dt.date, offset: int) -> str:
    return (base + dt.timedelta(days=offset)).isoformat()


def plan_text(index: int, rng: random.Random) -> str:
    lang = "zh" if index % 2 else "en"
    faulty = index % 4 == 0
    tiers = TIERS[lang]
    contacts = [f"c{index}-{k}" for k in range(4)]
    lines = ["version: 1", "account:", f"  id: account-{index}", f"  name: {phrase(rng, lang, 2)} {index}",
             f"  class: {rng.choice('ABC')}", f"  manager: {phrase(rng, lang, 2)}",
             f"  tiers: [{', '.join(tiers)}]", "  contacts:"]
    for k, cid in enumerate(contacts):
        lines += [f"    - id: {cid}", f"      name: {phrase(rng, lang, 2)}", f"      role: {phrase(rng, lang, 2)}",
                  f"      tier: {tiers[k % 3]}", f"      decision_maker: {'true' if k == 0 else 'false'}"]
    lines += ["period:", "  start: 2027-01-01", "  end: 2027-12-31", "plans:"]
    projects = [f"p{index}-{k}" for k in range(5)]
    for k, tier in enumerate(tiers):
        lines += [f"  - id: ops-{k}", "    type: operational", f"    title: {phrase(rng, lang)}",
                  f"    tier: {tier}", f"    owner: {phrase(rng, lang, 2)}", "    objectives:"]
        for _ in range(2):
            lines += [f"      - text: {phrase(rng, lang, 5)}", f"        metric: {phrase(rng, lang, 2)}",
                      f"        target: \"+{rng.randint(5, 30)}%\""]
        lines += ["    cadence: monthly", f"    review_day: {7 if faulty and k == 0 else 3}",
                  f"    review_with: [{contacts[k]}]", f"    coordinates: [{', '.join(projects[2 * k:2 * k + 2])}]"]
    base = dt.date(2027, 2, 1)
    for k, pid in enumerate(projects):
        kind = KINDS[k % len(KINDS)]
        start = rng.randint(0, 250)
        lead = LEAD[kind] + (-10 if faulty and k == 1 else rng.randint(0, 30))
        lines += [f"  - id: {pid}", "    type: project", f"    title: {phrase(rng, lang)}",
                  f"    tier: {tiers[k % 3]}", f"    owner: {phrase(rng, lang, 2)}", f"    kind: {kind}",
                  f"    finalized: {day(base, start - lead)}", f"    start: {day(base, start)}",
                  f"    end: {day(base, start + 14)}", "    materials:"]
        for m in range(2):
            quantity = rng.randint(100, 5000)
            short = faulty and k == 2 and m == 0
            lines += [f"      - item: {phrase(rng, lang, 3)} {m}", "        kind: display",
                      f"        ready: {day(base, start - 10)}", f"        quantity: {quantity}",
                      f"        needed: {quantity + 1 if short else quantity}"]
        lines += ["    consultations:", f"      - date: {day(base, start - lead - 5)}",
                  f"        with: [{contacts[0]}, {contacts[k % 4]}]", f"        notes: {phrase(rng, lang, 6)}",
                  "    review:", f"      date: {day(base, start + 20)}", f"      with: [{contacts[0]}]",
                  f"      findings: {phrase(rng, lang, 6)}", "      actions:",
                  f"        - action: {phrase(rng, lang, 4)}", f"          owner: {phrase(rng, lang, 2)}",
                  f"          due: {day(base, start + 40)}", "    exclusive:",
                  f"      - offer: {phrase(rng, lang, 3)} only for account {index} #{k}",
                  f"        type: {'discount' if faulty and k == 3 else 'product'}"]
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, seed: int = 7) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"plan-{index:05}.yaml"
        path.write_text(plan_text(index, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed)
    print(f"wrote {len(paths)} plans to {args.out}")


if __name__ == "__main__":
    main()
