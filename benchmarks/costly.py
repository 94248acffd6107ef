"""Crafted plans that cost minutes once (each a few hundred KB): the inputs of
`hostile.py`'s "costly" runs, written to a folder. Each run must take under 5 s
and 500 MB, with a report of bounded size."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Tuple

PLAN = (Path(__file__).parent.parent / "examples/plans/gome-2027.yaml").read_bytes()
CONTACTS = b"  contacts:\n"


def _with_contacts(contacts: bytes, refs: bytes) -> bytes:
    start = PLAN.index(CONTACTS) + len(CONTACTS)
    plan = PLAN[:start] + contacts + PLAN[start:]
    return plan.replace(b"review_with: [li-ming]", b"review_with: [" + refs + b"]", 1)


def misspelt_references() -> bytes:
    """996 contacts (so that a guess compares 1,000 ids and names) and 20,000
    references, each a different misspelling of one."""
    contacts = b"".join(b"    - {id: contact-%03d, name: N, role: r}\n" % i for i in range(993))
    refs = b", ".join(b"contcat-%03d-%d" % (i % 993, i // 993) for i in range(20_000))
    return _with_contacts(contacts, refs)


def unknown_references() -> bytes:
    """30,000 contacts and 90,000 references to none of them."""
    contacts = b"".join(b"    - {id: c%d}\n" % i for i in range(30_000))
    refs = b",".join(b"u%d" % i for i in range(90_000))
    return _with_contacts(contacts, refs)


def exclusive_offers(account: bytes) -> bytes:
    """25,000 exclusive entries with the same offer in one project plan."""
    offers = b"      - {offer: X-500 fridge, type: product}\n" * 25_000
    plan = PLAN.replace(b"id: gome", b"id: " + account, 1)
    start = plan.index(b"    exclusive:\n") + len(b"    exclusive:\n")
    return plan[:start] + offers + plan[start:]


def copied_plans(account: int) -> bytes:
    """50 project plans with the same three materials."""
    block = (b"  - {id: p%d, type: project, title: P, tier: store, kind: promotion, finalized: 2026-11-20,\n"
             b"     start: 2027-01-20, end: 2027-02-10, materials: [{item: A, ready: 2027-01-10},\n"
             b"     {item: B, ready: 2027-01-10}, {item: C, ready: 2027-01-10}]}\n")
    plan = PLAN.replace(b"id: gome", b"id: gome%d" % account, 1)
    start = plan.index(b"  - id: spring-promo")
    return plan[:start] + b"".join(block % i for i in range(50)) + plan[start:]


def weekly_plans() -> bytes:
    """400 weekly operational plans over a period from 1900 to 2100."""
    block = (b"  - {id: w%d, type: operational, title: W, tier: store, owner: O, cadence: weekly,\n"
             b"     review_day: 1, review_with: [zhao-lei]}\n")
    plan = PLAN.replace(b"start: 2027-01-01\n  end: 2027-12-31", b"start: 1900-01-01\n  end: 2100-12-31")
    start = plan.index(b"  - id: spring-promo")
    return plan[:start] + b"".join(block % i for i in range(400)) + plan[start:]


def one_line_plan() -> bytes:
    """A flow-style plan on one line of 300 KB with 2,000 findings."""
    refs = ", ".join(f"nobody{i}" for i in range(2_000))
    pad = "x" * 280_000
    return (f"{{version: 1, account: {{id: a, name: A, class: A, manager: M, tiers: [t], x-pad: {pad}, "
            f"contacts: [{{id: c, name: C, role: r}}]}}, period: {{start: 2027-01-01, end: 2027-12-31}}, "
            f"plans: [{{id: o, type: operational, title: O, tier: t, owner: O, cadence: weekly, review_day: 1, "
            f"review_with: [{refs}]}}]}}\n").encode()


def fixable_materials() -> bytes:
    """6,000 materials whose `ready` is written 2027/1/10: each a safe fix."""
    materials = b"".join(b"      - item: Material number %d\n        ready: 2027/1/10\n" % i for i in range(6_000))
    start = PLAN.index(b"    materials:\n") + len(b"    materials:\n")
    return PLAN[:start] + materials + PLAN[start:]


def write(folder: Path, planlint: str) -> Dict[str, Tuple[str, float, float]]:
    """name -> (shell command run in `folder`, seconds, MB) for each costly case."""
    files = {"misspelt.yaml": misspelt_references(), "unknown.yaml": unknown_references(),
             "weekly.yaml": weekly_plans(), "oneline.yaml": one_line_plan(), "fixable.yaml": fixable_materials()}
    for name, data in files.items():
        (folder / "costly").mkdir(exist_ok=True)
        (folder / "costly" / name).write_bytes(data)
    for name, account in (("a", b"acc-a"), ("b", b"acc-b")):
        (folder / "offers").mkdir(exist_ok=True)
        (folder / "offers" / f"{name}.yaml").write_bytes(exclusive_offers(account))
    (folder / "copies").mkdir(exist_ok=True)
    for index in range(40):
        (folder / "copies" / f"p{index}.yaml").write_bytes(copied_plans(index))
    small = "test $(stat -c %s {}) -lt 50000000"
    return {
        "PL004: 20,000 misspellings, 999 contacts": (f"{planlint} costly/misspelt.yaml", 5.0, 500.0),
        "PL004: 90,000 unknown, 30,000 contacts": (f"{planlint} costly/unknown.yaml", 5.0, 500.0),
        "PL503: 50,000 identical exclusive offers": (f"{planlint} offers", 5.0, 500.0),
        "PL705: 40 files x 50 copied plans (JSON)": (f"{planlint} copies --extend-select PL705 --format json "
                                                     f"-o c.json; {small.format('c.json')}", 5.0, 500.0),
        "HTML: 400 weekly plans, 1900-2100": (f"{planlint} costly/weekly.yaml --format html -o w.html", 5.0, 500.0),
        "HTML: one 300 KB line, 2,000 findings": (f"{planlint} costly/oneline.yaml --format html -o o.html; "
                                                  f"{small.format('o.html')}", 5.0, 500.0),
        "--diff: 6,000 fixable materials": (f"cp costly/fixable.yaml f.yaml && {planlint} f.yaml --diff", 5.0, 500.0),
        "--fix: 6,000 fixable materials": (f"cp costly/fixable.yaml f.yaml && {planlint} f.yaml --fix", 5.0, 500.0),
    }
