"""Crafted plans that once cost minutes report a bounded, readable set of findings:
PL004 guesses "did you mean" for the first 100 typos of a file (each guess from an
index of the candidates, right among a thousand contacts), and PL705 names the
first 10 plans a plan looks copied from and counts the rest."""
from __future__ import annotations

from pathlib import Path

from helpers import HERE, lint_paths

PLAN = (HERE.parent / "examples" / "plans" / "gome-2027.yaml").read_text(encoding="utf-8")
CONTACTS = "  contacts:\n"


def test_the_first_hundred_typos_get_a_guess_among_a_thousand_contacts(tmp_path: Path) -> None:
    contacts = "".join(f"    - {{id: contact-{i:03d}, name: N{i}, role: r}}\n" for i in range(497))  # 997 ids and names
    typos = ", ".join(f"contcat-{i:03d}" for i in range(150))
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace(CONTACTS, CONTACTS + contacts, 1)
                    .replace("review_with: [li-ming]", f"review_with: [{typos}]", 1), encoding="utf-8")
    found = [f.message for f in lint_paths([str(path)]).findings if f.code == "PL004"]
    where = "plan `ops-hq`: `review_with` names contact"
    assert found == [f"{where} `contcat-{i:03d}`, which this file does not define; did you mean `contact-{i:03d}` "
                     f"(N{i})?" for i in range(100)] + [
        f"{where} `contcat-{i:03d}`, which this file does not define" for i in range(100, 150)]


def test_a_plan_copied_by_many_accounts_names_ten_and_counts_the_rest(tmp_path: Path) -> None:
    copied = (HERE / "rules" / "PL705" / "fail_three_items_each" / "a.yaml").read_text(encoding="utf-8")
    for number in range(13):
        (tmp_path / f"p{number:02d}.yaml").write_text(copied.replace("id: acme", f"id: acme-{number:02d}", 1),
                                                      encoding="utf-8")
    found = lint_paths([str(tmp_path)], extend_select=["PL705"]).findings
    mine = [f.message for f in found if f.code == "PL705" and f.path.endswith("p00.yaml")]
    assert len([f for f in found if f.code == "PL705"]) == 13 * 11
    assert sorted(mine) == sorted([
        f"plan `promo` looks copied from plan `promo` of account `acme-{n:02d}`: 3 of their 3 material items are "
        "the same (similarity 1.00); design the program for this account" for n in range(1, 11)] + [
        "plan `promo` also looks copied from 2 more plans of other accounts (the first 10 are reported one by one)"])
