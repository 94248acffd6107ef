"""The cross-file index: context files unchanged since the last run are only stat'ed
and their facts read from the cache database; what they contribute to the cross-file
rules (PL005, PL503) is exactly what linting them again would give."""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
import zlib
from pathlib import Path
from typing import List

import pytest

from planlint.config import Settings
from planlint.discover import Source
from planlint.engine.run import lint
from planlint.registry import load_registry

from helpers import DEFAULT_TODAY, HERE

EXAMPLES = HERE.parent / "examples" / "plans"
HOUR_AGO = time.time() - 3600


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """Four example plans and a second file for Gome's account (PL005 in both)."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for source in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(source, folder / source.name)
    shutil.copy(EXAMPLES / "gome-2027.yaml", folder / "gome-copy.yaml")
    for path in folder.iterdir():
        os.utime(path, (HOUR_AGO, HOUR_AGO))  # written long before the first run read them
    return folder


def run(plans: Path, linted: str, cache: Path) -> List[tuple]:
    sources = [Source(str(plans / linted))]
    context = [Source(str(path)) for path in sorted(plans.iterdir()) if path.name != linted]
    result = lint(sources, load_registry(), Settings(today=DEFAULT_TODAY), context, cache_folder=str(cache))
    return [(f.path, f.line, f.code, f.message) for f in result.findings]


def no_cache(plans: Path, linted: str) -> List[tuple]:
    sources = [Source(str(plans / linted))]
    context = [Source(str(path)) for path in sorted(plans.iterdir()) if path.name != linted]
    result = lint(sources, load_registry(), Settings(today=DEFAULT_TODAY), context)
    return [(f.path, f.line, f.code, f.message) for f in result.findings]


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> List[str]:
    """The paths planlint parses from now on."""
    import planlint.engine.workers as workers

    seen: List[str] = []
    real = workers.lint_file

    def counting(source, *args, **kwargs):
        seen.append(Path(source.path).name)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(workers, "lint_file", counting)
    return seen


def test_unchanged_context_files_are_not_parsed_again_and_still_count(plans: Path, tmp_path: Path, parsed) -> None:
    first = run(plans, "gome-2027.yaml", tmp_path / "cache")
    assert sorted(parsed) == sorted(p.name for p in plans.iterdir())
    parsed.clear()
    edited = plans / "gome-2027.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    again = run(plans, "gome-2027.yaml", tmp_path / "cache")
    assert parsed == ["gome-2027.yaml"]  # the outcome is new; every context file came from the index
    assert again == first == no_cache(plans, "gome-2027.yaml")
    assert ("PL005", f"account id `gome` is also used by `{plans / 'gome-copy.yaml'}`; each account has one plan file") in [(code, message) for _, _, code, message in again]


def test_a_forged_facts_row_is_a_miss(plans: Path, tmp_path: Path) -> None:
    first = run(plans, "gome-2027.yaml", tmp_path / "cache")
    with contextlib.closing(sqlite3.connect(tmp_path / "cache" / "planlint.sqlite")) as db, db:
        # Facts rows that say the Gome files belong to another account, with the old HMAC:
        # trusted, they would hide PL005.
        forged = 0
        for key, body in db.execute("SELECT key, body FROM entries").fetchall():
            facts = zlib.decompress(body[1:]) if body[:1] == b"m" else b""
            if b"gome" in facts:
                forged += db.execute("UPDATE entries SET body = ? WHERE key = ?",
                                     (b"m" + zlib.compress(facts.replace(b"gome", b"emog")), key)).rowcount
    assert forged == 1  # the two Gome files have the same bytes: one entry
    assert run(plans, "gome-2027.yaml", tmp_path / "cache") == first
    assert "PL005" in str(first)


def test_a_context_file_changed_in_the_same_size_is_read_again(plans: Path, tmp_path: Path) -> None:
    copy = plans / "gome-copy.yaml"
    copy.write_text(copy.read_text(encoding="utf-8"), encoding="utf-8")  # written just now
    run(plans, "gome-2027.yaml", tmp_path / "cache")
    before = copy.stat()
    copy.write_text(copy.read_text(encoding="utf-8").replace("id: gome", "id: emog", 1), encoding="utf-8")
    os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same modification time
    again = run(plans, "gome-2027.yaml", tmp_path / "cache")
    assert again == no_cache(plans, "gome-2027.yaml")
    assert "PL005" not in [code for _, _, code, _ in again]


def test_a_deleted_or_renamed_context_file_leaves_or_moves_its_facts(plans: Path, tmp_path: Path) -> None:
    run(plans, "gome-2027.yaml", tmp_path / "cache")
    (plans / "gome-copy.yaml").rename(plans / "gome-renamed.yaml")
    renamed = run(plans, "gome-2027.yaml", tmp_path / "cache")
    assert renamed == no_cache(plans, "gome-2027.yaml") and "gome-renamed.yaml" in str(renamed)
    (plans / "gome-renamed.yaml").unlink()
    gone = run(plans, "gome-2027.yaml", tmp_path / "cache")
    assert gone == no_cache(plans, "gome-2027.yaml") and "PL005" not in str(gone)


def test_a_same_size_edit_with_the_old_modification_time_put_back_is_read_again(plans: Path, tmp_path: Path) -> None:
    """`touch -d` can set a file's modification time back; its change time no program can."""
    run(plans, "gome-2027.yaml", tmp_path / "cache")
    copy = plans / "gome-copy.yaml"
    copy.write_text(copy.read_text(encoding="utf-8").replace("id: gome", "id: emog", 1), encoding="utf-8")
    os.utime(copy, (HOUR_AGO, HOUR_AGO))
    again = run(plans, "gome-2027.yaml", tmp_path / "cache")
    assert again == no_cache(plans, "gome-2027.yaml") and "PL005" not in str(again)


