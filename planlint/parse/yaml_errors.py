"""A YAML parse error in words a person who does not know YAML can act on.

libyaml says "mapping values are not allowed in this context" one line after the
real slip. This module looks at the source around its mark and names what was
typed, where it was typed: full-width punctuation from a Chinese keyboard, a tab,
a line indented differently from the keys above it, a missing `- ` or `: `, an
unclosed quote or bracket. The parser's own words are only the last resort, and
then framed by a sentence that says what to check.
"""
from __future__ import annotations

import re
from typing import Any, List, Optional, Tuple

import yaml

from planlint.api import Text
from planlint.messages import builtin_message

Located = Tuple[int, int, Text]  # 1-based line and column, message

FULL_WIDTH = {"：": ("full-width colon", "全角冒号", ":"), "，": ("full-width comma", "全角逗号", ","),
              "、": ("enumeration comma", "顿号", ","), "；": ("full-width semicolon", "全角分号", ","),
              "\u3000": ("full-width space", "全角空格", " ")}
# A key typed with a full-width colon, or a full-width space where YAML needs a space:
# after a key's colon, after a list dash, or in the indentation.
_WIDE_COLON = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"\[\]{},][^:#'\"]*?)\s*：")
_WIDE_SPACE = re.compile(r"^[ \u3000]*\u3000|^\s*-\u3000|^\s*(?:-\s+)?[^\s:#'\"][^:#'\"]*?:\u3000")


