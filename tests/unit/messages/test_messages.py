"""Messages a key-account manager can act on, in English and Chinese: references,
one finding per root cause, spellings, Chinese-keyboard punctuation, YAML errors, wording.

Each fixture in tests/data/messages/ is a plan with one kind of mistake; its header lists
every finding the run must give, exactly (`# en: CODE:LINE:COLUMN message`, then
the same findings under `--lang zh`): one finding per root cause, no knock-on.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import DATA, HERE, header, lint_paths

FIXTURES = sorted((DATA / "messages").glob("*.yaml"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_findings_and_their_exact_words(fixture: Path, lang: str) -> None:
    found = lint_paths([str(fixture)], lang=lang).findings
    assert [f"{f.code}:{f.line}:{f.column} {f.message}" for f in found] == header(fixture, lang)


def test_every_fixture_says_what_it_shows_in_both_languages() -> None:
    # A folder moved or renamed would leave the tests above with nothing to run.
    assert len(FIXTURES) >= 45
    for fixture in FIXTURES:
        first = fixture.read_text(encoding="utf-8").splitlines()[0]
        assert re.fullmatch(r"# (?!en:|zh:)\S.*", first), fixture.name
        assert len(header(fixture, "en")) == len(header(fixture, "zh")), fixture.name
