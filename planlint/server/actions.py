"""Code actions: a finding's fix (SPEC section 9) as a quick fix; suppress a finding on its line, for its plan, or in the file, by
writing the `# planlint: disable…` comment that SPEC section 5 defines (merged
into a planlint comment the line already has)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, List, Optional, Sequence

from lsprotocol import types

from planlint.model import Finding
from planlint.server.convert import diagnostic, finding_range, from_lsp, split_lines, to_lsp, units
from planlint.server.cursor import find_entry, read

if TYPE_CHECKING:
    from planlint.server.editor import Editor

_LINE_DIRECTIVE = re.compile(r"#\s*planlint:\s*disable\s*=\s*([^#]*?)(\s+--\s.*)?\s*$", re.IGNORECASE)
_FILE_DIRECTIVE = re.compile(r"^\s*#\s*planlint:\s*disable-file\s*=\s*([^#]*?)(\s+--\s.*)?\s*$", re.IGNORECASE)


def suppress_on_line(lines: Sequence[str], line: int, code: str, encoding: str) -> Optional[types.TextEdit]:
    """The edit that adds `code` to line `line`'s (0-based) directive, or appends one."""
    if not 0 <= line < len(lines):
        return None
    text = lines[line]
    match = _LINE_DIRECTIVE.search(text)
    if match and not re.search(r"disable-file", match.group(0), re.IGNORECASE):
        codes = [c.strip() for c in match.group(1).split(",") if c.strip()]
        if code.lower() in (c.lower() for c in codes):
            return None
        at = match.end(1)
        return _insert(line, units(text[:at], encoding), f",{code}" if codes else code)
    stripped = text.rstrip()
    return _insert(line, units(stripped, encoding), f"  # planlint: disable={code}")


def suppress_in_file(lines: Sequence[str], code: str, encoding: str) -> Optional[types.TextEdit]:
    for number, text in enumerate(lines):
        match = _FILE_DIRECTIVE.match(text)
        if match:
            codes = [c.strip().lower() for c in match.group(1).split(",") if c.strip()]
            if code.lower() in codes:
                return None
            return _insert(number, units(text[:match.end(1)], encoding), f",{code}")
    return _insert(0, 0, f"# planlint: disable-file={code}\n")


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
    """The finding's fix (SPEC section 9) as a quick fix, preferred when it is safe."""
    fix = getattr(finding, "fix", None)
    if fix is None or not fix.edits:
        return None
    edits = [types.TextEdit(range=types.Range(to_lsp(lines, e.line, e.column, encoding),
                                              to_lsp(lines, e.end_line, e.end_column, encoding)), new_text=e.text)
             for e in fix.edits]
    return types.CodeAction(title=fix.title, kind=types.CodeActionKind.QuickFix, diagnostics=[found],
                            is_preferred=fix.safe, edit=types.WorkspaceEdit(changes={uri: edits}))
