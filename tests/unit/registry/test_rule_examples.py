"""Each rule's documented example fails, and its fix clears the finding.

`planlint explain CODE`, the HTML report and SARIF show a rule's "Example that
fails" and "Fix" YAML blocks (read here as they read them: `explain.doc_sections(rule, lang)`;
in Chinese, the same YAML with Chinese values and comments, which must hold too).
The blocks are fragments, written at the level of the mistake; each is placed
into tests/data/rule_examples/base.yaml (a clean plan whose ids the examples use) by
its indentation, as text, so duplicate keys and comments stay as written:

- a whole file (`version: 1`) is linted as it is;
- indent 0: top-level keys; `account:` merges into the account, `plans:` holds
  the plans (and only those), any other key replaces the base's;
- indent 2: a plan entry (`- id:`) replaces the plan with that id, or is added;
  other keys replace the account's;
- indent 4: keys replace those of the first project plan (of the first
  operational plan when they are operational-only);
- a list item deeper down (`- item:`) replaces the list its first key belongs to;
- entries of `plans` and `contacts` keep the keys the schema requires and the
  example leaves out (from the entry they replace, or the first one of their type).

In an example, `...` alone on a line separates fragments at different levels,
indented it stands for the rest of its entry; `# today YYYY-MM-DD` (`# 今天是 …`)
is the run's date; `# name.yaml` names the file, and a second such comment
another account's file that holds the same example. The fix is placed into the
failing plan: it shows only what changes.
"""
from __future__ import annotations

import datetime as dt
import importlib.resources
import re
import textwrap
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest
import yaml

from planlint.config import Settings
from planlint.engine.run import lint_texts
from planlint.explain import doc_sections
from planlint.registry import load_registry

from helpers import DATA

# The built-in rules: an installed rule pack's examples need not fit this base plan.
RULES = [rule for rule in load_registry().ordered() if rule.code.startswith("PL")]
BASE = (DATA / "rule_examples" / "base.yaml").read_text(encoding="utf-8")
TODAY = dt.date(2027, 1, 15)  # base.yaml is clean on this day
FILE = "gome-2027.yaml"

OPERATIONAL_ONLY = {"cadence", "review_day", "review_with", "coordinates"}
ITEM_LISTS = {"item": "materials", "text": "objectives", "id": "contacts"}  # a list item's first key -> its list
ENTRY_LISTS = {"plans", "contacts"}
# The keys schemas/account-plan.schema.json requires, which an example leaves out.
REQUIRED = {"plans": ("id", "type", "title", "tier"), "contacts": ("id", "name", "role"),
            "project": ("kind", "finalized", "start", "end"), "operational": ("cadence", "review_day")}
# Fragments that no indentation rule places: (code, section) -> the project plan's key they belong in.
INSIDE = {("PL605", "Fix"): "budget"}

DataPath = Tuple[object, ...]


class Example:
    """One YAML block of a rule's docs: its fragments, run date and file names."""

    def __init__(self, section: str) -> None:
        block = re.search(r"```yaml\n(.*?)```", section, re.S)
        assert block, "the section holds a ```yaml block"
        self.parts: List[List[str]] = [[]]
        self.today: Optional[dt.date] = None
        self.files: List[str] = []
        for line in block.group(1).splitlines():
            today = re.fullmatch(r"# (?:today|今天是) (\d{4}-\d\d-\d\d)\b.*", line)
            name = re.fullmatch(r"# ([\w.-]+\.yaml)\b.*", line)
            if today:
                self.today = dt.date.fromisoformat(today.group(1))
            elif name:
                self.files.append(name.group(1))
            elif line == "...":
                self.parts.append([])
            elif line.strip() != "...":
                self.parts[-1].append(line)
        self.parts = [part for part in self.parts if part]


# ---- the text of a plan, edited by data path (yaml.compose gives each node its lines)

def _node(text: str, path: DataPath) -> yaml.Node:
    node = yaml.compose(text)
    for step in path:
        if isinstance(step, int):
            node = node.value[step]
        else:
            node = next(value for key, value in node.value if key.value == step)
    return node


def _end(node: yaml.Node) -> int:
    """The line after a node's last line."""
    if isinstance(node, yaml.ScalarNode) or node.flow_style or not node.value:
        return node.end_mark.line + (1 if node.end_mark.column else 0)
    last = node.value[-1]
    return _end(last[1] if isinstance(node, yaml.MappingNode) else last)


