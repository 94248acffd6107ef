"""The index's snapshot: after a full run, a run on one changed plan stats every
context plan but reads the facts only of those related to it (PL005: the same
account id; PL503: the same offer, or the account it says it also offers it to),
and finds exactly what a run without the cache finds.

The racy-timestamp window is set to nothing here: files written a moment ago
would otherwise not be trusted by their stat for two seconds."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import List, Sequence, Set

import pytest

import planlint.engine.index
import planlint.engine.locate
import planlint.engine.snapshot
from planlint.config import Settings
from planlint.discover import Source, discover
from planlint.engine.run import lint
from planlint.registry import load_registry

from helpers import DEFAULT_TODAY, HERE

TEMPLATE = (HERE / "rules" / "PL503" / "pass_exclusive.yaml").read_text(encoding="utf-8")
PLANS = 30


def plan(number: int, offer: str = "", also: str = "") -> str:
    """The template under account `account-NN` (named Account NN), its offer its own unless given."""
    text = TEMPLATE.replace("id: acme", f"id: account-{number:02}", 1).replace(
        "name: Acme Stores", f"name: Account {number:02}", 1)
    text = text.replace("Model X only for Acme", offer or f"Model {number:02} only for this account")
    return text.replace("        type: product", f"        type: product\n        also_offered_to: [{also}]") \
        if also else text


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(planlint.engine.locate, "RACY_NS", 0)
    monkeypatch.setattr(planlint.engine.snapshot, "RACY_NS", 0)
    folder = tmp_path / "plans"
    folder.mkdir()
    for number in range(PLANS):
        (folder / f"plan-{number:02}.yaml").write_text(plan(number), encoding="utf-8")
    (folder / "plan-03.yaml").write_text(plan(3, offer="Shared fridge"), encoding="utf-8")
    (folder / "plan-17.yaml").write_text(plan(17, offer="shared   FRIDGE"), encoding="utf-8")
    (folder / "plan-05.yaml").write_text(plan(5, also="account-20"), encoding="utf-8")
    return folder


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> List[Set[str]]:
    """For each run from now on, the context plans whose facts it read."""
    runs: List[Set[str]] = []
    known = planlint.engine.index.FactsIndex.known

    def counting(index, sources):
        runs.append({Path(s.path).name for s in sources})
        return known(index, sources)

    monkeypatch.setattr(planlint.engine.index.FactsIndex, "known", counting)
    return runs


def run(folder: Path, changed: str, cache: Path, lang: str = "en", today: dt.date = DEFAULT_TODAY,
        extend_select: Sequence[str] = ()) -> List[tuple]:
    everything = discover([str(folder)])
    sources = [s for s in everything if Path(s.path).name == changed]
    context = [s for s in everything if Path(s.path).name != changed]
    result = lint(sources, load_registry(), Settings(today=today, lang=lang, extend_select=list(extend_select)),
                  context, cache_folder=str(cache) if cache else None)
    return [(Path(f.path).name, f.line, f.code, f.message) for f in result.findings]


def full(folder: Path, cache: Path, lang: str = "en", extend_select: Sequence[str] = ()) -> None:
    lint(discover([str(folder)]), load_registry(), Settings(today=DEFAULT_TODAY, lang=lang,
         extend_select=list(extend_select)), cache_folder=str(cache))


def edit(path: Path, text: str = "") -> None:
    path.write_text((text or path.read_text(encoding="utf-8")) + "# edited\n", encoding="utf-8")


def test_one_changed_plan_reads_the_facts_of_the_plan_with_the_same_offer_only(plans: Path, tmp_path: Path,
                                                                                 read: List[Set[str]]) -> None:
    full(plans, tmp_path / "cache")
    edit(plans / "plan-03.yaml")
    read.clear()
    found = run(plans, "plan-03.yaml", tmp_path / "cache")
    assert read == [{"plan-17.yaml"}]
    assert found == run(plans, "plan-03.yaml", None)
    assert ("plan-03.yaml", 48, "PL503", "exclusive offer `Shared fridge` is not exclusive: also an exclusive "
            "offer of `account-17`") in found


def test_the_account_it_also_offers_to_is_read_for_its_name(plans: Path, tmp_path: Path,
                                                             read: List[Set[str]]) -> None:
    full(plans, tmp_path / "cache", lang="zh")
    edit(plans / "plan-05.yaml")
    read.clear()
    found = run(plans, "plan-05.yaml", tmp_path / "cache", lang="zh")
    assert read == [{"plan-20.yaml"}]
    assert found == run(plans, "plan-05.yaml", None, lang="zh")
    assert [message for _, _, code, message in found if code == "PL503"] == [
        "独家权益 `Model 05 only for this account` 并不独家：也给了 Account 20（`account-20`）"]


def test_a_context_plan_changed_to_share_the_offer_is_read_again_and_counts(plans: Path, tmp_path: Path,
                                                                            read: List[Set[str]]) -> None:
    full(plans, tmp_path / "cache")
    edit(plans / "plan-03.yaml")
    edit(plans / "plan-09.yaml", plan(9, offer="Shared Fridge"))
    (plans / "plan-17.yaml").unlink()
    read.clear()
    found = run(plans, "plan-03.yaml", tmp_path / "cache")
    assert read == [{"plan-09.yaml"}]
    assert found == run(plans, "plan-03.yaml", None)
    assert [message for _, _, code, message in found if code == "PL503"] == [
        "exclusive offer `Shared fridge` is not exclusive: also an exclusive offer of `account-09`"]


def test_a_new_plan_for_the_same_account_is_read_and_gives_pl005(plans: Path, tmp_path: Path,
                                                                 read: List[Set[str]]) -> None:
    full(plans, tmp_path / "cache")
    edit(plans / "plan-11.yaml")
    (plans / "twin.yaml").write_text(plan(11, offer="Another offer"), encoding="utf-8")
    read.clear()
    found = run(plans, "plan-11.yaml", tmp_path / "cache")
    assert read == [{"twin.yaml"}]
    assert found == run(plans, "plan-11.yaml", None)
    assert [code for _, _, code, _ in found] == ["PL005"]


def test_with_a_cross_file_rule_that_does_not_say_what_relates_every_plan_is_read(
        plans: Path, tmp_path: Path, read: List[Set[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin's cross-file rule without `related` needs every file's facts."""
    import planlint.model

    real = planlint.model.Rule.from_module

    def without_related(module):
        rule = real(module)
        return rule.__class__(**{**rule.__dict__, "related": None}) if rule.code == "PL503" else rule

    monkeypatch.setattr(planlint.model.Rule, "from_module", staticmethod(without_related))
    full(plans, tmp_path / "cache")
    edit(plans / "plan-03.yaml")
    read.clear()
    found = run(plans, "plan-03.yaml", tmp_path / "cache")
    assert read == [{f"plan-{n:02}.yaml" for n in range(PLANS) if n != 3}]
    assert found == run(plans, "plan-03.yaml", None)


