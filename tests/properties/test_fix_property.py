"""Property test of --fix over mutated valid plans with mechanical mistakes typed in:
all fixes applied never give a file that fails to parse, never change a byte outside
an edit, and fixing again changes nothing."""
from __future__ import annotations

import codecs
import re
from typing import List, Tuple

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.fix import passes as fixrun
from planlint.config import Settings
from planlint.fix.passes import FileFix, apply_fixes, decode, relint_with
from planlint.engine.memo import Memo
from planlint.registry import load_registry

from helpers import DEFAULT_TODAY, HERE
from mutations import mutated_plan

REGISTRY = load_registry()
EXAMPLES = [yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((HERE.parent / "examples" / "plans").glob("*.yaml"))]
# Mistakes a person types: (pattern on a `key: value` line, replacement).
MISTAKES = [
    (re.compile(r"^(\s*(?:- )?(?:ready|start|end|finalized|date|due): )(\d{4})-0?(\d{1,2})-0?(\d{1,2})$", re.M),
     lambda m: f"{m.group(1)}{m.group(2)}/{int(m.group(3))}/{int(m.group(4))}"),
    (re.compile(r"^(\s*(?:- )?(?:quantity|needed): )(\d)(\d{3})$", re.M), lambda m: f"{m.group(1)}{m.group(2)},{m.group(3)}"),
    (re.compile(r"^(\s*(?:- )?(?:quantity|needed|review_day): )(\d+)$", re.M), lambda m: f"{m.group(1)}0{m.group(2)}"),
    (re.compile(r"^(\s*(?:- )?(?:kind|cadence|type|class): )([a-z])", re.M), lambda m: m.group(1) + m.group(2).upper()),
    (re.compile(r"^(\s*(?:- )?)(finalized|consultations|exclusive|materials):", re.M),
     lambda m: m.group(1) + m.group(2)[:-2] + m.group(2)[-1] + m.group(2)[-2] + ":"),
    (re.compile(r"^(\s*(?:- )?title: ).*$", re.M), lambda m: m.group(1) + "yes"),
    (re.compile(r"^(\s*(?:- )?(?:with|review_with): )([a-z]+)-([a-z]+)$", re.M),
     lambda m: f"{m.group(1)}{m.group(2).title()}-{m.group(3).title()}"),
    (re.compile(r"^(\s*(?:- )?role: .*)$", re.M), lambda m: m.group(1) + "  # planlint: disable=PL999"),
]
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def with_mistakes(text: str, picks: List[Tuple[int, int]]) -> str:
    for which, nth in picks:
        pattern, replace = MISTAKES[which % len(MISTAKES)]
        found = list(pattern.finditer(text))
        if found:
            match = found[nth % len(found)]
            text = text[:match.start()] + replace(match) + text[match.end():]
    return text


class Recorder:
    """Checks every splice: outside its edits, the text comes out as it went in."""

    def __init__(self) -> None:
        self.splice = fixrun.splice

    def __call__(self, text: str, edits: list) -> str:
        result = self.splice(text, edits)
        position, shift = 0, 0
        for start, end, replacement in edits:
            assert result[position + shift:start + shift] == text[position:start]
            shift += len(replacement) - (end - start)
            position = end
        assert result[position + shift:] == text[position:]
        return result


def fix_all(raw: bytes) -> FileFix:
    item = decode("plan.yaml", raw)
    assert item is not None
    relint = relint_with(Settings(today=DEFAULT_TODAY), REGISTRY, {}, Memo())
    apply_fixes({"plan.yaml": item}, relint({"plan.yaml": raw}), relint, unsafe=True)
    return item


@PROPERTY
@given(st.integers(min_value=0, max_value=2 ** 32), st.sampled_from(range(len(EXAMPLES))),
       st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=6),
       st.booleans(), st.booleans())
def test_fixes_keep_plans_parsing_touch_only_their_edits_and_are_idempotent(
        seed: int, example: int, picks: List[Tuple[int, int]], bom: bool, crlf: bool) -> None:
    text = with_mistakes(mutated_plan(EXAMPLES[example], seed).decode("utf-8"), picks)
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    monkey = pytest.MonkeyPatch()
    monkey.setattr(fixrun, "splice", Recorder())
    try:
        item = fix_all(raw)
    finally:
        monkey.undo()
    if item.fixed == item.text:
        return
    assert item.failure is None
    fixed = item.encoded()
    assert fixed.startswith(codecs.BOM_UTF8) == bom
    assert (b"\n" in fixed.replace(b"\r\n", b"")) == (b"\n" in raw.replace(b"\r\n", b""))  # line ends kept
    again = fix_all(fixed)
    assert again.fixed == again.text  # nothing left to fix, so a second --fix changes nothing
    relint = relint_with(Settings(today=DEFAULT_TODAY), REGISTRY, {}, Memo())
    assert not [f for f in relint({"plan.yaml": fixed})["plan.yaml"] if f.code == "PL001"]