def _first_plan(text: str, type_: str) -> int:
    return next(i for i, plan in enumerate(_data(text, ("plans",))) if plan.get("type") == type_)


def _blocks(lines: List[str]) -> List[List[str]]:
    """A fragment cut into its top-level keys or list items, each with the lines below it."""
    indent = _indent(lines[0])
    blocks: List[List[str]] = []
    for line in lines:
        if not blocks or (_indent(line) == indent and not line.strip().startswith("#")):
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key(block: List[str]) -> str:
    return block[0].strip().removeprefix("- ").split(":")[0]


def _splice(text: str, start: int, end: int, new: List[str]) -> str:
    lines = text.splitlines()
    return "\n".join(lines[:start] + new + lines[end:]) + "\n"


def put_keys(text: str, path: DataPath, lines: List[str]) -> str:
    """The keys of `lines` replace those of the mapping at `path`, or are added; as
    written, so a key the fragment repeats stays repeated."""
    blocks = _blocks(lines)
    for block in blocks:
        if _key(block) in ENTRY_LISTS:
            text = put_entries(text, path + (_key(block),), _blocks(block[1:]), replace_all=True)
    blocks = [block for block in blocks if _key(block) not in ENTRY_LISTS]
    keys = {_key(block) for block in blocks}
    for key, value in reversed(_node(text, path).value):
        if key.value in keys:
            text = _splice(text, key.start_mark.line, _end(value), [])
    end = _end(_node(text, path))
    return _splice(text, end, end, sum(blocks, []))


def put_entries(text: str, path: DataPath, entries: List[List[str]], replace_all: bool) -> str:
    """Each entry (`- id: ...` and its lines) replaces the entry with its id, or is added;
    with `replace_all`, the list holds these entries only."""
    done = [_complete(text, path, entry) for entry in entries]
    if replace_all:
        items = _node(text, path).value
        return _splice(text, items[0].start_mark.line, _end(items[-1]), sum(done, []))
    for entry in done:
        ids = [item.get("id") for item in _data(text, path)]
        if _parse(entry).get("id") in ids:
            item = _node(text, path + (ids.index(_parse(entry)["id"]),))
            text = _splice(text, item.start_mark.line, _end(item), entry)
        else:
            text = _splice(text, _end(_node(text, path)), _end(_node(text, path)), entry)
    return text


def _complete(text: str, path: DataPath, entry: List[str]) -> List[str]:
    """An entry with the required keys it leaves out, as the entry it replaces has them
    (or the first entry of its type)."""
    given, old = _parse(entry), _data(text, path)
    same = [i for i, item in enumerate(old) if item.get("id") == given.get("id")]
    typed = [i for i, item in enumerate(old) if item.get("type") == given.get("type")]
    index = (same or typed or [0])[0]
    type_ = given.get("type", old[index].get("type"))
    missing = [k for k in REQUIRED[path[-1]] + REQUIRED.get(type_, ()) if k not in given]
    lines = text.splitlines()
    return entry + [line for key, value in _node(text, path + (index,)).value if key.value in missing
                    for line in lines[key.start_mark.line:_end(value)]]


def _parse(entry: List[str]) -> dict:
    return yaml.safe_load(textwrap.dedent("\n".join(entry)))[0]


def _data(text: str, path: DataPath):
    data = yaml.safe_load(text)
    for step in path:
        data = data[step]
    return data


def place(text: str, lines: List[str], code: str, section: str) -> str:
    """The plan `text` with the fragment `lines` placed by its indentation."""
    indent, first = _indent(lines[0]), lines[0].strip()
    if (code, section) in INSIDE:
        return put_keys(text, ("plans", _first_plan(text, "project"), INSIDE[code, section]), lines)
    if first.startswith("- ") and indent == 2:
        return put_entries(text, ("plans",), _blocks(lines), replace_all=False)
    if first.startswith("- ") and _key(lines) in ITEM_LISTS:
        return place(text, [" " * (indent - 2) + ITEM_LISTS[_key(lines)] + ":"] + lines, code, section)
    if indent == 0:
        for block in _blocks(lines):
            text = (put_keys(text, ("account",), block[1:]) if _key(block) == "account"
                    else put_keys(text, (), block))
        return text
    if indent == 2:
        return put_keys(text, ("account",), lines)
    if indent == 4:
        keys = {_key(block) for block in _blocks(lines)}
        type_ = "operational" if keys <= OPERATIONAL_ONLY else "project"
        return put_keys(text, ("plans", _first_plan(text, type_)), lines)
    raise AssertionError(f"{code} {section}: no place for `{first}` at indent {indent}; "
                         f"add its list to ITEM_LISTS or ({code!r}, {section!r}) to INSIDE")


