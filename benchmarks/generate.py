"""Generate realistic plan files for benchmarks: every section, English and Chinese
text, about 250 lines each.

Two corpora:
- `mixed` (the default), what a plans repository looks like on its first run:
  about one plan in six has the schema mistakes people make (misspelled keys,
  wrong types, impossible or oddly written dates, quoted numbers, YAML 1.1
  traps such as `yes` and `010`), and three plans in five keep several bad
  habits the rules report (no consultation, no review, short lead times, ...).
- `light`: a quarter of the plans with one mistake each, none breaking the schema.

Both keep the best-practice pack (checkers, tiered targets,
budgets that add up, risks, stock, training, visits, surveys, confirmed
contacts), as a team that runs `--select PL` would; those keys take no values
from the random text, so the rest of each plan is as it was.

    python benchmarks/generate.py OUT_DIR COUNT [--seed N] [--mode mixed|light]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path
from typing import Callable, Dict, FrozenSet, List, Tuple

TIERS = {"en": ["headquarters", "branch", "store"], "zh": ["总部", "分部", "门店"]}
WORDS = {
    "en": ["display", "launch", "spring", "summer", "bundle", "demo", "loyalty", "flagship", "regional", "weekend"],
    "zh": ["陈列", "新品", "春季", "夏季", "套装", "演示", "会员", "旗舰", "区域", "周末"],
}
KINDS = ["promotion", "product-launch", "event", "training", "other"]
LEAD = {"promotion": 42, "product-launch": 90, "event": 30, "training": 14, "other": 30}
MODES = ("mixed", "light")

# Habits a first run reports; a faulty mixed plan keeps two to five of them.
HABITS = ("no-consultation", "no-review", "late-finalized", "undated-material", "short-material",
          "discount-only", "review-alone", "early-review", "late-review-day", "no-review-with",
          "uncoordinated")
# Schema mistakes as (what, line pattern, replacement); one plan in six gets one to three.
MISTAKES: List[Tuple[str, str, str]] = [
    ("misspelled key", r"^(    )finalized:", r"\1finalised:"),
    ("misspelled key", r"^(    )consultations:", r"\1consultaions:"),
    ("misspelled key", r"^(    )review_day:", r"\1reveiw_day:"),
    ("misspelled key", r"^(        )quantity:", r"\1quantitiy:"),
    ("wrong type", r"^(        quantity: )\d+$", r"\1lots"),
    ("wrong type", r"^(    tier: )(\S+)$", r"\1{name: \2}"),
    ("impossible date", r"^(    start: )\d{4}-\d\d-\d\d$", r"\g<1>2027-02-30"),
    ("other date spelling", r"^(        ready: )(\d{4})-0?(\d+)-0?(\d+)$", r"\1\2/\3/\4"),
    ("quoted number", r"^(        needed: )(\d+)$", r'\1"\2"'),
    ("quoted number", r"^(    review_day: )(\d+)$", r'\1"\2"'),
    ("YAML 1.1 trap", r"^(    title: ).*$", r"\1yes"),
    ("YAML 1.1 trap", r"^(        needed: )(\d+)$", r"\g<1>0\2"),
    ("YAML 1.1 trap", r"^(    owner: ).*$", r"\1no"),
    ("enum spelling", r"^(    cadence: )monthly$", r"\1Monthly"),
    ("enum spelling", r"^(    kind: )promotion$", r"\1promo"),
]


def phrase(rng: random.Random, lang: str, n: int = 4) -> str:
    sep = " " if lang == "en" else ""
    return sep.join(rng.choice(WORDS[lang]) for _ in range(n))


def day(base: dt.date, offset: int) -> str:
    return (base + dt.timedelta(days=offset)).isoformat()


def plan_text(index: int, rng: random.Random, mode: str = "light", seed: int = 7) -> str:
    """One plan. The text comes from `rng` in both modes; the mixed mode's
    choices come from a second generator, so `light` plans stay as they were."""
    habits: FrozenSet[str] = frozenset()
    chooser = random.Random(seed * 1_000_003 + index)
    if mode == "mixed" and chooser.random() < 0.6:
        habits = frozenset(chooser.sample(HABITS, chooser.randint(2, 5)))
    blocks = _blocks(index, rng, mode == "light" and index % 4 == 0, habits, chooser)
    if mode == "mixed" and chooser.random() < 1 / 6:
        _make_mistakes(blocks, chooser)
    return "\n".join(line for block in blocks for line in block) + "\n"


def _blocks(index: int, rng: random.Random, faulty: bool, habits: FrozenSet[str],
            chooser: random.Random) -> List[List[str]]:
    """The file as blocks of lines: the header, then one block per plan."""
    lang = "zh" if index % 2 else "en"
    tiers = TIERS[lang]
    contacts = [f"c{index}-{k}" for k in range(4)]
    header = ["version: 1", "account:", f"  id: account-{index}", f"  name: {phrase(rng, lang, 2)} {index}",
              f"  class: {rng.choice('ABC')}", f"  manager: {phrase(rng, lang, 2)}",
              f"  tiers: [{', '.join(tiers)}]", "  contacts:"]
    for k, cid in enumerate(contacts):
        header += [f"    - id: {cid}", f"      name: {phrase(rng, lang, 2)}", f"      role: {phrase(rng, lang, 2)}",
                   f"      tier: {tiers[k % 3]}", f"      decision_maker: {'true' if k == 0 else 'false'}",
                   "      updated: 2026-10-15"]
    header += ["  visits:", *(line for month in ("02", "05", "08", "11") for line in (
        f"    - date: 2027-{month}-10", f"      exec: Executive {index}", f"      with: [{contacts[0]}]")),
               "  surveys:", "    - date: 2026-10-01", "      score: 8.1", "      scale: 10"]
    header += ["period:", "  start: 2027-01-01", "  end: 2027-12-31", "plans:"]
    blocks = [header]
    projects = [f"p{index}-{k}" for k in range(5)]
    for k, tier in enumerate(tiers):
        lines = [f"  - id: ops-{k}", "    type: operational", f"    title: {phrase(rng, lang)}",
                 f"    tier: {tier}", f"    owner: {phrase(rng, lang, 2)}", f"    checker: Checker {k}",
                 "    objectives:"]
        for _ in range(2):
            lines += [f"      - text: {phrase(rng, lang, 5)}", f"        metric: {phrase(rng, lang, 2)}",
                      "        baseline: \"+1%\"", f"        target: \"+{rng.randint(5, 30)}%\"",
                      "        stretch: \"+40%\""]
        late = (faulty and k == 0) or "late-review-day" in habits
        lines += ["    cadence: monthly", f"    review_day: {7 if late else 3}"]
        if "no-review-with" not in habits:
            lines.append(f"    review_with: [{contacts[k]}]")
        if "uncoordinated" not in habits or k == 0:
            lines.append(f"    coordinates: [{', '.join(projects[2 * k:2 * k + 2])}]")
        blocks.append(lines)
    base = dt.date(2027, 2, 1)
    for k, pid in enumerate(projects):
        # Each habit shows in most of the plan's project plans, not always all; sorted, since
        # a set's order changes with PYTHONHASHSEED and the corpus must not.
        has = frozenset(h for h in sorted(habits) if chooser.random() < 0.7)
        blocks.append(_project(k, pid, rng, lang, tiers, contacts, base, faulty, has, index))
    return blocks


def _project(k: int, pid: str, rng: random.Random, lang: str, tiers: List[str], contacts: List[str],
             base: dt.date, faulty: bool, has: FrozenSet[str], index: int) -> List[str]:
    kind = KINDS[k % len(KINDS)]
    start = rng.randint(0, 250)
    lead = LEAD[kind] + (-10 if (faulty and k == 1) or "late-finalized" in has else rng.randint(0, 30))
    lines = [f"  - id: {pid}", "    type: project", f"    title: {phrase(rng, lang)}",
             f"    tier: {tiers[k % 3]}", f"    owner: {phrase(rng, lang, 2)}", "    checker: Project Checker",
             f"    kind: {kind}",
             f"    finalized: {day(base, start - lead)}", f"    start: {day(base, start)}",
             f"    end: {day(base, start + 14)}", "    materials:"]
    for m in range(2):
        quantity = rng.randint(100, 5000)
        short = (faulty and k == 2 and m == 0) or ("short-material" in has and m == 0)
        lines += [f"      - item: {phrase(rng, lang, 3)} {m}", "        kind: display"]
        if "undated-material" not in has:
            lines.append(f"        ready: {day(base, start - 10)}")
        lines += [f"        quantity: {quantity}", f"        needed: {quantity + 1 if short else quantity}"]
    lines += [f"      - item: Stock for {pid}", "        kind: stock", f"        ready: {day(base, start - 10)}"]
    consultation = ["    consultations:", f"      - date: {day(base, start - lead - 5)}",
                    f"        with: [{contacts[0]}, {contacts[k % 4]}]", f"        notes: {phrase(rng, lang, 6)}"]
    review = ["    review:", f"      date: {day(base, start + (5 if 'early-review' in has else 20))}"]
    if "review-alone" not in has:
        review.append(f"      with: [{contacts[0]}]")
    review += [f"      findings: {phrase(rng, lang, 6)}", "      actions:",
               f"        - action: {phrase(rng, lang, 4)}", f"          owner: {phrase(rng, lang, 2)}",
               "          checker: Review Checker", f"          due: {day(base, start + 40)}"]
    discount = (faulty and k == 3) or "discount-only" in has
    exclusive = ["    exclusive:", f"      - offer: {phrase(rng, lang, 3)} only for account {index} #{k}",
                 f"        type: {'discount' if discount else 'product'}"]
    lines += [] if "no-consultation" in has else consultation
    lines += [] if "no-review" in has else review
    return lines + exclusive + _pack(pid, kind, base, start)


def _pack(pid: str, kind: str, base: dt.date, start: int) -> List[str]:
    """A project plan's budget, risk and (for a launch) training, from no random text."""
    lines = ["    budget:", "      total: 100000", "      currency: CNY", "      lines:",
             "        - item: Display", "          amount: 40000", "        - item: Staff", "          amount: 60000",
             "    risks:", f"      - risk: Late delivery for {pid}", "        mitigation: A second supplier",
             "        owner: Risk Owner"]
    if kind == "product-launch":
        lines += ["    training:", f"      - date: {day(base, start - 7)}", "        audience: store staff"]
    return lines


def _make_mistakes(blocks: List[List[str]], chooser: random.Random) -> None:
    """One to three schema mistakes, each on a line of some plan that it fits."""
    for _ in range(chooser.randint(1, 3)):
        for _attempt in range(10):
            _, pattern, replacement = chooser.choice(MISTAKES)
            block = chooser.choice(blocks[1:])
            matches = [i for i, line in enumerate(block) if re.match(pattern, line)]
            if matches:
                at = chooser.choice(matches)
                block[at] = re.sub(pattern, replacement, block[at])
                break


def generate(folder: Path, count: int, seed: int = 7, mode: str = "mixed") -> List[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"plan-{index:05}.yaml"
        path.write_text(plan_text(index, rng, mode, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mode", choices=MODES, default="mixed")
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed, args.mode)
    print(f"wrote {len(paths)} {args.mode} plans to {args.out}")


if __name__ == "__main__":
    main()
