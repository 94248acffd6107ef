"""Where the cursor is in a plan: the data path of the key or value under it.

The document is read with planlint's own loader (safe, bounded). While a key or a
value is being typed the text often does not parse, so completion first writes a
placeholder where the cursor is, on that line only, and reads that instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

import yaml

from planlint.api import DataPath, entries, value_at
from planlint.parse.decode import text_bytes
from planlint.parse.loader import Loaded, load

PLACEHOLDER = "planlint-cursor-placeholder"
WORD = re.compile(r"[\w.-]*")
_VALUE = re.compile(r"^(\s*(?:-\s+)*)([^\s#:\-\[{][^:#]*?):(?:[ \t]+(.*))?$")
_KEY = re.compile(r"^(\s*)((?:-\s+)*)([\w-]*)$")


@dataclass
class Spot:
    path: DataPath       # the key's path (is_key) or the value's path
    is_key: bool
    text: str            # what is written there
    line: int            # 0-based; start and end columns of `text`, in characters
    start: int
    end: int
    written: Tuple[str, ...] = ()  # the other items of a flow list being typed (`[a, b, |]`)
    space: bool = False   # the cursor is right after `key:`: a value needs a space first


def read(text: str) -> Optional[Loaded]:
    loaded = load(text_bytes(text))
    return loaded if loaded.data is not None and loaded.positions.root is not None else None


def node_at(root: Any, line: int, column: int) -> Optional[Spot]:
    """The scalar (a key or a value) under (line, column), 0-based."""
    stack: List[Tuple[Any, DataPath]] = [(root, ())]
    seen = set()
    while stack:
        node, path = stack.pop()
        if id(node) in seen or not _covers(node, line, column):
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return _spot(node, path, False)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and _covers(key, line, column):
                    return _spot(key, path + (key.value,), True)
                if isinstance(key, yaml.ScalarNode):
                    stack.append((value, path + (key.value,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (index,)) for index, item in enumerate(node.value))
    return None


def _covers(node: Any, line: int, column: int) -> bool:
    start, end = node.start_mark, node.end_mark
    return (start.line, start.column) <= (line, column) <= (end.line, end.column)


def _spot(node: Any, path: DataPath, is_key: bool) -> Spot:
    start, end = node.start_mark, node.end_mark
    end_column = end.column if end.line == start.line else start.column + len(str(node.value))
    return Spot(path, is_key, str(node.value), start.line, start.column, end_column)


def completion_spot(text: str, line: int, column: int) -> Optional[Tuple[Spot, Loaded]]:
    """What is being typed at the cursor: a key (its parent mapping's path + the key)
    or a value (the key's path); with the document as read around the placeholder."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    current = lines[line].rstrip("\r")
    prefix, rest = current[:column], current[column:]
    word_end = column + len(WORD.match(rest).group())  # type: ignore[union-attr]
    value = _VALUE.match(prefix)
    key = _KEY.match(prefix)
    written: Tuple[str, ...] = ()
    if value is not None:
        after = value.group(3) or ""
        typed = re.split(r"[\[,]", after)[-1].lstrip()
        if after.lstrip().startswith("["):
            whole = after + rest.split("]")[0]
            written = tuple(w.strip(" '\"") for w in whole.lstrip()[1:].split(",") if w.strip(" '\""))
        patched = f"{value.group(1)}{value.group(2)}: {PLACEHOLDER}"
        is_key = False
    elif key is not None:
        typed = key.group(3)
        patched = f"{key.group(1)}{key.group(2)}{PLACEHOLDER}: 0"
        is_key = True
    else:
        return None
    lines[line] = patched
    loaded = read("\n".join(lines))
    if loaded is None:
        return None
    path = _placeholder_path(loaded.positions.root)
    if path is None:
        return None
    start = column - len(typed)
    space = value is not None and value.group(3) is None
    return Spot(path, is_key, typed, line, start, word_end, written, space), loaded


def _placeholder_path(root: Any) -> Optional[DataPath]:
    stack: List[Tuple[Any, DataPath]] = [(root, ())]
    seen = set()
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and node.value == PLACEHOLDER:
            return path
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value == PLACEHOLDER:
                        return path + (key.value,)
                    stack.append((value, path + (key.value,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (index,)) for index, item in enumerate(node.value))
    return None


def find_entry(data: Any, list_path: DataPath, wanted: str, key: DataPath) -> Optional[DataPath]:
    """The path of `key` in the entry of the list at `list_path` whose `key` is `wanted`."""
    for index, entry in entries(value_at(data, list_path)):
        if entry.get(key[0]) == wanted:
            return list_path + (index,) + key
    return None
