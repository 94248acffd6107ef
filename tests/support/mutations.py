"""Random but reproducible mutations of plans, shared by the fuzz tests and benchmarks/fuzz.py."""
from __future__ import annotations

import copy
import random
from typing import Any

import yaml

ODD_VALUES = [None, 0, -1, 5, 3.5, "", "x", "2027-02-30", "2027-01-01", "20270101", True, False, [], {},
              ["a"], {"a": 1}, [None], "li-ming", "store", "promo", "discount", "project", "operational",
              "monthly", "<script>alert(1)</script>", "::error::x", "a\nb", "\u202e", "总部", 10 ** 20]


def mutate(node: Any, rnd: random.Random) -> Any:
    """Drop, duplicate, retype, reorder or swap something somewhere inside `node`."""
    if isinstance(node, dict) and node:
        key = rnd.choice(list(node))
        roll = rnd.random()
        if roll < 0.25:
            del node[key]
        elif roll < 0.45:
            node[key] = copy.deepcopy(rnd.choice(ODD_VALUES))
        elif roll < 0.55:
            items = list(node.items())
            rnd.shuffle(items)
            node.clear()
            node.update(items)
        elif roll < 0.62:
            other = rnd.choice(list(node))
            node[key], node[other] = node[other], node[key]
        else:
            mutate(node[key], rnd)
    elif isinstance(node, list) and node:
        index = rnd.randrange(len(node))
        roll = rnd.random()
        if roll < 0.2:
            del node[index]
        elif roll < 0.35:
            node.append(copy.deepcopy(node[index]))
        elif roll < 0.5:
            node[index] = copy.deepcopy(rnd.choice(ODD_VALUES))
        elif roll < 0.6:
            rnd.shuffle(node)
        else:
            mutate(node[index], rnd)
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
