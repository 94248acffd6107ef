"""Document symbols: the account and each plan, for the editor's outline."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, List

from lsprotocol import types

from planlint.api import value_at
from planlint.server.convert import split_lines, to_lsp, units
from planlint.server.cursor import read

if TYPE_CHECKING:
    from planlint.server.editor import Editor


def symbols(ls: Editor, uri: str) -> List[types.DocumentSymbol]:
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
