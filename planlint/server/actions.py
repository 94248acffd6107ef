"""Code actions: a finding's fix as a quick fix; suppress a finding on its line, for its plan, or in the file, by
writing the `# planlint: disable…` comment through planlint.suppress (merged into the
directive the line already has, however it was typed)."""
from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Sequence

from lsprotocol import types

from planlint.model import Finding
from planlint.server.convert import diagnostic, finding_range, from_lsp, split_lines, to_lsp, units
from planlint.server.cursor import find_entry, read
from planlint.suppress import directive_on, new_directive, with_codes

if TYPE_CHECKING:
    from planlint.server.editor import Editor

def suppress_on_line(lines: Sequence[str], line: int, code: str, encoding: str) -> Optional[types.TextEdit]:
    """The edit that adds `code` to line `line`'s (0-based) directive, or appends one."""
    if not 0 <= line < len(lines):
        return None
    text = lines[line]
    directive = directive_on(text)
    if directive is not None and not directive.whole_file:
        written = with_codes(directive, [code])
        if written is None or not written[1]:
            return None
        return _insert(line, units(text[:written[0]], encoding), written[1])
    stripped = text.rstrip()
    return _insert(line, units(stripped, encoding), "  " + new_directive([code]))


def suppress_in_file(lines: Sequence[str], code: str, encoding: str) -> Optional[types.TextEdit]:
    for number, text in enumerate(lines):
        directive = directive_on(text)
        if directive is not None and directive.whole_file and directive.malformed is None:
            written = with_codes(directive, [code])
            if written is None or not written[1]:
                return None
            return _insert(number, units(text[:written[0]], encoding), written[1])
    return _insert(0, 0, new_directive([code], whole_file=True) + "\n")


def _insert(line: int, character: int, text: str) -> types.TextEdit:
    where = types.Position(line, character)
    return types.TextEdit(range=types.Range(where, where), new_text=text)


def suppressions(uri: str, lines: Sequence[str], finding: Finding, diagnostic: types.Diagnostic,
                 plan_line: Optional[int], encoding: str, lang: str = "en",
                 rule: str = "") -> List[types.CodeAction]:
    """The three suppression actions for one finding; `plan_line` is its plan's start (0-based);
    `rule` the rule's title in `lang`, so a person sees which rule they silence."""
    from planlint.messages import builtin_message

    def title(name: str) -> str:
        return builtin_message(name, code=finding.code, plan=finding.plan, rule=rule or finding.name).render(lang)

    offers = [(title("suppress_on_line"), suppress_on_line(lines, finding.line - 1, finding.code, encoding))]
    if finding.plan is not None and plan_line is not None:
        offers.append((title("suppress_for_plan"), suppress_on_line(lines, plan_line, finding.code, encoding)))
    offers.append((title("suppress_in_file"), suppress_in_file(lines, finding.code, encoding)))
    return [types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                             edit=types.WorkspaceEdit(changes={uri: [edit]}))
            for title, edit in offers if edit is not None]


def code_actions(ls: Editor, uri: str, where: types.Range) -> List[types.CodeAction]:
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
            path = find_entry(loaded.data, ("plans",), finding.plan, ("id",))
            if path is not None:
                plan_line = loaded.positions.locate(path[:2]).line - 1
        found = diagnostic(lines, finding, ls.encoding)
        fix = quick_fix(uri, lines, finding, found, ls.encoding)
        linter = item.project.linter
        lang = linter.settings.lang if linter is not None else "en"
        rule = linter.registry.title(finding.code, finding.name, lang) if linter is not None else finding.name
        actions += ([fix] if fix is not None else []) + suppressions(uri, lines, finding, found, plan_line,
                                                                      ls.encoding, lang, rule)
    return actions


def quick_fix(uri: str, lines: List[str], finding: Finding, found: types.Diagnostic,
              encoding: str) -> Optional[types.CodeAction]:
    """The finding's fix as a quick fix, preferred when it is safe."""
    fix = getattr(finding, "fix", None)
    if fix is None or not fix.edits:
        return None
    edits = [types.TextEdit(range=types.Range(to_lsp(lines, e.line, e.column, encoding),
                                              to_lsp(lines, e.end_line, e.end_column, encoding)), new_text=e.text)
             for e in fix.edits]
    return types.CodeAction(title=fix.title, kind=types.CodeActionKind.QuickFix, diagnostics=[found],
                            is_preferred=fix.safe, edit=types.WorkspaceEdit(changes={uri: edits}))