def explain(exc: Any, source: str) -> Optional[Located]:
    """Where the mistake behind a parse error was typed, and what to do; None when the
    error is about something else (two documents, a nesting limit)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return None
    lines = source.split("\n")
    wide = full_width_before(lines, mark.line + 1)
    if wide is not None:
        return wide
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    start = getattr(exc, "context_mark", None)
    if "\t" in _line(lines, mark.line)[:mark.column + 1] and "\t" in problem + _indent_of(_line(lines, mark.line)):
        return mark.line + 1, mark.column + 1, builtin_message("tab_indent", line=mark.line + 1)
    if "quoted scalar" in context and start is not None:
        quote = _line(lines, start.line)[start.column:start.column + 1] or '"'
        return start.line + 1, start.column + 1, builtin_message("unclosed_quote", quote=quote, line=start.line + 1)
    opened = _quote_closed_too_late(source, lines, mark.line)
    if opened is not None:
        line, column, quote = opened
        return line + 1, column + 1, builtin_message("unclosed_quote", quote=quote, line=line + 1)
    if "flow sequence" in context or "flow mapping" in context:
        if start is not None:
            bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
            return start.line + 1, start.column + 1, builtin_message(
                "unclosed_bracket", bracket=bracket, closing=closing, line=start.line + 1)
    if "could not find expected ':'" in problem and start is not None:
        return _missing_colon(lines, start.line)
    glued = _previous(lines, mark.line) if "mapping values" in problem else None
    if glued is not None and _GLUED_VALUE.match(_without_comment(lines[glued])):
        return _missing_colon(lines, glued)  # `id:gome` is read as text, and the next key trips
    if "undefined alias" in problem:
        alias = _ALIAS.match(_line(lines, mark.line), mark.column)
        if alias:
            return mark.line + 1, mark.column + 1, builtin_message(
                "undefined_alias", line=mark.line + 1, name=alias.group(1), problem=problem)
    return _indentation(lines, mark, start, problem, context) or _unexplained(mark, problem, context)


_ALIAS = re.compile(r"\*([^\s,\[\]{}]+)")


# `id:gome`: a key and its value with no space between, which YAML reads as one text.
_GLUED_VALUE = re.compile(r"\s*(?:-\s+)?[A-Za-z_][\w-]*:[^\s/]")
# A line of a plan swallowed by a quoted text: `key: value`, `key:` or `- item`. A text
# wrapped over lines on purpose holds words, not these.
_LOOKS_LIKE_YAML = re.compile(r"\s*(?:-\s|[^\s#'\"][^:#]*:(?:\s|$))")


def _quote_closed_too_late(source: str, lines: List[str], error_line: int) -> Optional[Tuple[int, int, str]]:
    """A quoted text that runs from an earlier line to the error's line over lines of
    YAML: its quote was left open, and the next quote in the file (the start of
    another text) closed it."""
    scanner = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(source)
    try:
        while True:
            token = scanner.get_token()
            if token is None or token.start_mark.line > error_line:
                return None
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.start_mark.line < token.end_mark.line == error_line \
                    and any(_LOOKS_LIKE_YAML.match(line) for line in _swallowed(lines, token)):
                return token.start_mark.line, token.start_mark.column, token.style
    except yaml.YAMLError:
        return None
    finally:
        scanner.dispose()


def _swallowed(lines: List[str], token: Any) -> List[str]:
    """The lines a quoted text ran over, the last one up to its closing quote."""
    end = token.end_mark
    return lines[token.start_mark.line + 1:end.line] + [_line(lines, end.line)[:max(end.column - 1, 0)]]


def full_width_before(lines: List[str], last: int) -> Optional[Located]:
    """The first full-width colon or space typed where YAML needs `:` or a space, up to line `last`."""
    for number in range(min(last + 1, len(lines))):
        line = _without_comment(lines[number])
        colon = _WIDE_COLON.match(line)
        if colon and "：" in line and ": " not in line[:colon.end()]:
            key = colon.group(2).strip()
            rest = line[colon.end():].strip()
            return number + 1, colon.end(), builtin_message("wide_colon", line=number + 1, written=f"{key}：{rest}".strip(),
                                                 meant=f"{key}: {rest}".strip())
        space = _WIDE_SPACE.match(line)
        if space:
            return number + 1, space.end(), builtin_message("wide_space", line=number + 1)
    return None


def _missing_colon(lines: List[str], index: int) -> Located:
    line = _line(lines, index)
    written = _without_comment(line).strip() or line.strip()
    words = written.lstrip("- ").split(None, 1)
    key, colon, value = written.lstrip("- ").partition(":")
    if colon and value.strip() and not value[:1].isspace():  # `name:王芳`: only the space is missing
        words = [key, value]
    meant = f"{words[0]}: {words[1]}" if len(words) == 2 else f"{written}:"
    column = len(line) - len(line.lstrip()) + 1
    return index + 1, column, builtin_message("missing_colon", line=index + 1, written=written, meant=meant)


def _indentation(lines: List[str], mark: Any, start: Any, problem: str, context: str) -> Optional[Located]:
    """A line indented unlike the keys it belongs to, or a list item without its `- `."""
    index = mark.line
    line = _line(lines, index)
    if not line.strip():
        return None
    spaces = _spaces(line)
    if "mapping values" in problem and line[:mark.column].count(": ") >= 1 and line.lstrip(" -")[:1] not in "'\"":
        key, _, value = line.strip().partition(": ")
        return index + 1, mark.column + 1, builtin_message("colon_in_value", line=index + 1, key=key, value=value)
    above = _previous(lines, index)
    if above is None:
        return None
    above_keys = _key_column(lines[above])
    if "block collection" in context and start is not None and spaces == start.column \
            and not line.lstrip().startswith("-"):
        return index + 1, spaces + 1, builtin_message("missing_dash", line=index + 1, column=spaces,
                                                      item=_without_comment(line).strip() or line.strip(),
                                                      list_line=start.line + 1)
    if spaces == above_keys:
        return None
    first = _first_item_without_dash(lines, index, spaces) if _is_item(line) else None
    if first is not None:
        return first
    if _first_key_astray(lines, above, index, spaces):
        return above + 1, above_keys + 1, builtin_message(
            "indented_first", line=above + 1, spaces=above_keys, below=index + 1, below_spaces=spaces,
            s="" if above_keys == 1 else "s")
    if spaces < above_keys:  # a dedent: to the nearest level still open above, not the deepest one
        above, above_keys = _nearest_level(lines, above, spaces, _is_item(line))
    return index + 1, spaces + 1, builtin_message("indented", line=index + 1, spaces=spaces, above=above + 1,
                                                  above_spaces=above_keys, s="" if spaces == 1 else "s")


def _first_key_astray(lines: List[str], first: int, index: int, spaces: int) -> bool:
    """Line `first` opens a block (the line above it is its parent) and the keys after
    it, line `index` and the next, agree on another column: the parser tripped
    on the second key, but the first one is the odd one out."""
    parent, after = _previous(lines, first), _next(lines, index)
    if parent is None or after is None or _is_item(lines[first]) or _is_item(lines[index]):
        return False
    opens_block = _key_column(lines[parent]) < min(spaces, _key_column(lines[first]))
    agreed = _spaces(lines[after]) == spaces or _child_column(lines, parent) == spaces
    return opens_block and _holds_block(lines[parent]) and agreed


def _child_column(lines: List[str], parent: int) -> Optional[int]:
    """Where another block like `parent` (a `key:` at its column) puts its first key:
    the file's own habit of indentation."""
    column = _key_column(lines[parent])
    for number, line in enumerate(lines):
        if number != parent and _key_column(line) == column and not _is_item(line) and _holds_block(line):
            child = _next(lines, number)
            if child is not None and _key_column(lines[child]) > column and not _is_item(lines[child]):
                return _spaces(lines[child])
    return None


