"""What is due, on the dated entry itself: a code lens ("due in 5 days: finalize plan
`x`"), or, for a client without code lenses, a line in the hover. The same items as
`planlint due` (30 days), for the open document, in the configured language."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, List, Optional

from lsprotocol import types

from planlint.server.convert import markdown_text

if TYPE_CHECKING:
    from planlint.directors.due import DueItem
    from planlint.server.editor import Editor

WITHIN = 30


def items(ls: Editor, uri: str) -> List[DueItem]:
    """The open document's due items (milestones, deadlines, overdue findings)."""
    from planlint.engine.run import lint_texts

    item = ls.session.open.get(uri)
    if item is None or item.project.linter is None:
        return []
    linter = item.project.linter
    result = lint_texts({item.path: ls.text(uri)}, linter.settings, registry=linter.registry, due_within=WITHIN)
    return result.due


def title(item: DueItem, today: dt.date, lang: str) -> str:
    """"due in 5 days: finalize plan `x`", "overdue since 2026-11-29 (PL704): …"."""
    from planlint.directors.due_words import when, word

    if item.kind == "overdue":
        return word("overdue_since", date=item.date, rule=item.code, what=item.what).render(lang)
    return word("due_in", when=when((item.date - today).days, lang), what=item.what).render(lang)


def code_lenses(ls: Editor, uri: str) -> List[types.CodeLens]:
    found = items(ls, uri)
    if not found:
        return []
    settings = ls.session.open[uri].project.linter.settings  # type: ignore[union-attr]
    lenses = []
    for item in found:
        where = types.Range(start=types.Position(line=item.line - 1, character=0),
                            end=types.Position(line=item.line - 1, character=0))
        lenses.append(types.CodeLens(range=where, command=types.Command(
            title=title(item, settings.today, settings.lang), command="")))
    return lenses


def supports_code_lens(capabilities: types.ClientCapabilities) -> bool:
    document = capabilities.text_document
    return bool(document is not None and document.code_lens is not None)


def hover_lines(ls: Editor, uri: str, line: int) -> Optional[str]:
    """For a client without code lenses: what is due on `line` (0-based), for the hover."""
    if supports_code_lens(ls.client_capabilities):
        return None
    found = [item for item in items(ls, uri) if item.line - 1 == line]
    if not found:
        return None
    settings = ls.session.open[uri].project.linter.settings  # type: ignore[union-attr]
    return "\n\n".join(markdown_text(title(item, settings.today, settings.lang)) for item in found)


def with_due(ls: Editor, uri: str, line: int, hover: Optional[types.Hover]) -> Optional[types.Hover]:
    """`hover` with what is due on `line` below it, for a client without code lenses."""
    due = hover_lines(ls, uri, line)
    if due is None:
        return hover
    if hover is None or not isinstance(hover.contents, types.MarkupContent):
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=due))
    return types.Hover(contents=types.MarkupContent(kind=hover.contents.kind,
                                                    value=hover.contents.value + "\n\n---\n\n" + due),
                       range=hover.range)