def plan_with(example: Example, code: str, section: str, text: str = BASE) -> str:
    if example.parts[0][0].startswith("version:"):
        return "\n".join(example.parts[0]) + "\n"  # a whole file
    for part in example.parts:
        text = place(text, part, code, section)
    return text


# ---- the tests

UNREADABLE = {"PL001", "PL002", "PL003"}  # a plan with these does not show that a fix works
# The Chinese docs show the English examples with Chinese values and comments (explain.EXAMPLE_WORDS_ZH).
CASES = [pytest.param(rule, lang, id=f"{rule.code}-{lang}") for rule in RULES for lang in ("en", "zh")]


def _lint(texts: Dict[str, str], tmp_path: Path, today: dt.date) -> List[Tuple[str, str]]:
    """(code, "line:column message") of the findings in the first file of `texts`."""
    paths = {str(tmp_path / name): text for name, text in texts.items()}
    result = lint_texts(paths, Settings(select=["PL"], today=today))  # opt-in rules too
    return [(f.code, f"{f.line}:{f.column} {f.message}") for f in result.findings
            if f.path == str(tmp_path / next(iter(texts)))]


def _examples(rule, lang: str = "en") -> Tuple[Example, Example]:
    sections = doc_sections(rule, lang)  # what `planlint explain --lang LANG` shows
    return Example(sections["Example that fails"]), Example(sections["Fix"])


def _plans(rule, lang: str, fixed: bool) -> Dict[str, str]:
    """The plan with the rule's failing example (and its fix), under the file name the
    example gives; then other accounts' files that hold the same failing example."""
    failing, fix = _examples(rule, lang)
    text = plan_with(failing, rule.code, "Example that fails")
    if fixed:
        text = plan_with(fix, rule.code, "Fix", text)
    texts = {(failing.files or [FILE])[0]: text}
    for name in failing.files[1:]:
        other = put_keys(BASE, ("account",), [f"  id: {name.split('-')[0]}"])
        texts[name] = plan_with(failing, rule.code, "Example that fails", other)
    return texts


def _today(rule, lang: str = "en") -> dt.date:
    failing, fix = _examples(rule, lang)
    return fix.today or failing.today or TODAY


@pytest.mark.parametrize("rule, lang", CASES)
def test_example_that_fails_reports_the_rule(rule, lang: str, tmp_path: Path) -> None:
    texts = _plans(rule, lang, fixed=False)
    found = [message for code, message in _lint(texts, tmp_path, _today(rule, lang)) if code == rule.code]
    assert found, f"{rule.code}'s example does not fail; the plan linted:\n{next(iter(texts.values()))}"


@pytest.mark.parametrize("rule, lang", CASES)
def test_fix_clears_the_finding(rule, lang: str, tmp_path: Path) -> None:
    texts = _plans(rule, lang, fixed=True)
    findings = _lint(texts, tmp_path, _today(rule, lang))
    text = next(iter(texts.values()))
    left = [message for code, message in findings if code == rule.code]
    assert left == [], f"{rule.code}'s fix leaves {left}; the plan linted:\n{text}"
    if not text.startswith("version:"):  # PL001's fix is a whole file of two sections
        unreadable = [f"{code} {message}" for code, message in findings if code in UNREADABLE]
        assert unreadable == [], f"{rule.code}'s fixed plan does not read:\n{text}"


@pytest.mark.parametrize("today", sorted({TODAY} | {_today(rule) for rule in RULES}), ids=str)
def test_the_base_plan_is_clean(today: dt.date, tmp_path: Path) -> None:
    assert _lint({FILE: BASE}, tmp_path, today) == []


def test_every_rule_module_has_its_examples_tested() -> None:
    # An empty RULES would make the tests above skip silently: compare with the rule modules.
    modules = [entry.name for entry in importlib.resources.files("planlint.rules").iterdir()
               if re.fullmatch(r"pl\d{3}_\w+\.py", entry.name)]
    assert sorted(name[:5].upper() for name in modules) == [rule.code for rule in RULES]
    assert RULES, "no built-in rule loaded"
