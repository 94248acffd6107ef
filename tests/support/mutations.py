"""Random but reproducible mutations of plans, shared by the fuzz tests and benchmarks/fuzz.py."""
from __future__ import annotations

import copy
import random
from typing import Any

import yaml

ODD_VALUES = [None, 0, -1, 5, 3.5, "", "x", "2027-02-30", "2027-01-01", "20270101", True, False, [], {},
              ["a"], {"a": 1}, [None], "li-ming", "store", "promo", "discount", "project", "operational",
              "monthly", "<script>alert(1)</script>", "::error::x", "a\nb", "\u202e", "总部", 10 ** 20]


def _drop(node: Any, slot: Any, rnd: random.Random) -> None:
    del node[slot]


def _retype(node: Any, slot: Any, rnd: random.Random) -> None:
    node[slot] = copy.deepcopy(rnd.choice(ODD_VALUES))


def _reorder_keys(node: dict, slot: Any, rnd: random.Random) -> None:
    items = list(node.items())
    rnd.shuffle(items)
    node.clear()
    node.update(items)


def _swap_values(node: dict, slot: Any, rnd: random.Random) -> None:
    other = rnd.choice(list(node))
    node[slot], node[other] = node[other], node[slot]


def _duplicate(node: list, slot: Any, rnd: random.Random) -> None:
    node.append(copy.deepcopy(node[slot]))


def _shuffle(node: list, slot: Any, rnd: random.Random) -> None:
    rnd.shuffle(node)


# (upper bound of the roll, what to do); a roll above the last bound goes one level deeper.
_ON_MAPPING = [(0.25, _drop), (0.45, _retype), (0.55, _reorder_keys), (0.62, _swap_values)]
_ON_LIST = [(0.2, _drop), (0.35, _duplicate), (0.5, _retype), (0.6, _shuffle)]


def mutate(node: Any, rnd: random.Random) -> Any:
    """Drop, duplicate, retype, reorder or swap something somewhere inside `node`."""
    if not isinstance(node, (dict, list)) or not node:
        return node
    if isinstance(node, dict):
        slot, operations = rnd.choice(list(node)), _ON_MAPPING
    else:
        slot, operations = rnd.randrange(len(node)), _ON_LIST
    roll = rnd.random()
    for bound, operation in operations:
        if roll < bound:
            operation(node, slot, rnd)
            return node
    mutate(node[slot], rnd)
    return node


def mutated_plan(original: Any, seed: int, rounds: int = 4) -> bytes:
    rnd = random.Random(seed)
    plan = copy.deepcopy(original)
    for _ in range(rnd.randint(1, rounds)):
        mutate(plan, rnd)
    text = yaml.safe_dump(plan, allow_unicode=True, default_flow_style=rnd.random() < 0.3, sort_keys=False)
    if rnd.random() < 0.2:  # and sometimes damage the text itself
        cut = rnd.randrange(len(text) + 1)
        text = text[:cut] + rnd.choice(["\t", ": ", "- ", "&a ", "*a", "---\n", "'", "{", "\ufeff"]) + text[cut:]
    return text.encode("utf-8")
