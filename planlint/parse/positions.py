"""Data path -> line and column, in one place.

The index keeps libyaml's composed nodes and walks them along a path only when
a finding needs a position: most plans have few findings, so no per-node
bookkeeping is paid while loading.
"""
from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Tuple

import yaml

from planlint.api import DataPath

_SCAN_LIMIT = 32  # mappings up to this size are scanned; bigger ones get a key index


@dataclass(frozen=True, slots=True)  # kept for every cross-file fact of every file
class Span:
    """1-based start; the end is the column after the scalar, None for collections."""

    line: int
    column: int
    end_line: Optional[int] = None
    end_column: Optional[int] = None


def node_span(node: Any) -> Span:
    start, end = node.start_mark, node.end_mark
    if isinstance(node, yaml.ScalarNode):
        return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
    if isinstance(node, yaml.MappingNode) and node.value:
        # An entry is reported at its first key, never at an `&anchor` or `{` before
        # it, and ends where that key's value ends.
        first_key, first_value = node.value[0]
        key = first_key.start_mark
        if isinstance(first_value, yaml.ScalarNode) and first_value.end_mark.index > key.index:
            return Span(key.line + 1, key.column + 1, first_value.end_mark.line + 1, first_value.end_mark.column + 1)
        return Span(key.line + 1, key.column + 1)
    return Span(start.line + 1, start.column + 1)


def _content_end(node: Any, path: DataPath, aliases: Dict[DataPath, Span]) -> Tuple[int, int]:
    """(line, column), 1-based and exclusive, where a node's last written character
    ends: a block collection's own end mark lies at the next token, past trailing
    comments, so it is taken from its last child instead; an aliased child ends
    where its `*alias` is written, not where the anchored node is."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        if isinstance(node, yaml.MappingNode):
            key_node, node = last
            path = path + (key_node.value,)
            if isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style:
                node = key_node  # `key:` with nothing after it ends at the key
        else:
            path, node = path + (len(node.value) - 1,), last
        if path in aliases:
            alias = aliases[path]
            return alias.end_line or alias.line, alias.end_column or alias.column
    return node.end_mark.line + 1, node.end_mark.column + 1


class PositionIndex:
    def __init__(self, root: Any = None, aliases: Optional[Dict[DataPath, Span]] = None) -> None:
        self.root = root
        # data path -> the `*alias` written there: libyaml hands back the anchored
        # node itself, so only the reading step knows where an alias stood.
        self.aliases = aliases or {}
        self._keys: Dict[int, Dict[str, Tuple[Any, Any]]] = {}  # big mappings' keys, built on first use
        self._scalar_starts: Optional[List[Tuple[Tuple[int, int], Tuple[int, int]]]] = None
        self._parent: Tuple[Any, Any, Any] = (None, None, None)  # the last walk's parent path and its nodes

    def _child(self, node: Any, part: Any) -> Optional[Tuple[Any, Any]]:
        # A mapping of 20,000 keys, each with a finding, must not cost 20,000 scans of it.
        if isinstance(node, yaml.MappingNode) and isinstance(part, str) and len(node.value) > _SCAN_LIMIT:
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = {k.value: (k, v) for k, v in node.value
                                               if isinstance(k, yaml.ScalarNode)}  # the last one wins
            return keys.get(part)
        return _child(node, part)

    def _walk(self, path: DataPath) -> Tuple[Any, Any, int]:
        """(key node of the last step or None, deepest node reached, steps taken)."""
        parent = path[:-1]
        if self._parent[0] == parent:  # the siblings of 50,000 entries share their parent's walk
            start, key_node, node = len(parent), self._parent[1], self._parent[2]
        else:
            start, key_node, node = 0, None, self.root
        for steps in range(start, len(path)):
            if steps == len(parent):
                self._parent = (parent, key_node, node)
            part = path[steps]
            # list indexes go straight to the plain lookup: a path step costs one call
            child = _child(node, part) if part.__class__ is int else self._child(node, part)
            if child is None:
                return key_node, node, steps
            key_node, node = child
        return key_node, node, len(path)

    def locate(self, path: DataPath, at: str = "value") -> Span:
        """The span for `path`; a path that no node holds falls back to its parent."""
        if self.root is None:
            return Span(1, 1)
        if self.aliases:
            alias = self._alias_on(path)
            if alias is not None:  # a finding about an aliased entry is reported at the alias, where the reader sees it
                return alias
        key_node, node, steps = self._walk(path)
        if steps == len(path) and at == "key" and key_node is not None:
            return node_span(key_node)
        return node_span(node)

    def _alias_on(self, path: DataPath) -> Optional[Span]:
        for size in range(1, len(path) + 1):
            if path[:size] in self.aliases:
                return self.aliases[path[:size]]
        return None

    def extent(self, path: DataPath) -> Optional[Tuple[int, int, int, int]]:
        """(line, column, end line, end column) of what the node at `path` spans in
        the text, from its first key to its last written character."""
        if self.root is None:
            return None
        _, node, steps = self._walk(path)
        if steps != len(path):
            return None
        start = self._alias_on(path) or node_span(node)
        return (start.line, start.column) + _content_end(node, path, self.aliases)

    def has_key(self, path: DataPath) -> bool:
        """True when the file writes the key `path[-1]`, even with an empty value."""
        return self.root is not None and self._walk(path)[2] == len(path)

    def source_text(self, path: DataPath) -> Optional[str]:
        node = self._scalar(path)
        return node.value if node is not None else None

    def is_plain(self, path: DataPath) -> bool:
        node = self._scalar(path)
        return node is not None and not node.style

    def _scalar(self, path: DataPath) -> Any:
        if self.root is None:
            return None
        _, node, steps = self._walk(path)
        return node if steps == len(path) and isinstance(node, yaml.ScalarNode) else None

    def inside_scalar(self, line: int, column: int) -> bool:
        """True when (line, column) lies within a scalar, e.g. a `#` inside quotes."""
        if self._scalar_starts is None:  # scalars never overlap: sorted once, then bisected
            spans = (node_span(node) for node in _scalars(self.root))
            self._scalar_starts = sorted(((s.line, s.column), (s.end_line or 0, s.end_column or 0)) for s in spans)
        index = bisect.bisect_right(self._scalar_starts, ((line, column), (sys.maxsize, 0))) - 1
        return index >= 0 and self._scalar_starts[index][0] <= (line, column) < self._scalar_starts[index][1]


def _child(node: Any, part: Any) -> Optional[Tuple[Any, Any]]:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        # When a key repeats, the last one is the one that counts, as for the YAML reader.
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _scalars(root: Any) -> Iterator[Any]:
    stack, seen = ([root] if root is not None else []), set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