def test_the_cache_key_stamps_the_modules_of_planlint_s_subpackages_too() -> None:
    """A changed engine, parser or schema module changes outcomes: entries made before it are misses."""
    from planlint.engine.cache import _code_stamps

    stamped = {stamp.rsplit(":", 2)[0] for stamp in _code_stamps()}
    assert {"api.py", os.path.join("engine", "one_file.py"), os.path.join("parse", "loader.py"),
            os.path.join("schema", "validate.py")} <= stamped


def test_a_server_hashes_the_workspace_plans_it_holds_once_not_on_every_keystroke(monkeypatch) -> None:
    import planlint.engine.memo
    from planlint.engine.memo import Memo
    from planlint.engine.run import lint_texts

    hashed: List[int] = []
    sha256 = planlint.engine.memo.sha256
    monkeypatch.setattr(planlint.engine.memo, "sha256", lambda raw: hashed.append(len(raw)) or sha256(raw))
    workspace = {str(path): path.read_bytes() for path in sorted(EXAMPLES.glob("*.yaml"))[1:]}
    gome = (EXAMPLES / "gome-2027.yaml").read_text(encoding="utf-8")
    memo = Memo()
    first = lint_texts({"gome.yaml": gome}, Settings(today=DEFAULT_TODAY), workspace=workspace, memo=memo)
    assert len(hashed) == len(workspace)
    edited = gome.replace("id: gome", "id: suning", 1)  # now PL005 with suning-2027-zh.yaml
    again = lint_texts({"gome.yaml": edited}, Settings(today=DEFAULT_TODAY), workspace=workspace, memo=memo)
    assert len(hashed) == len(workspace)
    assert [f.code for f in again.findings if f.code == "PL005"] == ["PL005"]
    assert [f.code for f in first.findings if f.code == "PL005"] == []


def test_a_server_reads_a_workspace_of_hundreds_of_plans_in_its_own_process(monkeypatch, tmp_path: Path) -> None:
    """The language server runs threads: a worker process forked beside them could wait forever
    for a lock one of them held (one open of a 400-plan folder in four hung so)."""
    import planlint.engine.workers
    from planlint.engine.memo import Memo
    from planlint.engine.run import workspace_facts
    from planlint.engine.workers import AUTO_PARALLEL_FILES

    def no_workers(*args: object) -> None:
        raise AssertionError("worker processes")

    monkeypatch.setattr(planlint.engine.workers, "_in_processes", no_workers)
    sources = [Source(f"plans/other-{n}.yaml", data=f"version: 1\naccount:\n  id: other-{n}\n".encode())
               for n in range(AUTO_PARALLEL_FILES)]
    accounts = workspace_facts(sources, load_registry(), Settings(today=DEFAULT_TODAY), Memo(), str(tmp_path))
    assert accounts == {f"plans/other-{n}.yaml": f"other-{n}" for n in range(AUTO_PARALLEL_FILES)}