def _is_item(line: str) -> bool:
    return line.lstrip().startswith("- ")


def _holds_block(line: str) -> bool:
    """`materials:`: a key whose value is on the lines below it."""
    return _without_comment(line).rstrip().endswith(":")


def _holds_yaml(line: str) -> bool:
    """Not blank, not only a comment."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _spaces(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _nearest_level(lines: List[str], last: int, spaces: int, is_item: bool) -> Tuple[int, int]:
    """(line, column) of the open level nearest to `spaces`: a key's column, or for a
    list item also the `- ` of the items above (preferred on a tie). The column the
    line already has is no answer: the parser refused it there."""
    levels = [level for level in _open_levels(lines, last) if level[1] != spaces and (is_item or not level[2])]
    if not levels:
        return last, _key_column(lines[last])
    line, column, _ = min(levels, key=lambda level: (abs(level[1] - spaces), not level[2]))
    return line, column


def _open_levels(lines: List[str], last: int) -> List[Tuple[int, int, bool]]:
    """(line, column, is a `- `) of each level a new line could continue, from line
    `last` up to the top: each step up is a line that starts further left."""
    levels: List[Tuple[int, int, bool]] = []
    floor = len(lines[last]) + 1
    for number in range(last, -1, -1):
        if not _holds_yaml(lines[number]):
            continue
        indent = _spaces(lines[number])
        if _key_column(lines[number]) < floor:
            levels.append((number, _key_column(lines[number]), False))
        if _is_item(lines[number]) and indent < floor:
            levels.append((number, indent, True))
        floor = min(floor, indent)
    return levels


def _first_item_without_dash(lines: List[str], index: int, dash_column: int) -> Optional[Located]:
    """`materials:` whose first item lost its `- `: that item's keys sit where the
    keys after a `- ` at the next item's column would (two columns right of it),
    right under the line that holds the list."""
    item_column, first = dash_column + 2, None
    for number in range(index - 1, -1, -1):
        line = _line(lines, number)
        if not _holds_yaml(line):
            continue
        column = _spaces(line)
        if column > item_column or (column == item_column and line.lstrip().startswith("-")):
            continue  # inside the item's values
        if column == item_column:
            first = number
            continue
        if column < dash_column and first is not None and _holds_block(line):
            item = _without_comment(_line(lines, first)).strip()
            key = _without_comment(line).strip()[:-1].lstrip("- ").strip()
            return first + 1, item_column + 1, builtin_message(
                "first_item_without_dash", line=first + 1, item=item, key=key, next=index + 1)
        return None
    return None


def _unexplained(mark: Any, problem: str, context: str) -> Located:
    said = problem + (f" ({context})" if context else "")
    return mark.line + 1, mark.column + 1, builtin_message("invalid_yaml", line=mark.line + 1, problem=said)


def _line(lines: List[str], index: int) -> str:
    return lines[index].rstrip("\r") if 0 <= index < len(lines) else ""


def _indent_of(line: str) -> str:
    return line[:len(line) - len(line.lstrip())]


def _next(lines: List[str], index: int) -> Optional[int]:
    """The nearest line below `index` that holds YAML (not blank, not only a comment)."""
    for number in range(index + 1, len(lines)):
        if _holds_yaml(lines[number]):
            return number
    return None


def _previous(lines: List[str], index: int) -> Optional[int]:
    """The nearest line above `index` that holds YAML (not blank, not only a comment)."""
    for number in range(index - 1, -1, -1):
        if _holds_yaml(lines[number]):
            return number
    return None


def _key_column(line: str) -> int:
    """Where a line's key starts: after the indentation and any `- ` list dashes."""
    column = _spaces(line)
    while line[column:column + 2] == "- ":
        column += 2
        column += len(line[column:]) - len(line[column:].lstrip(" "))
    return column


def _without_comment(line: str) -> str:
    """The line up to a ` #` comment (a `#` inside quotes is rare enough in keys to ignore)."""
    found = re.search(r"(^|\s)#", line)
    return line[:found.start()] if found else line
