"""Hover, completion, go to definition, document symbols and code actions, answered
from the open document's text and what the session knows of the workspace."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

from lsprotocol import types
from pygls.uris import from_fs_path

from planlint.api import DOC_SECTIONS, SECTION_TITLES, DataPath, Finding, entries, value_at
from planlint.discover import Source
from planlint.server import schema_nav
from planlint.server.actions import suppressions
from planlint.server.completion import CONTACT_KEYS, complete, field_name
from planlint.server.convert import diagnostic, finding_range, from_lsp, split_lines, to_lsp, units
from planlint.server.cursor import node_at, read

if TYPE_CHECKING:
    from planlint.server.server import PlanServer


def _cursor(ls: PlanServer, uri: str, position: types.Position) -> Tuple[str, List[str], int, int]:
    text = ls.text(uri)
    lines = split_lines(text)
    line, column = from_lsp(lines, position, ls.encoding)
    return text, lines, line, column


def _covers(lines: List[str], finding: Finding, line: int, column: int) -> bool:
    where = finding_range(lines, finding, "utf-32")
    return (where.start.line, where.start.character) <= (line, column) <= (where.end.line, where.end.character)


def hover(ls: PlanServer, uri: str, position: types.Position) -> Optional[types.Hover]:
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
        schema = schema_nav.schema_at(spot.path, loaded.data) if loaded is not None else None
        if schema is not None:
            parts.append(key_markdown(spot.path, schema))
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


def rule_markdown(finding: Finding, rule: Any, lang: str) -> str:
    head = f"**{finding.code}** `{finding.name}` · {finding.severity.value}\n\n{finding.message}"
    if rule is None:
        return head
    sections = rule.sections(lang)
    body = [f"### {SECTION_TITLES.get(lang, SECTION_TITLES['en'])[title]}\n\n{sections[title]}"
            for title in DOC_SECTIONS if sections.get(title)]
    return "\n\n".join([head, f"*{rule.title(lang)}*", *body])


def key_markdown(path: DataPath, schema: dict) -> str:
    from planlint.api import format_path

    text = f"**`{path[-1]}`** — {schema_nav.description(schema) or 'no description'}\n\n`{format_path(path)}`"
    values = schema_nav.enum_values(schema)
    if values:
        text += "\n\nOne of: " + ", ".join(f"`{v}`" for v in values)
    return text


def completion(ls: PlanServer, uri: str, position: types.Position) -> types.CompletionList:
    text, lines, line, column = _cursor(ls, uri, position)
    item = ls.session.open.get(uri)
    linter = item.project.linter if item is not None else None
    accounts = sorted(linter.accounts()) if linter is not None else []
    return types.CompletionList(is_incomplete=False, items=complete(text, line, column, ls.encoding, accounts))


def definition(ls: PlanServer, uri: str, position: types.Position) -> Optional[types.Location]:
    text, lines, line, column = _cursor(ls, uri, position)
    loaded = read(text)
    spot = node_at(loaded.positions.root, line, column) if loaded is not None else None
    if loaded is None or spot is None or spot.is_key:
        return None
    name, data = field_name(spot.path), loaded.data
    target: Optional[DataPath] = None
    if name in CONTACT_KEYS:
        target = _find(data, ("account", "contacts"), spot.text, ("id",))
    elif name == "tier":
        tiers = value_at(data, ("account", "tiers"))
        if isinstance(tiers, list) and spot.text in tiers:
            target = ("account", "tiers", tiers.index(spot.text))
    elif name == "coordinates":
        target = _find(data, ("plans",), spot.text, ("id",))
    elif name == "also_offered_to":
        return _account_file(ls, uri, spot.text)
    if target is None:
        return None
    span = loaded.positions.locate(target)
    return types.Location(uri=uri, range=_span_range(lines, span, ls.encoding))


def _find(data: Any, list_path: DataPath, wanted: str, key: DataPath) -> Optional[DataPath]:
    for index, entry in entries(value_at(data, list_path)):
        if entry.get(key[0]) == wanted:
            return list_path + (index,) + key
    return None


def _span_range(lines: List[str], span: Any, encoding: str) -> types.Range:
    start = to_lsp(lines, span.line, span.column, encoding)
    end = to_lsp(lines, span.end_line, span.end_column, encoding) if span.end_line else start
    return types.Range(start, end)


def _account_file(ls: PlanServer, uri: str, account: str) -> Optional[types.Location]:
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


def symbols(ls: PlanServer, uri: str) -> List[types.DocumentSymbol]:
    text = ls.text(uri)
    lines = split_lines(text)
    loaded = read(text)
    if loaded is None:
        return []
    found = []
    for key, value in loaded.positions.root.value:
        if key.value == "account":
            account = loaded.data.get("account") if isinstance(loaded.data.get("account"), dict) else {}
            found.append(_symbol(lines, str(account.get("id") or "account"), str(account.get("name") or ""),
                                 types.SymbolKind.Namespace, key, value, ls.encoding))
        elif key.value == "plans" and hasattr(value, "value") and isinstance(value.value, list):
            for index, node in enumerate(value.value):
                plan = value_at(loaded.data, ("plans", index))
                plan = plan if isinstance(plan, dict) else {}
                detail = " · ".join(str(plan[k]) for k in ("type", "title") if plan.get(k))
                kind = types.SymbolKind.Event if plan.get("type") == "project" else types.SymbolKind.Class
                found.append(_symbol(lines, str(plan.get("id") or f"plans[{index}]"), detail, kind, node, node,
                                     ls.encoding))
    return found


def _symbol(lines: List[str], name: str, detail: str, kind: types.SymbolKind, first: Any, last: Any,
            encoding: str) -> types.DocumentSymbol:
    start = to_lsp(lines, first.start_mark.line + 1, first.start_mark.column + 1, encoding)
    end = to_lsp(lines, last.end_mark.line + 1, last.end_mark.column + 1, encoding)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    line_text = lines[start.line] if start.line < len(lines) else ""
    selection = types.Range(start, types.Position(start.line, max(start.character, units(line_text.rstrip(), encoding))))
    if (end.line, end.character) < (selection.end.line, selection.end.character):
        end = selection.end
    return types.DocumentSymbol(name=name, detail=detail, kind=kind, range=types.Range(start, end),
                                selection_range=selection)


def code_actions(ls: PlanServer, uri: str, where: types.Range) -> List[types.CodeAction]:
    item = ls.session.open.get(uri)
    if item is None:
        return []
    text = ls.text(uri)
    lines = split_lines(text)
    first, _ = from_lsp(lines, where.start, ls.encoding)
    last, _ = from_lsp(lines, where.end, ls.encoding)
    loaded = read(text)
    actions: List[types.CodeAction] = []
    for finding in item.findings:
        span = finding_range(lines, finding, "utf-32")
        if span.start.line > last or span.end.line < first:
            continue
        plan_line = None
        if finding.plan is not None and loaded is not None:
            path = _find(loaded.data, ("plans",), finding.plan, ("id",))
            if path is not None:
                plan_line = loaded.positions.locate(path[:2]).line - 1
        found = diagnostic(lines, finding, ls.encoding)
        fix = quick_fix(uri, lines, finding, found, ls.encoding)
        actions += ([fix] if fix is not None else []) + suppressions(uri, lines, finding, found, plan_line,
                                                                      ls.encoding)
    return actions


def quick_fix(uri: str, lines: List[str], finding: Finding, found: types.Diagnostic,
              encoding: str) -> Optional[types.CodeAction]:
    """The finding's fix (SPEC section 9) as a quick fix, preferred when it is safe."""
    fix = getattr(finding, "fix", None)
    if fix is None or not fix.edits:
        return None
    edits = [types.TextEdit(range=types.Range(to_lsp(lines, e.line, e.column, encoding),
                                              to_lsp(lines, e.end_line, e.end_column, encoding)), new_text=e.text)
             for e in fix.edits]
    return types.CodeAction(title=fix.title, kind=types.CodeActionKind.QuickFix, diagnostics=[found],
                            is_preferred=fix.safe, edit=types.WorkspaceEdit(changes={uri: edits}))