def test_a_snapshot_entry_changed_on_disk_is_a_miss(plans: Path, tmp_path: Path, read: List[Set[str]]) -> None:
    import contextlib
    import sqlite3

    full(plans, tmp_path / "cache")
    with contextlib.closing(sqlite3.connect(tmp_path / "cache" / "planlint.sqlite")) as db, db:
        for key, body in db.execute("SELECT key, body FROM entries").fetchall():
            if body[:1] == b"z":  # the snapshot, with its old HMAC
                db.execute("UPDATE entries SET body = ? WHERE key = ?", (body[:-1] + bytes([body[-1] ^ 1]), key))
    edit(plans / "plan-03.yaml")
    read.clear()
    found = run(plans, "plan-03.yaml", tmp_path / "cache")
    assert len(read[0]) == PLANS - 1  # no snapshot: each plan's facts from the per-file index
    assert found == run(plans, "plan-03.yaml", None)


def test_sources_in_memory_never_enter_the_snapshot(plans: Path, tmp_path: Path) -> None:
    """The language server lints the texts it holds: they say nothing of the files on disk."""
    full(plans, tmp_path / "cache")
    texts = [Source(str(path), data=path.read_bytes()) for path in sorted(plans.iterdir())]
    lint(texts[:1], load_registry(), Settings(today=DEFAULT_TODAY), texts[1:], cache_folder=str(tmp_path / "cache"))
    edit(plans / "plan-03.yaml")
    assert run(plans, "plan-03.yaml", tmp_path / "cache") == run(plans, "plan-03.yaml", None)
    assert re.search(r"Shared fridge", str(run(plans, "plan-03.yaml", tmp_path / "cache")))


