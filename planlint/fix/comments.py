"""Fixes that edit `# planlint: disable…` comments: PL007's (drop the unused codes,
or the whole comment) and `--add-suppressions` (write or extend a comment)."""
from __future__ import annotations

from typing import Callable, Dict, Iterable, List, Optional, Tuple

from planlint.api import Text
from planlint.fixes import SAFE, Edit, Fix, Lines
from planlint.messages import builtin_message
from planlint.suppress import Directive, new_directive, parse_directives, with_codes, without_codes


def unused_suppression_fixes(directives: Iterable[Directive]) -> Dict[int, Fix]:
    """line -> the fix for that line's directive, for each directive that hid nothing
    (or names codes that hid nothing). Every PL007 of one comment gets the same
    fix, which drops all of its unused codes at once."""
    fixes: Dict[int, Fix] = {}
    for directive in directives:
        if directive.malformed is not None:
            continue  # only its writer knows what it meant
        if directive.tokens is None:
            if not directive.used:  # a bare `disable`: it hid nothing at all
                fixes[directive.line] = _remove(directive)
            continue
        unused = directive.unused
        if not unused:
            continue
        kept = [t for t in directive.tokens if t not in unused]
        fix = _remove(directive) if not kept else _drop_codes(directive, unused)
        if fix is not None:
            fixes[directive.line] = fix
    return fixes


def _remove(directive: Directive) -> Fix:
    title = builtin_message("fix_remove_comment")
    if directive.target_line != directive.line:  # alone on its line: the line goes
        return Fix(title, (Edit("", directive.line, 1, directive.line + 1, 1),), SAFE)
    start = directive.column - directive.gap
    end = directive.column + len(directive.text)
    return Fix(title, (Edit("", directive.line, start, directive.line, end),), SAFE)


def _drop_codes(directive: Directive, unused: List[str]) -> Optional[Fix]:
    dropped = without_codes(directive, unused)
    if dropped is None:
        return None
    (start, end), kept = dropped
    names = ", ".join(f"`{c}`" for c in unused)
    return Fix(builtin_message("fix_remove_codes", names=names),
               (Edit(kept, directive.line, start + 1, directive.line, end + 1),), SAFE)


def suppression_edits(text: str, findings: Iterable[Tuple[int, str]], reason: str,
                      inside_scalar: Callable[[int, int], bool]) -> Tuple[List[Edit], List[Tuple[int, Text]]]:
    """Edits that write `# planlint: disable=CODE -- REASON` at the end of each line
    with a finding (codes of one line in one comment, merged into a planlint comment
    the line already ends with); and the (line, why) of lines that cannot take one."""
    lines = Lines(text)
    wanted: Dict[int, List[str]] = {}
    for line, code in findings:
        codes = wanted.setdefault(line, [])
        if code not in codes:
            codes.append(code)
    existing = {d.line: d for d in parse_directives(text) if d.target_line == d.line}
    edits: List[Edit] = []
    skipped: List[Tuple[int, Text]] = []
    for line in sorted(wanted):
        if not 1 <= line <= len(lines.starts):
            continue
        content = lines.line_text(line)
        end_column = len(content) + 1
        directive = existing.get(line)
        if directive is not None:
            edit = _merge(directive, wanted[line], reason)
            if edit is None:
                skipped.append((line, builtin_message("comment_full")))
            elif edit.text:
                edits.append(edit)
            continue
        if inside_scalar(line, end_column) or _ends_inside_text(content):
            skipped.append((line, builtin_message("ends_inside_text")))
            continue
        comment = new_directive(wanted[line], reason)
        gap = "" if content.endswith("  ") else (" " if content.endswith(" ") else "  ")
        edits.append(Edit(gap + comment, line, end_column, line, end_column))
    return edits, skipped


def _merge(directive: Directive, codes: List[str], reason: str) -> Optional[Edit]:
    """Add codes to a line's own `disable=` comment; a bare `disable` hides them already."""
    written = None if directive.whole_file else with_codes(directive, codes, reason)
    if written is None:
        return None
    column, text = written
    return Edit(text, directive.line, column + 1, directive.line, column + 1) if text else Edit("", 0, 0, 0, 0)


def _ends_inside_text(content: str) -> bool:
    # A `|` or `>` block scalar header takes a comment; an open quote does not.
    stripped = content.rstrip()
    return stripped.count('"') % 2 == 1 or (stripped.count("'") % 2 == 1 and ": '" in stripped)
