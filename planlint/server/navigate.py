"""Hover, completion and go to definition, answered from the open document's text
and what the session knows of the workspace."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

from lsprotocol import types
from pygls.uris import from_fs_path

from planlint.api import DOC_SECTIONS, DataPath, value_at
from planlint.discover import Source
from planlint.explain import doc_sections
from planlint.model import SECTION_TITLES, SEVERITY_NAMES, Finding
from planlint.schema import navigate as plan_schema
from planlint.server.completion import CONTACT_KEYS, complete, field_name
from planlint.server.convert import code_span, finding_range, from_lsp, markdown_text, split_lines, to_lsp
from planlint.server.cursor import find_entry, node_at, read

if TYPE_CHECKING:
    from planlint.server.editor import Editor


def _cursor(ls: Editor, uri: str, position: types.Position) -> Tuple[str, List[str], int, int]:
    text = ls.text(uri)
    lines = split_lines(text)
    line, column = from_lsp(lines, position, ls.encoding)
    return text, lines, line, column


def _covers(lines: List[str], finding: Finding, line: int, column: int) -> bool:
    where = finding_range(lines, finding, "utf-32")
    return (where.start.line, where.start.character) <= (line, column) <= (where.end.line, where.end.character)


def hover(ls: Editor, uri: str, position: types.Position) -> Optional[types.Hover]:
    text, lines, line, column = _cursor(ls, uri, position)
    item = ls.session.open.get(uri)
    parts = []
    if item is not None and item.project.linter is not None:
        linter = item.project.linter
        parts += [rule_markdown(f, linter.registry.rules.get(f.code), linter.settings.lang)
                  for f in item.findings if _covers(lines, f, line, column)]
    loaded = read(text)
    spot = node_at(loaded.positions.root, line, column) if loaded is not None else None
    if spot is not None and spot.is_key:
        schemas = plan_schema.at(loaded.data, spot.path, allowed_only=True) if loaded is not None else []
        if schemas:
            lang = item.project.linter.settings.lang if item is not None and item.project.linter else "en"
            parts.append(key_markdown(spot.path, schemas, lang))
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


def rule_markdown(finding: Finding, rule: Any, lang: str) -> str:
    severity = SEVERITY_NAMES[lang][finding.severity.value]
    title = rule.title(lang) if rule is not None else finding.name
    head = f"**{finding.code}** {title} · {severity}\n\n{markdown_text(finding.message)}"
    if rule is None:
        return head
    sections = doc_sections(rule, lang)
    body = [f"### {SECTION_TITLES.get(lang, SECTION_TITLES['en'])[title]}\n\n{sections[title]}"
            for title in DOC_SECTIONS if sections.get(title)]
    return "\n\n".join([head, f"*{rule.headline(lang)}*", *body])


KEY_WORDS = {"en": {"none": "no description", "one_of": "One of: ", "and": ", "},
             "zh": {"none": "没有说明", "one_of": "可选：", "and": "、"}}


def key_markdown(path: DataPath, schemas: List[dict], lang: str = "en") -> str:
    from planlint.api import format_path
    from planlint.messages import description

    words = KEY_WORDS[lang]
    said = plan_schema.description(schemas)
    said = description(said).render(lang) if said else words["none"]
    text = f"**{code_span(str(path[-1]))}** — {said}\n\n{code_span(format_path(path))}"
    values = plan_schema.enum_values(schemas)
    if values:
        text += "\n\n" + words["one_of"] + words["and"].join(code_span(str(v)) for v in values)
    return text


def completion(ls: Editor, uri: str, position: types.Position) -> types.CompletionList:
    text, lines, line, column = _cursor(ls, uri, position)
    ls.read_workspaces()  # the other files' account ids: a request right after the open waits for them
    item = ls.session.open.get(uri)
    linter = item.project.linter if item is not None else None
    accounts = sorted(linter.accounts()) if linter is not None else []
    return types.CompletionList(is_incomplete=False, items=complete(text, line, column, ls.encoding, accounts))


def definition(ls: Editor, uri: str, position: types.Position) -> Optional[types.Location]:
    text, lines, line, column = _cursor(ls, uri, position)
    loaded = read(text)
    spot = node_at(loaded.positions.root, line, column) if loaded is not None else None
    if loaded is None or spot is None or spot.is_key:
        return None
    name, data = field_name(spot.path), loaded.data
    target: Optional[DataPath] = None
    if name in CONTACT_KEYS:
        target = find_entry(data, ("account", "contacts"), spot.text, ("id",))
    elif name == "tier":
        tiers = value_at(data, ("account", "tiers"))
        if isinstance(tiers, list) and spot.text in tiers:
            target = ("account", "tiers", tiers.index(spot.text))
    elif name == "coordinates":
        target = find_entry(data, ("plans",), spot.text, ("id",))
    elif name == "also_offered_to":
        return _account_file(ls, uri, spot.text)
    if target is None:
        return None
    span = loaded.positions.locate(target)
    return types.Location(uri=uri, range=_span_range(lines, span, ls.encoding))


def _span_range(lines: List[str], span: Any, encoding: str) -> types.Range:
    start = to_lsp(lines, span.line, span.column, encoding)
    end = to_lsp(lines, span.end_line, span.end_column, encoding) if span.end_line else start
    return types.Range(start, end)


def _account_file(ls: Editor, uri: str, account: str) -> Optional[types.Location]:
    ls.read_workspaces()  # the other files' account ids: a request right after the open waits for them
    item = ls.session.open.get(uri)
    if item is None or item.project.linter is None:
        return None
    path = item.project.linter.accounts().get(account)
    if path is None:
        return None
    try:
        text = Source(path).read(5_000_000).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    loaded = read(text) if text else None
    where = types.Range(types.Position(0, 0), types.Position(0, 0))
    if loaded is not None:
        where = _span_range(split_lines(text), loaded.positions.locate(("account", "id")), ls.encoding)
    return types.Location(uri=from_fs_path(os.path.abspath(path)) or path, range=where)