def test_the_next_day_a_changed_plan_still_parses_no_other_plan(plans: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Facts do not depend on the date: the first commit of a day costs what any other does."""
    import planlint.engine.workers as workers

    full(plans, tmp_path / "cache")
    edit(plans / "plan-03.yaml")
    parsed: List[str] = []
    lint_file = workers.lint_file
    monkeypatch.setattr(workers, "lint_file", lambda source, *rest: parsed.append(Path(source.path).name)
                        or lint_file(source, *rest))
    tomorrow = DEFAULT_TODAY + dt.timedelta(days=1)
    found = run(plans, "plan-03.yaml", tmp_path / "cache", today=tomorrow)
    assert parsed == ["plan-03.yaml"]
    assert found == run(plans, "plan-03.yaml", None, today=tomorrow)


def test_runs_on_one_plan_keep_the_other_plans_facts_in_the_cache(plans: Path, tmp_path: Path) -> None:
    """Such runs read the snapshot, not each plan's facts; those must outlive the pruning of
    entries no run used lately, for the language server's next read of the whole folder."""
    import contextlib
    import sqlite3

    def bodies() -> List[bytes]:
        with contextlib.closing(sqlite3.connect(tmp_path / "cache" / "planlint.sqlite")) as db:
            return [body[:1] for body, in db.execute("SELECT body FROM entries")]

    full(plans, tmp_path / "cache")
    facts = bodies().count(b"m")
    for _ in range(25):
        edit(plans / "plan-03.yaml")
        run(plans, "plan-03.yaml", tmp_path / "cache")
    kept = bodies()
    assert kept.count(b"m") >= facts == PLANS
    assert kept.count(b"x") < facts  # outcomes unused for ten runs are gone


def with_materials(number: int, items: Sequence[str]) -> str:
    return plan(number).replace("      - item: Stands\n", "".join(f"      - item: {item}\n" for item in items), 1)


def test_pl705_reads_only_the_plans_sharing_one_of_the_first_items(plans: Path, tmp_path: Path,
                                                                   read: List[Set[str]]) -> None:
    """Prefix filtering: two plans 80% alike share one of the first two items of each (in name order)."""
    copied = ["Demo staff", "Display island", "Gift kitchen set", "Member days", "Tasting table"]
    (plans / "plan-03.yaml").write_text(with_materials(3, copied), encoding="utf-8")
    (plans / "plan-22.yaml").write_text(with_materials(22, copied + ["Window stickers"]), encoding="utf-8")
    (plans / "plan-12.yaml").write_text(with_materials(12, ["Aprons", "Banners", "Coupons", "Tasting table"]),
                                        encoding="utf-8")
    full(plans, tmp_path / "cache", extend_select=["PL705"])
    edit(plans / "plan-03.yaml")
    read.clear()
    found = run(plans, "plan-03.yaml", tmp_path / "cache", extend_select=["PL705"])
    assert read == [{"plan-22.yaml"}]  # plan-12 shares only a last item; the others, nothing
    assert found == run(plans, "plan-03.yaml", None, extend_select=["PL705"])
    assert [message for _, _, code, message in found if code == "PL705"] == [
        "plan `promo` looks copied from plan `promo` of account `account-22`: 5 of their 6 material items are "
        "the same (similarity 0.83); design the program for this account"]
